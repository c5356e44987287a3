"""Meetings: what is next, what is coming."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from storage.models import Meeting


def next_meeting(*, session: Session, after: datetime, kind: str | None = "cc") -> Meeting | None:
    """The first meeting starting at or after ``after`` (CC meetings by default)."""
    query = select(Meeting).where(col(Meeting.start) >= after)
    if kind:
        query = query.where(Meeting.kind == kind)
    return session.exec(query.order_by(col(Meeting.start))).first()


def upcoming(*, session: Session, after: datetime, limit: int = 10) -> list[Meeting]:
    query = select(Meeting).where(col(Meeting.start) >= after).order_by(col(Meeting.start))
    return list(session.exec(query.limit(limit)))


def last_meeting(*, session: Session, before: datetime, kind: str = "cc") -> Meeting | None:
    query = select(Meeting).where(col(Meeting.start) < before, Meeting.kind == kind)
    return session.exec(query.order_by(col(Meeting.start).desc())).first()
