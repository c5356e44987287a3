"""A meeting to add, said in words: "pls add an extra CC mtg: 30/5, 15h-16h30, German mission",
"ajoutez le séminaire de ratification : Kampala, du 26 au 27 avril 2017", "agreguen una reunión
del CC el jueves 6 de abril de 15h a 16h en la Misión de Alemania".

The day (or days) come from the date phrase the reader found, else from a numeric day in the
line ("30/5" needs no "by" here); the hours from a time range; the place from "at/à/en …" or the
part of the line that names a mission or a city. The result is the `meeting add` command, shown
to be confirmed.
"""

from __future__ import annotations

import re

from handlers.dates.reading import DateError, parse_time_range, parse_when
from handlers.i18n import _, format_long_day
from handlers.ports import Ctx
from handlers.understanding.entities import Reading

_KIND = re.compile(r"\b(?:seminar|seminaire|séminaire|seminario|workshop|atelier|taller)\b", re.I)
_NUMERIC_DAY = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])")
_PLACE = re.compile(
    r"(?:\bat|\bà|\ben|\bin|\ba|\bde|\bdu)\s+(?:the\s+|la\s+|le\s+|el\s+|l')?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)
# A mission and the two words before it at most ("the Permanent Mission of Germany", "German
# mission", "la Misión de Alemania", "mission permanente d'Allemagne").
_MISSION = re.compile(r"(?:[\w'’-]+\s+){0,2}(?:mission|misi[oó]n)\b[^,.;:!?]*", re.I)
_LEADING = re.compile(r"^(?:(?:at|à|en|in|a|la|the|el|le|l')\s+)+", re.I)


def meeting_command(ctx: Ctx, reading: Reading) -> tuple[str, str] | None:
    """(command, what it says) for the meeting the line asks to add; None when no day is said."""
    line = reading.line
    dates = sorted(  # a day ("mardi 23 mai") before a month ("la réunion de mai")
        (e for e in reading.of("date") if e.reading is not None),
        key=lambda e: not any(ch.isdigit() for ch in e.text),
    )
    phrase = dates[0].text if dates else None
    if phrase is None:
        numeric = _NUMERIC_DAY.search(line)
        phrase = numeric[0] if numeric else None
    if phrase is None:
        return None
    try:
        first = parse_when(phrase, now=ctx.now, tz=ctx.tz, deadline=False)
        last = parse_when(phrase, now=ctx.now, tz=ctx.tz, deadline=True)
    except DateError:
        return None
    kind = "seminar " if _KIND.search(line) else ""
    when = _day(first.due)
    hours = parse_time_range(line, day=first.due, tz=ctx.tz)
    if hours is not None:
        when += f" from {hours[0]:%H:%M} to {hours[1]:%H:%M}"
    elif last.due > first.due:
        when += f" to {_day(last.due)}"
    place = _place(line, exclude=phrase)
    command = f"meeting add {kind}{when}" + (f" at {place}" if place else "")
    says = _("add a meeting on {day}").format(day=format_long_day(first.due))
    return command, says + (f" ({place})" if place else "")


def _day(day: object) -> str:
    return f"{day:%-d %B %Y}"


def _place(line: str, *, exclude: str) -> str:
    rest = line.replace(exclude, " ")
    mission = _MISSION.search(rest)
    if mission:
        return _LEADING.sub("", mission[0].strip()).strip()
    for found in _PLACE.finditer(rest):
        place = found["place"].strip()
        if place.lower() not in {"cc", "msp"}:
            return place
    for part in re.split(r"[,:;]", rest)[1:]:  # "…seminar to the meetings, Kampala 27-28 april"
        if _NAME.fullmatch(part.strip()):
            return part.strip()
    return ""


_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")
