"""Reading a due date in a command, with what the calendar knows (next meeting, MSPs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handlers.dates.finding import find_when
from handlers.dates.reading import DateReading, parse_when
from handlers.i18n import _
from handlers.ports import Ctx
from storage.meetings import event_days, next_meeting


@dataclass(frozen=True)
class Calendar:
    next_meeting: date | None
    events: dict[str, date]


def _calendar(ctx: Ctx) -> Calendar:
    meeting = next_meeting(session=ctx.session, after=ctx.now)
    return Calendar(
        next_meeting=meeting.start.astimezone(ctx.tz).date() if meeting else None,
        events=event_days(session=ctx.session, tz=ctx.tz),
    )


def read_due(ctx: Ctx, phrase: str) -> DateReading:
    """A whole phrase ("end of April", "at the next meeting", "before the 8MSP")."""
    cal = _calendar(ctx)
    return parse_when(
        phrase, now=ctx.now, tz=ctx.tz, next_meeting=cal.next_meeting, events=cal.events
    )


def find_due(ctx: Ctx, text: str) -> tuple[DateReading, str] | None:
    """The due date inside a sentence, and the sentence without it."""
    cal = _calendar(ctx)
    return find_when(text, now=ctx.now, tz=ctx.tz, next_meeting=cal.next_meeting, events=cal.events)


def past_warning(reading: DateReading | None) -> str:
    """A short warning when the day read has already passed (a typo, or old minutes)."""
    if reading is None or not reading.past:
        return ""
    return " ⚠️ *{}*".format(_("That day has already passed."))
