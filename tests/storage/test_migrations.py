"""Alembic: up from empty, the schema matches the models, and SQLite is tuned as promised."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from storage.db import Database
from storage.migrate import current_revision, upgrade
from storage.models import Meeting
from tests.backends import postgres_url

sqlite_only = pytest.mark.skipif(
    postgres_url() is not None, reason="SQLite tuning; this run is on PostgreSQL"
)


def test_upgrade_from_empty_matches_models(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    assert current_revision(db.engine) is None
    upgrade(db.engine)
    assert current_revision(db.engine) is not None
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []
    upgrade(db.engine)  # running again is a no-op
    db.dispose()


@sqlite_only
def test_sqlite_runs_in_wal_with_busy_timeout(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'wal.db'}")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.dispose()


def test_naive_datetimes_are_refused_and_aware_ones_come_back_aware(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    upgrade(db.engine)
    with pytest.raises(Exception, match="naive datetime"), db.session(write=True) as session:
        session.add(Meeting(title="x", start=datetime(2017, 4, 25, 10, 0)))
        session.flush()
    from zoneinfo import ZoneInfo

    start = datetime(2017, 4, 25, 10, 0, tzinfo=ZoneInfo("Europe/Zurich"))
    with db.session(write=True) as session:
        session.add(Meeting(title="CC", start=start))
    with db.session() as session:
        stored = session.get(Meeting, 1)
        assert stored is not None
        assert stored.start == start and stored.start.tzinfo is not None
    db.dispose()


@sqlite_only
def test_write_sessions_begin_immediate(tmp_path: Path) -> None:
    """A writer holds the write lock from BEGIN: a second writer waits instead of failing later."""
    db = Database(f"sqlite:///{tmp_path / 'lock.db'}")
    upgrade(db.engine)
    with db.session(write=True) as session:
        session.exec(text("SELECT 1"))  # type: ignore[call-overload]
        other = Database(f"sqlite:///{tmp_path / 'lock.db'}")
        with other.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA busy_timeout=50")
            with pytest.raises(Exception, match="locked"):
                connection.exec_driver_sql("BEGIN IMMEDIATE")
        other.dispose()
    db.dispose()


def test_states_of_many_items_stays_within_the_parameter_limit(db: Database) -> None:
    """70,000 ids in one IN (...) would pass PostgreSQL's 65,535 bound-parameter limit."""
    from storage.items import states_of

    with db.session() as session:
        found = states_of(session=session, item_ids=list(range(1, 70_001)))
    assert len(found) == 70_000 and found[1] == []
