"""`meeting add`, `meetings`, `next meeting`: the Committee's calendar."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from sqlmodel import col, select

from handlers.commands.registry import command
from handlers.dates.periods import period_bounds
from handlers.dates.reading import (
    DateError,
    DateReading,
    format_day,
    parse_time_range,
    parse_when,
)
from handlers.i18n import _
from handlers.i18n.terms import term
from handlers.people.permissions import PRESIDENCY
from handlers.ports import Ctx
from handlers.reply.mrkdwn import date_token
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape
from storage.meetings import next_meeting, upcoming
from storage.models import Meeting

_ADD = re.compile(r"^(?:add|new|schedule)\s+(?P<rest>.+)$", re.I | re.S)
_PLACE = re.compile(r"\s+(?:at|in)\s+(?P<place>(?!\d{1,2}[:h.]\d{2}\b)[^\d].*)$", re.I | re.S)
_END = re.compile(r"\s+(?:to|until|till|-|–)\s+(?P<end>.+)$", re.I | re.S)
_KINDS = {
    "msp": "msp",
    "intersessional": "intersessional",
    "seminar": "seminar",
    "workshop": "seminar",
}
DEFAULT_START = time(10, 0)
DEFAULT_END = time(18, 0)
_CLOCK = re.compile(r"(?P<h>\d{1,2})(?:[:h.](?P<m>\d{2}))?\s*h?(?:ours)?")


def meeting_line(ctx: Ctx, meeting: Meeting) -> str:
    start = meeting.start.astimezone(ctx.tz)
    fallback = f"{format_day(start.date())} {start:%H:%M}"
    when = date_token(meeting.start, fallback)
    if meeting.end:
        end = meeting.end.astimezone(ctx.tz)
        same_day = end.date() == start.date()
        when += f"–{end:%H:%M}" if same_day else f" – {format_day(end.date())}"
    place = f" · {escape(meeting.place)}" if meeting.place else ""
    return f"*{escape(term(meeting.title))}* · {when} ({ctx.tz.key}){place}"


@command(
    "meeting",
    usage="meeting add [msp | 8MSP | seminar] <when> [to <end>] [at <place>]",
    examples=(
        "meeting add 25 April 2017 10:00 to 11:30 at Permanent Mission of Germany",
        "meeting add 25/04/2017 from 10:00h to 11:30h at the German Mission",
        "meeting add seminar 7 June 2017 at Palais des Nations",
        "meeting add 8MSP 3 September 2018 to 5 September 2018 at Geneva",
    ),
    aliases=("meetings", "next", "next-meeting"),
    writes=True,
    write_words=("add", "new", "schedule"),
)
def meeting(ctx: Ctx, args: str) -> Reply:
    """Add a meeting, or list the next ones."""
    words = args.strip()
    added = _ADD.match(words)
    if added:
        return _add(ctx, added["rest"])
    if re.fullmatch(r"(next\s*)?(meeting)?", words, re.I) and words:
        return _next(ctx)
    period = re.sub(r"^(?:meetings?\s+)?(?:in|during|for)\s+", "", words, flags=re.I)
    if re.fullmatch(r"add|new|schedule", words, re.I):
        return error(
            _(
                "When is the meeting? e.g. `/ccm meeting add 25 April 2017 10:00 at the German Mission`."
            )
        )
    if period:
        bounds = period_bounds(period, now=ctx.now, tz=ctx.tz)
        if bounds is None:
            return error(
                _(
                    "I couldn't read “{text}” as a period. Try `/ccm meetings April` or "
                    "`/ccm next meeting`."
                ).format(text=escape(period))
            )
        return _in_period(ctx, *bounds)
    return _list(ctx)


def _in_period(ctx: Ctx, first: date, last: date) -> Reply:
    """Meetings that start between two days (inclusive), in the committee's time zone."""
    start = datetime.combine(first, time(0, 0), tzinfo=ctx.tz)
    end = datetime.combine(last, time(23, 59), tzinfo=ctx.tz)
    query = select(Meeting).where(col(Meeting.start) >= start, col(Meeting.start) <= end)
    rows = list(ctx.session.exec(query.order_by(col(Meeting.start)).limit(30)))
    title = _("Meetings {first} – {last}").format(first=format_day(first), last=format_day(last))
    body = "\n".join(meeting_line(ctx, row) for row in rows) or "_{}_".format(
        _("No meetings in that period.")
    )
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


def _add(ctx: Ctx, rest: str) -> Reply:
    if not (ctx.actor.is_admin or ctx.actor.role == PRESIDENCY):
        return error(_("Only the ISU or the Presidency keep the calendar; no meeting was added."))
    kind, title = "cc", "CC meeting"
    first = rest.split(maxsplit=1)[0].lower() if rest.split() else ""
    numbered = re.fullmatch(r"(\d{1,2})(msp|rc)", first)
    if first in _KINDS or numbered:
        if numbered:  # "11MSP", "3RC": a named event deadlines can be counted from
            kind, title = numbered[2], first.upper()
        else:
            kind, title = _KINDS[first], first.upper() if first == "msp" else first.capitalize()
        rest = rest.split(maxsplit=1)[1] if len(rest.split(maxsplit=1)) > 1 else ""
    place_match = _PLACE.search(rest)
    place = place_match["place"].strip() if place_match else None
    when = rest[: place_match.start()] if place_match else rest
    try:
        start, end = _when(ctx, when)
    except DateError as problem:
        return error(f"{escape(str(problem))} " + _("No meeting was added."))
    if end is not None and end <= start:
        return error(
            _("The meeting would end before it starts; check the times. No meeting was added.")
        )
    if start < ctx.now:
        return error(
            _("{day} is in the past. No meeting was added.").format(
                day=format_day(start.astimezone(ctx.tz).date())
            )
        )
    if place and len(place) > 300:
        return error(_("The place is over 300 characters; shorten it. No meeting was added."))
    twin = ctx.session.exec(
        select(Meeting).where(Meeting.kind == kind, Meeting.start == start)
    ).first()
    if twin is not None:
        return error(
            _("That meeting is already on the calendar: {meeting}. Nothing was added.").format(
                meeting=meeting_line(ctx, twin)
            )
        )
    row = Meeting(kind=kind, title=title, start=start, end=end, place=place)
    ctx.session.add(row)
    ctx.session.flush()
    text = _("📅 Added: {meeting}").format(meeting=meeting_line(ctx, row))
    return Reply(text=text, blocks=[section(text)])


def _when(ctx: Ctx, phrase: str) -> tuple[datetime, datetime | None]:
    """'25/04 from 10:00h to 11:30h', 'next Tuesday 15:00 to 16:30', '4 Sep 2018 to 6 Sep 2018'."""
    end_match = _END.search(phrase)
    try:
        reading: DateReading | None = parse_when(phrase, now=ctx.now, tz=ctx.tz, deadline=False)
    except DateError:
        if end_match is None:
            raise
        reading = None  # "4 September to 6 September": read each side on its own
    if reading is not None:
        span = parse_time_range(phrase, day=reading.due, tz=ctx.tz)
        if span:
            return span
        if end_match is None:
            start = reading.at or datetime.combine(reading.due, DEFAULT_START, tzinfo=ctx.tz)
            return start, reading.end
    if end_match is None:  # unreachable: a failed parse without "to" was re-raised above
        raise DateError(_("I could not read “{text}” as a date.").format(text=phrase))
    first = parse_when(phrase[: end_match.start()], now=ctx.now, tz=ctx.tz, deadline=False)
    start = first.at or datetime.combine(first.due, DEFAULT_START, tzinfo=ctx.tz)
    clock = _CLOCK.fullmatch(end_match["end"].strip())
    if clock:  # "to 14:00": the same day
        hours, minutes = int(clock["h"]), int(clock["m"] or 0)
        if hours > 23 or minutes > 59:
            raise DateError(
                _("“{text}” is not a time of day.").format(text=end_match["end"].strip())
            )
        return start, datetime.combine(first.due, time(hours, minutes), tzinfo=ctx.tz)
    last = parse_when(end_match["end"], now=start, tz=ctx.tz, deadline=False)
    return start, last.at or datetime.combine(last.due, DEFAULT_END, tzinfo=ctx.tz)


def _next(ctx: Ctx) -> Reply:
    row = next_meeting(session=ctx.session, after=ctx.now)
    if row is None:
        return Reply(
            text=_(
                "No CC meeting is scheduled. Add one: "
                "`/ccm meeting add 25 April 10:00 to 11:30 at ...`"
            )
        )
    text = _("Next meeting: {meeting}").format(meeting=meeting_line(ctx, row))
    return Reply(text=text, blocks=[section(text)])


def _list(ctx: Ctx) -> Reply:
    rows = upcoming(session=ctx.session, after=ctx.now)
    body = "\n".join(meeting_line(ctx, row) for row in rows) or "_{}_".format(
        _("No meetings scheduled.")
    )
    title = _("Upcoming meetings")
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


def describe(ctx: Ctx, row: Meeting | None) -> str:
    return meeting_line(ctx, row) if row else _("none scheduled")
