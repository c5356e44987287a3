"""Deadlines counted from an event: "at least nine months before the 11MSP", "before the next
Review Conference", "by the 3RC". The caller supplies the events' first days; these rules say
which event is meant and count back from it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from handlers.dates.vocab import (
    DAY,
    MONTH,
    MONTH_NAMES,
    NUMBER,
    NUMBER_WORDS,
    UNIT,
    YEAR,
    Resolved,
    add_months,
    alt,
)

# --- events: "at least nine months before the 11MSP", "before the next Review Conference" ---------

_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_EVENT_ORDINALS = {w: i for i, w in enumerate(f"{_ORDINAL_WORDS} thirteenth fourteenth".split(), 1)}
EVENT_NAME = (
    rf"(?:the\s+)?(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th)?\s*|(?P<ordw>{alt(_EVENT_ORDINALS)})\s+|"
    r"(?P<next>next|upcoming|coming)\s+)(?P<kind>msp|rc|meeting\s+of\s+(?:the\s+)?states\s+parties|"
    r"review\s+conference)"
)
_EVENT_WHEN = (
    rf"(?:(?:early|mid|late)[\s-]+)?(?:{DAY}\s+(?:of\s+)?)?{MONTH}(?:\s+{DAY})?,?\s+{YEAR}|{YEAR}"
)
_EVENT_STATED = (
    r"(?:,?\s+(?:(?:which|that)\s+(?:is|was|will\s+be)\s+(?:(?:currently|now|tentatively)\s+)?"
    r"(?:expected|scheduled|planned|due|set|foreseen)\s+to\s+(?:take\s+place|be\s+held|convene|"
    r"open|start|begin)|to\s+be\s+held|(?:expected|scheduled)\s+to\s+take\s+place)\s+"
    rf"(?:in|on|from)\s+(?P<when>{_EVENT_WHEN}))?"
)
EVENT = (
    r"(?:(?P<lead>at\s+least|no\s+later\s+than|not\s+later\s+than|at\s+the\s+latest|"
    r"due(?:\s+(?:by|on))?)\s+)?"
    rf"(?:(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+(?:before|prior\s+to|ahead\s+of)\s+|"
    r"(?P<prep>before|prior\s+to|ahead\s+of|by|until|till|at|during|for)\s+)?"
    + EVENT_NAME
    + _EVENT_STATED
)
_COUNT_WORDS = "zero one two three four five six seven eight nine ten eleven twelve"
_EN_NUMBERS = _COUNT_WORDS.split()


def event_key(m: re.Match[str]) -> tuple[str, str]:
    """("11msp", "11MSP") or ("next rc", "next RC"): the key into ``events`` and a label."""
    kind = "msp" if m["kind"] == "msp" or m["kind"].startswith("meeting") else "rc"
    if m["next"]:
        return f"next {kind}", f"next {kind.upper()}"
    number = int(m["num"]) if m["num"] else _EVENT_ORDINALS[m["ordw"]]
    return f"{number}{kind}", f"{number}{kind.upper()}"


def short_day(d: date) -> str:
    """ "11 Sep 2023"."""
    return f"{d.day} {MONTH_NAMES[d.month - 1][:3]} {d.year}"


def count_back(m: re.Match[str], event: date, label: str, shown: str) -> Resolved:
    """The deadline an EVENT match sets, given the event's first day."""
    if m["n"]:
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        unit = m["unit"][:2]
        if unit in {"da", "jo", "di"}:
            due, word = event - timedelta(days=n), "day"
        elif unit in {"we", "se"}:
            due, word = event - timedelta(weeks=n), "week"
        elif unit in {"mo", "me"}:
            due, word = add_months(event, -n), "month"
        else:
            due, word = add_months(event, -12 * n), "year"
        count = _EN_NUMBERS[n] if n < len(_EN_NUMBERS) else str(n)
        return due, f"{count} {word}{'s' if n != 1 else ''} before the {label} ({shown})"
    if re.sub(r"\s+", " ", m["prep"] or "") in {"before", "prior to", "ahead of"}:
        return event - timedelta(days=1), f"the day before the {label} ({shown})"
    return event, f"the first day of the {label} ({shown})"
