"""`meeting add`, `meetings`, `next meeting`: the Committee's calendar."""

from __future__ import annotations

import re
from datetime import datetime, time

from handlers.dates import DateError, format_day, parse_time_range, parse_when
from handlers.permissions import PRESIDENCY
from handlers.ports import Ctx
from handlers.registry import command
from handlers.reply import Reply, error, header, section
from handlers.slackfmt import date_token
from handlers.text import escape
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


def meeting_line(ctx: Ctx, meeting: Meeting) -> str:
    start = meeting.start.astimezone(ctx.tz)
    fallback = f"{format_day(start.date())} {start:%H:%M}"
    when = date_token(meeting.start, fallback)
    if meeting.end:
        end = meeting.end.astimezone(ctx.tz)
        same_day = end.date() == start.date()
        when += f"–{end:%H:%M}" if same_day else f" – {format_day(end.date())}"
    place = f" · {escape(meeting.place)}" if meeting.place else ""
    return f"*{escape(meeting.title)}* · {when} ({ctx.tz.key}){place}"


@command(
    "meeting",
    usage="meeting add <when> [to <end>] [at <place>]",
    examples=(
        "meeting add 25 April 2017 10:00 to 11:30 at Permanent Mission of Germany",
        "meeting add 25/04/2017 from 10:00h to 11:30h at the German Mission",
        "meeting add seminar 7 June 2017 at Palais des Nations",
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
    return _list(ctx)


def _add(ctx: Ctx, rest: str) -> Reply:
    if not (ctx.actor.is_admin or ctx.actor.role == PRESIDENCY):
        return error("Only the ISU or the Presidency keep the calendar; no meeting was added.")
    kind, title = "cc", "CC meeting"
    first = rest.split(maxsplit=1)[0].lower() if rest.split() else ""
    if first in _KINDS:
        kind, title = _KINDS[first], first.upper() if first == "msp" else first.capitalize()
        rest = rest.split(maxsplit=1)[1] if len(rest.split(maxsplit=1)) > 1 else ""
    place_match = _PLACE.search(rest)
    place = place_match["place"].strip() if place_match else None
    when = rest[: place_match.start()] if place_match else rest
    try:
        start, end = _when(ctx, when)
    except DateError as problem:
        return error(f"{problem} No meeting was added.")
    if end is not None and end <= start:
        return error(
            "The meeting would end before it starts; check the times. No meeting was added."
        )
    if start < ctx.now:
        return error(
            f"{format_day(start.astimezone(ctx.tz).date())} is in the past. No meeting was added."
        )
    if place and len(place) > 300:
        return error("The place is over 300 characters; shorten it. No meeting was added.")
    row = Meeting(kind=kind, title=title, start=start, end=end, place=place)
    ctx.session.add(row)
    ctx.session.flush()
    text = f"📅 Added: {meeting_line(ctx, row)}"
    return Reply(text=text, blocks=[section(text)])


def _when(ctx: Ctx, phrase: str) -> tuple[datetime, datetime | None]:
    reading = parse_when(phrase, now=ctx.now, tz=ctx.tz, deadline=False)
    span = parse_time_range(phrase, day=reading.due, tz=ctx.tz)
    if span:
        return span
    start = reading.at or datetime.combine(reading.due, DEFAULT_START, tzinfo=ctx.tz)
    end_match = _END.search(phrase)
    end = reading.end
    if end is None and end_match:
        end_reading = parse_when(end_match["end"], now=start, tz=ctx.tz, deadline=False)
        end = end_reading.at or datetime.combine(end_reading.due, time(18, 0), tzinfo=ctx.tz)
    return start, end


def _next(ctx: Ctx) -> Reply:
    row = next_meeting(session=ctx.session, after=ctx.now)
    if row is None:
        return Reply(
            text="No CC meeting is scheduled. Add one: `/ccm meeting add 25 April 10:00 to 11:30 at ...`"
        )
    text = f"Next meeting: {meeting_line(ctx, row)}"
    return Reply(text=text, blocks=[section(text)])


def _list(ctx: Ctx) -> Reply:
    rows = upcoming(session=ctx.session, after=ctx.now)
    body = "\n".join(meeting_line(ctx, row) for row in rows) or "_No meetings scheduled._"
    return Reply(
        text=f"*Upcoming meetings*\n{body}", blocks=[header("Upcoming meetings"), section(body)]
    )


def describe(ctx: Ctx, row: Meeting | None) -> str:
    return meeting_line(ctx, row) if row else "none scheduled"
