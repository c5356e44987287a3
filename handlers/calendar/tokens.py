"""Private feed addresses: a random 256-bit secret per person, revoked by deleting it.

The secret is the whole credential (calendar apps cannot sign requests), so it is long,
random, and compared only by an indexed equality lookup; one live secret per person.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime

from sqlmodel import Session, select

from storage.models import CalendarToken

SECRET_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,64}")


def feed_path(secret: str) -> str:
    return f"/calendar/{secret}.ics"


def issue(session: Session, *, user: str, now: datetime) -> str:
    """The person's live secret, made on first use (asking again gives the same address)."""
    found = session.exec(select(CalendarToken).where(CalendarToken.user == user)).first()
    if found is not None:
        return found.secret
    secret = secrets.token_urlsafe(32)
    session.add(CalendarToken(user=user, secret=secret, created_at=now))
    session.flush()
    return secret


def revoke(session: Session, *, user: str) -> bool:
    """Forget the person's secret: its address stops answering at once. False if none."""
    found = session.exec(select(CalendarToken).where(CalendarToken.user == user)).first()
    if found is None:
        return False
    session.delete(found)
    session.flush()
    return True


def owner_of(session: Session, secret: str) -> str | None:
    """Whose feed a secret opens, or None (malformed secrets never reach the database)."""
    if not SECRET_SHAPE.fullmatch(secret):
        return None
    found = session.exec(select(CalendarToken).where(CalendarToken.secret == secret)).first()
    return found.user if found else None
