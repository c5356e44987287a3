"""Meetings: what is next, what is coming."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, or_, select

from storage.models import Meeting


def next_meeting(*, session: Session, after: datetime, kind: str | None = "cc") -> Meeting | None:
    """The first meeting starting at or after ``after`` (CC meetings by default)."""
    query = select(Meeting).where(col(Meeting.start) >= after)
    if kind:
        query = query.where(Meeting.kind == kind)
    return session.exec(query.order_by(col(Meeting.start))).first()


def next_intersessionals(*, session: Session, after: datetime) -> Meeting | None:
    """The next intersessional meetings: kind "intersessional", or a meeting titled so."""
    query = select(Meeting).where(
        col(Meeting.start) >= after,
        or_(col(Meeting.kind) == "intersessional", col(Meeting.title).ilike("%intersession%")),
    )
    return session.exec(query.order_by(col(Meeting.start))).first()


def upcoming(*, session: Session, after: datetime, limit: int = 10) -> list[Meeting]:
    query = select(Meeting).where(col(Meeting.start) >= after).order_by(col(Meeting.start))
    return list(session.exec(query.limit(limit)))


def last_meeting(*, session: Session, before: datetime, kind: str = "cc") -> Meeting | None:
    query = select(Meeting).where(col(Meeting.start) < before, Meeting.kind == kind)
    return session.exec(query.order_by(col(Meeting.start).desc())).first()


_NUMBERED_EVENT = re.compile(r"^\s*(\d{1,2})\s*(msp|rc)\b", re.I)


def event_days(*, session: Session, tz: ZoneInfo) -> dict[str, date]:
    """Numbered MSPs and Review Conferences on the calendar ("7msp", "2rc") -> first local day."""
    query = select(Meeting).where(col(Meeting.kind).in_(["msp", "rc"])).order_by(col(Meeting.start))
    days: dict[str, date] = {}
    for meeting in session.exec(query):
        named = _NUMBERED_EVENT.match(meeting.title)
        if named:
            days.setdefault(f"{named[1]}{named[2].lower()}", meeting.start.astimezone(tz).date())
    return days
