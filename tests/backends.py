"""Where test databases live: SQLite files by default, or real PostgreSQL databases.

Set CCM_TEST_DATABASE_URL=postgresql+psycopg://user@host:port/db to run the whole suite on
PostgreSQL: each test then gets its own database, cloned from a migrated template with
CREATE DATABASE ... TEMPLATE (as fast as copying a SQLite file, and just as isolated).
"""

from __future__ import annotations

import itertools
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ENV = "CCM_TEST_DATABASE_URL"


def postgres_url() -> str | None:
    """The PostgreSQL server the suite runs on, or None for SQLite."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    return url or None


@dataclass
class SqliteBackend:
    root: Path
    _names: itertools.count[int] = field(default_factory=itertools.count)

    name = "sqlite"

    def empty(self) -> str:
        return f"sqlite:///{self.root / f'db{next(self._names)}.db'}"

    def clone(self, template_url: str) -> str:
        source = Path(make_url(template_url).database or "")
        target = self.root / f"db{next(self._names)}.db"
        shutil.copy(source, target)
        return f"sqlite:///{target}"

    def drop(self, url: str) -> None:
        Path(make_url(url).database or "").unlink(missing_ok=True)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class PostgresBackend:
    server_url: str
    _names: itertools.count[int] = field(default_factory=itertools.count)
    _created: list[str] = field(default_factory=list)

    name = "postgresql"

    def __post_init__(self) -> None:
        self._admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT", pool_size=2)
        self._prefix = f"ccm_t{os.getpid()}_"
        with self._admin.connect() as connection:
            version = connection.execute(text("SHOW server_version_num")).scalar_one()
        # PostgreSQL 15 copies templates through the WAL by default; for small test databases
        # copying the files is about a third faster.
        self._strategy = " STRATEGY FILE_COPY" if int(version) >= 150000 else ""
        # Dropping a database takes ~0.1 s: do it behind the next test instead of in its way.
        self._dropper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drop-test-db")

    def _url(self, database: str) -> str:
        return (
            make_url(self.server_url).set(database=database).render_as_string(hide_password=False)
        )

    def _create(self, template: str | None) -> str:
        database = f"{self._prefix}{next(self._names)}"
        clause = f" TEMPLATE {template}{self._strategy}" if template else ""
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{database}"{clause}'))
        self._created.append(database)
        return self._url(database)

    def empty(self) -> str:
        return self._create(None)

    def clone(self, template_url: str) -> str:
        return self._create(make_url(template_url).database)

    def drop(self, url: str) -> None:
        database = make_url(url).database
        if database in self._created:
            self._created.remove(database)
        self._dropper.submit(self._drop_now, database)

    def _drop_now(self, database: str | None) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))

    def close(self) -> None:
        for database in list(self._created):
            self.drop(self._url(database))
        self._dropper.shutdown(wait=True)
        self._admin.dispose()


Backend = SqliteBackend | PostgresBackend
