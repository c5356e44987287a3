"""Check a 'Log action item' form with the core's parsers: errors keyed by the block at fault."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from handlers.dates.reading import DateError, DateReading, parse_when
from handlers.i18n import _, state_label
from handlers.people.owners import OwnerError, parse_owner
from handlers.ports import Ctx, Deps
from storage.meetings import next_meeting

_LIST = re.compile(r"\s*(?:,|;|\band\b)\s*", re.I)
MAX_ERROR = 300


def plain(message: str) -> str:
    """Modal errors are plain text: drop mrkdwn marks and Slack escapes."""
    text = re.sub(r"[*_`]", "", message).replace("&lt;", "<").replace("&gt;", ">")
    return text.replace("&amp;", "&")[:MAX_ERROR]


@dataclass
class Checked:
    """A valid form's parsed values, or ``errors`` per block_id."""

    errors: dict[str, str] = field(default_factory=dict)
    owner_states: tuple[str, ...] = ()
    reading: DateReading | None = None
    states: list[str] = field(default_factory=list)


def check_item_form(deps: Deps, values: dict[str, str], *, user: str, now: datetime) -> Checked:
    checked = Checked()
    with deps.db.session() as session:
        ctx = Ctx(session=session, now=now, tz=deps.tz, user=user, states=deps.states)
        try:
            checked.owner_states = parse_owner(ctx, values.get("owner", "")).states
        except OwnerError as problem:
            checked.errors["owner"] = plain(str(problem))
        if values.get("due"):
            meeting = next_meeting(session=session, after=now)
            day = meeting.start.astimezone(deps.tz).date() if meeting else None
            try:
                checked.reading = parse_when(values["due"], now=now, tz=deps.tz, next_meeting=day)
            except DateError as problem:
                checked.errors["due"] = plain(str(problem))
    if not values.get("what"):
        checked.errors["what"] = _("Say what should be done.")
    for name in filter(None, _LIST.split(values.get("states", ""))):
        state = deps.states.lookup(name)
        if state is None:
            guess = deps.states.suggest(name, limit=1)
            checked.errors["states"] = plain(
                _("No State called “{name}” — did you mean {state}?").format(
                    name=name, state=state_label(guess[0].iso3, guess[0].short)
                )
                if guess
                else _("No State called “{name}”").format(name=name)
            )
            break
        checked.states.append(state.iso3)
    return checked
