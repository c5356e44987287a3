"""The meeting the minutes record (date, time, place) and the next meeting they fix."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateparser.search import search_dates

from handlers.dates.finding import find_when
from handlers.dates.reading import DateError, parse_time_range
from handlers.dates.years import YEAR_IN_TEXT
from handlers.minutes.docdates import Found, dates_in, document_year, weekday_conflict
from handlers.minutes.model import MeetingInfo
from handlers.minutes.sentences import strip_markup
from handlers.minutes.structure import Section
from handlers.minutes.vocab import NEXT_MEETING, NEXT_MEETING_LABEL

HEADER_LINES = 20
_SEARCH = {
    "DATE_ORDER": "DMY",
    "PREFER_DATES_FROM": "future",
    "REQUIRE_PARTS": ["day", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],
}
_YEAR = YEAR_IN_TEXT
_PLACE_LABEL = re.compile(r"^(?:venue|place|location|where)\s*:\s*(?P<place>.+)$", re.I)
_PLACE = re.compile(
    r"(?:^|\s)(?:at|in)\s+(?P<place>(?:the\s+)?(?:[A-Z][\w'’.-]*|[a-z]+\s+room)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|for|des|du|de|on|room|[0-9IVX]+))*)"
)
_NEXT = NEXT_MEETING
_WILL_MEET = re.compile(
    r"\b(?:held|take\s+place|convene|scheduled|meet|date|planned|set\s+for|fixed|tiendra|aura\s+lieu|"
    r"pr[ée]vue?|fix[ée]e?|celebrar[áa]|tendr[áa]\s+lugar|prevista|programad[ao]|fijad[ao])\b",
    re.I,
)
_AGAIN = re.compile(
    r"\b(?:meet|reconvene|convene)\s+again\b|\bse\s+r[ée]unira\b|\bvolver[áa]\s+a\s+reunirse\b",
    re.I,
)
_NOT_PLACE = re.compile(r"^(?:the\s+)?(?:end|beginning|margins?|meeting|following|next)\b", re.I)


_HELD = re.compile(
    r"\b(?:held|meeting\s+(?:of|on)|date|dated|tenue?|r[ée]union\s+du|s[ée]ance\s+du|"
    r"celebrad[ao]|reuni[óo]n\s+del|sesi[óo]n\s+del|fecha|minutes\s+of|compte\s+rendu|acta|"
    r"summary\s+record|procès-verbal)\b",
    re.I,
)
SHORT_LINE = 120  # a title block's line; a longer one is a sentence of the body
TITLE_BLOCK = 6  # the first lines, where minutes put their date
_EARLIER = re.compile(
    r"\b(?:previous|last|prior|pr[ée]c[ée]dente?|anterior)\s+(?:[\w-]+\s+){0,2}(?:meeting|r[ée]union|"
    r"reuni[óo]n|session)|\bapprov\w*\s+(?:of\s+)?(?:the\s+)?minutes",
    re.I,
)
_NOT_HELD = re.compile(
    r"\b(?:distr|issued|circulated|original|version|printed|revised|draft\s+of|approved\s+on|"
    r"publi[ée]|emitid[oa])\b",
    re.I,
)


def held_meeting(
    text: str, *, tz: ZoneInfo, fallback: datetime, filename: str = ""
) -> MeetingInfo | None:
    """Date, time and place from the document's opening lines ("Held on Thursday 23 March 2017
    at the Permanent Mission of ..., from 10:00 – 11:30 hours"); a date without a year takes
    the document's own year (never today's), checked against its weekday."""
    lines = [strip_markup(line).strip(" #*|") for line in text.splitlines() if line.strip()]
    header = lines[:HEADER_LINES]
    year = document_year(lines, filename)
    found_day, day_line = _header_day(header, year)
    if found_day is None and year is None:  # no year anywhere: this year, or the weekday's
        found_day, day_line = _header_day(header, fallback.astimezone(tz).year, reach=6)
    if found_day is None and year is not None:
        for line in header:
            if (found_day := _first_date(line, year)) is not None:
                day_line = line
                break
    if found_day is None:
        return None
    joined = " ".join(header)
    span = parse_time_range(day_line, day=found_day, tz=tz) or parse_time_range(
        joined, day=found_day, tz=tz
    )
    start, end = span if span else (datetime.combine(found_day, time(0), tzinfo=tz), None)
    conflict = weekday_conflict(day_line, found_day)
    return MeetingInfo(start=start, end=end, place=_header_place(header), conflict=conflict)


def _header_day(header: list[str], year: int | None, *, reach: int = 0) -> tuple[date | None, str]:
    """The meeting's day: a dated line that says "held on", "date", ... first; a document's
    issue date ("Distr.: General 15 April 2012") only when nothing else is dated."""
    candidates: list[tuple[int, int, date, str]] = []
    for index, line in enumerate(header):
        if len(line) > 300:
            continue
        found = dates_in(line, year, reach=reach)
        if not found:
            continue
        held, short = _HELD.search(line) is not None, len(line) <= SHORT_LINE
        other = _NOT_HELD.search(line) or _NEXT.search(line) or _EARLIER.search(line)
        top = index < TITLE_BLOCK
        rank = 4 if other else 0 if short and held else 1 if short and top else 2 if short else 3
        candidates.append((rank, index, found[0].day, line))
    if not candidates:
        return None, ""
    _, _, day, line = min(candidates)
    return day, line


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
    # The "Next meeting" heading or label first; a sentence that mentions the next meeting in
    # passing ("... will report at the next meeting on the new date of 3 September") after.
    strong = [
        (s, t)
        for s, t in sentences
        if _NEXT.search(s.title) or NEXT_MEETING_LABEL.match(t) is not None
    ]
    said = [
        (s, t)
        for s, t in sentences
        if (_NEXT.search(t) and _WILL_MEET.search(t)) or _AGAIN.search(t)
    ]
    for _section, sentence in [*strong, *said]:
        # a next meeting in January, in December's minutes: the weekday may name next year
        calendar = [f for f in dates_in(sentence, now.year, reach=1) if f.day > now.date()]
        calendar += [
            Found(f.day.replace(year=f.day.year + 1), f.start, f.end, False)
            for f in dates_in(sentence, now.year)
            if not f.had_year and f.day <= now.date() and not (f.day.month == 2 and f.day.day == 29)
        ]
        if calendar:
            first = min(calendar, key=lambda f: f.start)
            day, at, rest = first.day, None, sentence[first.end :]
            end: datetime | None = None
            try:  # the dates layer reads "on 10 July at 10:00" with its time
                also = find_when(sentence, now=now, tz=tz)
            except DateError:
                also = None
            if also is not None and also[0].due == day:
                at, end = also[0].at, also[0].end
        else:
            try:
                found = find_when(sentence, now=now, tz=tz)
            except DateError:
                continue
            if found is None or found[0].due <= now.date():
                continue
            reading, rest = found
            day, at, end = reading.due, reading.at, reading.end
        start = at or datetime.combine(day, time(0), tzinfo=tz)
        if at is None and (span := parse_time_range(sentence, day=day, tz=tz)):
            start, end = span
        after = _WILL_MEET.search(rest)
        place = _place_in(rest[after.end() :] if after else rest)
        return MeetingInfo(start=start, end=end, place=place)
    return None
