"""The sent-log's state machine: claim once, retry failures, release crashed claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from schedules import sentlog
from storage.db import Database
from storage.models import SentLog

NOW = datetime(2017, 4, 12, 7, 0, tzinfo=UTC)


def _claim(db: Database, keys: list[str], now: datetime = NOW, max_attempts: int = 3) -> set[str]:
    with db.session(write=True) as session:
        return sentlog.claim(
            session, keys=keys, job="reminder", recipient="U1", now=now, max_attempts=max_attempts
        )


def test_a_key_is_claimed_once(db: Database) -> None:
    assert _claim(db, ["a", "b"]) == {"a", "b"}
    assert _claim(db, ["a", "b", "c"]) == {"c"}
    with db.session(write=True) as session:
        sentlog.mark_sent(session, keys=["a"], now=NOW)
    assert _claim(db, ["a"], now=NOW + timedelta(days=1)) == set()


def test_a_failed_send_is_retried_until_max_attempts(db: Database) -> None:
    _claim(db, ["a"])
    for attempt in (2, 3):
        with db.session(write=True) as session:
            sentlog.mark_failed(session, keys=["a"], error="HTTP 429")
        assert _claim(db, ["a"]) == {"a"}
        with db.session() as session:
            row = session.get(SentLog, "a")
            assert row is not None and row.attempts == attempt and row.error is None
    with db.session(write=True) as session:
        sentlog.mark_failed(session, keys=["a"], error="HTTP 500")
        assert [row.key for row in sentlog.given_up(session, max_attempts=3)] == ["a"]
    assert _claim(db, ["a"]) == set()


def test_a_crashed_claim_is_released_only_when_stale(db: Database) -> None:
    _claim(db, ["a"])
    stale = timedelta(minutes=15)
    with db.session(write=True) as session:
        assert sentlog.sweep(session, now=NOW + timedelta(minutes=14), stale_after=stale) == 0
    assert _claim(db, ["a"], now=NOW + timedelta(minutes=14)) == set()
    with db.session(write=True) as session:
        assert sentlog.sweep(session, now=NOW + timedelta(minutes=16), stale_after=stale) == 1
    assert _claim(db, ["a"], now=NOW + timedelta(minutes=16)) == {"a"}


def test_settled_and_last_sent(db: Database) -> None:
    _claim(db, ["a", "b"])
    with db.session(write=True) as session:
        sentlog.mark_sent(session, keys=["a"], now=NOW)
        sentlog.mark_failed(session, keys=["b"], error="boom")
        assert sentlog.settled(session, keys=["a", "b", "c"], max_attempts=3) == {"a"}
        assert sentlog.last_sent(session, job="reminder") == NOW
        assert sentlog.last_sent(session, job="weekly_digest") is None
