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
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from handlers.commands.router import handle
from handlers.people.permissions import Caller
from handlers.ports import Deps
from handlers.reply.reply import Reply
from storage.models import ProcessedEvent

log = logging.getLogger(__name__)


class HandlerFailed(RuntimeError):
    """The command crashed (not refused): fail the event so that Slack delivers it again."""


@contextmanager
def write_transaction(deps: Deps) -> Iterator[Session]:
    """One write transaction for the caller and the command it runs (``handle(session=...)``)."""
    with deps.db.session(write=True) as session:
        yield session


def run_joined(deps: Deps, session: Session, text: str, **kwargs: Any) -> Reply:
    """Run a command inside ``session``; a crash raises, so the whole transaction rolls back."""
    reply = handle(deps, text, session=session, **kwargs)
    if reply.failed:
        raise HandlerFailed("the command failed; its event stays unprocessed for a retry")
    return reply


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
    caller: Caller | None = None,
) -> Reply | None:
    """Run the command once per message; None when this event or message was already handled.

    A refusal is recorded as handled too (its savepoint is undone, the dedupe row stays), so
    a retry does not answer the same refusal twice.
    """
    try:
        with write_transaction(deps) as session:
            row = ProcessedEvent(
                event_id=delivery.event_id,
                channel=delivery.channel,
                ts=delivery.ts,
                at=deps.clock(),
            )
            session.add(row)
            session.flush()  # the unique constraints answer here, before any work
            reply = run_joined(
                deps, session, text, user=user, now=now, source=source, caller=caller
            )
            row.item_id = reply.item_id if reply.ok else None
            session.add(row)
    except IntegrityError:
        log.info("duplicate delivery ignored: %s %s/%s", *vars(delivery).values())
        return None
    return reply
