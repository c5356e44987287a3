"""Exactly-once for chat events: the dedupe row and the item commit in one transaction.

Slack delivers a message that mentions the bot twice (``app_mention`` and ``message``) and
retries anything not acknowledged in 3 s. The ProcessedEvent row (unique on event_id and on
channel+ts) is written in the same transaction as whatever the command writes, and the event is
acknowledged only after that commit: a crash before it leaves no row, so Slack's retry runs it
again; a retry after it hits the unique row and does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from handlers.ports import Deps
from handlers.reply import Reply
from handlers.router import handle
from storage.db import Database
from storage.models import ProcessedEvent

log = logging.getLogger(__name__)


class _Joined(Database):
    """A Database whose sessions are one already-open session: handle() joins our transaction."""

    def __init__(self, outer: Database, session: Session) -> None:
        self.url = outer.url
        self.engine = outer.engine
        self._writer = outer._writer
        self._session = session
        self.failed = False

    @contextmanager
    def session(self, *, write: bool = False, **info: Any) -> Iterator[Session]:
        # Whatever the caller would tag its own session with (the audit's actor and moment)
        # goes on the shared one.
        self._session.info.update({k: v for k, v in info.items() if v is not None})
        try:
            yield self._session
        except BaseException:
            self.failed = True  # handle() turns this into a polite reply; we must know
            self._session.rollback()
            raise


class HandlerFailed(RuntimeError):
    """The command crashed (not refused): fail the event so that Slack delivers it again."""


@contextmanager
def joined(deps: Deps) -> Iterator[tuple[Deps, Session]]:
    """One write transaction shared by handle() and the caller; commits once, at the end."""
    with deps.db.session(write=True) as session:
        shared = _Joined(deps.db, session)
        yield replace(deps, db=shared), session
        if shared.failed:
            raise HandlerFailed("the command failed; its event stays unprocessed for a retry")


@dataclass(frozen=True)
class Delivery:
    """One Slack event that may act: its identity for dedupe and what was said."""

    event_id: str
    channel: str
    ts: str


def seen(deps: Deps, delivery: Delivery) -> bool:
    """A cheap read before any Web API call: has this event (or this message) been handled?"""
    query = select(ProcessedEvent.event_id).where(
        or_(
            col(ProcessedEvent.event_id) == delivery.event_id,
            (col(ProcessedEvent.channel) == delivery.channel)
            & (col(ProcessedEvent.ts) == delivery.ts),
        )
    )
    with deps.db.session() as session:
        return session.exec(query.limit(1)).first() is not None


def handle_once(
    deps: Deps,
    delivery: Delivery,
    text: str,
    *,
    user: str,
    now: datetime | None,
    source: str | None,
) -> Reply | None:
    """Run the command once per message; None when this event or message was already handled."""
    try:
        with joined(deps) as (shared, session):
            row = ProcessedEvent(
                event_id=delivery.event_id,
                channel=delivery.channel,
                ts=delivery.ts,
                at=deps.clock(),
            )
            session.add(row)
            session.flush()  # the unique constraints answer here, before any work
            reply = handle(shared, text, user=user, now=now, source=source)
            if not reply.ok:
                # handle() rolled the transaction back (a refusal changes nothing), our row too:
                # write it again so a retry does not answer the same refusal twice.
                session.add(ProcessedEvent(**row.model_dump(exclude={"item_id"})))
            else:
                row.item_id = reply.item_id
                session.add(row)
            session.flush()
    except IntegrityError:
        log.info("duplicate delivery ignored: %s %s/%s", *vars(delivery).values())
        return None
    return reply
