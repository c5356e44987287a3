"""The vocabulary of our date rules: month, weekday and number words in English, French and
Spanish, the regex building blocks made from them, the rule context and small date helpers.

Every pattern runs on *folded* text (see ``same_length_fold``).
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from handlers.dates import years
from handlers.reply.text import fold


class DateError(ValueError):
    """An impossible or unreadable date; ``str(error)`` is a friendly sentence for the user."""


class UnknownEventError(DateError):
    """A deadline counted from an event ("before the 11MSP") whose date we were not given."""


DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS_EN = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_MONTHS_OTHER = {
    **{m: i for i, m in enumerate(["janvier", "fevrier", "mars", "avril", "mai", "juin"], 1)},
    **{
        m: i
        for i, m in enumerate(
            ["juillet", "aout", "septembre", "octobre", "novembre", "decembre"], 7
        )
    },
    **{m: i for i, m in enumerate(["enero", "febrero", "marzo", "abril", "mayo", "junio"], 1)},
    **{
        m: i
        for i, m in enumerate(
            ["julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"], 7
        )
    },
    "setiembre": 9,
}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8}
_MONTH_ABBR |= {"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTHS: dict[str, int] = {**_MONTHS_EN, **_MONTHS_OTHER}
ALL_MONTHS: dict[str, int] = {**MONTHS, **_MONTH_ABBR}
WEEKDAYS: dict[str, int] = {}
for _names in (
    "monday tuesday wednesday thursday friday saturday sunday",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miercoles jueves viernes sabado domingo",
    "mon tue wed thu fri sat sun",
):
    WEEKDAYS |= {name: i for i, name in enumerate(_names.split())}
WEEKDAYS |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}  # chat spellings
WEEKDAYS_EN = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
NUMBER_WORDS = {"a": 1, "an": 1, "un": 1, "une": 1, "uno": 1, "una": 1, "one": 1}
for _names in (
    "two three four five six seven eight nine ten eleven twelve",
    "deux trois quatre cinq six sept huit neuf dix onze douze",
    "dos tres cuatro cinco seis siete ocho nueve diez once doce",
):
    NUMBER_WORDS |= {name: i for i, name in enumerate(_names.split(), 2)}
for _teens, _value in (("fourteen quatorze catorce", 14), ("fifteen quinze quince", 15)):
    NUMBER_WORDS |= dict.fromkeys(_teens.split(), _value)
for _tens, _value in (("twenty vingt veinte", 20), ("thirty trente treinta", 30)):
    NUMBER_WORDS |= dict.fromkeys(_tens.split(), _value)


def alt(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH = rf"(?:{alt(MONTHS)}|(?:{alt(_MONTH_ABBR)})\.?)"
FULL_MONTH = rf"(?:{alt(MONTHS)})"
WEEKDAY = rf"(?:{alt(w for w in WEEKDAYS if len(w) > 3)}|(?:{alt(w for w in WEEKDAYS if len(w) == 3)})\.?)"
YEAR = years.YEAR
DAY = r"(?<![\d#.,'/])(?:[12]\d|3[01]|0?[1-9]|3[2-9])(?!\d)(?:st|nd|rd|th|er|o)?"
NUMBER = rf"(?:\d{{1,3}}|{alt(NUMBER_WORDS)})"
UNIT = (
    r"(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?|annees?"
    r"|dias?|semanas?|meses|mes|anos?)"
)
TIME = (
    r"(?<![\d:/.])(?:[01]?\d|2[0-3])"
    r"(?::[0-5]\d(?:\s*h(?![a-z]))?|h[0-5]\d|h(?![a-z])|\s*[ap]\.?m\b\.?)"
)
TIME_RANGE = (
    rf"(?:(?:from|de|des|del|between|entre)\s+)?(?P<t1>{TIME}|(?:[01]?\d|2[0-3])(?![\d:]))"
    rf"\s*(?:-|–|—|to|until|till|and|a|au|et|y|hasta)\s*(?P<t2>{TIME})"
    r"(?:\s*(?:hours|hrs|heures|horas)\b)?"
)
ARTICLE = r"(?:(?:the|this|ce|cette|la|le|el|este|esta|du|del|of|de)\s+|l')"
CONNECTOR = (
    r"(?:→|->|=>|by\s+(?:the\s+)?latest|at\s+the\s+latest\s+by|latest\s+by|no\s+later\s+than|"
    r"not\s+later\s+than|due(?:\s+(?:by|on))?|by|before|on|until|till|til|in|within|during|"
    r"d'ici(?:\s+(?:a|la|le|au|l'))?|avant(?:\s+(?:le|la|l'))?|au\s+plus\s+tard(?:\s+(?:le|la))?|"
    r"jusqu'(?:au|a|en)|pour\s+le|au|le|en|dans|dentro\s+de|para(?:\s+(?:el|la))?|antes\s+del?|"
    r"hasta(?:\s+(?:el|la))?|a\s+mas\s+tardar(?:\s+el)?|el|al)"
)
DEADLINE_CONNECTORS = re.compile(
    r"by|before|until|till|til|due|no|not|latest|at|d'ici|avant|au|jusqu|antes|hasta|para|a mas"
)
TRAILING_LATEST = r"(?:,?\s+(?:at\s+the\s+latest|au\s+plus\s+tard|a\s+mas\s+tardar))"

Resolved = tuple[date, str | None]


@dataclass(frozen=True)
class Ctx:
    """What a rule may look at besides the phrase: the committee-local day and the options."""

    today: date
    deadline: bool
    next_meeting: date | None


def same_length_fold(text: str) -> str:
    """``fold`` one character at a time, so spans in the result are spans in ``text``."""
    return "".join(map(_fold_char, text))


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character folded to one character (a line is read several times: cached)."""
    if ch.isspace():
        return " "
    folded = fold(ch)
    return folded if len(folded) == 1 else unicodedata.normalize("NFC", ch).lower()[:1]


def long_day(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    year, month = divmod(d.month - 1 + months, 12)
    year, month = d.year + year, month + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_number(word: str) -> int:
    return ALL_MONTHS[word.rstrip(".")]


def year_of(text: str | None) -> int | None:
    return int(text) if text else None


def _pick(ctx: Ctx, year: int | None, span: Callable[[int], tuple[date, date]]) -> date:
    """The reading for an explicit year, else for the first year whose period has not ended."""
    years = [year] if year else [ctx.today.year - 1, ctx.today.year, ctx.today.year + 1]
    start, end = span(years[-1])
    for y in years:
        if span(y)[1] >= ctx.today:
            start, end = span(y)
            break
    return end if ctx.deadline else start


# Units of time as chat writes them: the one table the readers share ("this wk", "3 wks",
# "next yr"; understanding.words.SHORTHAND takes the word forms from here).
UNIT_SHORTHAND = {"wk": "week", "wks": "weeks", "mth": "month", "mths": "months"}
UNIT_SHORTHAND |= {"yr": "year", "yrs": "years"}
_UNIT_WORD = re.compile(r"\b(?:" + "|".join(UNIT_SHORTHAND) + r")\b")
# After a number only (a letter alone is a unit only there): "3 w", "10 d", "2 mos", "3 sem.".
_UNITS_SPELLED = {k: v if v.endswith("s") else f"{v}s" for k, v in UNIT_SHORTHAND.items()}
_UNITS_SPELLED |= {"w": "weeks", "mo": "months", "mos": "months", "d": "days"}
_UNITS_SPELLED |= {"sem": "semaines", "sem.": "semaines", "j": "jours"}


def unit_words(text: str) -> str:
    """ "this wk" → "this week", "next yr" → "next year" (lower-case text)."""
    return _UNIT_WORD.sub(lambda m: UNIT_SHORTHAND[m[0]], text)


_UNIT_SHORT = re.compile(
    r"\b(?P<n>\d{1,3})\s*(?P<u>wks?|w|mths?|mos?|d|yrs?|sem\.?|j)(?![\w.])", re.I
)


def units_spelled(text: str) -> str:
    """ "within 3 wks" → "within 3 weeks": what the readers expect."""
    return _UNIT_SHORT.sub(lambda m: f"{m['n']} {_UNITS_SPELLED[m['u'].lower()]}", text)
