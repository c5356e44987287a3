"""Two processes at once (separate engines, same database) and leader election."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.settings import Settings
from bot.wiring import prepare_database
from schedules.jobs import run_due
from schedules.leader import FileLeader, PgAdvisoryLeader, leader_for
from storage.db import Database
from tests.backends import postgres_url
from tests.schedules.conftest import CONFIG, START, Clock, RecordingNotifier, seed_world, world_deps
from tests.schedules.expected import expected, rows

PG_ADMIN = postgres_url() or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
WEEKS = 2.5


def _race(url: str, ids: dict[str, int]) -> list[RecordingNotifier]:
    """Two 'processes' scan the same moments in lock-step, each with its own engine."""
    until = START + timedelta(weeks=WEEKS)
    barrier = threading.Barrier(2, timeout=30)
    notifiers: list[RecordingNotifier] = []
    errors: list[BaseException] = []

    def process() -> None:
        db = Database(url)
        clock = Clock()
        notifier = RecordingNotifier(clock)
        notifiers.append(notifier)
        deps = world_deps(db, clock)
        try:
            while clock.now < until:
                barrier.wait()
                run_due(deps, notifier, now=clock.now, config=CONFIG)
                clock.now += timedelta(hours=1)
        except BaseException as problem:  # surfaced in the main thread below
            errors.append(problem)
            barrier.abort()
        finally:
            db.dispose()

    threads = [threading.Thread(target=process) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return notifiers


def _check(notifiers: list[RecordingNotifier], ids: dict[str, int]) -> None:
    until = START + timedelta(weeks=WEEKS)
    both = [sent for notifier in notifiers for sent in notifier.sent]
    assert rows(both, ids) == expected(until=until)


def test_two_processes_on_one_sqlite_file(db: Database) -> None:
    ids = seed_world(db)
    _check(_race(db.url, ids), ids)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database per test, dropped afterwards."""
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as problem:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is unreachable ({problem.__class__.__name__})")
    name = f"ccm_sched_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_two_processes_on_postgresql(pg_url: str) -> None:
    db = prepare_database(Settings(database_url=pg_url))
    ids = seed_world(db)
    db.dispose()
    _check(_race(pg_url, ids), ids)


def test_postgresql_leader_fails_over(pg_url: str) -> None:
    first_db, second_db = Database(pg_url), Database(pg_url)
    first, second = leader_for(first_db), leader_for(second_db)
    assert isinstance(first, PgAdvisoryLeader)
    assert first.acquire() is True
    assert second.acquire() is False
    assert first.acquire() is True  # still ours
    first_db.dispose()
    first._conn.invalidate()  # the leader's connection dies with its process
    # The server ends that session (and frees the lock) a moment after the socket closes: the
    # next scheduler tick takes over; here, poll for up to 5 s rather than race the server.
    deadline = time.monotonic() + 5
    while not second.acquire() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert second.acquire() is True
    assert first.acquire() is False
    second.release()
    assert first.acquire() is True
    first.release()
    second_db.dispose()


def test_file_leader_for_sqlite(tmp_path: Path) -> None:
    one, two = FileLeader(tmp_path / "x.lock"), FileLeader(tmp_path / "x.lock")
    assert one.acquire() and not two.acquire()
    one.release()
    assert two.acquire()
    two.release()


@pytest.mark.skipif(postgres_url() is not None, reason="this run's databases are PostgreSQL")
def test_sqlite_database_gets_a_file_leader(db: Database) -> None:
    assert isinstance(leader_for(db), FileLeader)
