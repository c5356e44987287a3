"""Impossible dates: a day that does not exist in its month (31/02, 30 February 2017, 32 March)."""

from __future__ import annotations

import calendar
import re

from handlers.dates.vocab import DAY, MONTH, YEAR, Ctx, DateError, month_number
from handlers.i18n import _
from handlers.i18n.formats import month_name

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
        raise DateError(
            _("{text} is not a date: there is no month {month}.").format(text=text, month=month)
        )
    days = calendar.monthrange(year or 2000, month)[1]
    if 1 <= day <= days:
        return
    name = month_name(month)
    if year is None:
        has = (
            _("February has only 28 days (29 in a leap year)")
            if month == 2
            else _("{month} has {days} days").format(month=name, days=days)
        )
    else:
        has = _("{month} {year} has {days} days").format(month=name, year=year, days=days)
    raise DateError(_("{text} is not a date: {problem}.").format(text=text, problem=has))


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
