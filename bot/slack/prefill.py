"""Read a Slack message into the fields of the 'Log as action item' modal, with the core's parsers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from handlers.dates.reading import DateError
from handlers.dates.vocab import MONTH_NAMES
from handlers.dates.when import find_due
from handlers.items.capture import split_commitment, strip_capture
from handlers.people.owners import OwnerError, parse_owner
from handlers.ports import Ctx, Deps
from handlers.reference.areas import find_area


@dataclass(frozen=True)
class Draft:
    """What the modal starts with; every field stays editable."""

    owner: str = ""
    what: str = ""
    due: str = ""
    due_note: str | None = None
    area_key: str | None = None
    states: list[str] = field(default_factory=list)


def plain_day(day: date) -> str:
    """'15 April 2017': a form the date parser reads back to the same day, unambiguously."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def draft_from_text(deps: Deps, text: str, *, user: str, now: datetime) -> Draft:
    """Owner, what, due date, area and States, as `/ccm action` would read the same words."""
    body = strip_capture(text)
    owner_phrase, what = split_commitment(body) or ("", body)
    with deps.db.session() as session:
        ctx = Ctx(session=session, now=now, tz=deps.tz, user=user, states=deps.states)
        due, note = "", None
        try:
            found = find_due(ctx, what)
        except DateError:
            found = None
        if found is not None:
            reading, what = found
            due, note = plain_day(reading.due), reading.note
        try:
            owner = parse_owner(ctx, owner_phrase) if owner_phrase else None
        except OwnerError:
            owner = None
    mentioned = [m.state.iso3 for m in deps.states.find_in_text(what)]
    iso3s = list(dict.fromkeys([*(owner.states if owner else ()), *mentioned]))
    names = [state.short for iso3 in iso3s if (state := deps.states.get(iso3)) is not None]
    area = find_area(what)
    return Draft(
        owner=owner_phrase,
        what=what.rstrip("."),
        due=due,
        due_note=note,
        area_key=(owner.area_key if owner and owner.area_key else None)
        or (area.key if area else None),
        states=names,
    )
