"""Claim, send, mark: the only path a scheduled message takes to Slack.

Each claim and each mark is its own committed transaction, and the send happens between them
with no transaction open, so a slow Slack never holds a database lock. A send that raises
(HTTP 429, 500, a timeout) marks its keys failed; the next scan claims and retries them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from handlers.ports import Notifier, Undeliverable
from handlers.reply.reply import Block, Reply
from schedules import sentlog
from schedules.split import split_reply
from storage.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """One message that went out (or would have, in a dry run)."""

    job: str
    to: str
    text: str
    blocks: list[Block]

    def as_json(self) -> dict[str, Any]:
        return {"job": self.job, "to": self.to, "text": self.text, "blocks": self.blocks}


class Ledger(Protocol):
    """The sent-log as the outbox sees it; a dry run swaps in one that writes nothing."""

    def pending(self, keys: Sequence[str]) -> set[str]: ...
    def unfinished(self, key: str) -> bool: ...
    def claim(
        self, keys: Sequence[str], *, job: str, recipient: str | Mapping[str, str]
    ) -> set[str]: ...
    def mark(self, keys: Sequence[str]) -> None: ...
    def fail(self, keys: Sequence[str], error: str) -> None: ...
    def give_up(self, keys: Sequence[str], error: str, *, unreachable: str | None) -> None: ...


def _pending(db: Database, keys: Sequence[str], *, max_attempts: int) -> set[str]:
    """The keys not yet sent (nor given up on): the one read both ledgers share."""
    with db.session() as session:
        done = sentlog.settled(session, keys=keys, max_attempts=max_attempts)
    return {key for key in keys if key not in done}


@dataclass
class DbLedger:
    """The real sent-log: every call is one short committed transaction."""

    db: Database
    now: datetime
    max_attempts: int

    def pending(self, keys: Sequence[str]) -> set[str]:
        return _pending(self.db, keys, max_attempts=self.max_attempts)

    def unfinished(self, key: str) -> bool:
        """Has this message (or a later part of it) still to go out?"""
        if self.pending([key]):
            return True
        with self.db.session() as session:
            return sentlog.retriable_parts(session, key=key, max_attempts=self.max_attempts)

    def claim(
        self, keys: Sequence[str], *, job: str, recipient: str | Mapping[str, str]
    ) -> set[str]:
        with self.db.session(write=True) as session:
            return sentlog.claim(
                session,
                keys=keys,
                job=job,
                recipient=recipient,
                now=self.now,
                max_attempts=self.max_attempts,
            )

    def mark(self, keys: Sequence[str]) -> None:
        with self.db.session(write=True) as session:
            sentlog.mark_sent(session, keys=keys, now=self.now)

    def fail(self, keys: Sequence[str], error: str) -> None:
        with self.db.session(write=True) as session:
            sentlog.mark_failed(session, keys=keys, error=error)

    def give_up(self, keys: Sequence[str], error: str, *, unreachable: str | None) -> None:
        """Settle the keys for good (and remember a destination that is gone), in one commit."""
        with self.db.session(write=True) as session:
            sentlog.give_up(session, keys=keys, error=error)
            if unreachable:
                sentlog.mark_unreachable(session, to=unreachable, error=error, now=self.now)


@dataclass
class DryLedger:
    """Reads the sent-log to show what is due, and never writes it."""

    db: Database
    max_attempts: int

    def pending(self, keys: Sequence[str]) -> set[str]:
        return _pending(self.db, keys, max_attempts=self.max_attempts)

    def unfinished(self, key: str) -> bool:
        return bool(self.pending([key]))

    def claim(
        self, keys: Sequence[str], *, job: str, recipient: str | Mapping[str, str]
    ) -> set[str]:
        return self.pending(keys)

    def mark(self, keys: Sequence[str]) -> None:
        return None

    def fail(self, keys: Sequence[str], error: str) -> None:
        return None

    def give_up(self, keys: Sequence[str], error: str, *, unreachable: str | None) -> None:
        return None


def _constant(reply: Reply) -> Callable[[set[str]], Reply]:
    return lambda _won: reply


@dataclass
class Outbox:
    """Sends through the notifier only what the ledger lets it claim; records what went out."""

    ledger: Ledger
    notifier: Notifier
    sent: list[Message] = field(default_factory=list)
    failures: int = 0
    gone: set[str] = field(default_factory=set)  # destinations Slack said are gone, this run
    # send_claimed marks what went out at most this long after sending it, several messages
    # per statement: a catch-up sends hundreds of summaries, and a commit per message was most
    # of its time. A crash inside the window re-sends at most that second's messages, once
    # their claims go stale (as a crash between one send and its mark always could).
    mark_within_s: float = 1.0
    clock: Callable[[], float] = time.monotonic
    _unmarked: list[str] = field(default_factory=list)
    _unmarked_since: float = 0.0

    def send_once(self, *, job: str, to: str, key: str, reply: Reply) -> None:
        """A message with one key; when split, part n>1 gets key#n so each part goes once."""
        parts = split_reply(reply)
        keys = [key if n == 1 else f"{key}#{n}" for n in range(1, len(parts) + 1)]
        open_keys = self.ledger.pending(keys)
        for part_key, part in zip(keys, parts, strict=True):
            if part_key not in open_keys:
                continue
            if not self._deliver(job=job, to=to, keys=[part_key], render=_constant(part)):
                return  # later parts wait for the retry, keeping the order

    def send_batch(
        self, *, job: str, to: str, keys: Sequence[str], render: Callable[[set[str]], Reply]
    ) -> None:
        """One message for several keys (a person's reminders); it shows only the keys won."""
        if keys:
            self._deliver(job=job, to=to, keys=keys, render=render)

    def claim_many(self, *, job: str, recipients: Mapping[str, str]) -> set[str]:
        """Claim many keys (key -> destination) in one transaction; send them with send_claimed.

        Callers claim in chunks small enough to be sent well within the stale-claim limit, or
        the sweeper could release keys still waiting in this process's queue.
        """
        return self.ledger.claim(list(recipients), job=job, recipient=recipients)

    def send_claimed(
        self,
        *,
        job: str,
        to: str,
        won: set[str],
        keys: Sequence[str],
        render: Callable[[set[str]], Reply],
    ) -> bool:
        """Send a message for keys already claimed by claim_many, then mark or fail them."""
        mine = {key for key in keys if key in won}
        if not mine:
            return False
        delivered = self._deliver(job=job, to=to, keys=keys, render=render, won=mine, defer=True)
        if self._unmarked and self.clock() - self._unmarked_since >= self.mark_within_s:
            self.flush_marks()
        return delivered

    def flush_marks(self) -> None:
        """Mark every message send_claimed delivered and has not marked yet."""
        if self._unmarked:
            keys, self._unmarked = self._unmarked, []
            self.ledger.mark(keys)

    def _deliver(
        self,
        *,
        job: str,
        to: str,
        keys: Sequence[str],
        render: Callable[[set[str]], Reply],
        won: set[str] | None = None,
        defer: bool = False,
    ) -> bool:
        if won is None:
            won = self.ledger.claim(keys, job=job, recipient=to)
        if not won:
            return False
        ordered = [key for key in keys if key in won]
        reply = render(won)
        try:
            self.notifier.send(to=to, text=reply.text, blocks=reply.blocks)
        except Undeliverable as problem:
            # Recorded once and never retried; a reminder goes to the next person in line.
            log.warning("send %s to %s refused for good (%s)", job, to, problem.code)
            gone = to if problem.recipient_gone else None
            self.flush_marks()
            self.ledger.give_up(ordered, problem.code, unreachable=gone)
            if gone:
                self.gone.add(gone)
            return False
        except Exception as problem:
            self.failures += 1
            log.warning("send %s to %s failed (%s); will retry", job, to, problem)
            self.flush_marks()
            self.ledger.fail(ordered, f"{type(problem).__name__}: {problem}")
            return False
        if defer:
            if not self._unmarked:
                self._unmarked_since = self.clock()
            self._unmarked += ordered
        else:
            self.ledger.mark(ordered)
        self.sent.append(Message(job=job, to=to, text=reply.text, blocks=reply.blocks))
        return True
