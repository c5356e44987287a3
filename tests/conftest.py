"""Shared fixtures: a migrated SQLite file per test (copied from one template), a fixed clock."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.settings import Settings
from bot.wiring import prepare_database
from handlers.ports import Deps, fixed_clock
from handlers.reply import Reply
from handlers.router import handle
from handlers.states import StateDirectory
from storage.db import Database

ZURICH = ZoneInfo("Europe/Zurich")
# The seed meeting: Thursday 23 March 2017, 10:00 in Geneva.
MEETING_NOW = datetime(2017, 3, 23, 10, 0, tzinfo=ZURICH)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = prepare_database(Settings(database_url=f"sqlite:///{path}"))
    db.dispose()
    return path


@pytest.fixture(scope="session")
def demo_template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = prepare_database(Settings(database_url=f"sqlite:///{path}"), demo=True)
    db.dispose()
    return path


def _copy(template: Path, target: Path) -> Database:
    shutil.copy(template, target)
    return Database(f"sqlite:///{target}")


@pytest.fixture
def db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    database = _copy(template_db, tmp_path / "ccm.db")
    yield database
    database.dispose()


@pytest.fixture
def demo_db(demo_template_db: Path, tmp_path: Path) -> Iterator[Database]:
    database = _copy(demo_template_db, tmp_path / "demo.db")
    yield database
    database.dispose()


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
    """Run a /ccm command as user U1 at the seed meeting's moment (or ``now=``)."""

    def _run(text: str, *, user: str = "U1", now: datetime | None = None) -> Reply:
        return handle(deps, text, user=user, now=now)

    return _run


@pytest.fixture
def demo_run(demo_deps: Deps) -> Run:
    def _run(text: str, *, user: str = "U1", now: datetime | None = None) -> Reply:
        return handle(demo_deps, text, user=user, now=now)

    return _run
