"""Bulk export and import of action items (CSV, JSON): export then import gives the same items."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, insert, text
from sqlmodel import Session, col, select

from handlers.i18n import _
from handlers.people.owners import OwnerError, parse_owner
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY
from handlers.reference.states import StateDirectory
from storage.items import next_id as next_free_id
from storage.items import states_of
from storage.models import ActionItem, ItemState, Meeting

FIELDS = (
    "id",
    "text",
    "owner",
    "owner_kind",
    "owner_ref",
    "states",
    "area",
    "due",
    "due_at",
    "due_note",
    "status",
    "snoozed_until",
    "created_at",
    "updated_at",
    "created_by",
    "source",
    "section",
)
STATUSES = {"open", "done", "deleted", "draft"}
OWNER_KINDS = {
    "state",
    "states",
    "area",
    "presidency",
    "isu",
    "person",
    "committee",
    "organisation",
}
BATCH = 5000


class ImportRowError(ValueError):
    """A bad row: the message names its line; nothing of the file was stored."""


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int


def item_record(item: ActionItem, states: list[str]) -> dict[str, Any]:
    """The export shape (PRODUCT.md): id, text, owner, states, area, due, status, created_at, source..."""
    due: str | None = (
        item.due_at.isoformat() if item.due_at else (item.due.isoformat() if item.due else None)
    )
    return {
        "id": item.id,
        "text": item.text,
        "owner": item.owner,
        "owner_kind": item.owner_kind,
        "owner_ref": item.owner_ref,
        "states": states,
        "area": item.area_key,
        "due": due,
        "due_at": item.due_at.isoformat() if item.due_at else None,
        "due_note": item.due_note,
        "status": item.status,
        "snoozed_until": item.snoozed_until.isoformat() if item.snoozed_until else None,
        "created_at": item.created_at.isoformat(),
        "updated_at": item.updated_at.isoformat(),
        "created_by": item.created_by,
        "source": item.source,
        "section": item.section,
    }


def iter_records(session: Session, *, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every item in id order, in batches so 100,000 items never sit in memory at once."""
    last = 0
    while True:
        query = (
            select(ActionItem)
            .where(col(ActionItem.id) > last)
            .order_by(col(ActionItem.id))
            .limit(batch)
        )
        rows = list(session.exec(query))
        if not rows:
            return
        links = states_of(session=session, item_ids=[r.id for r in rows if r.id is not None])
        for row in rows:
            assert row.id is not None
            yield item_record(row, links[row.id])
            last = row.id


def export_json(session: Session) -> str:
    return json.dumps(list(iter_records(session)), ensure_ascii=False, indent=1)


def export_csv(session: Session) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in iter_records(session):
        writer.writerow({k: _csv_cell(k, v) for k, v in record.items()})
    return out.getvalue()


# OWASP "CSV injection": a cell starting with = + - @ (or tab, CR) is a formula to
# spreadsheets. Such cells get a leading apostrophe, which spreadsheets show as text; a cell
# that already starts with apostrophes before such a character gets one more, so that
# import (which removes exactly one) gives every value back unchanged.
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")


def neutralise(cell: str) -> str:
    return "'" + cell if _FORMULA.match(cell) else cell


def restore_cell(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell) else cell


def _csv_cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "states":
        return " ".join(value)
    return neutralise(str(value))


def _parse_dt(value: str, line: int, field: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as problem:
        raise ImportRowError(
            _("line {line}: {field} “{value}” is not an ISO 8601 date-time").format(
                line=line, field=field, value=value
            )
        ) from problem
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _parse_day(value: str, line: int, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if "T" in value else date.fromisoformat(value)
    except ValueError as problem:
        raise ImportRowError(
            _("line {line}: {field} “{value}” is not a date (use YYYY-MM-DD)").format(
                line=line, field=field, value=value
            )
        ) from problem


def _row(
    raw: dict[str, str], line: int, directory: StateDirectory, now: datetime
) -> tuple[dict[str, Any], list[str]]:
    def get(key: str) -> str:
        return restore_cell((raw.get(key) or "").strip())

    text, owner = get("text"), get("owner")
    if not text:
        raise ImportRowError(_("line {line}: the text is empty").format(line=line))
    if not owner:
        raise ImportRowError(_("line {line}: the owner is empty").format(line=line))
    status = get("status") or "open"
    if status not in STATUSES:
        raise ImportRowError(
            _("line {line}: status “{status}” is not one of {allowed}").format(
                line=line, status=status, allowed=", ".join(sorted(STATUSES))
            )
        )
    area = get("area") or None
    if area and area not in AREA_BY_KEY:
        raise ImportRowError(
            _("line {line}: area “{area}” is not one of {allowed}").format(
                line=line, area=area, allowed=", ".join(AREA_BY_KEY)
            )
        )
    states = []
    for code in get("states").replace(",", " ").split():
        found = directory.get(code.upper()) or directory.lookup(code)
        if found is None:
            raise ImportRowError(
                _("line {line}: “{code}” is not a State (use ISO3 codes such as BWA)").format(
                    line=line, code=code
                )
            )
        states.append(found.iso3)
    item_id = get("id")
    if item_id and not item_id.lstrip("#").isdigit():
        raise ImportRowError(
            _("line {line}: id “{id}” is not a number").format(line=line, id=item_id)
        )
    due_at = _parse_dt(get("due_at"), line, "due_at")
    record = {
        "id": int(item_id.lstrip("#")) if item_id else None,
        "text": text,
        "owner": owner,
        "owner_kind": get("owner_kind") or None,
        "_line": line,
        "owner_ref": get("owner_ref") or None,
        "area_key": area,
        "due": _parse_day(get("due"), line, "due"),
        "due_at": due_at,
        "due_note": get("due_note") or None,
        "status": status,
        "snoozed_until": _parse_day(get("snoozed_until"), line, "snoozed_until"),
        "created_at": _parse_dt(get("created_at"), line, "created_at") or now,
        "updated_at": _parse_dt(get("updated_at"), line, "updated_at") or now,
        "created_by": get("created_by") or None,
        "source": get("source") or None,
        "section": get("section") or None,
    }
    if record["owner_kind"] is not None and record["owner_kind"] not in OWNER_KINDS:
        raise ImportRowError(
            _("line {line}: owner_kind “{kind}” is not one of {allowed}").format(
                line=line, kind=record["owner_kind"], allowed=", ".join(sorted(OWNER_KINDS))
            )
        )
    return record, states


def read_csv(
    data: str, *, directory: StateDirectory, now: datetime
) -> list[tuple[dict[str, Any], list[str]]]:
    """Parse and validate every row first: one bad row fails the whole file, naming its line."""
    reader = csv.DictReader(io.StringIO(data))
    if not reader.fieldnames or not {"text", "owner"} <= set(reader.fieldnames):
        raise ImportRowError(_("line 1: the header must name at least the columns text and owner"))
    rows = [_row(raw, reader.line_num, directory, now) for raw in reader]
    ids = [record["id"] for record, _states in rows if record["id"] is not None]
    if len(ids) != len(set(ids)):
        raise ImportRowError(_("the file repeats an id; each id may appear once"))
    return rows


def store_rows(session: Session, rows: Iterable[tuple[dict[str, Any], list[str]]]) -> ImportReport:
    """Insert new items and replace existing ones (by id), in bulk, inside the caller's transaction."""
    rows = list(rows)
    ids = [record["id"] for record, _states in rows if record["id"] is not None]
    existing: set[int] = set()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        found = session.exec(select(ActionItem.id).where(col(ActionItem.id).in_(chunk)))
        existing |= {item_id for item_id in found if item_id is not None}
    if existing:
        for start in range(0, len(ids), BATCH):
            chunk = [i for i in ids[start : start + BATCH] if i in existing]
            session.execute(delete(ItemState).where(col(ItemState.item_id).in_(chunk)))
            session.execute(delete(ActionItem).where(col(ActionItem.id).in_(chunk)))
    next_id = max([next_free_id(session=session) - 1, *ids])
    items: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for record, states in rows:
        record = {key: value for key, value in record.items() if not key.startswith("_")}
        record["owner_kind"] = record["owner_kind"] or "committee"
        if record["id"] is None:
            next_id += 1
            record["id"] = next_id
        items.append(record)
        links += [{"item_id": record["id"], "iso3": iso3} for iso3 in dict.fromkeys(states)]
    for start in range(0, len(items), BATCH):
        session.execute(insert(ActionItem), items[start : start + BATCH])
    for start in range(0, len(links), BATCH):
        session.execute(insert(ItemState), links[start : start + BATCH])
    _advance_id_sequence(session)
    return ImportReport(created=len(items) - len(existing), updated=len(existing))


def export_ics(session: Session, *, now: datetime | None = None) -> str:
    """Every meeting and every open item with a due date, for the Committee's calendars.

    Same UIDs as the private feeds (``item-12@ccm-bot``, ``meeting-3@ccm-bot``), so importing
    a newer export moves events instead of copying them; owners show as names, not mentions.
    """
    from handlers.calendar.feed import calendar_of, item_event, meeting_event

    stamp = now or datetime.now(UTC)
    calendar = calendar_of(_("CCM Coordination Committee: meetings and action items"))
    for meeting in session.exec(select(Meeting).order_by(col(Meeting.start), col(Meeting.id))):
        calendar.add_component(meeting_event(meeting, now=stamp))
    query = select(ActionItem).where(ActionItem.status == "open", col(ActionItem.due).is_not(None))
    for item in session.exec(query.order_by(col(ActionItem.id))):
        calendar.add_component(item_event(session, item, now=stamp))
    return str(calendar.to_ical().decode("utf-8"))


def _advance_id_sequence(session: Session) -> None:
    """PostgreSQL's serial does not move when ids are inserted explicitly: move it past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text(
            "SELECT setval(pg_get_serial_sequence('actionitem', 'id'),"
            " (SELECT COALESCE(MAX(id), 1) FROM actionitem))"
        )
    )


def resolve_owners(ctx: Ctx, rows: list[tuple[dict[str, Any], list[str]]]) -> None:
    """Rows written by hand (no owner_kind) get their owner read like `/ccm action` reads it:
    "Italy", "VA coordinators", "the ISU", "@someone". An unknown owner fails its line."""
    for record, states in rows:
        if record["owner_kind"] is not None:
            continue
        try:
            owner = parse_owner(ctx, record["owner"])
        except OwnerError as problem:
            raise ImportRowError(
                _("line {line}: {problem}").format(line=record["_line"], problem=problem)
            ) from problem
        record.update(owner=owner.label, owner_kind=owner.kind, owner_ref=owner.ref)
        record["area_key"] = record["area_key"] or owner.area_key
        states[:0] = [iso3 for iso3 in owner.states if iso3 not in states]
