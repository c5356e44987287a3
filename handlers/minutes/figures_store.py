"""Storing confirmed figures: meetings, contributions and treaty deadlines, each upserted by an
import key so confirming the same minutes twice changes nothing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from storage.models import Contribution, Meeting, State, TreatyDeadline


def apply_figures(
    session: Session, payload: dict[str, Any], *, day: date, document: str, now: datetime
) -> None:
    """Upsert the meetings, contributions and deadlines of one import's JSON payload."""
    for which in ("meeting", "next_meeting"):
        if payload.get(which):
            _meeting(session, payload[which])
    _contributions(session, payload.get("contributions", []), day=day, document=document, now=now)
    for entry in payload.get("deadlines", []):
        _deadline(session, entry, day=day, document=document)


def _meeting(session: Session, data: dict[str, Any]) -> None:
    start = datetime.fromisoformat(data["start"])
    end = datetime.fromisoformat(data["end"]) if data.get("end") else None
    key = f"meeting:cc:{start.date().isoformat()}"
    found = session.exec(select(Meeting).where(Meeting.import_key == key)).first()
    if found is None:
        same_day = session.exec(select(Meeting).where(Meeting.kind == "cc")).all()
        if any(m.start.astimezone(start.tzinfo).date() == start.date() for m in same_day):
            return  # already known (entered by hand or from the demo data)
        found = Meeting(kind="cc", title="CC meeting", start=start, import_key=key)
    found.start, found.end, found.place = start, end, data.get("place") or found.place
    session.add(found)


def _contributions(
    session: Session, entries: list[dict[str, Any]], *, day: date, document: str, now: datetime
) -> None:
    has_parts = any(e["component"] for e in entries)
    paid = next((e["states_paid"] for e in entries if e.get("states_paid")), None)
    for entry in entries:
        if entry["total"] and has_parts:
            continue  # the components add up to it; storing both would count it twice
        who = entry["state"] or entry["component"] or "total"
        key = f"minutes:{day.isoformat()}:contribution:{entry['year']}:{who}:{entry['status']}"
        row = session.exec(select(Contribution).where(Contribution.import_key == key)).first()
        if row is None and _known(session, entry):
            continue  # entered by hand or by the demo data, without an import key
        row = row or Contribution(
            year=entry["year"], amount_cents=0, created_at=now, import_key=key
        )
        row.state_iso3, row.component = entry["state"], entry["component"]
        row.amount_cents, row.currency, row.status = (
            entry["amount_cents"],
            entry["currency"],
            entry["status"],
        )
        row.on, row.source = day, f"{document}, section {entry['section']}"
        if paid and entry["state"] is None:
            row.note = f"{paid} States Parties paid their {entry['year']} contribution (as reported in the minutes)"
        session.add(row)


def _known(session: Session, entry: dict[str, Any]) -> bool:
    same = select(Contribution).where(
        Contribution.year == entry["year"],
        Contribution.component == entry["component"],
        Contribution.state_iso3 == entry["state"],
        Contribution.amount_cents == entry["amount_cents"],
        Contribution.status == entry["status"],
    )
    return session.exec(same).first() is not None


def _deadline(session: Session, entry: dict[str, Any], *, day: date, document: str) -> None:
    if session.get(State, entry["state"]) is None:
        return
    due = date.fromisoformat(entry["date"])
    key = f"deadline:{entry['state']}:{entry['kind']}:{due.isoformat()}"
    row = session.exec(select(TreatyDeadline).where(TreatyDeadline.import_key == key)).first()
    if row is None:
        clash = select(TreatyDeadline).where(
            TreatyDeadline.state_iso3 == entry["state"],
            TreatyDeadline.kind == entry["kind"],
            col(TreatyDeadline.due) == due,
        )
        if session.exec(clash).first() is not None:
            return
        row = TreatyDeadline(state_iso3=entry["state"], kind=entry["kind"], due=due, import_key=key)
    row.note = "extended deadline" if entry.get("extended") else None
    row.source = f"{document}, section {entry['section']}" if entry["section"] else document
    session.add(row)
