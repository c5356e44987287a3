"""What was understood, in words: the entities of a reading, for a reply that asks."""

from __future__ import annotations

import re

from handlers.i18n import N_, _, format_amount, format_day, format_number, state_label
from handlers.i18n.terms import term
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY
from handlers.reference.states import StateName
from handlers.reply.text import fold
from handlers.understanding.entities import Entity, Reading

KINDS = {
    "year": N_("year"),
    "period": N_("period"),
    "meeting": N_("meeting"),
    "article": N_("article"),
    "role": N_("role"),
}


def entity_list(ctx: Ctx, r: Reading) -> list[str]:
    """What was understood, in words, for a reply that asks."""
    said: list[str] = []
    for e in r.entities:
        said.append(_describe(ctx, e))
    return [s for s in dict.fromkeys(said) if s]


def _describe(ctx: Ctx, e: Entity) -> str:
    if e.kind == "state":
        state = ctx.states.get(e.value)
        return _("State: {state}").format(
            state=state_label(state.iso3, state.short) if state else e.value
        )
    if e.kind == "area":
        return _("area: {area}").format(area=term(AREA_BY_KEY[e.value].name))
    if e.kind == "item":
        return _("item #{id}").format(id=e.value)
    if e.kind == "amount":
        return _("amount: {amount}").format(
            amount=format_amount(int(e.value), e.currency)
            if e.currency
            else f"? {format_number(int(e.value) / 100)}"
        )
    if e.kind == "date" and e.reading is not None:
        return _("date: {day}").format(day=format_day(e.reading.due))
    if e.kind in {"year", "period", "meeting", "article", "role"}:
        return f"{_(KINDS[e.kind])}: {e.text}"
    if e.kind == "mention":
        return _("person: {who}").format(who=f"<@{e.value}>")
    return ""


_WORD = re.compile(r"[^\W\d_]{4,}")


def _close(word: str, state: StateName) -> bool:
    from rapidfuzz import fuzz  # only when a word is not understood

    names = {state.short, state.name}
    return max(fuzz.ratio(fold(word), fold(n)) for n in names) >= 85


def state_guesses(ctx: Ctx, reading: Reading) -> list[tuple[str, StateName]]:
    """(word, State) for words no entity covers that look like a mistyped State ("botswanas")."""
    covered = [(e.start, e.end) for e in reading.entities]
    guesses: list[tuple[str, StateName]] = []
    for m in _WORD.finditer(reading.line):
        if any(s <= m.start() < e for s, e in covered):
            continue
        if reading.entities and any(e.kind == "state" for e in reading.entities):
            break  # a State is already named: "versé" beside Luxembourg is a verb, not a typo
        found = ctx.states.suggest(m[0], limit=1)
        if found and not _close(m[0], found[0]):
            continue  # "Palais" is not a typo for Palau, nor "esto" for Lesotho
        if found and found[0] not in {g for _w, g in guesses}:
            guesses.append((m[0], found[0]))
    return guesses[:2]
