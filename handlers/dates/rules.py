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
  Friday of next week; "next month" = its last day;
* "N months before the 11MSP" = the event's first day minus N months, "before the 11MSP" = the
  day before it, "by the 11MSP" = its first day (the caller supplies the events' days).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from handlers.dates.checks import check_day
from handlers.dates.extra import EXTRA_RULES
from handlers.dates.vocab import (
    DAY,
    DAY_NAMES,
    MONTH,
    NUMBER,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Ctx,
    DateError,
    Resolved,
    _pick,
    add_months,
    alt,
    month_end,
    month_number,
    year_of,
)

# MONTH_NAMES and NUMBER_WORDS are re-exported: bot/slack/prefill.py and
# handlers/minutes/relative.py import them from here.
from handlers.dates.vocab import MONTH_NAMES as MONTH_NAMES
from handlers.dates.vocab import NUMBER_WORDS as NUMBER_WORDS
from handlers.i18n.catalog import N_, _

# --- the next meeting ------------------------------------------------------------------------

NEXT_MEETING = (
    r"(?:(?P<mprep>at|by|before|for|during|until|till|a|lors\s+de|avant|en|para|antes\s+de|d'ici|hasta)\s+)?"
    r"(?:the\s+|la\s+|le\s+|el\s+)?(?:next|prochaine?|proxima)\s+(?:(?:coordination\s+committee|cc)"
    r"(?:\s+(?:meeting|reunion))?|(?:meeting|reunion|comite)(?:\s+(?:du|del)\s+(?:cc|comite(?:\s+de\s+coordinacion)?))?)"
    r"(?:\s+of\s+the\s+(?:coordination\s+)?committee)?"
)


def next_meeting_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    if ctx.next_meeting is None:
        raise DateError(_("“at the next meeting” needs a next meeting: add one with `meeting add`"))
    # "before the next meeting" is due at the meeting itself, as the minutes use it (tested there).
    return ctx.next_meeting, "the next meeting"


# --- seasons ---------------------------------------------------------------------------------

SEASONS = {"spring": (3, 6), "summer": (7, 8), "autumn": (9, 11), "winter": (12, 2)}
SEASON_WORDS = {"printemps": "spring", "primavera": "spring", "ete": "summer"}
SEASON_WORDS |= {"verano": "summer", "fall": "autumn", "automne": "autumn", "otono": "autumn"}
SEASON_WORDS |= {"hiver": "winter", "invierno": "winter"} | {s: s for s in SEASONS}
SEASON = (
    r"(?:(?P<prep>before|by|until|till|after|in|during|over|end\s+of|avant|d'ici|apres|pendant|au|"
    r"fin\s+de|antes\s+del?|despues\s+del?|durante|hasta|para|a\s+finales\s+del?|en)\s+)?"
    r"(?P<art>(?:the|this|cet|le|el|del|este)\s+|l'|(?:les\s+|las\s+)?(?:vacances|vacaciones)\s+"
    rf"(?:d'|de\s+))?(?P<season>{alt(SEASON_WORDS)})"
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
        raise DateError(
            _("There is no {period}: a year has {count}.").format(period=m[0], count=12 // months)
        )
    first, last = number * months - months + 1, number * months

    def span(y: int) -> tuple[date, date]:
        end = month_end(y, last)
        return (end, end) if m["end"] else (date(y, first, 1), end)

    due = _pick(ctx, year_of(m["year"]), span)
    kind = "quarter" if months == 3 else "half"
    return due, f"the {'last' if due.day > 1 else 'first'} day of that {kind}"


# --- parts of a month, a year, a week ----------------------------------------------------------

PART = (
    r"(?P<part>(?:the\s+)?(?:first|last|second|premier|premiere|dernier|derniere|deuxieme|primer|"
    r"primera|ultimo|ultima|segunda|segundo)\s+(?:day|week|jour|semaine|dia|semana)\s+(?:of|de|du|del)|early|(?:at\s+)?(?:the\s+)?(?:very\s+)?(?:beginning|start)\s+of|"
    r"(?:au\s+)?debut|(?:a\s+)?(?:principios|comienzos|inicios)\s+de|mid|middle\s+of|the\s+middle\s+of|"
    r"(?:a\s+la\s+)?mi|(?:au\s+)?milieu|(?:a\s+)?mediados\s+de|late|(?:at\s+)?(?:the\s+)?(?:very\s+)?"
    r"end(?:\s+of)?|(?:a\s+)?(?:finales|fines)\s+de|(?:a\s+)?fin(?:\s+de)?)[\s-]*(?:de\s+|d'|du\s+|of\s+)?"
)
PART_MONTH = (
    PART + rf"(?:the\s+month\s+of\s+)?(?P<month>{MONTH})(?:,?\s+(?:de\s+|of\s+)?(?P<year>{YEAR}))?"
)
PART_YEAR = PART + rf"(?:the\s+year\s+|l'annee\s+|el\s+ano\s+)?(?P<year>{YEAR})"
PART_REL = (
    PART + r"(?:the\s+|this\s+|ce\s+|cette\s+|la\s+|le\s+|el\s+|este\s+|esta\s+|l')?"
    r"(?P<next>next\s+|following\s+|proxim[oa]\s+)?(?P<unit>week|month|year|semaine|mois|annee|semana|mes|ano|"
    r"quarter|trimestre)"
    r"(?P<next2>\s+(?:prochaine?|proxim[oa]|que\s+viene))?"
)


def _part(text: str) -> str:
    if re.search(r"(?:day|jour|dia)\s", text):
        return "end" if re.search(r"last|dernier|ultim", text) else "first day"
    if re.search(r"(?:week|semaine|semana)\s", text):
        if re.search(r"last|dernier|ultim", text):
            return "late"
        return "second week" if re.search(r"second|deuxieme|segund", text) else "first week"
    if any(w in text for w in ("early", "begin", "start", "debut", "princip", "comienz", "inicio")):
        return "early"
    if any(w in text for w in ("mid", "mi", "mediados")):
        return "mid"
    return "late" if text == "late" else "end"


_PART_DAYS = {"early": (1, 10), "mid": (15, 15), "late": (21, 31), "end": (31, 31)}
_PART_DAYS |= {"first day": (1, 1), "first week": (1, 7), "second week": (8, 14)}


def part_month_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    part, month = _part(m["part"]), month_number(m["month"])
    first, last = _PART_DAYS[part]

    def span(y: int) -> tuple[date, date]:
        end = month_end(y, month)
        return date(y, month, min(first, end.day)), date(y, month, min(last, end.day))

    due = _pick(ctx, year_of(m["year"]), span)
    said = {"early": "early = by the 10th", "late": "late = by the last day"}
    said |= {
        "first week": "the first week = by the 7th",
        "second week": "the second week = by the 14th",
    }
    return due, said.get(part, "")


_PART_MONTHS = {"early": (1, 3), "mid": (6, 6), "late": (10, 12), "end": (12, 12)}


def part_year_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    first, last = _PART_MONTHS.get(_part(m["part"]), _PART_MONTHS["early"])
    y = int(m["year"])
    return (month_end(y, last) if ctx.deadline else date(y, first, 1)), ""


def part_rel_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    part, unit, step = _part(m["part"]), m["unit"], int(bool(m["next"] or m["next2"]))
    today = ctx.today
    if unit in {"week", "semaine", "semana"}:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        offset = {"early": 0, "mid": 2, "first day": 0, "first week": 0}.get(part, 4)
        return max(monday + timedelta(days=offset), today), ""
    if unit in {"month", "mois", "mes"}:
        first = add_months(today.replace(day=1), step)
        end = month_end(first.year, first.month)
        days = _PART_DAYS[part]
        return date(first.year, first.month, min(days[1 if ctx.deadline else 0], end.day)), ""
    if unit in {"quarter", "trimestre"}:
        first = add_months(today.replace(day=1, month=(today.month - 1) // 3 * 3 + 1), 3 * step)
        last = add_months(first, 2)
        return (month_end(last.year, last.month) if ctx.deadline else first), ""
    first_month, last_month = _PART_MONTHS.get(part, _PART_MONTHS["early"])
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


IN_N = rf"(?:in|within|dans|en|dentro\s+de)\s+(?:les\s+|los\s+|the\s+(?:next\s+)?)?(?P<n>{NUMBER})\s+(?P<unit>{UNIT})(?:'?s?\s+time)?"


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
    r"(?P<unit>week|month|year|quarter|semaine|mois|annee|trimestre|semana|mes|ano)|"
    r"(?:la\s+|le\s+|l'|el\s+)?(?P<unit2>semaine|mois|annee|trimestre|semana|mes|ano)\s+"
    r"(?P<next2>prochaine?|proxim[oa]|que\s+viene|siguiente)|(?:the\s+)?(?P<after>week)\s+after\s+next"
)


def rel_unit_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    step, unit, today = int(not m["this"]) + bool(m["after"]), m["unit"] or m["unit2"], ctx.today
    unit = (unit or m["after"])[:2]
    if unit in {"qu", "tr"}:  # "this quarter", "le trimestre prochain": its last day
        first = add_months(today.replace(day=1, month=(today.month - 1) // 3 * 3 + 1), 3 * step)
        last = add_months(first, 2)
        end = month_end(last.year, last.month)
        return (end if ctx.deadline else max(first, today)), "the last day of that quarter"
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
        raise DateError(
            _("{text} is not a date: no month has {days} days.").format(text=m[0], days=day)
        )
    for step in range(13):
        month = add_months(first, step)
        if day <= month_end(month.year, month.month).day and month.replace(day=day) >= ctx.today:
            return month.replace(day=day), ""
    raise DateError(_(_UNREACHABLE))


_UNREACHABLE = N_("That day could not be placed in the coming year.")
Rule = Callable[[re.Match[str], Ctx], Resolved]
RULES: list[tuple[str, Rule]] = [
    (NEXT_MEETING, next_meeting_rule),
    *EXTRA_RULES,
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
