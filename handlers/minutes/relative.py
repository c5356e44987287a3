"""Deadlines counted back from an event: "at least nine months prior to the 11MSP, which is
expected to take place in September 2023" -> 1 December 2022."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from handlers.dates.reading import DateError, DateReading, parse_when
from handlers.dates.rules import NUMBER_WORDS

_BEFORE = re.compile(
    r"(?:at\s+least\s+|no\s+later\s+than\s+)?(?P<n>\d+|[a-z]+)\s+(?P<unit>months?|weeks?|days?)\s+"
    r"(?:prior\s+to|before)\s+(?P<event>[^,.;]+?),?\s+which\s+(?:is|was|will\s+be)\s+"
    r"(?:expected|scheduled|planned|due)\s+to\s+(?:take\s+place|be\s+held|convene|open)\s+"
    r"(?:in|on)\s+(?P<when>[^.,;]+)",
    re.IGNORECASE,
)


def before_event(text: str, *, now: datetime, tz: ZoneInfo) -> DateReading | None:
    """The deadline N months/weeks/days before a dated event named in the same sentence."""
    m = _BEFORE.search(text)
    if m is None:
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
    if not isinstance(n, int):
        return None
    try:
        anchor = parse_when(m["when"], now=now, tz=tz, deadline=False)
    except DateError:
        return None
    unit = m["unit"].lower()
    if unit.startswith("month"):
        due = anchor.due - relativedelta(months=n)
    else:
        due = (
            anchor.due - timedelta(weeks=n)
            if unit.startswith("week")
            else anchor.due - timedelta(days=n)
        )
    note = (
        f"{m[0].strip()} read as {due:%-d %B %Y} ({m['event'].strip()} on {anchor.due:%-d %B %Y})"
    )
    return DateReading(due=due, at=None, end=None, phrase=m[0], note=note)
