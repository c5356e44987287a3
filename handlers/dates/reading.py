"""The date layer: dateparser underneath, our own rules (handlers/dates/rules.py) on top.

Every reading is a pure function of (phrase, now, tz): ``now`` is converted to the committee
time zone and handed to dateparser as a naive RELATIVE_BASE. Numeric dates are day-first, dates
without a year prefer the future, an explicit year wins. Vague phrases get a note saying how
they were read, and so do readings the user may not have expected (a weekday alone, a date
without a year that falls next year); the measurements behind each rule are in
tests/handlers/test_dates.py. Deadlines counted from an event ("before the 11MSP") need the
caller's ``events``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers.dates import checks as date_checks
from handlers.dates import events as event_rules
from handlers.dates import extra, rules, vocab
from handlers.dates import search as date_search
from handlers.dates.vocab import DateError, UnknownEventError
from handlers.i18n.catalog import N_, _, use_language
from handlers.i18n.formats import format_day as i18n_format_day
from handlers.i18n.formats import format_long_day as i18n_long_day
from handlers.i18n.formats import weekday_name
from handlers.i18n.notes import reading_note
from handlers.i18n.said import when_text
from handlers.reply.text import clean

__all__ = [
    "DateError",
    "DateReading",
    "UnknownEventError",
    "format_day",
    "format_reading",
    "parse_time_range",
    "parse_when",
    "read_phrase",
    "warm_up",
]

MAX_DATE_CHARS = 200
LANGUAGES = ("en", "fr", "es")
_PARSERS = ["relative-time", "custom-formats", "absolute-time"]  # no timestamps: "1490263200"
_DAY_ABBR = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_TIME_RANGE = re.compile(rf"(?<![\w'])(?:{vocab.TIME_RANGE})")
_TIME = re.compile(
    rf"(?:,?\s*(?:at|a\s+las|a)\s+)?(?P<t>{vocab.TIME})(?:\s*(?:hours|hrs|heures|horas)\b)?"
)
_KEEP = (  # the preposition belongs to the phrase: "before the summer", "in the coming weeks"
    rf"(?:{vocab.ARTICLE})?(?:{vocab.alt(rules.SEASON_WORDS)})\b|(?:les\s+|las\s+)?vaca(?:nces|ciones)\b|the\s+(?:following|coming|next|days|"
    rf"weeks|months)\b|a\s+few\b|les\b|las\b|los\b|(?:{vocab.NUMBER})\s+{vocab.UNIT}|"
    rf"(?:the\s+|la\s+|el\s+|l')?(?:{vocab.alt(extra.HOLIDAY_KEYS)})\b|(?:the\s+|les\s+|las\s+)?(?:june\s+|may\s+)?"
    r"(?:intersession|reuniones\s+entre|reunions\s+inter)|(?:the\s+|la\s+|le\s+|el\s+)?(?:next|prochaine?|"
    r"proxima)\s+(?:cc|coordination|meeting|reunion|comite)\b|\d{1,2}(?:er)?$|quinze\s+jours|quince\s+dias"
)
_THIS_DAY = re.compile(rf"(?:ce|cette|este|esta)\s+(?P<wd>{vocab.alt(vocab.WEEKDAYS)})")
# Chat shorthand for a day, read as the word it stands for ("tmrw", "first thing Monday").
_SHORTHAND = [
    (
        re.compile(
            r"^(?:first\s+thing|a\s+primera\s+hora|a\s+la\s+premiere\s+heure)(?:\s+(?:on|del?|le))?\s+"
        ),
        "",
    ),
    (re.compile(r"(?<![\w'])(?:tmrw|tmr|tmw|tmrow|2moro|2morrow|2mrw|tomoz)(?!\w)"), "tomorrow"),
    (re.compile(r"^pasado\s+manana$"), "in 2 days"),
    (
        re.compile(
            r"^(?:tonite|tonight|ce\s+soir|ce\s+matin|cet\s+apres-midi|esta\s+(?:tarde|noche|manana))$"
        ),
        "today",
    ),
]
_LEADING = re.compile(rf"(?:{vocab.CONNECTOR})\s+(?!{_KEEP})")
_NUMBER_ONLY = re.compile(r"\W*\d+\W*")
_DOT_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})")
_WEEKDAY = re.compile(rf"(?<![\w'])(?P<wd>{vocab.WEEKDAY})(?![\w])")
_HAS_YEAR = re.compile(rf"{vocab.YEAR}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2}}\b")
_NAMES_DAY = re.compile(
    rf"(?<![\w'])(?:{vocab.MONTH})(?![\w])|(?<![\d.,'/#])\d{{1,2}}[/.]\d{{1,2}}(?!\d)"
)
_WEEKDAY_ALONE = re.compile(rf"(?:(?P<this>this|ce|cette|este|esta)\s+)?(?P<wd>{vocab.WEEKDAY})")
_EVENT = re.compile(event_rules.EVENT)
_ANCHOR = re.compile(extra.INTERSESSIONALS)
_UNREADABLE = N_(
    "I could not read “{text}” as a date. Try “15 April”, “end of March” or “in two weeks”."
)


@dataclass(frozen=True)
class DateReading:
    """A date read from what a user wrote, in the committee time zone.

    ``read_on`` is the committee-local day it was read on (None for a reading made by hand);
    ``past`` says the due day was already over then, so that callers can warn.
    """

    due: date
    at: datetime | None
    end: datetime | None
    phrase: str
    note: str | None
    read_on: date | None = None  # the committee-local day the phrase was read on

    @property
    def vague(self) -> bool:
        return self.note is not None

    @property
    def past(self) -> bool:
        """The due day was already over when the phrase was read ("by 2016", "yesterday")."""
        return self.read_on is not None and self.due < self.read_on


def local_now(now: datetime, tz: ZoneInfo) -> datetime:
    """``now`` in the committee zone; a naive ``now`` is taken to be committee-local already."""
    return now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)


def _to_time(text: str, pm_hint: bool | None = None) -> time | None:
    m = re.fullmatch(r"(\d{1,2})(?:[:h](\d{2}))?\s*(?:h|(?P<ap>[ap])\.?m\.?)?", text.strip())
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    pm = m["ap"] == "p" if m["ap"] else pm_hint
    if pm is not None and hour <= 12:
        hour = hour % 12 + (12 if pm else 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def parse_time_range(text: str, *, day: date, tz: ZoneInfo) -> tuple[datetime, datetime] | None:
    """ "from 10:00h to 11:30h", "10:00 – 11:30 hours", "10h-11h30" -> aware start and end."""
    m = _TIME_RANGE.search(vocab.same_length_fold(clean(text)))
    if not m:
        return None
    end = _to_time(m["t2"])
    hint = "pm" in m["t2"] or "p.m" in m["t2"] if re.search(r"[ap]\.?m", m["t2"]) else None
    start = _to_time(m["t1"], hint if not re.search(r"[ap]\.?m", m["t1"]) else None)
    if start is None or end is None or end <= start:
        return None
    return datetime.combine(day, start, tzinfo=tz), datetime.combine(day, end, tzinfo=tz)


def _cut(original: str, folded: str, m: re.Match[str]) -> tuple[str, str]:
    return (
        clean(original[: m.start()] + " " + original[m.end() :]).strip(" ,"),
        clean(folded[: m.start()] + " " + folded[m.end() :]).strip(" ,"),
    )


def _dateparser(text: str, base: datetime, languages: Sequence[str]) -> datetime | None:
    settings = {
        "RELATIVE_BASE": base,
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "PARSERS": _PARSERS,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    import dateparser  # here, not at the top: it costs ~0.2 s to import, ~1 s to warm

    found = dateparser.parse(text[:MAX_DATE_CHARS], languages=list(languages), settings=settings)
    return found if isinstance(found, datetime) else None


def _by_dateparser(
    original: str, folded: str, ctx: vocab.Ctx, base: datetime, languages: Sequence[str]
) -> vocab.Resolved:
    if _NUMBER_ONLY.fullmatch(folded):  # "21", "#12": dateparser reads a day of this month
        raise DateError(_(_UNREADABLE).format(text=original))
    text = _DOT_DATE.sub(r"\1/\2", original) if _DOT_DATE.fullmatch(folded) else original
    found = _dateparser(text.replace("’", "'"), base, languages)
    if found is None:
        raise DateError(_(_UNREADABLE).format(text=original))
    wd = _WEEKDAY.search(folded)
    if wd is None or not re.search(r"\d", folded):
        return found.date(), None
    return _check_weekday(original, found.date(), vocab.WEEKDAYS[wd["wd"].rstrip(".")], folded, ctx)


def _check_weekday(
    original: str, due: date, weekday: int, folded: str, ctx: vocab.Ctx
) -> vocab.Resolved:
    """ "Tuesday, 25th April 2017" must be a Tuesday; without a year the weekday picks it."""
    if due.weekday() == weekday:
        return due, None
    name = vocab.DAY_NAMES[weekday]
    if not _HAS_YEAR.search(folded):
        for year in (ctx.today.year, ctx.today.year - 1, ctx.today.year + 1):
            try:
                other = due.replace(year=year)
            except ValueError:
                continue
            if other.weekday() == weekday:
                return other, f"the year in which it is a {name}"
    raise DateError(
        _("{text} is not possible: {day} is a {actual}, not a {weekday}.").format(
            text=original,
            day=i18n_long_day(due),
            actual=weekday_name(due.weekday()),
            weekday=weekday_name(weekday),
        )
    )


def parse_when(
    phrase: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    deadline: bool = True,
    next_meeting: date | None = None,
    languages: Sequence[str] = LANGUAGES,
    events: Mapping[str, date] | None = None,
) -> DateReading:
    """Read one date phrase; raise DateError when it is impossible or unreadable.

    ``events`` maps events ("7msp", "11msp", "next msp", "3rc") to their first day, for
    deadlines such as "at least nine months before the 11MSP"; a phrase counted from an event
    that is not in it (and whose date the phrase does not state) raises UnknownEventError.
    """
    return read_phrase(phrase, now, tz, deadline, next_meeting, languages, events)[0]


def read_phrase(
    phrase: str,
    now: datetime,
    tz: ZoneInfo,
    deadline: bool,
    next_meeting: date | None,
    languages: Sequence[str],
    events: Mapping[str, date] | None,
) -> tuple[DateReading, bool]:
    """The reading, and whether the phrase names one day (any note then only says which one)."""
    text = vocab.units_spelled(clean(phrase))[:MAX_DATE_CHARS]
    if not text:
        raise DateError(_("Give a date, e.g. “15 April”, “end of March” or “in two weeks”."))
    local = local_now(now, tz)
    ctx = vocab.Ctx(local.date(), deadline, next_meeting)
    original, folded = text, vocab.same_length_fold(text)
    if m := date_search.LATEST_AFTER.search(folded):
        original, folded = original[: m.start()], folded[: m.start()]
    if m := _EVENT.fullmatch(folded):
        due, why = _by_event(original, m, local, tz, events)
        said = _stored_note(text, due, why)
        return DateReading(due, None, None, text, said, ctx.today), False
    if m := _ANCHOR.fullmatch(folded):
        due, why = _by_anchor(m, events)
        said = f"“{text}” read as {vocab.long_day(due)}, {why}"
        return DateReading(due, None, None, text, said, ctx.today), False
    if folded.startswith("b4 "):  # chat shorthand for "before", kept as a connector
        original, folded = "before" + original[2:], "before" + folded[2:]
    while m := _LEADING.match(folded):
        original, folded = original[m.end() :], folded[m.end() :]
    if m := _THIS_DAY.fullmatch(folded):  # "este viernes", "ce vendredi": as "this Friday"
        original = folded = "this " + vocab.DAY_NAMES[vocab.WEEKDAYS[m["wd"]]].lower()
    for short, word in _SHORTHAND:
        if short.search(folded):
            original = folded = short.sub(word, folded)
    span = start = None
    if m := _TIME_RANGE.search(folded):
        span = (m["t1"], m["t2"])
        original, folded = _cut(original, folded, m)
    elif m := _TIME.search(folded):
        start = _to_time(m["t"])
        original, folded = _cut(original, folded, m)
    if not folded and (span or start):
        due, why = ctx.today, None
    else:
        date_checks.validate(original, folded, ctx)
        found = rules.apply_rules(folded, ctx)
        base = local.replace(tzinfo=None)
        due, why = found or _by_dateparser(original, folded, ctx, base, languages)
    single = why is None
    why = _which_one(folded, due, ctx.today, why)
    at = end = None
    if span:
        times = parse_time_range(f"{span[0]}-{span[1]}", day=due, tz=tz)
        at, end = times if times else (None, None)
    elif start:
        at = datetime.combine(due, start, tzinfo=tz)
    note = None if why is None else _stored_note(text, due, why)
    return DateReading(due, at, end, text, note, ctx.today), single


def _stored_note(text: str, due: date, why: str | None) -> str:
    """How the phrase was read, in English whoever typed it: items store it, and it is said in
    each reader's language where shown (handlers.i18n.notes.localize_stored)."""
    with use_language("en"):
        return reading_note(text, due, why)


def _which_one(folded: str, due: date, today: date, why: str | None) -> str | None:
    """Say which day was meant when the phrase allows another one: "Friday" said on a Friday is
    the Friday of next week, "1 March" said on 24 March is next year's."""
    if m := _WEEKDAY_ALONE.fullmatch(folded):
        monday = today - timedelta(days=today.weekday())
        name = vocab.DAY_NAMES[due.weekday()]
        if due >= monday + timedelta(weeks=1):
            return f"the {name} of next week" + (
                ", not today" if due.weekday() == today.weekday() else ""
            )
        return why if m["this"] else f"the {name} of this week"
    rolled = due.year > today.year and (due.month, due.day) < (today.month, today.day)
    if rolled and _NAMES_DAY.search(folded) and not _HAS_YEAR.search(folded):
        return f"{why}, next year" if why else "next year"
    return why


def _by_anchor(m: re.Match[str], events: Mapping[str, date] | None) -> vocab.Resolved:
    """ "by the intersessionals": the first day of the next intersessional meetings on the calendar."""
    day = (events or {}).get("intersessionals")
    if day is None:
        raise UnknownEventError(
            "I don't know when the intersessionals are: add them with `meeting add intersessional <date>`"
        )
    prep = re.sub(r"\s+", " ", m["prep"] or "")
    if prep.startswith(("before", "ahead", "prior", "avant", "antes")):
        return day - timedelta(
            days=1
        ), f"the day before the intersessionals ({event_rules.short_day(day)})"
    return day, f"the first day of the intersessionals ({event_rules.short_day(day)})"


def _event_key(name: str) -> str:
    """ "11MSP", "11th MSP", "Next  MSP" -> "11msp", "11msp", "next msp"."""
    return re.sub(r"(\d+)(?:st|nd|rd|th)?\s*", r"\1", " ".join(name.lower().split()))


def _event_day(key: str, events: Mapping[str, date] | None, today: date) -> tuple[date | None, str]:
    """The event's first day, and a prefix naming it when "next msp" had to be worked out."""
    known = {_event_key(name): day for name, day in (events or {}).items()}
    if key in known or not key.startswith("next "):
        return known.get(key), ""
    kind = key.removeprefix("next ")  # no "next msp" given: the first numbered one to come
    pattern = re.compile(rf"\d+{kind}")
    coming = sorted((d, n) for n, d in known.items() if d >= today and pattern.fullmatch(n))
    if not coming:
        return None, ""
    day, name = coming[0]
    return day, f"the {name.removesuffix(kind)}{kind.upper()}, "


def _by_event(
    original: str,
    m: re.Match[str],
    local: datetime,
    tz: ZoneInfo,
    events: Mapping[str, date] | None,
) -> vocab.Resolved:
    key, label = event_rules.event_key(m)
    day, which = _event_day(key, events, local.date())
    if day is not None:
        return event_rules.count_back(m, day, label, f"{which}{event_rules.short_day(day)}")
    if m["when"]:  # "..., which is expected to take place in September 2023"
        when = original[m.start("when") : m.end("when")]
        day = parse_when(when, now=local, tz=tz, deadline=False).due
        return event_rules.count_back(
            m, day, label, f"{when}, taken as {event_rules.short_day(day)}"
        )
    kind = "msp" if key.endswith("msp") else "rc"
    raise UnknownEventError(
        _("I don't know when the {event} is: add it with `meeting add {kind} ...`").format(
            event=label, kind=kind
        )
    )


def format_day(d: date) -> str:
    """ "Fri 31 Mar 2017" ("ven. 31 mars 2017" for a French reader: see handlers.i18n)."""
    return i18n_format_day(d)


def format_reading(r: DateReading) -> str:
    """ "due Fri 31 Mar 2017 10:00–11:30 (“mid-April” read as 15 April 2017)"."""
    return _("due {when}").format(when=format_when(r))


def when_value(r: DateReading) -> dict[str, str]:
    """The reading as data (day, time, English note), to be said later in a reader's language."""
    time_of_day = f"{r.at:%H:%M}" + (f"–{r.end:%H:%M}" if r.end else "") if r.at else ""
    return {"day": r.due.isoformat(), "time": time_of_day, "note": r.note or ""}


def format_when(r: DateReading) -> str:
    """ "Fri 31 Mar 2017 10:00–11:30 (“mid-April” read as 15 April 2017)", in the reader's language."""
    return when_text(when_value(r))


def warm_up() -> None:
    """Parse one phrase so dateparser loads its language data before the first real command,
    and load the names the date detector uses."""
    from handlers.dates.leftovers import warm_up as warm_names

    warm_names()
    zurich = ZoneInfo("Europe/Zurich")
    parse_when("Tuesday, 25th April 2017", now=datetime(2017, 3, 23, tzinfo=zurich), tz=zurich)
