"""What was understood, in words: the entities of a reading, for a reply that asks."""

from __future__ import annotations

from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY
from handlers.understanding.entities import Entity, Reading


def entity_list(ctx: Ctx, r: Reading) -> list[str]:
    """What was understood, in words, for a reply that asks."""
    said: list[str] = []
    for e in r.entities:
        said.append(_describe(ctx, e))
    return [s for s in dict.fromkeys(said) if s]


def _describe(ctx: Ctx, e: Entity) -> str:
    if e.kind == "state":
        state = ctx.states.get(e.value)
        return f"State: {state.short if state else e.value}"
    if e.kind == "area":
        return f"area: {AREA_BY_KEY[e.value].name}"
    if e.kind == "item":
        return f"item #{e.value}"
    if e.kind == "amount":
        return f"amount: {e.currency or '?'} {int(e.value) / 100:,.2f}"
    if e.kind == "date" and e.reading is not None:
        return f"date: {e.reading.due:%d %b %Y}"
    if e.kind in {"year", "period", "meeting", "article", "role"}:
        return f"{e.kind}: {e.text}"
    if e.kind == "mention":
        return f"person: <@{e.value}>"
    return ""
