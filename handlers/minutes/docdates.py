"""Dates as minutes write them, read against the document's own year, never today's.

"Tuesday 27 March" in a 2012 document is 27 March 2012: a date without a year takes the year of
the document (its title or header, its file name, else its first dated line), and a weekday
written with it must agree; when it does not, the nearest year where it does wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from handlers.dates.years import YEAR_DIGITS
from handlers.minutes.model import WeekdayConflict

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv enero ene",
        "february feb fevrier février févr fevr febrero",
        "march mar mars marzo",
        "april apr avril avr abril abr",
        "may mai mayo",
        "june jun juin junio",
        "july jul juillet juil julio",
        "august aug août aout agosto ago",
        "september sep sept septembre septiembre setiembre",
        "october oct octobre octubre",
        "november nov novembre noviembre",
        "december dec décembre decembre diciembre dic déc",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number
WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "monday mon lundi lunes",
        "tuesday tue tues mardi martes",
        "wednesday wed mercredi miércoles miercoles",
        "thursday thu thur thurs jeudi jueves",
        "friday fri vendredi viernes",
        "saturday sat samedi sábado sabado",
        "sunday sun dimanche domingo",
    )
):
    for _name in _names.split():
        WEEKDAYS[_name] = _number
_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_W = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAY_FIRST = re.compile(
    rf"(?<!\w)(?:(?P<wd>{_W})\.?,?\s+(?:the\s+|le\s+|el\s+)?)?(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
    rf"(?:\s+of|\s+de|\s*-)?\s+(?P<m>{_M})\.?(?!\w)(?:,?\s+(?:de\s+|del\s+)?(?P<y>{YEAR_DIGITS}))?",
    re.I,
)
_MONTH_FIRST = re.compile(
    rf"(?<!\w)(?:(?P<wd>{_W})\.?,?\s+)?(?P<m>{_M})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    rf"(?:,?\s+(?P<y>{YEAR_DIGITS}))?",
    re.I,
)
_ISO = re.compile(rf"(?<!\d)(?P<y>{YEAR_DIGITS})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)")
_NUMERIC = re.compile(
    r"(?<![\d/.])(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)?\d\d)(?![\d/])"
)
_YEAR = re.compile(rf"(?<![\d/.-])({YEAR_DIGITS})(?![\d/-])")


@dataclass(frozen=True)
class Found:
    """A date in a line: where it is and whether the line gave its year."""

    day: date
    start: int
    end: int
    had_year: bool


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_weekday(
    day: int, month: int, year: int, weekday: int | None, *, reach: int
) -> date | None:
    """The year's date, or, if the weekday disagrees, the nearest year within ``reach`` where it
    agrees (0 for the document's own year: the year wins, and the summary flags the doubt)."""
    if weekday is None:
        return _valid(year, month, day)
    for delta in sorted(range(-reach, reach + 1), key=lambda d: (abs(d), -d)):
        found = _valid(year + delta, month, day)
        if found is not None and found.weekday() == weekday:
            return found
    return _valid(year, month, day)


def dates_in(line: str, year: int | None, *, reach: int = 0) -> list[Found]:
    """Every calendar date written in the line, in order; ``year`` for those without one
    (``reach`` years either side when a weekday written with the date disagrees)."""
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_ISO, _NUMERIC, _DAY_FIRST, _MONTH_FIRST):
        for m in pattern.finditer(line):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            groups = m.groupdict()
            month_text = groups["m"]
            month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
            if month is None or not 1 <= month <= 12:
                continue
            wd = groups.get("wd")
            weekday = WEEKDAYS.get(wd.lower()) if wd else None
            if groups.get("y"):
                y = int(groups["y"])
                y = y + 2000 if y < 100 else y
                found = _valid(y, month, int(groups["d"]))
                had_year = True
            elif year is not None:
                found = _with_weekday(int(groups["d"]), month, year, weekday, reach=reach)
                had_year = False
            else:
                continue
            if found is not None:
                taken.append((m.start(), m.end()))
                out.append(Found(found, m.start(), m.end(), had_year))
    return sorted(out, key=lambda f: f.start)


def document_year(lines: list[str], filename: str = "") -> int | None:
    """The document's own year: a dated line or a year in its title block, the file name's
    year, else the first full date anywhere."""
    for line in lines[:15]:
        for found in dates_in(line, None):
            return found.day.year
        if m := _YEAR.search(line):
            return int(m.group(1))
    if m := re.search(rf"(?<!\d)({YEAR_DIGITS})(?!\d)", filename):
        return int(m.group(1))
    for line in lines:
        for found in dates_in(line, None):
            return found.day.year
    return None


def weekday_conflict(line: str, day: date) -> WeekdayConflict | None:
    """ "Wednesday 14 June" read as Friday 14 June 2019: say so, the importer may correct it."""
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for m in pattern.finditer(line):
            wd = m.group("wd")
            if wd and int(m.group("d")) == day.day and WEEKDAYS[wd.lower()] != day.weekday():
                return WeekdayConflict(m.group(0).strip(), day)
    return None
