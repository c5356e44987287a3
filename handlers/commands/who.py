"""`who` and `coordinator add|remove`: the thematic coordinators per MSP cycle."""

from __future__ import annotations

import re

from sqlmodel import select

from handlers.commands.registry import command
from handlers.i18n import _, state_label
from handlers.i18n.formats import labelled
from handlers.i18n.terms import term
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
    return state_label(iso3, found.short) if found else iso3


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
            labelled(
                f"*{term(area.name)}*",
                ", ".join(
                    f"{_name(ctx, r.state_iso3)} ({r.cycle})"
                    for r in rows
                    if r.area_key == area.key
                )
                or "—",
            )
            for area in AREAS
        ]
        title = _("Coordinators")
        return Reply(
            text=f"*{title}*\n" + "\n".join(lines),
            blocks=[header(title), section("\n".join(lines))],
        )
    area = find_area(subject)
    if area:
        names = [f"{_name(ctx, r.state_iso3)} ({r.cycle})" for r in rows if r.area_key == area.key]
        text = _("*{area}* coordinators: {states}").format(
            area=term(area.name), states=", ".join(names) or _("none recorded")
        )
        return Reply(text=text, blocks=[section(text)])
    state = ctx.states.lookup(subject) or next(
        iter(m.state for m in ctx.states.find_in_text(subject)), None
    )
    if state:
        roles = [
            f"{term(AREA_BY_KEY[r.area_key].name)} ({r.cycle})"
            for r in rows
            if r.state_iso3 == state.iso3
        ]
        name = state_label(state.iso3, state.short)
        text = (
            _("*{state}* coordinates: {areas}").format(state=name, areas=", ".join(roles))
            if roles
            else _("{state} coordinates no area.").format(state=name)
        )
        return Reply(text=text, blocks=[section(text)])
    guess = suggest_area(subject)
    states = ctx.states.suggest(subject, limit=1)
    meant = (
        term(guess.name)
        if guess
        else (state_label(states[0].iso3, states[0].short) if states else "")
    )
    hint = " " + _("Did you mean *{name}*?").format(name=meant) if meant else ""
    said = _("No area or State called “{text}”.").format(text=escape(shorten(subject, 80)))
    return error(f"{said}{hint} " + _("Try `/ccm who universalization`."))


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
        return error(
            _("Only the ISU or the Presidency change the coordinators; nothing was changed.")
        )
    match = re.match(r"^(add|remove|rm|delete)\s+(.+)$", args.strip(), re.I)
    if not match:
        return error(
            _(
                "Try `/ccm coordinator add Austria victim assistance 8MSP` or "
                "`/ccm coordinator remove Italy victim assistance`."
            )
        )
    verb, rest = match[1].lower(), match[2]
    states = ctx.states.find_in_text(rest)
    area = find_area(rest)
    if not states or area is None:
        need = (
            _(
                "I need a State in “{text}”, e.g. `/ccm coordinator add Austria victim assistance 8MSP`."
            )
            if not states
            else _(
                "I need an area in “{text}”, e.g. `/ccm coordinator add Austria victim assistance 8MSP`."
            )
        )
        return error(need.format(text=escape(shorten(rest, 100))))
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
    name, area_name = state_label(state.iso3, state.short), term(area.name)
    if verb == "add":
        if existing:
            return error(
                _("{state} already coordinates {area} for {cycle}; nothing changed.").format(
                    state=name, area=area_name, cycle=cycle
                )
            )
        ctx.session.add(Coordinator(area_key=area.key, state_iso3=state.iso3, cycle=cycle))
        text = _("{state} now coordinates {area} ({cycle}).").format(
            state=name, area=area_name, cycle=cycle
        )
    else:
        if existing is None:
            return error(
                _("{state} is not a coordinator of {area} for {cycle}; nothing changed.").format(
                    state=name, area=area_name, cycle=cycle
                )
            )
        ctx.session.delete(existing)
        text = _("{state} no longer coordinates {area} ({cycle}).").format(
            state=name, area=area_name, cycle=cycle
        )
    return Reply(text=text, blocks=[section(text)])
