"""Our own date rules: what dateparser 1.5 misses or reads wrongly (see tests/test_dates.py).

Every pattern here runs on *folded* text (lower case, no accents, straight apostrophes) of the
same length as the user's text, so a match's span can be mapped back onto what the user wrote.

Readings chosen for vague phrases (each one is reported to the user in a note):

* early <month> = by the 10th, mid-<month> = the 15th, late/end of <month> = its last day;
* a bare month, season, quarter, half or year as a deadline = its last day (else its first day);
* Geneva seasons: spring March–June, summer July–August (the summer break), autumn
  September–November, winter December–February; "before/by the summer" = 30 June,
  "after the summer" = the 15th of the month after the season (15 September);
* "in the coming/following weeks" = three weeks from today (days: one week, months: three months);
* "next Friday" = the Friday of next week (Monday-based weeks); "next week" as a deadline = the
  Friday of next week; "next month" = its last day.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from handlers.text import fold


class DateError(ValueError):
    """An impossible or unreadable date; ``str(error)`` is a friendly sentence for the user."""


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
WEEKDAYS_EN = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
NUMBER_WORDS = {"a": 1, "an": 1, "un": 1, "une": 1, "uno": 1, "una": 1, "one": 1}
for _names in (
    "two three four five six seven eight nine ten eleven twelve",
    "deux trois quatre cinq six sept huit neuf dix onze douze",
    "dos tres cuatro cinco seis siete ocho nueve diez once doce",
):
    NUMBER_WORDS |= {name: i for i, name in enumerate(_names.split(), 2)}


def alt(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH = rf"(?:{alt(MONTHS)}|(?:{alt(_MONTH_ABBR)})\.?)"
FULL_MONTH = rf"(?:{alt(MONTHS)})"
WEEKDAY = rf"(?:{alt(w for w in WEEKDAYS if len(w) > 3)}|(?:{alt(w for w in WEEKDAYS if len(w) == 3)})\.?)"
YEAR = r"(?:19|20)\d\d(?!\d)"
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
    r"(?:by\s+(?:the\s+)?latest|at\s+the\s+latest\s+by|latest\s+by|no\s+later\s+than|"
    r"not\s+later\s+than|due(?:\s+(?:by|on))?|by|before|on|until|till|in|within|during|"
    r"d'ici(?:\s+(?:a|la|le|au|l'))?|avant(?:\s+(?:le|la|l'))?|au\s+plus\s+tard(?:\s+(?:le|la))?|"
    r"jusqu'(?:au|a|en)|pour\s+le|le|en|dans|dentro\s+de|para(?:\s+(?:el|la))?|antes\s+del?|"
    r"hasta(?:\s+(?:el|la))?|a\s+mas\s+tardar(?:\s+el)?|el)"
)
DEADLINE_CONNECTORS = re.compile(
    r"by|before|until|till|due|no|not|latest|at|d'ici|avant|au|jusqu|antes|hasta|para|a mas"
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
    out = []
    for ch in text:
        folded = fold(ch) if not ch.isspace() else " "
        out.append(folded if len(folded) == 1 else unicodedata.normalize("NFC", ch).lower()[:1])
    return "".join(out)


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


# --- the next meeting ------------------------------------------------------------------------

NEXT_MEETING = (
    r"(?:(?:at|by|before|for|during|until|till|a|lors\s+de|avant|en|para|antes\s+de)\s+)?"
    r"(?:the\s+|la\s+)?(?:next|prochaine|proxima)\s+(?:coordination\s+committee\s+|cc\s+)?"
    r"(?:meeting|reunion)(?:\s+of\s+the\s+(?:coordination\s+)?committee)?"
)


def next_meeting_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    if ctx.next_meeting is None:
        raise DateError("“at the next meeting” needs a next meeting: add one with `meeting add`")
    return ctx.next_meeting, "the next meeting"


# --- seasons ---------------------------------------------------------------------------------

SEASONS = {"spring": (3, 6), "summer": (7, 8), "autumn": (9, 11), "winter": (12, 2)}
SEASON_WORDS = {"printemps": "spring", "primavera": "spring", "ete": "summer"}
SEASON_WORDS |= {"verano": "summer", "fall": "autumn", "automne": "autumn", "otono": "autumn"}
SEASON_WORDS |= {"hiver": "winter", "invierno": "winter"} | {s: s for s in SEASONS}
SEASON = (
    r"(?:(?P<prep>before|by|until|till|after|in|during|over|end\s+of|avant|d'ici|apres|pendant|"
    r"fin\s+de|antes\s+del?|despues\s+del?|durante|hasta|para|a\s+finales\s+del?|en)\s+)?"
    rf"(?P<art>(?:the|this|cet|le|el|del|este)\s+|l')?(?P<season>{alt(SEASON_WORDS)})"
    r"(?:\s+(?:break|recess|holidays?|vacation))?(?:\s+(?:of\s+|de\s+|del\s+)?(?P<year>"
    + YEAR
    + "))?"
)
_BEFORE = {"before", "by", "until", "till", "avant", "d'ici", "hasta", "para"}


def season_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    name = SEASON_WORDS[m["season"]]
    first, last = SEASONS[name]
    prep = re.sub(r"\s+", " ", m["prep"] or "")
    if prep in _BEFORE or prep.startswith("antes"):
        kind = "the day before"
    elif prep == "after" or prep.startswith(("apres", "despues")):
        kind = "the 15th of the month after"
    elif prep in {"end of", "fin de"} or "finales" in prep or ctx.deadline:
        kind = "the last day of"
    else:
        kind = "the first day of"

    def span(y: int) -> tuple[date, date]:
        start, end = date(y, first, 1), month_end(y + (last < first), last)
        if kind == "the day before":
            start = end = start - timedelta(days=1)
        elif kind.startswith("the 15th"):
            start = end = add_months(end.replace(day=15), 1)
        return (end, end) if kind == "the last day of" else (start, end)

    due = _pick(ctx, year_of(m["year"]), span)
    return due, f"{kind} the {name} ({_season_months(first, last)})"


def _season_months(first: int, last: int) -> str:
    return f"{MONTH_NAMES[first - 1]}–{MONTH_NAMES[last - 1]}"


# --- quarters and halves ---------------------------------------------------------------------

_ORDINALS = {"first": 1, "1st": 1, "premier": 1, "primer": 1, "second": 2, "2nd": 2}
_ORDINALS |= {"deuxieme": 2, "segundo": 2, "third": 3, "3rd": 3, "troisieme": 3, "tercer": 3}
_ORDINALS |= {"fourth": 4, "4th": 4, "quatrieme": 4, "cuarto": 4, "last": 9, "dernier": 9}
_ORDINALS |= {"ultimo": 9}
QUARTER = (
    r"(?:(?P<end>(?:the\s+)?end\s+of|fin\s+(?:du|de)|(?:a\s+)?finales\s+del?)\s+)?"
    rf"(?:the\s+|du\s+|le\s+|el\s+)?(?:(?P<ord>{alt(_ORDINALS)})\s+"
    r"(?P<unit>quarter|half|trimestre|semestre)|(?P<q>[qt])(?P<qn>[1-4])|(?P<h>[hs])(?P<hn>[12]))"
    rf"(?:(?:\s+of|\s+de|\s+del|\s+du|\s*-)?\s+(?:the\s+year\s+)?(?P<year>{YEAR}))?"
)


def quarter_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    if m["ord"]:
        months = 3 if m["unit"] in {"quarter", "trimestre"} else 6
        number = _ORDINALS[m["ord"]]
        number = 12 // months if number == 9 else number
    else:
        months, number = (3, int(m["qn"])) if m["q"] else (6, int(m["hn"]))
    if number * months > 12:
        raise DateError(f"There is no {m[0]}: a year has {12 // months}.")
    first, last = number * months - months + 1, number * months

    def span(y: int) -> tuple[date, date]:
        end = month_end(y, last)
        return (end, end) if m["end"] else (date(y, first, 1), end)

    due = _pick(ctx, year_of(m["year"]), span)
    kind = "quarter" if months == 3 else "half"
    return due, f"the {'last' if due.day > 1 else 'first'} day of that {kind}"


# --- parts of a month, a year, a week ----------------------------------------------------------

PART = (
    r"(?P<part>early|(?:at\s+)?(?:the\s+)?(?:very\s+)?(?:beginning|start)\s+of|"
    r"(?:au\s+)?debut|(?:a\s+)?(?:principios|comienzos|inicios)\s+de|mid|middle\s+of|the\s+middle\s+of|"
    r"(?:a\s+la\s+)?mi|(?:au\s+)?milieu|(?:a\s+)?mediados\s+de|late|(?:at\s+)?(?:the\s+)?(?:very\s+)?"
    r"end\s+of|(?:a\s+)?(?:finales|fines)\s+de|(?:a\s+)?fin(?:\s+de)?)[\s-]*(?:de\s+|d'|du\s+|of\s+)?"
)
PART_MONTH = (
    PART + rf"(?:the\s+month\s+of\s+)?(?P<month>{MONTH})(?:,?\s+(?:de\s+|of\s+)?(?P<year>{YEAR}))?"
)
PART_YEAR = PART + rf"(?:the\s+year\s+|l'annee\s+|el\s+ano\s+)?(?P<year>{YEAR})"
PART_REL = (
    PART + r"(?:the\s+|this\s+|ce\s+|cette\s+|la\s+|le\s+|el\s+|este\s+|esta\s+|l')?"
    r"(?P<next>next\s+|proxim[oa]\s+)?(?P<unit>week|month|year|semaine|mois|annee|semana|mes|ano)"
    r"(?P<next2>\s+(?:prochaine?|proxim[oa]|que\s+viene))?"
)


def _part(text: str) -> str:
    if any(w in text for w in ("early", "begin", "start", "debut", "princip", "comienz", "inicio")):
        return "early"
    if any(w in text for w in ("mid", "mi", "mediados")):
        return "mid"
    return "late" if text == "late" else "end"


_PART_DAYS = {"early": (1, 10), "mid": (15, 15), "late": (21, 31), "end": (31, 31)}


def part_month_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    part, month = _part(m["part"]), month_number(m["month"])
    first, last = _PART_DAYS[part]

    def span(y: int) -> tuple[date, date]:
        end = month_end(y, month)
        return date(y, month, min(first, end.day)), date(y, month, min(last, end.day))

    due = _pick(ctx, year_of(m["year"]), span)
    return due, {"early": "early = by the 10th", "late": "late = by the last day"}.get(part, "")


_PART_MONTHS = {"early": (1, 3), "mid": (6, 6), "late": (10, 12), "end": (12, 12)}


def part_year_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    first, last = _PART_MONTHS[_part(m["part"])]
    y = int(m["year"])
    return (month_end(y, last) if ctx.deadline else date(y, first, 1)), ""


def part_rel_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    part, unit, step = _part(m["part"]), m["unit"], int(bool(m["next"] or m["next2"]))
    today = ctx.today
    if unit in {"week", "semaine", "semana"}:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        offset = {"early": 0, "mid": 2}.get(part, 4)
        return max(monday + timedelta(days=offset), today), ""
    if unit in {"month", "mois", "mes"}:
        first = add_months(today.replace(day=1), step)
        end = month_end(first.year, first.month)
        days = _PART_DAYS[part]
        return date(first.year, first.month, min(days[1 if ctx.deadline else 0], end.day)), ""
    first_month, last_month = _PART_MONTHS[part]
    y = today.year + step
    return (month_end(y, last_month) if ctx.deadline else date(y, first_month, 1)), ""


# --- coming weeks, next Friday, next week, bare months and years -------------------------------

COMING = (
    r"(?:(?:in|over|during|within)\s+the\s+(?:following|coming|next)\s+(?:few\s+|couple\s+of\s+)?"
    r"(?P<u1>days|weeks|months)|in\s+the\s+(?P<u2>days|weeks|months)\s+(?:ahead|to\s+come)|"
    r"in\s+a\s+few\s+(?P<u3>days|weeks|months)|dans\s+les\s+(?:prochain(?:e)?s\s+(?P<u4>jours|semaines|mois)|"
    r"(?P<u5>jours|semaines|mois)\s+(?:a\s+venir|qui\s+viennent))|en\s+(?:las|los)\s+(?:proxim[oa]s\s+"
    r"(?P<u6>dias|semanas|meses)|(?P<u7>dias|semanas|meses)\s+(?:siguientes|que\s+vienen)))"
)


def coming_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    unit = next(u for u in m.groups() if u)[:2]
    if unit in {"da", "jo", "di"}:
        return ctx.today + timedelta(days=7), "one week from today"
    if unit in {"we", "se"}:
        return ctx.today + timedelta(weeks=3), "three weeks from today"
    return add_months(ctx.today, 3), "three months from today"


IN_N = rf"(?:in|within|dans|en|dentro\s+de)\s+(?P<n>{NUMBER})\s+(?P<unit>{UNIT})(?:'?s?\s+time)?"


def in_n_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
    unit = m["unit"][:2]
    if unit in {"da", "jo", "di"}:
        return ctx.today + timedelta(days=n), None
    if unit in {"we", "se"}:
        return ctx.today + timedelta(weeks=n), None
    return add_months(ctx.today, n * (1 if unit in {"mo", "me"} else 12)), None


NEXT_WEEKDAY = (
    rf"(?:(?:next|the\s+coming|coming|el\s+proximo|proximo)\s+(?P<wd>{WEEKDAY})|"
    rf"(?:le\s+|el\s+)?(?P<wd2>{WEEKDAY})\s+(?P<n2>prochain|proximo|que\s+viene))"
)


def next_weekday_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    wd = WEEKDAYS[(m["wd"] or m["wd2"]).rstrip(".")]
    today = ctx.today
    if "coming" in m[0]:
        return today + timedelta(days=(wd - today.weekday()) % 7), None
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
    return monday + timedelta(days=wd), f"the {DAY_NAMES[wd]} of next week"


REL_UNIT = (
    r"(?:(?P<next>next|(?:la\s+|el\s+)?proxim[oa])|(?P<this>this|ce|cette|este|esta))\s+"
    r"(?P<unit>week|month|year|semaine|mois|annee|semana|mes|ano)|"
    r"(?:la\s+|le\s+|l'|el\s+)?(?P<unit2>semaine|mois|annee|semana|mes|ano)\s+"
    r"(?P<next2>prochaine?|proxim[oa]|que\s+viene|siguiente)"
)


def rel_unit_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    step, unit, today = int(not m["this"]), (m["unit"] or m["unit2"])[:2], ctx.today
    if unit in {"we", "se"}:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        if not ctx.deadline:
            return max(monday, today), None
        return max(monday + timedelta(days=4), today), "the Friday of that week"
    if unit in {"mo", "me"}:
        first = add_months(today.replace(day=1), step)
        end = month_end(first.year, first.month)
        return (end if ctx.deadline else max(first, today)), "the last day of the month"
    y = today.year + step
    return (
        date(y, 12, 31) if ctx.deadline else max(date(y, 1, 1), today)
    ), "the last day of the year"


BARE_MONTH = (
    rf"(?:(?:the\s+)?month\s+of\s+|mois\s+d[e']\s*|mes\s+de\s+)?(?P<month>{MONTH})"
    rf"(?:,?\s+(?:de\s+|of\s+)?(?P<year>{YEAR}))?"
)


def bare_month_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    month = month_number(m["month"])
    due = _pick(ctx, year_of(m["year"]), lambda y: (date(y, month, 1), month_end(y, month)))
    which = "last" if ctx.deadline else "first"
    return due, f"the {which} day of {MONTH_NAMES[month - 1]}"


BARE_YEAR = rf"(?P<year>{YEAR})"


def bare_year_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    y = int(m["year"])
    return (date(y, 12, 31), "the last day of the year") if ctx.deadline else (date(y, 1, 1), None)


DAY_RANGE = (
    rf"(?:{WEEKDAY},?\s+)?(?:from\s+|du\s+|del\s+)?(?P<d1>{DAY})\s*(?:-|–|and|&|to|au|al|et|y)\s*"
    rf"(?P<d2>{DAY})\s+(?:of\s+|de\s+)?(?P<month>{MONTH})(?:,?\s+(?:de\s+)?(?P<year>{YEAR}))?"
)


def day_range_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    month, year = month_number(m["month"]), year_of(m["year"])
    d1, d2 = (int(re.sub(r"\D", "", m[g])) for g in ("d1", "d2"))
    check_day(m[0], d2, month, year or ctx.today.year)
    due = _pick(ctx, year, lambda y: (date(y, month, d1), date(y, month, d2)))
    return due, f"the {'last' if ctx.deadline else 'first'} day of the range"


BARE_DAY = (
    r"(?:the\s+|le\s+|el\s+(?:dia\s+)?)?(?P<d>\d{1,2})(?:st|nd|rd|th|er)"
    r"|(?:the|le|el)\s+(?P<d2>\d{1,2})"
)


def bare_day_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    """ "the 21st": the next such day (dateparser reads it in the current month, even if past)."""
    day, first = int(m["d"] or m["d2"]), ctx.today.replace(day=1)
    if not 1 <= day <= 31:
        raise DateError(f"{m[0]} is not a date: no month has {day} days.")
    for step in range(13):
        month = add_months(first, step)
        if day <= month_end(month.year, month.month).day and month.replace(day=day) >= ctx.today:
            return month.replace(day=day), ""
    raise DateError(_UNREACHABLE)


_UNREACHABLE = "That day could not be placed in the coming year."
Rule = Callable[[re.Match[str], Ctx], Resolved]
RULES: list[tuple[str, Rule]] = [
    (NEXT_MEETING, next_meeting_rule),
    (SEASON, season_rule),
    (QUARTER, quarter_rule),
    (PART_MONTH, part_month_rule),
    (PART_YEAR, part_year_rule),
    (PART_REL, part_rel_rule),
    (COMING, coming_rule),
    (IN_N, in_n_rule),
    (NEXT_WEEKDAY, next_weekday_rule),
    (REL_UNIT, rel_unit_rule),
    (BARE_MONTH, bare_month_rule),
    (BARE_YEAR, bare_year_rule),
    (DAY_RANGE, day_range_rule),
    (BARE_DAY, bare_day_rule),
]
COMPILED = [(re.compile(pattern), rule) for pattern, rule in RULES]


def apply_rules(core: str, ctx: Ctx) -> Resolved | None:
    """The first of our rules that reads the whole (folded) phrase, if any."""
    for regex, rule in COMPILED:
        m = regex.fullmatch(core)
        if m:
            return rule(m, ctx)
    return None


# --- impossible dates --------------------------------------------------------------------------

_NUMERIC = re.compile(
    r"(?<![\d.,'/#])(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\d/]|\.\d)"
)
_ISO = re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?P<d>{DAY})\s+(?:of\s+|de\s+)?(?P<month>{MONTH})(?:,?\s+(?:de\s+)?(?P<y>{YEAR}))?"
)
_MONTH_DAY = re.compile(rf"(?P<month>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?")


def check_day(text: str, day: int, month: int, year: int | None) -> None:
    """Raise DateError unless ``day`` exists in ``month`` (of ``year``, or of any year)."""
    if not 1 <= month <= 12:
        raise DateError(f"{text} is not a date: there is no month {month}.")
    days = calendar.monthrange(year or 2000, month)[1]
    if 1 <= day <= days:
        return
    name = MONTH_NAMES[month - 1]
    if year is None:
        has = (
            f"{name} has only 28 days (29 in a leap year)"
            if month == 2
            else f"{name} has {days} days"
        )
    else:
        has = f"{name} {year} has {days} days"
    raise DateError(f"{text} is not a date: {has}.")


def validate(original: str, folded: str, ctx: Ctx) -> None:
    """Raise DateError for a day that does not exist: 31/02, 30 February 2017, 32 March."""
    for regex in (_NUMERIC, _ISO, _DAY_MONTH, _MONTH_DAY):
        for m in regex.finditer(folded):
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else month_number(groups["month"])
            year = int(m["y"]) if m["y"] else None
            year = year + 2000 if year is not None and year < 100 else year
            day = int(re.sub(r"\D", "", m["d"]))
            if month == 2 and day == 29 and year is None:  # the next February decides
                year = ctx.today.year + (ctx.today.month > 2)
            check_day(original[m.start() : m.end()], day, month, year)


# --- finding a date inside a sentence ----------------------------------------------------------

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
    _kind("meeting", NEXT_MEETING),
    _kind("season", SEASON),
    _kind("quarter", QUARTER),
    _kind("part", PART_MONTH),
    _kind("part", PART_YEAR),
    _kind("part", PART_REL),
    _kind("coming", COMING),
    _kind("in", IN_N),
    _kind("weekday", NEXT_WEEKDAY, timed=True),
    _kind("weekday", THIS_WEEKDAY, timed=True),
    _kind("unit", REL_UNIT),
    _kind("range", DAY_RANGE),
    _kind("date", TEXT_DATE, timed=True),
    _kind("date", NUMERIC_FULL, timed=True),
    _kind("date", NUMERIC_SHORT, timed=True, needs_connector=True),
    _kind("date", RELATIVE_WORDS, timed=True),
    _kind("month", BARE_MONTH.replace(MONTH, FULL_MONTH), needs_capital=True),
    _kind("year", BARE_YEAR, needs_connector=True),
    _kind("weekday", WEEKDAY_FULL, timed=True, needs_connector=True, needs_capital=True),
]
CONNECTOR_BEFORE = re.compile(rf"(?<![\w'])(?P<conn>{CONNECTOR}(?:\s+{CONNECTOR})*)\s+$")
LATEST_AFTER = re.compile(TRAILING_LATEST)
