"""The meeting the minutes record (date, time, place) and the next meeting they fix."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateparser.search import search_dates

from handlers.dates.finding import find_when
from handlers.dates.reading import DateError, parse_time_range
from handlers.minutes.model import MeetingInfo
from handlers.minutes.sentences import strip_markup
from handlers.minutes.structure import Section

HEADER_LINES = 14
_SEARCH = {
    "DATE_ORDER": "DMY",
    "PREFER_DATES_FROM": "future",
    "REQUIRE_PARTS": ["day", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],
}
_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_PLACE_LABEL = re.compile(r"^(?:venue|place|location|where)\s*:\s*(?P<place>.+)$", re.I)
_PLACE = re.compile(
    r"(?:^|\s)(?:at|in)\s+(?P<place>(?:the\s+)?(?:[A-Z][\w'’.-]*|[a-z]+\s+room)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|for|des|du|de|on|room|[0-9IVX]+))*)"
)
_NEXT = re.compile(r"\bnext\s+(?:[\w-]+\s+){0,3}meeting\b", re.I)
_WILL_MEET = re.compile(r"\b(?:held|take\s+place|convene|scheduled|meet|date)\b", re.I)
_NOT_PLACE = re.compile(r"^(?:the\s+)?(?:end|beginning|margins?|meeting|following|next)\b", re.I)


def held_meeting(text: str, *, tz: ZoneInfo, fallback: datetime) -> MeetingInfo | None:
    """Date, time and place from the document's opening lines ("Held on Thursday 23 March 2017
    at the Permanent Mission of ..., from 10:00 – 11:30 hours")."""
    lines = [strip_markup(line).strip(" #*") for line in text.splitlines() if line.strip()]
    header = lines[:HEADER_LINES]
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else fallback.astimezone(tz).year
    found_day = None
    for line in header:
        found_day = _first_date(line, year)
        if found_day is not None:
            day_line = line
            break
    if found_day is None:
        return None
    joined = " ".join(header)
    span = parse_time_range(day_line, day=found_day, tz=tz) or parse_time_range(
        joined, day=found_day, tz=tz
    )
    start, end = span if span else (datetime.combine(found_day, time(0), tzinfo=tz), None)
    return MeetingInfo(start=start, end=end, place=_header_place(header))


def _first_date(line: str, year: int) -> date | None:
    if len(line) > 200:
        return None
    settings = dict(_SEARCH, RELATIVE_BASE=datetime(year, 1, 1))
    hits = search_dates(line, languages=["en", "fr", "es"], settings=settings) or []
    for phrase, moment in hits:
        if re.search(r"\d", phrase) and re.search(r"[A-Za-z]{3}|\d[/.]\d", phrase):
            day: date = moment.date()
            return day
    return None


def _header_place(header: list[str]) -> str | None:
    for line in header:
        if m := _PLACE_LABEL.match(line):
            return m["place"].strip(" .")
    for line in header:
        place = _place_in(line)
        if place:
            return place
    return None


def _place_in(text: str) -> str | None:
    for m in _PLACE.finditer(text):
        place = m["place"].strip(" .,")
        if not _NOT_PLACE.match(place) and not re.fullmatch(r"(?:the\s+)?[A-Z][a-z]+day", place):
            return re.sub(r"^the\s+", "", place)
    return None


def next_meeting_in(
    sentences: list[tuple[Section, str]], *, now: datetime, tz: ZoneInfo
) -> MeetingInfo | None:
    """The next meeting: a sentence saying when it will be held, or the text under a heading
    such as "Date of the next meeting"."""
    for section, sentence in sentences:
        under_heading = bool(_NEXT.search(section.title))
        if not under_heading and not (_NEXT.search(sentence) and _WILL_MEET.search(sentence)):
            continue
        try:
            found = find_when(sentence, now=now, tz=tz)
        except DateError:
            continue
        if found is None or found[0].due <= now.date():
            continue
        reading, rest = found
        start = reading.at or datetime.combine(reading.due, time(0), tzinfo=tz)
        end = reading.end
        if reading.at is None and (span := parse_time_range(sentence, day=reading.due, tz=tz)):
            start, end = span
        after = _WILL_MEET.search(rest)
        place = _place_in(rest[after.end() :] if after else rest)
        return MeetingInfo(start=start, end=end, place=place)
    return None
