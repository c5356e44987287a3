"""The reference facts as they stood on a given day: nothing later shown as already happened.

The CSV records facts as of its own date (2025). A console run "at" 24 March 2017 (the demo)
must not say that Botswana completed its stockpile destruction in 2018, nor call Madagascar
(ratified May 2017) a State Party. A fact dated after the day is hidden; a deadline (a date
the treaty sets in advance) stays, since it was known.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storage.models import State, TreatyDeadline

_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(20\d\d)\b")
# Clauses that report something that happened (as opposed to a deadline set in advance).
_EVENT = re.compile(r"complet|extend|extension|->|request|declar|withdr|decid", re.I)
# An extension is decided at the MSP in the year before the deadline it extends.
DECIDED_BEFORE = timedelta(days=366)


def _happened(clause: str) -> date | None:
    """When a reported event took place: the earliest date it names ("extended to 2026
    (decided 2020)" happened in 2020; without a decision date, the new date is the bound)."""
    days = [date(int(y), int(m), int(d)) for y, m, d in _DAY.findall(clause)]
    years = [date(int(y), 1, 1) for y in _YEAR.findall(_DAY.sub(" ", clause))]
    return min(days + years) if days or years else None


def text_as_of(text: str | None, today: date) -> str | None:
    """An article3/article4 note without the events dated after ``today``."""
    if not text:
        return text
    kept = []
    for clause in text.split(";"):
        when = _happened(clause)
        if when is not None and when > today and _EVENT.search(clause):
            continue
        kept.append(clause.strip())
    return "; ".join(part for part in kept if part) or None


def state_as_of(state: State, today: date) -> State:
    """A detached copy of ``state`` holding only what was true on ``today``."""
    seen = State.model_validate(state.model_dump())
    if seen.signed and seen.signed > today:
        seen.signed = None
    if seen.ratified and seen.ratified > today:
        seen.ratified = seen.instrument = seen.entry_into_force = None
    if seen.withdrawn_on and seen.withdrawn_on > today:
        seen.withdrawn_on = None
        seen.ccm_status = "State Party"  # the withdrawal had not taken effect yet
    if seen.ccm_status == "State Party" and not seen.ratified:
        seen.ccm_status = "Signatory" if seen.signed else "not party"
    seen.article3 = text_as_of(seen.article3, today) if seen.ratified else None
    seen.article4 = text_as_of(seen.article4, today) if seen.ratified else None
    return seen


def deadline_known(deadline: TreatyDeadline, today: date, original: date | None) -> bool:
    """Was this deadline known on ``today``? Extensions only once decided (a year before)."""
    if not deadline.kind.endswith("_extension") or original is None:
        return True
    return original - DECIDED_BEFORE <= today


def completed_as_of(deadline: TreatyDeadline, today: date) -> bool:
    """'Met' as known on ``today``: by the completion date the note gives ("completed Jul
    2013"), else only once the deadline itself is past."""
    if not deadline.completed:
        return False
    for clause in (deadline.note or "").split(";"):
        if "complet" in clause.lower() and (when := _happened(clause)) is not None:
            return when <= today
    return deadline.due <= today
