"""Every date phrase in a line, read or not: so that no date is dropped in silence.

``find_when`` picks the one due date of a commitment; ``date_spans`` reports all of them,
each with its reading or with the reason it could not be read ("I don't know when the 8MSP
is"), and ``loose_date_words`` finds date-like words no phrase covered ("by the retreat").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.dates import search as date_search
from handlers.dates import vocab
from handlers.dates.finding import candidates
from handlers.dates.reading import DateReading, parse_when
from handlers.dates.vocab import DateError
from handlers.reply.text import clean


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    reading: DateReading | None
    problem: str | None


def date_spans(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    next_meeting: date | None = None,
    events: Mapping[str, date] | None = None,
) -> list[DateSpan]:
    """Each date phrase of ``text`` (spans index into ``text`` itself), with its reading or why not."""
    if clean(text) != text:  # spans must index the caller's text: only clean text is searched
        return []
    folded = vocab.same_length_fold(text)
    spans = []
    for cand in candidates(text, folded):
        late = date_search.LATEST_AFTER.search(folded, cand.core, cand.end)
        phrase = text[cand.core : late.start() if late else cand.end]
        try:
            reading = parse_when(phrase, now=now, tz=tz, next_meeting=next_meeting, events=events)
        except DateError as problem:
            spans.append(DateSpan(cand.start, cand.end, None, str(problem)))
            continue
        spans.append(DateSpan(cand.start, cand.end, reading, None))
    return spans


_LOOSE = re.compile(
    r"(?<![\w'])(?:by|before|until|till|no\s+later\s+than|d'ici|avant|antes\s+de(?:l)?|hasta|para)\s+"
    r"(?:the\s+|la\s+|le\s+|el\s+|les\s+|las\s+)?(?P<what>\d{1,2}(?:msp|rc)|msp|rc|retreat|summit|"
    r"conference|deadline|holidays?|break|recess|weekend|vacances|vacaciones|cumbre|sommet)\b"
)


def loose_date_words(text: str, covered: list[tuple[int, int]]) -> list[str]:
    """Deadline-like words outside any date phrase read: "before the 8MSP" with no 8MSP stored."""
    folded = vocab.same_length_fold(text)
    out = []
    for m in _LOOSE.finditer(folded):
        if not any(s <= m.start() < e for s, e in covered):
            out.append(text[m.start() : m.end()])
    return out
