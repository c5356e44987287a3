"""Persistence of action items: keyword-only functions, one session handed in by the caller."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.models import ActionItem, ItemEvent, ItemState

OPEN = "open"
DONE = "done"
DELETED = "deleted"
DRAFT = "draft"


def create_item(
    *, session: Session, item: ActionItem, states: Iterable[str], actor: str, now: datetime
) -> ActionItem:
    """Store a new item with its related States and a 'created' history line."""
    item.created_at = item.created_at or now
    item.updated_at = now
    session.add(item)
    session.flush()
    assert item.id is not None
    set_states(session=session, item_id=item.id, states=states)
    add_event(session=session, item_id=item.id, actor=actor, action="created", now=now)
    return item


def set_states(*, session: Session, item_id: int, states: Iterable[str]) -> None:
    """Replace an item's related States."""
    for link in session.exec(select(ItemState).where(ItemState.item_id == item_id)):
        session.delete(link)
    session.flush()
    for iso3 in dict.fromkeys(states):
        session.add(ItemState(item_id=item_id, iso3=iso3))


IN_CHUNK = 5000  # PostgreSQL takes at most 65,535 bound parameters per statement


def states_of(*, session: Session, item_ids: Sequence[int]) -> dict[int, list[str]]:
    """Related States of many items, a few thousand ids per query."""
    result: dict[int, list[str]] = {item_id: [] for item_id in item_ids}
    ids = list(result)
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        query = select(ItemState).where(col(ItemState.item_id).in_(chunk))
        for link in session.exec(query.order_by(col(ItemState.item_id), col(ItemState.iso3))):
            result[link.item_id].append(link.iso3)
    return result


def add_event(
    *, session: Session, item_id: int, actor: str, action: str, now: datetime, detail: str = ""
) -> None:
    session.add(ItemEvent(item_id=item_id, at=now, actor=actor, action=action, detail=detail))


def history(*, session: Session, item_id: int) -> list[ItemEvent]:
    query = select(ItemEvent).where(ItemEvent.item_id == item_id).order_by(col(ItemEvent.id))
    return list(session.exec(query))


def get_item(*, session: Session, item_id: int) -> ActionItem | None:
    return session.get(ActionItem, item_id)


def notes_of(*, session: Session, item_id: int) -> list[ItemEvent] | None:
    """An item's notes, oldest first; None when there is no such item (one statement)."""
    notes = col(ItemEvent.item_id) == col(ActionItem.id)
    query = (
        select(ActionItem.id, ItemEvent)
        .outerjoin(ItemEvent, notes & (col(ItemEvent.action) == "note"))
        .where(ActionItem.id == item_id)
        .order_by(col(ItemEvent.id))
    )
    rows = list(session.exec(query))
    if not rows:
        return None
    return [event for _, event in rows if event is not None]


def item_with_states(*, session: Session, item_id: int) -> tuple[ActionItem, list[str]] | None:
    """An item and its related States in one statement (an outer join), or None."""
    query = (
        select(ActionItem, ItemState.iso3)
        .outerjoin(ItemState, col(ItemState.item_id) == col(ActionItem.id))
        .where(ActionItem.id == item_id)
        .order_by(col(ItemState.iso3))
    )
    rows = list(session.exec(query))
    if not rows:
        return None
    return rows[0][0], [iso3 for _, iso3 in rows if iso3]


def overdue(*, session: Session, today: date, limit: int = 20) -> tuple[list[ActionItem], int]:
    """Open items past due, oldest first, plus how many there are in all."""
    where = (ActionItem.status == OPEN, col(ActionItem.due) < today)
    total = session.exec(select(func.count()).select_from(ActionItem).where(*where)).one()
    query = select(ActionItem).where(*where).order_by(col(ActionItem.due), col(ActionItem.id))
    return list(session.exec(query.limit(limit))), total


def items_for_state(
    *, session: Session, iso3: str, status: str = OPEN, limit: int = 20
) -> tuple[list[ActionItem], int]:
    """Items involving a State (owner or mentioned), soonest due first, plus the total.

    One statement. The ids of the first ``limit`` are chosen from index entries alone
    ((iso3, item_id) on itemstate, then (id, status, due) on actionitem), and only those rows
    are fetched: sorting a State's thousand whole rows to show ten took twice as long. The
    total rides along as an uncorrelated scalar subquery (evaluated once). Joins, not
    ``IN (subquery)`` over items: that lets SQLite scan every open item instead.
    """
    where = (ItemState.iso3 == iso3, ActionItem.status == status)
    joined = col(ActionItem.id) == col(ItemState.item_id)
    soonest = (col(ActionItem.due).is_(None), col(ActionItem.due), col(ActionItem.id))
    count = select(func.count()).select_from(ItemState).join(ActionItem, joined).where(*where)
    first = (
        select(ActionItem.id).join(ItemState, joined).where(*where).order_by(*soonest).limit(limit)
    )
    query = (
        select(ActionItem, count.scalar_subquery())
        .where(col(ActionItem.id).in_(first))
        .order_by(*soonest)
    )
    rows = list(session.exec(query))
    if not rows:
        return [], 0
    return [item for item, _ in rows], int(rows[0][1])


def next_id(*, session: Session) -> int:
    highest = session.exec(select(func.max(ActionItem.id))).one()
    return (highest or 0) + 1
