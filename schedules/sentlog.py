"""The sent-log: claim a key (committed) before sending, mark it after; sweep crashed claims.

A row's life: claimed (sent_at NULL, error NULL) -> sent (sent_at set), or -> failed (error
set, retried by the next claim while attempts < max) -> ... A claim left by a crashed process
stays "in flight" until the sweeper releases it (sets error) once it is older than the stale
limit; only then may another claim take it. Every transition is one conditional statement, so
two processes (or two threads) racing for a key never both win: the INSERT conflicts on the
primary key, and the UPDATE's WHERE no longer matches once the winner committed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, String, and_, bindparam, func, literal, not_, true, update
from sqlalchemy import select as core_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Session, col, select

from storage.models import SentLog
from storage.types import UTCDateTime

STALE_NOTE = "stale claim released"
MAX_ERROR = 500
PERMANENT = "permanent: "  # an error no retry fixes: the key is settled, never claimed again
UNREACHABLE = "unreachable"  # job of the rows that remember destinations Slack says are gone


def _retriable(max_attempts: int) -> Any:
    return and_(
        col(SentLog.sent_at).is_(None),
        col(SentLog.error).is_not(None),
        not_(col(SentLog.error).startswith(PERMANENT, autoescape=True)),
        col(SentLog.attempts) < max_attempts,
    )


def _rows(session: Session, pairs: Sequence[tuple[str, str]]) -> Any:
    """The (key, recipient) pairs as a table, from one bound JSON parameter.

    However many keys there are, the statement is one small text compiled once: a set-based
    claim of 98,000 keys costs a few statements, not 98,000 bound parameters to compile.
    """
    listed = [list(pair) for pair in pairs]
    if session.get_bind().dialect.name == "postgresql":
        payload = bindparam("pairs", value=listed, type_=JSONB, unique=True)
        items = func.jsonb_array_elements(payload).table_valued("value")
        return core_select(
            items.c.value.op("->>")(0).label("key"), items.c.value.op("->>")(1).label("to")
        ).subquery()
    rows = func.json_each(json.dumps(listed)).table_valued("value")
    return core_select(
        func.json_extract(rows.c.value, "$[0]").label("key"),
        func.json_extract(rows.c.value, "$[1]").label("to"),
    ).subquery()


def claim(
    session: Session,
    *,
    keys: Sequence[str],
    job: str,
    recipient: str | Mapping[str, str],
    now: datetime,
    max_attempts: int,
) -> set[str]:
    """Take the keys nobody holds (new, or failed and still retriable); return the ones won.

    ``recipient`` is one destination for all keys, or a mapping key -> destination. Two
    statements whatever the number of keys: an INSERT ... SELECT that skips the keys already
    present (ON CONFLICT DO NOTHING), then an UPDATE retrying the failed ones among the rest.
    """
    to = (lambda key: recipient) if isinstance(recipient, str) else recipient.__getitem__
    unique = sorted(set(keys))  # in key order: the primary-key index is written in one sweep
    if not unique:
        return set()
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    wanted = _rows(session, [(key, to(key)) for key in unique])
    source = core_select(
        wanted.c.key,
        literal(job, String),
        wanted.c.to,
        literal(now, UTCDateTime()),
        literal(1, Integer),
    ).where(true())  # SQLite: INSERT ... SELECT ... ON CONFLICT needs a WHERE to parse
    statement = (
        insert(SentLog)
        .from_select(["key", "job", "recipient", "claimed_at", "attempts"], source)
        .on_conflict_do_nothing()
        .returning(col(SentLog.key))
    )
    won = set(session.execute(statement).scalars())
    rest = [key for key in unique if key not in won]
    if rest:
        others = _rows(session, [(key, "") for key in rest])
        retry = (
            update(SentLog)
            .where(col(SentLog.key).in_(core_select(others.c.key)), _retriable(max_attempts))
            .values(claimed_at=now, attempts=SentLog.attempts + 1, error=None)
            .returning(col(SentLog.key))
        )
        won.update(session.execute(retry).scalars())
    return won


def _in(session: Session, keys: Iterable[str]) -> Any:
    """``SentLog.key IN (the keys)``, with the keys as one bound JSON parameter."""
    table = _rows(session, [(key, "") for key in sorted(set(keys))])
    return col(SentLog.key).in_(core_select(table.c.key))


def mark_sent(session: Session, *, keys: Iterable[str], now: datetime) -> None:
    """The message went out: these keys are settled for good."""
    session.execute(
        update(SentLog).where(_in(session, keys)).values(sent_at=now, error=None),
        execution_options={"synchronize_session": False},  # no ORM objects to refresh
    )


def mark_failed(session: Session, *, keys: Iterable[str], error: str) -> None:
    """The send raised: keep the row (and its attempt count) so the next scan retries it."""
    session.execute(
        update(SentLog)
        .where(_in(session, keys), col(SentLog.sent_at).is_(None))
        .values(error=(error or "send failed")[:MAX_ERROR]),
        execution_options={"synchronize_session": False},
    )


def give_up(session: Session, *, keys: Iterable[str], error: str) -> None:
    """Slack refused for good: recorded once, never retried, reported in the next digest."""
    mark_failed(session, keys=keys, error=PERMANENT + (error or "refused"))


def mark_unreachable(session: Session, *, to: str, error: str, now: datetime) -> None:
    """Remember a destination Slack says is gone, so reminders go to the next in line."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    row = {
        "key": f"{UNREACHABLE}:{to}",
        "job": UNREACHABLE,
        "recipient": to,
        "claimed_at": now,
        "attempts": 1,
        "error": (PERMANENT + error)[:MAX_ERROR],
    }
    session.execute(insert(SentLog).values([row]).on_conflict_do_nothing())


def unreachable(session: Session) -> set[str]:
    """Destinations Slack said were gone (deactivated people, deleted channels)."""
    return set(session.exec(select(SentLog.recipient).where(SentLog.job == UNREACHABLE)))


def sweep(session: Session, *, now: datetime, stale_after: timedelta) -> int:
    """Release claims a crashed process left in flight, so the next scan may send them once."""
    result = session.execute(
        update(SentLog)
        .where(
            col(SentLog.sent_at).is_(None),
            col(SentLog.error).is_(None),
            col(SentLog.claimed_at) < now - stale_after,
        )
        .values(error=STALE_NOTE)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def sent(key: Any) -> Any:
    """A condition: the key (any SQL string expression) was delivered; one primary-key lookup."""
    return (
        select(SentLog.key)
        .where(col(SentLog.key) == key, col(SentLog.sent_at).is_not(None))
        .exists()
    )


def settled(session: Session, *, keys: Sequence[str], max_attempts: int) -> set[str]:
    """Keys a claim would not win now: sent, in flight, or out of attempts."""
    if not keys:
        return set()
    query = select(SentLog.key).where(_in(session, keys), not_(_retriable(max_attempts)))
    return set(session.exec(query))


def retriable_parts(session: Session, *, key: str, max_attempts: int) -> bool:
    """Did a later part of a split message (key#2, key#3...) fail and wait for a retry?"""
    query = select(SentLog.key).where(
        col(SentLog.key).startswith(f"{key}#", autoescape=True), _retriable(max_attempts)
    )
    return session.exec(query.limit(1)).first() is not None


def last_sent(session: Session, *, job: str) -> datetime | None:
    """When a job last delivered anything (for 'done since the last digest')."""
    query = select(func.max(SentLog.sent_at)).where(
        SentLog.job == job,
        col(SentLog.sent_at).is_not(None),  # lets the partial index ix_sentlog_job_sent serve
    )
    value = session.exec(query).one()
    if value is None:
        return None
    if isinstance(value, str):  # SQLite aggregates bypass the column type
        value = datetime.fromisoformat(value)
    return UTCDateTime().process_result_value(value, session.get_bind().dialect)


def given_up(
    session: Session, *, max_attempts: int, since: datetime | None = None
) -> list[SentLog]:
    """Sends that will not go: refused for good, or failed ``max_attempts`` times (newest
    claims first, those claimed after ``since`` when given). An operator must look at them."""
    query = select(SentLog).where(
        col(SentLog.sent_at).is_(None),
        col(SentLog.error).is_not(None),
        col(SentLog.job) != UNREACHABLE,
        (col(SentLog.attempts) >= max_attempts)
        | col(SentLog.error).startswith(PERMANENT, autoescape=True),
    )
    if since is not None:
        query = query.where(col(SentLog.claimed_at) >= since)
    return list(session.exec(query.order_by(col(SentLog.claimed_at).desc())))
