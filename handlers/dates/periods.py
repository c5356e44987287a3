"""Periods rather than days: "next 30 days", "this quarter", "April", "Q1 2022", as inclusive
(first, last) days, for listings such as `deadlines next 90 days`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.dates import rules, vocab
from handlers.dates.reading import LANGUAGES, local_now, read_phrase
from handlers.dates.vocab import DateError
from handlers.reply.text import clean

__all__ = ["english_period", "period_bounds"]

_PERIOD_NEXT = re.compile(
    rf"(?:the\s+)?(?:next|coming)\s+(?P<n>{vocab.NUMBER})\s+(?P<unit>{vocab.UNIT})"
)
_PERIOD_REL = re.compile(r"(?P<which>this|next|last)\s+(?P<unit>week|month|year|quarter)")
_PERIOD_MONTH = re.compile(rf"(?P<month>{vocab.MONTH})(?:\s+(?P<year>{vocab.YEAR}))?")
_PERIOD_QUARTER = re.compile(rules.QUARTER)


_UNITS = {"semaine": "week", "semana": "week", "mois": "month", "mes": "month", "annee": "year"}
_UNITS |= {"ano": "year", "trimestre": "quarter"}
_UNIT_WORDS = "semaine|semana|mois|mes|annee|ano|trimestre"
# French and Spanish relative periods, in English for the patterns below (folded text).
_FOREIGN_PERIODS = [
    (
        re.compile(rf"^(?:cette|ce|cet|esta|este)\s+(?P<u>{_UNIT_WORDS})(?:-ci)?$"),
        lambda m: f"this {_UNITS[m['u']]}",
    ),
    (
        re.compile(
            rf"^(?:(?:la|le|l'|el)\s*)?(?:(?:prochaine?|proxim[oa])\s+(?P<u>{_UNIT_WORDS})|"
            rf"(?P<u2>{_UNIT_WORDS})\s+(?:prochaine?|proxim[oa]|que\s+viene|siguiente))$"
        ),
        lambda m: f"next {_UNITS[m['u'] or m['u2']]}",
    ),
    (  # "les 15 prochains jours", "las próximas dos semanas", "los siguientes 30 días"
        re.compile(
            rf"^(?:(?:les|las|los|the)\s+)?(?:(?P<n>{vocab.NUMBER})\s+(?:prochaine?s|proxim[oa]s|"
            rf"siguientes)|(?:prochaine?s|proxim[oa]s|siguientes)\s+(?P<n2>{vocab.NUMBER}))\s+"
            rf"(?P<unit>{vocab.UNIT})$"
        ),
        lambda m: f"next {m['n'] or m['n2']} {m['unit']}",
    ),
    (  # "la prochaine quinzaine", "la próxima quincena"
        re.compile(r"^(?:(?:la|the)\s+)?(?:prochaine|proxima|next)\s+(?:quinzaine|quincena)$"),
        lambda m: "next 2 weeks",
    ),
]


def _in_english(folded: str) -> str | None:
    """A folded French or Spanish relative period in English, or None."""
    for pattern, english in _FOREIGN_PERIODS:
        if pattern.fullmatch(folded):
            return pattern.sub(english, folded)
    return None


def english_period(phrase: str) -> str:
    """A French or Spanish relative period said in English ("cette semaine" → "this week"), so
    that the command a line was read as is the one the reference documents; others unchanged."""
    return _in_english(vocab.same_length_fold(clean(phrase)).lower()) or phrase


def period_bounds(phrase: str, *, now: datetime, tz: ZoneInfo) -> tuple[date, date] | None:
    """Inclusive (start, end) days of a period such as "next 30 days", "April", "Q1 2022"."""
    text = re.sub(r"^(?:in|during|for|over)\s+", "", vocab.same_length_fold(clean(phrase)))
    text = vocab.unit_words(text)
    text = _in_english(text) or text
    today = local_now(now, tz).date()
    ctx = vocab.Ctx(today, True, None)
    if m := _PERIOD_NEXT.fullmatch(text):
        n = int(m["n"]) if m["n"].isdigit() else vocab.NUMBER_WORDS[m["n"]]
        unit = m["unit"][:2]
        if unit in {"da", "jo", "di"}:
            return today, today + timedelta(days=n)
        if unit in {"we", "se"}:
            return today, today + timedelta(weeks=n)
        return today, vocab.add_months(today, n * (1 if unit in {"mo", "me"} else 12))
    if m := _PERIOD_REL.fullmatch(text):
        return _relative_period(today, m["unit"], {"this": 0, "next": 1, "last": -1}[m["which"]])
    if m := _PERIOD_MONTH.fullmatch(text):
        month = vocab.month_number(m["month"])
        end = vocab._pick(
            ctx, vocab.year_of(m["year"]), lambda y: (date(y, month, 1), vocab.month_end(y, month))
        )
        return end.replace(day=1), end
    if re.fullmatch(vocab.YEAR, text):
        return date(int(text), 1, 1), date(int(text), 12, 31)
    if (m := _PERIOD_QUARTER.fullmatch(text)) and not m["end"]:
        end = rules.quarter_rule(m, ctx)[0]
        first = rules.quarter_rule(m, vocab.Ctx(today, False, None))[0]
        return first, end
    try:
        reading, single = read_phrase(phrase, now, tz, False, None, LANGUAGES, None)
    except DateError:
        return None
    return (reading.due, reading.due) if single else None


def _relative_period(today: date, unit: str, step: int) -> tuple[date, date]:
    if unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = vocab.add_months(today.replace(day=1), step)
        return first, vocab.month_end(first.year, first.month)
    if unit == "quarter":
        first = vocab.add_months(
            today.replace(day=1, month=(today.month - 1) // 3 * 3 + 1), 3 * step
        )
        return first, vocab.month_end(first.year, first.month + 2)
    return date(today.year + step, 1, 1), date(today.year + step, 12, 31)
