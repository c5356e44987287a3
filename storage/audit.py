"""The audit log: every change to the committee's records, written by the ORM itself.

A flush listener records who (``session.info["actor"]``), when, what, and the before and
after values of each changed column, in the same transaction as the change: a change and
its audit row are committed together or not at all. Bulk loads that bypass the ORM write
their own summary row with :func:`record`.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, select

from storage.models import (
    ActionItem,
    AuditLog,
    Contribution,
    Coordinator,
    Meeting,
    Person,
    State,
    TreatyDeadline,
)

AUDITED: tuple[type[Any], ...] = (
    ActionItem,
    State,
    Contribution,
    Coordinator,
    Meeting,
    Person,
    TreatyDeadline,
)
SYSTEM = "system"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _columns(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.key: _plain(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if _plain(old) == _plain(new):
            continue
        before[attr.key], after[attr.key] = _plain(old), _plain(new)
    return before, after


def _key(obj: Any) -> str:
    identity = inspect(obj).identity
    if identity:
        return ",".join(str(part) for part in identity)
    return ",".join(str(v) for v in inspect(obj).mapper.primary_key_from_instance(obj))


def _dump(values: dict[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, default=str)


def _after_flush(session: OrmSession, _context: Any) -> None:
    actor = str(session.info.get("actor") or SYSTEM)
    now: datetime = session.info.get("now") or datetime.now(UTC)
    rows: list[dict[str, Any]] = []

    def add(
        action: str, obj: Any, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        rows.append(
            {
                "at": now,
                "actor": actor,
                "action": action,
                "entity": obj.__tablename__,
                "entity_id": _key(obj),
                "before": _dump(before),
                "after": _dump(after),
            }
        )

    for obj in session.new:
        if isinstance(obj, AUDITED):
            add("create", obj, None, _columns(obj))
    for obj in session.dirty:
        if isinstance(obj, AUDITED) and session.is_modified(obj, include_collections=False):
            before, after = _changes(obj)
            if after:
                add("update", obj, before, after)
    for obj in session.deleted:
        if isinstance(obj, AUDITED):
            add("delete", obj, _columns(obj), None)
    if rows:
        session.connection().execute(insert(AuditLog), rows)


def install() -> None:
    """Listen on every ORM session (idempotent)."""
    if not event.contains(OrmSession, "after_flush", _after_flush):
        event.listen(OrmSession, "after_flush", _after_flush)


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """A summary row for changes made outside the ORM (bulk import)."""
    session.add(
        AuditLog(
            at=session.info.get("now") or datetime.now(UTC),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            after=_dump(detail),
        )
    )


def entries(
    session: Session, *, entity: str | None = None, entity_id: str | None = None, limit: int = 50
) -> list[AuditLog]:
    """Newest first."""
    query = select(AuditLog)
    if entity:
        query = query.where(AuditLog.entity == entity)
    if entity_id:
        query = query.where(AuditLog.entity_id == entity_id)
    return list(session.exec(query.order_by(col(AuditLog.id).desc()).limit(limit)))


install()
