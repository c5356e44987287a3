"""Every date phrase in a line, read or not: so that no date is dropped in silence.

``find_when`` picks the one due date of a commitment; ``date_spans`` reports all of them,
each with its reading or with the reason it could not be read ("I don't know when the 8MSP
is"), date-like words of no known shape included ("by the retreat", leftovers.py);
the phrases it could not read are what every path that logs an item says back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from handlers.dates import search as date_search
from handlers.dates import vocab
from handlers.dates.finding import LOOSE, candidates
from handlers.dates.leftovers import date_like
from handlers.dates.reading import DateReading, parse_when
from handlers.dates.vocab import DateError
from handlers.i18n.catalog import N_
from handlers.reply.text import clean


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    reading: DateReading | None
    problem: str | None
    loose: bool = False  # a date-like phrase of no known shape ("first thing Monday")


def date_spans(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    next_meeting: date | None = None,
    events: Mapping[str, date] | None = None,
    known: Sequence[tuple[int, int]] = (),
) -> list[DateSpan]:
    """Each date phrase of ``text`` (spans index into ``text`` itself), with its reading or why
    not; date-like words of no known shape included ("first thing Monday": not read).
    ``known`` are the spans of entities that are not dates ("by Italy")."""
    if clean(text) != text:  # spans must index the caller's text: only clean text is searched
        return []
    folded = vocab.same_length_fold(text)
    spans = []
    for cand in candidates(text, folded, known):
        late = date_search.LATEST_AFTER.search(folded, cand.core, cand.end)
        phrase = text[cand.core : late.start() if late else cand.end]
        try:
            reading = parse_when(phrase, now=now, tz=tz, next_meeting=next_meeting, events=events)
        except DateError as problem:
            spans.append(DateSpan(cand.start, cand.end, None, str(problem), cand.kind is LOOSE))
            continue
        spans.append(DateSpan(cand.start, cand.end, reading, None, cand.kind is LOOSE))
    return spans


def loose_date_words(
    text: str, covered: list[tuple[int, int]], known: Sequence[tuple[int, int]] = ()
) -> list[str]:
    """Date-like words outside any date phrase found ("by the retreat"); see leftovers.py."""
    return [text[s:e] for s, e in date_like(text, covered, known)]


class _Found(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


NOT_DATES = frozenset(
    {"state", "area", "role", "person", "mention", "article", "amount", "item", "ruled_out"}
)


def known_spans(entities: Iterable[_Found]) -> list[tuple[int, int]]:
    """The spans of entities that are never dates (a State, a role): "by Italy" is no deadline."""
    return [(e.start, e.end) for e in entities if e.kind in NOT_DATES]


# Stored in English with an item whose date could not be read (minutes); localize_stored reads it.
UNREAD_NOTE = N_("I could not read “{words}” as a date; set one with `due #<id> <when>`.")


def unread_note(
    text: str, *, now: datetime, tz: ZoneInfo, next_meeting: date | None = None
) -> str | None:
    """The English note stored with an item logged without a due date, when ``text`` holds
    date-like words that could not be read; None when there are none."""
    text = clean(text)
    spans = date_spans(text, now=now, tz=tz, next_meeting=next_meeting)
    unread = [s for s in spans if s.reading is None]
    if not unread:
        return None
    return UNREAD_NOTE.format(words="”, “".join(text[s.start : s.end] for s in unread))
