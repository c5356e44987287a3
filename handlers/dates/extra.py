"""Office shorthand and holidays: COB/EOD/EOW, "in a fortnight", Easter, Christmas, the
intersessionals. Rules in the shape of handlers/dates/rules.py (folded text in, a day and a
note out); holidays come from the ``holidays`` package (Geneva's calendar) and Easter from it too.

Readings (each echoed to the user in a note):

* COB / EOD / close of business [day] = that day (today when no day is named), end of the day;
  a weekday after COB is the next such day, today included ("COB Friday" said on a Friday);
* EOW / end of (the) week = the Friday of this week (next week's once Friday has passed);
* "in a fortnight" = 14 days from today;
* a holiday = its day in Geneva's calendar, the next one to come; "before <holiday>" = the day
  before (for Easter: the day before Good Friday, when the Easter break starts).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import holidays

from handlers.dates.vocab import DAY_NAMES, WEEKDAY, WEEKDAYS, YEAR, Ctx, DateError, Resolved, alt
from handlers.i18n.catalog import _

_DAYWORD = rf"(?P<day>today|tomorrow|aujourd'hui|demain|hoy|manana|(?:next\s+|this\s+)?{WEEKDAY})"
COB = (
    r"(?:(?:by|at|before|until|till|d'ici|avant|antes\s+de(?:l)?|para)\s+)?(?:the\s+)?"
    r"(?P<cob>cob|eod|c\.o\.b\.?|e\.o\.d\.?|close\s+of\s+(?:business|play)|end\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?day|"
    r"fin\s+de\s+(?:la\s+)?journee|fin\s+del\s+dia)"
    rf"(?:\s*(?:on\s+|le\s+|el\s+)?{_DAYWORD})?"
)
EOW = (
    r"(?:(?:by|at|before|until|d'ici|avant|antes\s+de(?:l)?|para)\s+)?(?:the\s+)?"
    r"(?:eow|e\.o\.w\.?|end\s+of\s+(?:the\s+|this\s+)?(?:working\s+)?week|fin\s+de\s+(?:la\s+)?semaine|"
    r"fin\s+de\s+(?:la\s+)?semana|finales\s+de\s+(?:la\s+|esta\s+)?semana)"
)
FORTNIGHT = (
    r"(?:(?:in|within|dans|en|d'ici)\s+)?(?:a|one|une|un|the\s+next|the\s+coming)\s+"
    r"(?:fortnight|quinzaine(?:\s+de\s+jours)?)|(?:in|within|dentro\s+de|en)\s+(?:una\s+)?quincena"
    r"|(?:in|within)\s+(?P<n>two|three|2|3)\s+fortnights"
    r"|(?:(?:dans|sous|d'ici)\s+(?:les\s+)?)?quinze\s+jours|(?:(?:en|dentro\s+de)\s+(?:los\s+)?)?quince\s+dias"
)
_HOLIDAY_WORDS = {
    "easter": "easter",
    "paques": "easter",
    "pascua": "easter",
    "semana santa": "easter",
    "good friday": "good friday",
    "vendredi saint": "good friday",
    "viernes santo": "good friday",
    "easter monday": "easter monday",
    "lundi de paques": "easter monday",
    "ascension": "ascension",
    "ascension day": "ascension",
    "ascension thursday": "ascension",
    "jeudi de l'ascension": "ascension",
    "dia de la ascension": "ascension",
    "jueves de la ascension": "ascension",
    "pentecost": "pentecost",
    "pentecost monday": "pentecost",
    "whitsun": "pentecost",
    "whit monday": "pentecost",
    "whitmonday": "pentecost",
    "pentecote": "pentecost",
    "lundi de pentecote": "pentecost",
    "pentecostes": "pentecost",
    "lunes de pentecostes": "pentecost",
    "christmas": "christmas",
    "xmas": "christmas",
    "noel": "christmas",
    "navidad": "christmas",
    "new year": "new year",
    "new year's day": "new year",
    "nouvel an": "new year",
    "ano nuevo": "new year",
    "national day": "national day",
    "fete nationale": "national day",
}
_HOLIDAY_NAMES = {
    "easter": "Easter Sunday",
    "good friday": "Good Friday",
    "easter monday": "Easter Monday",
    "ascension": "Ascension Day",
    "pentecost": "Pentecost Monday",
    "christmas": "Christmas Day",
    "new year": "New Year's Day",
    "national day": "National Day",
}
HOLIDAY_KEYS = tuple(_HOLIDAY_WORDS)
HOLIDAY = (
    r"(?:(?P<prep>before|by|until|till|after|for|at|over|avant|d'ici|apres|pour|antes\s+de(?:l)?|"
    r"despues\s+de(?:l)?|para|hasta)\s+)?(?:the\s+|la\s+|el\s+|l')?"
    rf"(?P<hol>{alt(_HOLIDAY_WORDS)})(?:\s+(?:break|holidays?|vacances|vacaciones|recess))?"
    rf"(?:\s+(?P<year>{YEAR}))?"
)
INTERSESSIONALS = (
    r"(?:(?P<prep>before|by|until|till|at|for|ahead\s+of|prior\s+to|avant|d'ici|lors\s+des|pour|"
    r"antes\s+de(?:\s+las)?|para(?:\s+las)?|hasta)\s+)?(?:the\s+|les\s+|las\s+)?"
    r"(?:(?:june|may)\s+)?(?:intersessionals?|intersessional\s+meetings?|intersessions|"
    r"reunions\s+intersessions|reuniones\s+entre\s+sesiones|reuniones\s+intersesionales)"
)


@lru_cache(maxsize=32)
def _geneva(year: int) -> dict[str, date]:
    """Geneva's public holidays of ``year`` by our key, from the ``holidays`` package."""
    found = holidays.country_holidays("CH", subdiv="GE", years=year, language="en_US")
    by_name = {name: day for day, name in found.items()}
    days = {key: by_name[name] for key, name in _HOLIDAY_NAMES.items() if name in by_name}
    days["easter"] = days["good friday"] + timedelta(days=2)
    return days


def _next_day(ctx: Ctx, word: str | None) -> date:
    """Today, tomorrow, or the next such weekday counting today ("COB Friday" on a Friday)."""
    if word is None or word in {"today", "aujourd'hui", "hoy"}:
        return ctx.today
    if word in {"tomorrow", "demain", "manana"}:
        return ctx.today + timedelta(days=1)
    name = word.split()[-1].rstrip(".")
    ahead = (WEEKDAYS[name] - ctx.today.weekday()) % 7
    if word.startswith("next") and ahead == 0:
        ahead = 7
    return ctx.today + timedelta(days=ahead)


def cob_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    day = _next_day(ctx, m["day"])
    return day, f"{DAY_NAMES[day.weekday()]}, end of the day"


def eow_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    friday = ctx.today + timedelta(days=(4 - ctx.today.weekday()) % 7)
    return friday, "the Friday of the week, end of the day"


def fortnight_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    n = {"two": 2, "three": 3, "2": 2, "3": 3}.get(m["n"] or "", 1)
    return ctx.today + timedelta(weeks=2 * n), f"{2 * n} weeks from today"


def holiday_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    key = _HOLIDAY_WORDS[re.sub(r"\s+", " ", m["hol"])]
    prep = re.sub(r"\s+", " ", m["prep"] or "")
    years = [int(m["year"])] if m["year"] else [ctx.today.year, ctx.today.year + 1]
    for year in years:
        day = _geneva(year)[key]
        if prep.startswith(("before", "avant", "antes")) or prep == "until":
            start = _geneva(year)["good friday"] if key == "easter" else day
            due, how = start - timedelta(days=1), "the day before"
        elif prep.startswith(("after", "apres", "despues")):
            due, how = day + timedelta(days=1), "the day after"
        else:
            due, how = day, ""
        if due >= ctx.today or m["year"]:
            label = _HOLIDAY_NAMES[key]
            extra = (
                " (the Easter break starts on Good Friday)"
                if how == "the day before" and key == "easter"
                else ""
            )
            return due, f"{how + ' ' if how else ''}{label} {year}{extra}".strip()
    raise DateError(_("I could not place “{text}” in the coming year.").format(text=m[0]))


def intersessionals_rule(m: re.Match[str], ctx: Ctx) -> Resolved:
    """Needs the calendar: see ``anchor_rule`` in reading (events["intersessionals"])."""
    raise DateError("intersessionals need the calendar")


EXTRA_RULES = [
    (COB, cob_rule),
    (EOW, eow_rule),
    (FORTNIGHT, fortnight_rule),
    (HOLIDAY, holiday_rule),
]
