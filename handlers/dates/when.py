"""Reading a due date in a command, with what the calendar knows (next meeting, MSPs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handlers.dates.finding import find_when
from handlers.dates.reading import DateReading, parse_when
from handlers.i18n import N_, _
from handlers.i18n.said import Said
from handlers.ports import Ctx
from storage.meetings import event_days, next_intersessionals, next_meeting


@dataclass(frozen=True)
class Calendar:
    next_meeting: date | None
    events: dict[str, date]


def calendar_of(ctx: Ctx) -> Calendar:
    """What dates can be counted from: the next CC meeting, numbered MSPs, the intersessionals."""
    meeting = next_meeting(session=ctx.session, after=ctx.now)
    events = event_days(session=ctx.session, tz=ctx.tz)
    intersessional = next_intersessionals(session=ctx.session, after=ctx.now)
    if intersessional is not None:
        events["intersessionals"] = intersessional.start.astimezone(ctx.tz).date()
    return Calendar(
        next_meeting=meeting.start.astimezone(ctx.tz).date() if meeting else None,
        events=events,
    )


_calendar = calendar_of


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
    return past_said(reading).text()


def past_said(reading: DateReading | None) -> Said:
    """The same warning as data, for an item's history (said in each reader's language)."""
    if reading is None or not reading.past:
        return Said(())
    return Said((" ⚠️ *", (N_("That day has already passed."), {}), "*"))


def unread_dates(ctx: Ctx, text: str) -> list[str]:
    """What in ``text`` looks like a date but could not be read, each with the reason."""
    from handlers.dates.spans import date_spans, loose_date_words
    from handlers.reply.text import clean

    text = clean(text)
    cal = calendar_of(ctx)
    spans = date_spans(
        text, now=ctx.now, tz=ctx.tz, next_meeting=cal.next_meeting, events=cal.events
    )
    said = [f"“{text[s.start : s.end]}”: {s.problem}" for s in spans if s.problem]
    covered = [(s.start, s.end) for s in spans]
    said += [
        _("“{word}”: I don't know that date").format(word=w)
        for w in loose_date_words(text, covered)
    ]
    return said
