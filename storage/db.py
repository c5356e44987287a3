"""Engine and sessions: SQLite tuned for a bot (WAL, busy timeout, BEGIN IMMEDIATE for writes)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, make_url
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

import storage.audit  # noqa: F401  (installs the audit listener on every session)
from storage.reference import CHANGED, ReferenceCache

DEFAULT_URL = "sqlite:///ccm.db"
BUSY_TIMEOUT_MS = 10_000


def make_engine(url: str = DEFAULT_URL) -> Engine:
    """Build the engine; SQLite gets WAL, a busy timeout and explicit transaction control."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    if not in_memory:
        private_file(make_url(url).database)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        poolclass=StaticPool if in_memory else None,
    )
    _tune_sqlite(engine, wal=not in_memory)
    return engine


def private_file(path: str | os.PathLike[str] | None) -> None:
    """The committee's store (contributions, roster, audit) is for its owner only: 0600.

    Created so before SQLite opens it (SQLite gives its -wal and -shm files the same mode),
    and an existing file readable by others is tightened.
    """
    if not path or str(path) == ":memory:" or str(path).startswith("file:"):
        return
    target = Path(path)
    if not target.parent.exists():
        return  # SQLite reports the missing folder itself, in its own words
    fd = os.open(target, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    for name in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        if name.exists() and stat.S_IMODE(name.stat().st_mode) & 0o077:
            name.chmod(0o600)


def _tune_sqlite(engine: Engine, *, wal: bool) -> None:
    """Take over pysqlite's deferred BEGIN so that writes can BEGIN IMMEDIATE."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writer takes the write lock up front, so two writers queue on busy_timeout
        # instead of one failing with "database is locked" when it upgrades a read lock.
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """The engine plus the two kinds of session the bot opens: one per command or job run."""

    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._writer = self.engine.execution_options(sqlite_immediate=True)
        self.reference = ReferenceCache()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(
        self, *, write: bool = False, actor: str | None = None, now: datetime | None = None
    ) -> Iterator[Session]:
        """A session that commits on success and rolls back on any exception.

        ``actor`` and ``now`` are what the audit log records for the changes made in it.
        """
        with Session(self._writer if write else self.engine, expire_on_commit=False) as session:
            session.info.update(actor=actor, now=now)
            try:
                yield session
                session.commit()
                if session.info.pop(CHANGED, False):
                    self.reference.mark_stale()  # after the commit: a reload sees the change
            except BaseException:
                session.rollback()
                raise

    def analyze(self) -> None:
        """Refresh the planner's statistics (after init or a bulk import).

        Without them SQLite picks the status index (75% of rows) over the far narrower
        (iso3, item_id) index, and `status <State>` scans every open item.
        """
        with self.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")

    def dispose(self) -> None:
        self.engine.dispose()
