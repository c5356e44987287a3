"""`who` and `coordinator add|remove`: the thematic coordinators per MSP cycle."""

from __future__ import annotations

import re

from sqlmodel import select

from handlers.commands.registry import command
from handlers.people.permissions import PRESIDENCY
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY, AREAS, find_area, suggest_area
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape, shorten
from storage.models import Coordinator

_CYCLE = re.compile(r"\b(\d{1,2}(?:MSP|RC))\b", re.I)
DEFAULT_CYCLE = "7MSP"


def _name(ctx: Ctx, iso3: str) -> str:
    found = ctx.states.get(iso3)
    return found.short if found else iso3


@command(
    "who",
    usage="who <area | State>",
    examples=("who universalization", "who Italy", "who"),
    aliases=("coordinators",),
)
def who(ctx: Ctx, args: str) -> Reply:
    """Who coordinates an area, or what a State coordinates."""
    subject = args.strip()
    rows = ctx.reference.coordinators  # newest cycle first, from the process's snapshot
    if not subject:
        lines = [
            f"*{area.name}:* "
            + (
                ", ".join(
                    f"{_name(ctx, r.state_iso3)} ({r.cycle})"
                    for r in rows
                    if r.area_key == area.key
                )
                or "—"
            )
            for area in AREAS
        ]
        return Reply(
            text="*Coordinators*\n" + "\n".join(lines),
            blocks=[header("Coordinators"), section("\n".join(lines))],
        )
    area = find_area(subject)
    if area:
        names = [f"{_name(ctx, r.state_iso3)} ({r.cycle})" for r in rows if r.area_key == area.key]
        text = f"*{area.name}* coordinators: {', '.join(names) or 'none recorded'}"
        return Reply(text=text, blocks=[section(text)])
    state = ctx.states.lookup(subject) or next(
        iter(m.state for m in ctx.states.find_in_text(subject)), None
    )
    if state:
        roles = [
            f"{AREA_BY_KEY[r.area_key].name} ({r.cycle})"
            for r in rows
            if r.state_iso3 == state.iso3
        ]
        text = (
            f"*{state.short}* coordinates: {', '.join(roles)}"
            if roles
            else f"{state.short} coordinates no area."
        )
        return Reply(text=text, blocks=[section(text)])
    guess = suggest_area(subject)
    states = ctx.states.suggest(subject, limit=1)
    hint = (
        f" Did you mean *{guess.name}*?"
        if guess
        else (f" Did you mean *{states[0].short}*?" if states else "")
    )
    return error(
        f"No area or State called “{escape(shorten(subject, 80))}”.{hint} Try `/ccm who universalization`."
    )


@command(
    "coordinator",
    usage="coordinator add|remove <State> <area> [cycle]",
    examples=(
        "coordinator add Austria victim assistance 8MSP",
        "coordinator remove Italy victim assistance",
    ),
    writes=True,
)
def coordinator(ctx: Ctx, args: str) -> Reply:
    """Add or remove a State as coordinator of an area."""
    if not (ctx.actor.is_admin or ctx.actor.role == PRESIDENCY):
        return error("Only the ISU or the Presidency change the coordinators; nothing was changed.")
    match = re.match(r"^(add|remove|rm|delete)\s+(.+)$", args.strip(), re.I)
    if not match:
        return error(
            "Try `/ccm coordinator add Austria victim assistance 8MSP` or `/ccm coordinator remove Italy victim assistance`."
        )
    verb, rest = match[1].lower(), match[2]
    states = ctx.states.find_in_text(rest)
    area = find_area(rest)
    if not states or area is None:
        missing = "a State" if not states else "an area"
        return error(
            f"I need {missing} in “{escape(shorten(rest, 100))}”, e.g. `/ccm coordinator add Austria victim assistance 8MSP`."
        )
    cycle_match = _CYCLE.search(rest)
    cycle = cycle_match[1].upper() if cycle_match else DEFAULT_CYCLE
    state = states[0].state
    existing = ctx.session.exec(
        select(Coordinator).where(
            Coordinator.area_key == area.key,
            Coordinator.state_iso3 == state.iso3,
            Coordinator.cycle == cycle,
        )
    ).first()
    if verb == "add":
        if existing:
            return error(
                f"{state.short} already coordinates {area.name} for {cycle}; nothing changed."
            )
        ctx.session.add(Coordinator(area_key=area.key, state_iso3=state.iso3, cycle=cycle))
        text = f"{state.short} now coordinates {area.name} ({cycle})."
    else:
        if existing is None:
            return error(
                f"{state.short} is not a coordinator of {area.name} for {cycle}; nothing changed."
            )
        ctx.session.delete(existing)
        text = f"{state.short} no longer coordinates {area.name} ({cycle})."
    return Reply(text=text, blocks=[section(text)])
