"""Reading a due date in a command, with what the calendar knows (next meeting, MSPs)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from handlers.dates.finding import find_when
from handlers.dates.reading import DateError, DateReading, parse_when
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


def find_due(
    ctx: Ctx, text: str, known: Sequence[tuple[int, int]] = ()
) -> tuple[DateReading, str] | None:
    """The due date inside a sentence, and the sentence without it (``known``: entity spans)."""
    cal = _calendar(ctx)
    return find_when(
        text, now=ctx.now, tz=ctx.tz, next_meeting=cal.next_meeting, events=cal.events, known=known
    )


def past_warning(reading: DateReading | None) -> str:
    """A short warning when the day read has already passed (a typo, or old minutes)."""
    return past_said(reading).text()


def past_said(reading: DateReading | None) -> Said:
    """The same warning as data, for an item's history (said in each reader's language)."""
    if reading is None or not reading.past:
        return Said(())
    return Said((" ⚠️ *", (N_("That day has already passed."), {}), "*"))


def unread_dates(ctx: Ctx, text: str, known: Sequence[tuple[int, int]] = ()) -> list[str]:
    """A sentence for each date-like phrase of ``text`` that could not be read (``known``: the
    spans of entities in the cleaned text, which are not dates)."""
    from handlers.dates.spans import date_spans
    from handlers.reply.text import clean

    text = clean(text)
    cal = calendar_of(ctx)
    spans = date_spans(
        text, now=ctx.now, tz=ctx.tz, next_meeting=cal.next_meeting, events=cal.events, known=known
    )
    said = []
    for span in (s for s in spans if s.reading is None):
        words = text[span.start : span.end]
        if span.loose or not span.problem:
            said.append(_("I could not read “{words}” as a date.").format(words=words))
        else:
            said.append(
                _("I could not read “{words}”: {why}").format(words=words, why=span.problem)
            )
    return said


# "snooze 12 1w", "snooze 12 for 3 days": a length of time from today.
_SHORT_SPAN = re.compile(r"^(?:for\s+)?(\d+)\s*(d|w)$", re.I)
_TO = re.compile(r"^\s*(?:to|till|à|au|aux|a|al|para)\s+(?=\S)", re.I)


def snooze_phrase(rest: str) -> str:
    """What `snooze` reads after the item: "1w" and "for 3 days" as "in 1 weeks", "in 3 days"."""
    phrase = _SHORT_SPAN.sub(
        lambda m: f"in {m[1]} {'days' if m[2].lower() == 'd' else 'weeks'}", rest.strip()
    )
    return re.sub(r"^for\s+", "in ", phrase, flags=re.I)


def read_new_date(ctx: Ctx, phrase: str) -> DateReading:
    """The new date after an item ("to next Friday", "à vendredi prochain"): read whole, or
    without its leading "to"; raises DateError with what could not be read."""
    try:
        return read_due(ctx, phrase)
    except DateError:
        if not _TO.match(phrase):
            raise
        return read_due(ctx, _TO.sub("", phrase, count=1))


_ITEM_DATE = re.compile(r"^(?P<verb>snooze|due)\s+#?\d+\s+(?P<rest>.+)$", re.I)


def new_date_of(ctx: Ctx, command: str) -> tuple[str, DateReading] | None:
    """For `snooze <#id> <when>` and `due <#id> <when>`: the words and the day they mean, so
    that a confirmation says the day before anything is stored; None when unreadable."""
    found = _ITEM_DATE.match(command.strip())
    if found is None:
        return None
    rest = found["rest"]
    phrase = snooze_phrase(rest) if found["verb"].lower() == "snooze" else rest
    try:
        return rest, read_new_date(ctx, phrase)
    except DateError:
        return None
