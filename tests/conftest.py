"""Shared fixtures: a migrated database per test (cloned from one template), a fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.settings import Settings
from bot.wiring import prepare_database
from handlers.commands.router import handle
from handlers.people.permissions import Caller
from handlers.ports import Deps, fixed_clock
from handlers.reference.states import StateDirectory
from handlers.reply.reply import Reply
from storage.db import Database
from tests.backends import Backend, PostgresBackend, SqliteBackend, postgres_url

ZURICH = ZoneInfo("Europe/Zurich")
# The seed meeting: Thursday 23 March 2017, 10:00 in Geneva.
MEETING_NOW = datetime(2017, 3, 23, 10, 0, tzinfo=ZURICH)


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """SQLite files, or real PostgreSQL databases when CCM_TEST_DATABASE_URL says so."""
    server = postgres_url()
    chosen: Backend
    if server:
        chosen = PostgresBackend(server)
    else:
        chosen = SqliteBackend(tmp_path_factory.mktemp("databases"))
    yield chosen
    chosen.close()


def _template(backend: Backend, *, demo: bool) -> str:
    url = backend.empty()
    prepare_database(Settings(database_url=url), demo=demo, analyze=True).dispose()
    return url


@pytest.fixture(scope="session")
def template_url(backend: Backend) -> str:
    """A migrated database with the reference data, cloned for each test."""
    return _template(backend, demo=False)


@pytest.fixture(scope="session")
def demo_template_url(backend: Backend) -> str:
    """The same plus the demo data drawn from the seed minutes."""
    return _template(backend, demo=True)


@pytest.fixture
def empty_db_url(backend: Backend) -> Iterator[str]:
    """A database with nothing in it, not even a schema."""
    url = backend.empty()
    yield url
    backend.drop(url)


def _clone(backend: Backend, template: str) -> Iterator[Database]:
    url = backend.clone(template)
    database = Database(url)
    yield database
    database.dispose()
    backend.drop(url)


@pytest.fixture
def db(backend: Backend, template_url: str) -> Iterator[Database]:
    yield from _clone(backend, template_url)


@pytest.fixture
def demo_db(backend: Backend, demo_template_url: str) -> Iterator[Database]:
    yield from _clone(backend, demo_template_url)


def make_deps(database: Database, now: datetime = MEETING_NOW) -> Deps:
    return Deps(db=database, tz=ZURICH, clock=fixed_clock(now), states=StateDirectory.default())


@pytest.fixture
def deps(db: Database) -> Deps:
    return make_deps(db)


@pytest.fixture
def demo_deps(demo_db: Database) -> Deps:
    return make_deps(demo_db)


Run = Callable[..., Reply]


@pytest.fixture
def run(deps: Deps) -> Run:
    """Run a /ccm command as user U1 at the seed meeting's moment (or ``now=``), from the local
    console: before any ISU admin exists the console's operator may do everything."""

    def _run(text: str, *, user: str = "U1", now: datetime | None = None) -> Reply:
        return handle(deps, text, user=user, now=now, caller=Caller(user, operator=True))

    return _run


@pytest.fixture
def demo_run(demo_deps: Deps) -> Run:
    def _run(text: str, *, user: str = "U1", now: datetime | None = None) -> Reply:
        return handle(demo_deps, text, user=user, now=now, caller=Caller(user, operator=True))

    return _run
