"""How a date phrase was read ("“end of April” read as 30 April 2017, the last day of April"),
said in the reader's language.

The date layer (handlers/dates) explains its readings in English fragments; rather than thread
a language through every rule, each known fragment shape is matched here and rewritten from the
catalog, with months, weekdays and days in the reader's language. A fragment of a shape not
listed stays English (and the no-English test finds it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from babel.dates import get_day_names, get_month_names

from handlers.i18n.catalog import N_, _, current_language, ngettext
from handlers.i18n.formats import format_long_day

_MONTHS = "January February March April May June July August September October November December"
_MONTH_NUMBER = {name: i for i, name in enumerate(_MONTHS.split(), 1)}
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH = rf"(?P<month>{'|'.join(_MONTHS.split())})"
_DAY = rf"(?P<weekday>{'|'.join(_DAYS)})"
_SHORT_DAY = r"(?P<shown>\d{1,2} [A-Z][a-z]{2} \d{4})"
_UNITS = {"day": 0, "week": 1, "month": 2, "year": 3}
_NUMBERS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_COUNT = r"\d+|" + "|".join(_NUMBERS)  # "two", "3": never "the" ("the day before the …")
# "of the summer": French and Spanish contract the article with "de" ("de l'été", "du
# printemps", "del verano"), so the whole phrase is one message.
_SEASONS = {
    "spring": N_("of the spring"),
    "summer": N_("of the summer"),
    "autumn": N_("of the autumn"),
    "fall": N_("of the autumn"),
    "winter": N_("of the winter"),
}
_SEASON_KINDS = {
    "the day before": N_("the day before {of_season} ({months})"),
    "the 15th of the month after": N_("the 15th of the month after the end {of_season} ({months})"),
    "the last day of": N_("the last day {of_season} ({months})"),
    "the first day of": N_("the first day {of_season} ({months})"),
}
_FIXED = {
    "the next meeting": N_("the next meeting"),
    "the last day of the month": N_("the last day of the month"),
    "the last day of the year": N_("the last day of the year"),
    "the Friday of that week": N_("the Friday of that week"),
    "the last day of the range": N_("the last day of the range"),
    "the first day of the range": N_("the first day of the range"),
    "the last day of that quarter": N_("the last day of that quarter"),
    "the first day of that quarter": N_("the first day of that quarter"),
    "the last day of that half": N_("the last day of that half"),
    "the first day of that half": N_("the first day of that half"),
    "next year": N_("next year"),
    "not today": N_("not today"),
    "the Friday of the week": N_("the Friday of the week"),
    "end of the day": N_("end of the day"),
    "late = by the last day": N_("late = by the last day"),
    "the first week = by the 7th": N_("the first week = by the 7th"),
    "the second week = by the 14th": N_("the second week = by the 14th"),
}


def _month(name: str) -> str:
    return str(get_month_names("wide", locale=current_language())[_MONTH_NUMBER[name]])


def _of(month: str) -> str:
    """ "of April": French elides before a vowel ("d’avril", "de mars"); Spanish says "de abril"."""
    lang = current_language()
    if lang == "fr":
        return ("d’" if month[:1] in "aeiouéâ" else "de ") + month
    return f"de {month}" if lang == "es" else f"of {month}"


def _weekday(name: str) -> str:
    return str(get_day_names("wide", locale=current_language())[_DAYS.index(name)])


def _short(text: str) -> str:
    return format_long_day(datetime.strptime(text, "%d %b %Y").date())


def _number(raw: str) -> int:
    return _NUMBERS.index(raw) if raw in _NUMBERS else int(raw)


def _count(m: re.Match[str]) -> str:
    """ "two months before the 11MSP (4 Sep 2023)": literal ngettext calls, so they are extracted."""
    n, unit = _number(m["count"]), m["unit"]
    if unit == "day":
        text = ngettext(
            "{count} day before the {event} ({day})", "{count} days before the {event} ({day})", n
        )
    elif unit == "week":
        text = ngettext(
            "{count} week before the {event} ({day})", "{count} weeks before the {event} ({day})", n
        )
    elif unit == "month":
        text = ngettext(
            "{count} month before the {event} ({day})",
            "{count} months before the {event} ({day})",
            n,
        )
    else:
        text = ngettext(
            "{count} year before the {event} ({day})", "{count} years before the {event} ({day})", n
        )
    return text.format(count=n, event=m["event"], day=_short(m["shown"]))


# Geneva's holidays as the date reader names them (handlers/dates/extra.py).
_HOLIDAYS = {
    "Easter Sunday": N_("Easter Sunday"),
    "Good Friday": N_("Good Friday"),
    "Easter Monday": N_("Easter Monday"),
    "Ascension Day": N_("Ascension Day"),
    "Pentecost Monday": N_("Pentecost Monday"),
    "Christmas Day": N_("Christmas Day"),
    "New Year's Day": N_("New Year's Day"),
    "National Day": N_("National Day"),
}


def _holiday(m: re.Match[str]) -> str:
    """ "the day before Easter Sunday 2017 (the Easter break starts on Good Friday)"."""
    name = _(_HOLIDAYS[m["holiday"]])
    said = {
        None: _("{holiday} {year}"),
        "the day before": _("the day before {holiday} {year}"),
        "the day after": _("the day after {holiday} {year}"),
    }[m["how"]].format(holiday=name, year=m["year"])
    if m["break"]:
        said += " " + _("(the Easter break starts on Good Friday)")
    return said


def _from_today(m: re.Match[str]) -> str:
    """ "2 weeks from today", "one week from today"."""
    n = _number(m["count"])
    if m["unit"] == "day":
        return ngettext("{count} day from today", "{count} days from today", n).format(count=n)
    if m["unit"] == "week":
        return ngettext("{count} week from today", "{count} weeks from today", n).format(count=n)
    return ngettext("{count} month from today", "{count} months from today", n).format(count=n)


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(_DAY), lambda m: _weekday(m["weekday"])),  # "Friday, end of the day"
    (re.compile(rf"(?P<count>{_COUNT}) (?P<unit>day|week|month)s? from today"), _from_today),
    (
        re.compile(rf"the day before the intersessionals \({_SHORT_DAY}\)"),
        lambda m: _("the day before the intersessional meetings ({day})").format(
            day=_short(m["shown"])
        ),
    ),
    (
        re.compile(rf"the first day of the intersessionals \({_SHORT_DAY}\)"),
        lambda m: _("the first day of the intersessional meetings ({day})").format(
            day=_short(m["shown"])
        ),
    ),
    (
        re.compile(rf"the (?P<which>last|first) day of {_MONTH}"),
        lambda m: (
            _("the last day {of_month}") if m["which"] == "last" else _("the first day {of_month}")
        ).format(of_month=_of(_month(m["month"]))),
    ),
    (
        re.compile(rf"the {_DAY} of next week(?P<not_today>, not today)?"),
        lambda m: (
            _("the {weekday} of next week, not today")
            if m["not_today"]
            else _("the {weekday} of next week")
        ).format(weekday=_weekday(m["weekday"])),
    ),
    (
        re.compile(rf"the {_DAY} of this week"),
        lambda m: _("the {weekday} of this week").format(weekday=_weekday(m["weekday"])),
    ),
    (
        re.compile(rf"the year in which it is a {_DAY}"),
        lambda m: _("the year in which it is a {weekday}").format(weekday=_weekday(m["weekday"])),
    ),
    (
        re.compile(
            rf"(?P<count>{_COUNT}) (?P<unit>day|week|month|year)s? before the (?P<event>\S+) "
            rf"\({_SHORT_DAY}\)"
        ),
        _count,
    ),
    (
        re.compile(
            r"(?:(?P<how>the day before|the day after) )?(?P<holiday>"
            + "|".join(re.escape(h) for h in _HOLIDAYS)
            + r") (?P<year>\d{4})(?P<break> \(the Easter break starts on Good Friday\))?"
        ),
        _holiday,
    ),
    (
        re.compile(rf"the day before the (?P<event>\S+) \({_SHORT_DAY}\)"),
        lambda m: _("the day before the {event} ({day})").format(
            event=m["event"], day=_short(m["shown"])
        ),
    ),
    (
        re.compile(rf"the first day of the (?P<event>\d+[A-Z]+) \({_SHORT_DAY}\)"),
        lambda m: _("the first day of the {event} ({day})").format(
            event=m["event"], day=_short(m["shown"])
        ),
    ),
    (
        re.compile(
            r"(?P<kind>the day before|the 15th of the month after|the last day of|the first day of)"
            rf" the (?P<season>{'|'.join(_SEASONS)}) \((?P<first>\w+)–(?P<last>\w+)\)"
        ),
        lambda m: _(_SEASON_KINDS[m["kind"]]).format(
            of_season=_(_SEASONS[m["season"]]),
            months=f"{_month(m['first'])}–{_month(m['last'])}",
        ),
    ),
]


def _after(m: re.Match[str]) -> str:
    n, unit = _number(m["count"]), m["unit"]
    day = format_long_day(date(2000, _MONTH_NUMBER[m["month"]], int(m["day"])))[:-5].strip()
    day = day.removesuffix(" de")  # "23 de marzo de 2000" -> "23 de marzo"
    if unit == "day":
        text = ngettext("{count} day after {day}", "{count} days after {day}", n)
    elif unit == "week":
        text = ngettext("{count} week after {day}", "{count} weeks after {day}", n)
    else:
        text = ngettext("{count} month after {day}", "{count} months after {day}", n)
    return text.format(count=n, day=day)


_PATTERNS.append(
    (
        re.compile(
            rf"(?P<count>{_COUNT}) (?P<unit>day|week|month)s? after (?P<day>\d{{1,2}}) {_MONTH}"
        ),
        _after,
    )
)
_UNREAD = re.compile(
    r"I could not read “(?P<words>.*)” as a date; set one with `due #<id> <when>`\.", re.S
)
_STORED = re.compile(r"“(?P<text>[^”]*)” read as (?P<rest>.+)", re.S)
_STORED_DAY = re.compile(rf"(?P<day>\d{{1,2}}) {_MONTH} (?P<year>\d{{4}})(?:, (?P<why>.+))?", re.S)


_DAY_TEXT = rf"\d{{1,2}} (?:{'|'.join(_MONTHS.split())}) \d{{4}}"
_FROM_MINUTES = re.compile(
    rf"(?P<text>.+?) read as (?P<day>{_DAY_TEXT}) \((?P<event>.+) on (?P<anchor>{_DAY_TEXT})\)",
    re.S,
)


_UNDATED = re.compile(r"“(?P<text>[^”]*)”: no date given", re.S)
_THE_MEETING = re.compile(r"the (?:(?:CC|Committee|Coordination Committee)\s+)?meeting", re.I)
_THE = re.compile(r"the\s+(?P<event>\S.*)", re.I | re.S)


def _day_text(text: str) -> str:
    return format_long_day(datetime.strptime(text, "%d %B %Y").date())


def _event(text: str) -> str:
    """The event a minutes deadline counts from ("the meeting", "the 11MSP"), in the reader's
    words; the event's own name (an acronym, a title) stays as the minutes wrote it."""
    if _THE_MEETING.fullmatch(text.strip()):
        return _("the meeting")
    named = _THE.fullmatch(text.strip())
    return _("the {event}").format(event=named["event"]) if named else text


def localize_stored(note: str) -> str:
    """A note stored in English with an item (how its date was read), for today's reader."""
    if current_language() == "en":
        return note
    minutes = _FROM_MINUTES.fullmatch(note)  # a minutes import: "after the meeting" phrases
    if minutes is not None:
        return _("“{text}” read as {day} ({event} on {anchor})").format(
            text=minutes["text"],
            day=_day_text(minutes["day"]),
            event=_event(minutes["event"]),
            anchor=_day_text(minutes["anchor"]),
        )
    unread = _UNREAD.fullmatch(note)  # an item logged without the date its words named
    if unread is not None:
        return _("I could not read “{words}” as a date; set one with `due #<id> <when>`.").format(
            words=unread["words"]
        )
    undated = _UNDATED.fullmatch(note)
    if undated is not None:
        return _("“{text}”: no date given").format(text=undated["text"])
    m = _STORED.fullmatch(note)
    if m is None:
        return localize_why(note)  # a bare explanation ("the next meeting"), else as stored
    day = _STORED_DAY.fullmatch(m["rest"])
    if day is not None:
        due = date(int(day["year"]), _MONTH_NUMBER[day["month"]], int(day["day"]))
        return reading_note(m["text"], due, day["why"])
    return _("“{text}” read as {why}").format(text=m["text"], why=localize_why(m["rest"]))


def localize_why(why: str) -> str:
    """One English explanation fragment in the reader's language (clauses joined by ", ")."""
    if current_language() == "en":
        return why
    # "… before the next MSP (the 7MSP, 4 Sep 2017)": said as the 7MSP itself, one clause
    why = _NEXT_EVENT.sub(r"the \g<event> (", why)
    return ", ".join(_clause(part) for part in why.split(", "))


_NEXT_EVENT = re.compile(r"the next \S+ \(the (?P<event>\S+), ")


def _clause(part: str) -> str:
    if part in _FIXED:
        return _(_FIXED[part])
    for pattern, rewrite in _PATTERNS:
        m = pattern.fullmatch(part)
        if m:
            return rewrite(m)
    return part


def reading_note(text: str, due: date, why: str | None) -> str:
    """ "“end of April” read as 30 April 2017, the last day of April", in the reader's language."""
    day = format_long_day(due)
    if not why:
        return _("“{text}” read as {day}").format(text=text, day=day)
    return _("“{text}” read as {day}, {why}").format(text=text, day=day, why=localize_why(why))
