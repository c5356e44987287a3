"""Load the reference data: every State, the CCM facts (with sources), areas, coordinators."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from handlers.reference.areas import AREAS
from handlers.reference.states import StateDirectory
from storage.models import Coordinator, State, ThematicArea, TreatyDeadline

CCM_CSV = Path(__file__).resolve().parents[2] / "storage" / "data" / "ccm_states.csv"
REFERENCE_SOURCE = "ccm_states.csv"
# The CSV states facts as recent as this (storage/data/README.md), whatever "now" a command runs at.
REFERENCE_AS_OF = "September 2025"

# The 2016-17 coordinators (7MSP, Germany presiding), as the seed minutes and data README list them.
COORDINATORS_7MSP: dict[str, tuple[str, ...]] = {
    "general_status": ("BIH", "CHE"),
    "universalization": ("FRA", "ZMB"),
    "stockpile": ("HRV", "MEX"),
    "clearance": ("NLD", "NOR"),
    "victim_assistance": ("CHL", "ITA"),
    "cooperation": ("AUS", "IRQ"),
    "transparency": ("CRI",),
    "national_implementation": ("NZL",),
}

_ORIGINAL = re.compile(r"\b(?:orig|deadline)\s+(\d{4}-\d{2}-\d{2})")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_EXTENDED = re.compile(r"->\s*(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class LoadReport:
    states: int
    ccm_states: int
    deadlines: int


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _status(raw: str) -> str:
    if raw.startswith("Withdrawn"):
        return "withdrawn"
    if raw.startswith("State Party"):
        return "State Party"
    return raw or "not party"


def deadlines_from_text(iso3: str, article: str, text: str, source: str) -> list[TreatyDeadline]:
    """Turn 'orig 2021-03-01; ext. -> 2022-09-01; completed ...' into dated rows, latest last.

    Only the original date ('orig'/'deadline') and extended dates ('->') are deadlines; a
    completion date is a fact about the deadline, not another one.
    """
    if not text:
        return []
    original = _ORIGINAL.findall(text)
    extended = _EXTENDED.findall(text)
    dates = [*original[:1], *extended]
    completed = "complet" in text.lower()
    rows = []
    for index, found in enumerate(dates):
        rows.append(
            TreatyDeadline(
                state_iso3=iso3,
                kind=article if index == 0 else f"{article}_extension",
                due=date.fromisoformat(found),
                completed=completed or index < len(dates) - 1,
                note=text,
                source=source,
            )
        )
    return rows


def load_reference_data(session: Session, *, directory: StateDirectory) -> LoadReport:
    """Upsert every State and area, and refresh the CCM facts: safe to run again and again."""
    existing = {state.iso3: state for state in session.exec(select(State))}
    for name in directory.all():
        state = existing.get(name.iso3) or State(iso3=name.iso3, name=name.name, short=name.short)
        state.name, state.short = name.name, name.short
        session.add(state)
        existing[name.iso3] = state
    session.flush()
    ccm = 0
    wanted: list[TreatyDeadline] = []
    with CCM_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            state = existing[row["iso3"]]
            state.ccm_status = _status(row["ccm_status"])
            withdrawal = (
                _ISO_DAY.search(row["ccm_status"]) if state.ccm_status == "withdrawn" else None
            )
            state.withdrawn_on = date.fromisoformat(withdrawal[0]) if withdrawal else None
            state.signed = _day(row["signed"])
            state.ratified = _day(row["ratified_or_acceded"])
            state.instrument = row["instrument"] or None
            state.entry_into_force = _day(row["entry_into_force"])
            state.article3 = row["article3"] or None
            state.article4 = row["article4"] or None
            state.source = row["source"]
            session.add(state)
            for article in ("article3", "article4"):
                source = f"{row['source']} ({REFERENCE_SOURCE})"
                wanted += deadlines_from_text(state.iso3, article, row[article], source)
            ccm += 1
    _sync_deadlines(session, wanted)
    areas = {area.key for area in session.exec(select(ThematicArea))}
    for area in AREAS:
        if area.key not in areas:
            session.add(ThematicArea(key=area.key, name=area.name))
    session.flush()
    if session.exec(select(Coordinator).limit(1)).first() is None:
        for key, states in COORDINATORS_7MSP.items():
            for iso3 in states:
                session.add(Coordinator(area_key=key, state_iso3=iso3, cycle="7MSP"))
    return LoadReport(states=len(existing), ccm_states=ccm, deadlines=len(wanted))


def _sync_deadlines(session: Session, wanted: list[TreatyDeadline]) -> None:
    """Make the CSV's deadlines match the table, touching only rows that differ (so the
    audit log shows real corrections, not a reload)."""
    query = select(TreatyDeadline).where(
        col(TreatyDeadline.source).endswith(f"({REFERENCE_SOURCE})")
    )
    current = {(d.state_iso3, d.kind, d.due): d for d in session.exec(query)}
    for deadline in wanted:
        key = (deadline.state_iso3, deadline.kind, deadline.due)
        row = current.pop(key, None)
        if row is None:
            session.add(deadline)
            continue
        row.completed, row.note, row.source = deadline.completed, deadline.note, deadline.source
        session.add(row)
    for stale in current.values():
        session.delete(stale)
