"""One replica leads the scheduling: a PostgreSQL advisory lock, or a file lock beside SQLite.

Leading is an optimisation, not the safety net: the sent-log alone keeps sends exactly-once,
so a brief overlap of two leaders costs a few wasted queries, never a double message. The
lock lives on a dedicated connection; when the leader dies its connection closes, the lock
goes with it, and another replica wins it at its next scan.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import threading
import zlib
from pathlib import Path
from typing import IO, Any, Protocol

from sqlalchemy import text

from storage.db import Database

log = logging.getLogger(__name__)
LOCK_NAME = "ccm-bot scheduler"
LOCK_KEY = zlib.crc32(LOCK_NAME.encode())  # a stable 32-bit key for pg advisory locks


class Leadership(Protocol):
    def acquire(self) -> bool:
        """True while this process leads; tries to take the lead when it does not."""
        ...

    def release(self) -> None: ...


class AlwaysLeader:
    """In-memory SQLite or a single process: nobody to compete with."""

    def acquire(self) -> bool:
        return True

    def release(self) -> None:
        return None


class PgAdvisoryLeader:
    """pg_try_advisory_lock held on its own autocommit connection for as long as we lead."""

    def __init__(self, db: Database, *, key: int = LOCK_KEY) -> None:
        self._engine = db.engine
        self._key = key
        self._conn: Any = None
        self._guard = threading.Lock()

    def acquire(self) -> bool:
        with self._guard:
            if self._conn is not None:
                try:
                    self._conn.execute(text("SELECT 1"))
                    return True
                except Exception:
                    log.warning("lost the scheduler lock connection; trying again")
                    self._drop()
            try:
                conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
                won = conn.execute(
                    text("SELECT pg_try_advisory_lock(:key)"), {"key": self._key}
                ).scalar()
            except Exception:
                log.exception("cannot reach PostgreSQL for the scheduler lock")
                return False
            if won:
                self._conn = conn
                log.info("this replica now leads the scheduling")
                return True
            conn.close()
            return False

    def release(self) -> None:
        with self._guard:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key})
                self._drop()

    def _drop(self) -> None:
        try:
            self._conn.invalidate()  # never hand a lock-holding connection back to the pool
            self._conn.close()
        except Exception:
            pass
        self._conn = None


class FileLeader:
    """flock on '<database>.scheduler.lock': the OS drops it when the process dies."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle: IO[bytes] | None = None
        self._guard = threading.Lock()

    def acquire(self) -> bool:
        with self._guard:
            if self._handle is not None:
                return True
            handle = self._path.open("ab")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                return False
            self._handle = handle
            return True

    def release(self) -> None:
        with self._guard:
            if self._handle is not None:
                fcntl.flock(self._handle, fcntl.LOCK_UN)
                self._handle.close()
                self._handle = None


def leader_for(db: Database) -> Leadership:
    """The right kind of leadership for the database behind ``db``."""
    if db.engine.dialect.name == "postgresql":
        return PgAdvisoryLeader(db)
    database = db.engine.url.database
    if db.is_sqlite and database and database != ":memory:":
        return FileLeader(Path(f"{database}.scheduler.lock"))
    return AlwaysLeader()
