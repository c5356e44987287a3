"""Drafts in the store: imported items wait as status "draft" (out of lists and reminders) and the
figures wait in a MinutesImport row, until someone confirms them; re-imports update, never add."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Literal

from sqlmodel import Session, col, select

from handlers.minutes.figures_store import apply_figures
from handlers.minutes.keys import best_match, item_key, prefix
from handlers.minutes.model import DraftItem, MinutesExtract
from handlers.minutes.shape import source_of, to_json
from storage.items import DELETED, DRAFT, OPEN, add_event, create_item, set_states
from storage.models import ActionItem, MinutesImport

Selection = Sequence[int] | Literal["all"]


def store_drafts(
    session: Session, extract: MinutesExtract, *, actor: str, now: datetime, text: str | None = None
) -> list[int]:
    """Store (or refresh) the extract's items as drafts; returns their ids in extract order.

    ``text`` (the document as read) is kept with the draft import so that the importer can
    correct the meeting date and have the minutes read again against it (``redate``).
    """
    day = filed_day(extract, now)
    _remember_import(session, extract, day=day, now=now, text=text)
    existing = list(
        session.exec(select(ActionItem).where(col(ActionItem.import_key).startswith(prefix(day))))
    )
    by_key = {item.import_key: item for item in existing}
    used: set[int] = set()
    ids: list[int] = []
    for draft in extract.items:
        key = item_key(day, draft)
        old = by_key.get(key) or best_match(draft, [i for i in existing if i.id not in used])
        if old is not None and old.id is not None and old.id not in used:
            used.add(old.id)
            if old.status == DRAFT and old.import_key != key:
                _refresh(
                    session, old, draft, key=key, document=extract.document, actor=actor, now=now
                )
            ids.append(old.id)
            continue
        if key in by_key:
            continue  # the same commitment twice in one document
        item = _new_item(draft, key=key, document=extract.document, actor=actor, now=now)
        create_item(session=session, item=item, states=draft.states, actor=actor, now=now)
        assert item.id is not None
        by_key[key] = item
        used.add(item.id)
        ids.append(item.id)
    return ids


def _new_item(
    draft: DraftItem, *, key: str, document: str, actor: str, now: datetime
) -> ActionItem:
    return ActionItem(
        text=draft.text,
        owner=draft.owner.label,
        owner_kind=draft.owner.kind,
        owner_ref=draft.owner.ref,
        area_key=draft.area_key,
        due=draft.due,
        due_note=draft.due_note,
        status=DRAFT,
        created_at=now,
        created_by=actor,
        source=source_of(document, draft.section),
        section=draft.section,
        import_key=key,
    )


def _refresh(
    session: Session,
    item: ActionItem,
    draft: DraftItem,
    *,
    key: str,
    document: str,
    actor: str,
    now: datetime,
) -> None:
    item.text, item.due, item.due_note = draft.text, draft.due, draft.due_note
    item.area_key, item.section = draft.area_key, draft.section
    item.source, item.import_key, item.updated_at = source_of(document, draft.section), key, now
    session.add(item)
    assert item.id is not None
    set_states(session=session, item_id=item.id, states=draft.states)
    add_event(session=session, item_id=item.id, actor=actor, action="reimported", now=now)


def _remember_import(
    session: Session, extract: MinutesExtract, *, day: date, now: datetime, text: str | None
) -> None:
    payload = to_json(extract)
    payload.pop("items")
    for which in ("meeting", "next_meeting"):  # stored as data ("conflict"), never as a sentence
        if payload.get(which):
            payload[which].pop("note", None)
    if text is not None:
        payload["text"] = text
    key = f"cc:{day.isoformat()}"
    record = session.exec(select(MinutesImport).where(MinutesImport.key == key)).first()
    if record is None:
        record = MinutesImport(key=key, document=extract.document, meeting_day=day, imported_at=now)
    record.document, record.payload, record.updated_at = extract.document, json.dumps(payload), now
    session.add(record)
    session.flush()


def _drafts(session: Session, selection: Selection, day: date | None) -> list[ActionItem]:
    query = select(ActionItem).where(ActionItem.status == DRAFT)
    if selection == "all":
        key = col(ActionItem.import_key)
        query = query.where(key.startswith(prefix(day)) if day else key.is_not(None))
    else:
        query = query.where(col(ActionItem.id).in_(list(selection)))
    return list(session.exec(query.order_by(col(ActionItem.id))))


def confirm(
    session: Session, selection: Selection, *, actor: str, now: datetime, day: date | None = None
) -> list[int]:
    """Make drafts live (status "open"); "all" also stores the import's meetings and figures.

    "all" means all of one import (``day``), never every import ever filed.
    """
    _require_day(selection, day)
    items = _drafts(session, selection, day)
    for item in items:
        _set_status(session, item, OPEN, "confirmed", actor=actor, now=now)
    if selection == "all":
        for record in _imports(session, day):
            payload: dict[str, Any] = json.loads(record.payload)
            apply_figures(
                session, payload, day=record.meeting_day, document=record.document, now=now
            )
            record.status, record.updated_at = "confirmed", now
            session.add(record)
    return [item.id for item in items if item.id is not None]


def discard(
    session: Session, selection: Selection, *, actor: str, now: datetime, day: date | None = None
) -> list[int]:
    """Drop drafts; they stay known (status "deleted") so a re-import does not bring them back."""
    _require_day(selection, day)
    items = _drafts(session, selection, day)
    for item in items:
        _set_status(session, item, DELETED, "discarded", actor=actor, now=now)
    return [item.id for item in items if item.id is not None]


def filed_day(extract: MinutesExtract, now: datetime) -> date:
    """The day an import's drafts are filed under: the meeting's, else the import's."""
    return extract.meeting_day or now.date()


def _require_day(selection: Selection, day: date | None) -> None:
    if selection == "all" and day is None:
        raise ValueError("'all' needs the day of the import it applies to")


def _set_status(
    session: Session, item: ActionItem, status: str, action: str, *, actor: str, now: datetime
) -> None:
    item.status, item.updated_at = status, now
    session.add(item)
    assert item.id is not None
    add_event(session=session, item_id=item.id, actor=actor, action=action, now=now)


def _imports(session: Session, day: date | None) -> list[MinutesImport]:
    query = select(MinutesImport)
    if day is not None:
        query = query.where(MinutesImport.meeting_day == day)
    return list(session.exec(query))
