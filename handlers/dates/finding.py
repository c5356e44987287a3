"""Finding the due date inside a sentence ("send the report to Chile by 15 April"): every date
phrase the kinds in handlers/dates/search.py recognise is a candidate; deadline words win.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.dates import search as date_search
from handlers.dates import vocab
from handlers.dates.leftovers import date_like
from handlers.dates.reading import DateReading, parse_when
from handlers.dates.search import Kind
from handlers.dates.vocab import DateError, UnknownEventError
from handlers.reply.text import clean

__all__ = ["candidates", "find_when"]

_NOT_A_DEADLINE = {"at", "during", "for"}  # "a side event at the 7MSP" is not a due date
LOOSE = Kind("loose", re.compile(r"(?!)"))  # a date-like phrase of no known shape (leftovers.py)


@dataclass(frozen=True)
class _Candidate:
    start: int  # where the removal starts (the connector, if any)
    core: int  # where the date phrase itself starts
    end: int
    kind: Kind
    deadline_word: bool


def candidates(
    original: str, folded: str, known: Sequence[tuple[int, int]] = ()
) -> list[_Candidate]:
    """Every date phrase of a sentence that may be its due date, left to right, no overlaps;
    then the date-like phrases of no known shape around them (``known``: entity spans)."""
    found: list[_Candidate] = []
    for kind in date_search.KINDS:
        for m in kind.regex.finditer(folded):
            conn = date_search.CONNECTOR_BEFORE.search(folded[max(0, m.start() - 60) : m.start()])
            start = m.start() - len(conn[0]) if conn else m.start()
            if kind.needs_capital and m[0].split()[-1].strip(".") in vocab._MONTHS_OTHER:
                needs_conn, capital_ok = True, True
            else:
                needs_conn = kind.needs_connector
                capital_ok = not kind.needs_capital or original[m.start()].isupper()
                capital_ok = capital_ok or m[0].split()[0] not in vocab.WEEKDAYS_EN | set(
                    vocab._MONTHS_EN
                )
            if not capital_ok or (needs_conn and not conn):
                continue
            if any(s < m.end() and m.start() < e for s, e in known):
                continue  # "move item 3 to 25 April": the item is no first day of a range
            if (
                kind.name == "meeting"
                and not conn
                and m[0].startswith(("the", "next", "la ", "proxima"))
            ):
                continue  # "the next meeting would be held ..." is a subject, not a due date
            if kind.name in {"month", "quarter"} and not conn and _everyday_month(original, m):
                continue  # "May we ask", "the March of the coordinators", "the June meeting"
            if kind.name == "season" and not (m["prep"] or m["art"]):
                continue
            if kind.name in {"holiday", "anchor"} and not (m["prep"] or conn):
                continue
            if kind.name == "range" and _day(m["d1"]) >= _day(m["d2"]):
                continue  # "item 13 to 5 April" is no range of days
            if kind.name == "quarter" and not (m["year"] or m["q"]):
                continue
            if kind.name == "event" and not (
                m["n"] or m["lead"] or (m["prep"] and m["prep"] not in _NOT_A_DEADLINE)
            ):
                continue
            end = m.end()
            if late := date_search.LATEST_AFTER.match(folded, end):
                end = late.end()
            # a meeting or a holiday is a deadline ("by the next CC"), unless it only says when
            # the thing happens ("organise the meeting during the June intersessional")
            word = (
                kind.name in {"event", "anchor", "cob", "holiday"}
                and not _ONLY_WHEN.search(folded, max(0, start - 30), m.start())
            ) or bool(conn and vocab.DEADLINE_CONNECTORS.match(conn["conn"]))
            found.append(_Candidate(start, m.start(), end, kind, word))
    found.sort(key=lambda c: (c.start, -c.end))
    chosen: list[_Candidate] = []
    for cand in found:
        if not chosen or cand.start >= chosen[-1].end:
            chosen.append(cand)
    covered = [(c.start, c.end) for c in chosen]
    for start, end in date_like(original, covered, known, folded):
        conn = vocab.DEADLINE_CONNECTORS.match(folded, start)
        word = conn is not None and not folded[conn.end() : conn.end() + 1].isalnum()
        chosen.append(_Candidate(start, start, end, LOOSE, word))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _everyday_month(original: str, m: re.Match[str]) -> bool:
    """A month name used as another word: an English verb or noun, or an adjective."""
    if "month" in m.re.groupindex and m["month"] in {"may", "march"} and not m["year"]:
        return True
    before, after = original[: m.start()].rstrip(), original[m.end() :]
    article = before.lower().endswith(" the") or m[0].startswith("the ")
    return article and bool(re.match(r"\s+[a-z]", after))


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text) or 0)


def _tidy(text: str) -> str:
    text = clean(re.sub(r"\(\s*\)", "", text))
    text = re.sub(r"\s+([,.)])", r"\1", text)
    # the word that announced the date, left behind: "…, deadline", "…, a más tardar"
    text = re.sub(
        r"\s*[,;:–—-]\s*(?:deadline|due|[ée]ch[ée]ance|plazo|fecha\s+l[íi]mite|a\s+m[áa]s\s+tardar|"
        r"au\s+plus\s+tard|at\s+the\s+latest)\s*$",
        "",
        text,
        flags=re.I,
    )
    return text.strip(" ,;:–—-")


_ONLY_WHEN = re.compile(
    r"\b(?:during|at|in|lors\s+des?|pendant|au\s+cours\s+des?|durante|en)\s+"
    r"(?:the\s+|les\s+|las\s+|los\s+|la\s+|le\s+|el\s+)?$"
)


def find_when(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    next_meeting: date | None = None,
    events: Mapping[str, date] | None = None,
    known: Sequence[tuple[int, int]] = (),
) -> tuple[DateReading, str] | None:
    """Find the due date in a sentence; return it and the sentence without it, or None.

    A deadline counted from an event that ``events`` does not date ("before the 11MSP") is
    skipped, and so is any date inside it ("..., which is expected to take place in 2023");
    so is a date-like phrase of no known shape that cannot be read (the caller says so).
    ``known`` are the spans of entities in ``text`` once cleaned ("by Italy" is no date).
    """
    original = clean(text)
    folded = vocab.same_length_fold(original)
    cands = candidates(original, folded, known)
    while cands:
        best = min(cands, key=lambda c: (not c.deadline_word, c.kind.name == "meeting", c.start))
        late = date_search.LATEST_AFTER.search(folded, best.core, best.end)
        phrase = original[best.core : late.start() if late else best.end]
        try:
            reading = parse_when(phrase, now=now, tz=tz, next_meeting=next_meeting, events=events)
        except UnknownEventError:
            cands.remove(best)
            continue
        except DateError:
            if best.kind is not LOOSE:
                raise
            cands.remove(best)
            continue
        return reading, _tidy(original[: best.start] + " " + original[best.end :])
    return None
