"""Finding a date inside a sentence: the kinds of date phrase ``find_when`` looks for, and the
connectors ("by", "avant le", "a mas tardar") around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.dates import extra
from handlers.dates.events import EVENT
from handlers.dates.rules import (
    BARE_MONTH,
    BARE_YEAR,
    COMING,
    DAY_RANGE,
    IN_N,
    NEXT_MEETING,
    NEXT_WEEKDAY,
    PART_MONTH,
    PART_REL,
    PART_YEAR,
    QUARTER,
    REL_UNIT,
    SEASON,
)
from handlers.dates.vocab import (
    CONNECTOR,
    DAY,
    FULL_MONTH,
    MONTH,
    TIME,
    TIME_RANGE,
    TRAILING_LATEST,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    alt,
)

WEEKDAY_FULL = rf"(?:{alt(n for n in WEEKDAYS if len(n) > 3)})"
TIME_SUFFIX = (
    rf"(?:,?\s*(?:at\s+|a\s+las\s+|a\s+|a\s+partir\s+de\s+)?(?:{TIME_RANGE}|{TIME})"
    r"(?:\s*(?:hours|hrs|heures|horas)\b)?)?"
)
TEXT_DATE = (
    rf"(?:{WEEKDAY},?\s+)?(?:(?:the|le|el)\s+)?{DAY}\s+(?:of\s+|de\s+)?{MONTH}(?:,?\s+(?:de\s+)?{YEAR})?"
    rf"|(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"
)
NUMERIC_FULL = (
    r"(?<![\d.,'/#])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)(?:\d{4}|\d{2}))"
    r"(?![\d/]|[.,]\d)"
)
NUMERIC_SHORT = r"(?<![\d.,'/#])\d{1,2}/\d{1,2}(?![\d/]|[.,]\d)"
RELATIVE_WORDS = (
    r"today|tomorrow|tonight|the\s+day\s+after\s+tomorrow|aujourd'hui|apres-demain|demain|hoy|"
    r"pasado\s+manana|(?<!la\s)(?<!esta\s)manana"
)
PAST_WORDS = (  # only after a connector: "by yesterday", not "Zambia reported yesterday"
    r"the\s+day\s+before\s+yesterday|yesterday|avant-hier|hier|anteayer|antes\s+de\s+ayer|ayer"
)
THIS_WEEKDAY = rf"(?:this|ce|este)\s+{WEEKDAY_FULL}"


@dataclass(frozen=True)
class Kind:
    """One kind of date phrase looked for in free text, and what it needs to count as a date."""

    name: str
    regex: re.Pattern[str]
    needs_connector: bool = False
    needs_capital: bool = False  # English month and day names are capitalised: "May" vs "may"


def _kind(name: str, pattern: str, timed: bool = False, **needs: bool) -> Kind:
    body = rf"(?<![\w'])(?:{pattern}){TIME_SUFFIX if timed else ''}(?![\w])"
    return Kind(name, re.compile(body), **needs)


KINDS = [
    _kind("event", EVENT),
    _kind("anchor", extra.INTERSESSIONALS),
    _kind("cob", extra.COB),
    _kind("cob", extra.EOW),
    _kind("in", extra.FORTNIGHT),
    _kind("holiday", extra.HOLIDAY),
    _kind("meeting", NEXT_MEETING),
    _kind("season", SEASON),
    _kind("quarter", QUARTER),
    _kind("part", PART_MONTH),
    _kind("part", PART_YEAR),
    _kind("part", PART_REL),
    _kind("coming", COMING),
    _kind("in", IN_N),
    # "monday 3/4", "viernes 31/03": a weekday with its numeric day (before the weekday alone)
    _kind("date", rf"{WEEKDAY}\.?,?\s+(?:the\s+|le\s+|el\s+)?{NUMERIC_SHORT}", timed=True),
    _kind("weekday", NEXT_WEEKDAY, timed=True),
    _kind("weekday", THIS_WEEKDAY, timed=True),
    _kind("unit", REL_UNIT),
    _kind("range", DAY_RANGE),
    _kind("date", TEXT_DATE, timed=True),
    _kind("date", NUMERIC_FULL, timed=True),
    _kind("date", NUMERIC_SHORT, timed=True, needs_connector=True),
    _kind("date", RELATIVE_WORDS, timed=True),
    _kind("date", PAST_WORDS, timed=True, needs_connector=True),
    _kind("month", BARE_MONTH.replace(MONTH, FULL_MONTH), needs_capital=True),
    _kind("year", BARE_YEAR, needs_connector=True),
    _kind("weekday", WEEKDAY_FULL, timed=True, needs_connector=True, needs_capital=True),
]
CONNECTOR_BEFORE = re.compile(rf"(?<![\w'])(?P<conn>{CONNECTOR}(?:\s+{CONNECTOR})*)\s+$")
LATEST_AFTER = re.compile(TRAILING_LATEST)
