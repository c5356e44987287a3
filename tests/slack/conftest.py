"""Fixtures: a fake Web API, the real Bolt app under waitress on 127.0.0.1:0, signed senders."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import waitress
from slack_bolt import App
from sqlalchemy import func
from sqlmodel import select

from bot.serve import make_wsgi, waitress_options
from bot.settings import Settings
from bot.slack.app import create_app, runtime_of
from bot.slack.runtime import Runtime
from handlers.dates.reading import warm_up
from handlers.ports import Deps
from storage.db import Database
from storage.models import ActionItem, ItemEvent, Person, ProcessedEvent
from tests.slack.fake_slack import FakeSlack
from tests.slack.signed import SECRET, Sender


@pytest.fixture(autouse=True)
def _no_slack_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """SLACK_CLIENT_ID/SECRET would switch App() to OAuth: nothing from the shell leaks in."""
    import os

    for name in list(os.environ):
        if name.startswith("SLACK_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session", autouse=True)
def _warm_dates() -> None:
    warm_up()


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    # U1 installed the app (a workspace admin): before any ISU admin exists it may change
    # things, as the existing tests expect. tests/security covers everyone else.
    server = FakeSlack(
        users={
            "U1": {"is_admin": True},
            "U2": {"name": "Ana Rossi", "tz": "America/New_York", "is_admin": True},
        }
    )
    yield server
    server.stop()


def settings_for(fake: FakeSlack, db: Database) -> Settings:
    return Settings(
        database_url=db.url,
        slack_bot_token="xoxb-test",
        slack_signing_secret=SECRET,
        slack_api_url=fake.url,
        slack_files_url=fake.files_url,
    )


@dataclass
class Served:
    app: App
    runtime: Runtime
    sender: Sender
    fake: FakeSlack
    deps: Deps

    def count(self, table: type) -> int:
        with self.deps.db.session() as session:
            return int(session.exec(select(func.count()).select_from(table)).one())

    def counts(self) -> dict[str, int]:
        return {t.__name__: self.count(t) for t in (ActionItem, ItemEvent, ProcessedEvent, Person)}

    def item(self, item_id: int) -> ActionItem:
        with self.deps.db.session() as session:
            found = session.get(ActionItem, item_id)
            assert found is not None
            return found

    def settle(self) -> None:
        """Wait for background work (Home refreshes) so assertions see every call."""
        self.runtime.wait_idle()


@pytest.fixture
def served(fake: FakeSlack, deps: Deps, db: Database) -> Iterator[Served]:
    app = create_app(settings_for(fake, db), deps)
    wsgi = make_wsgi(app, settings_for(fake, db), deps)
    options = {**waitress_options(), "threads": 8}
    server = waitress.create_server(wsgi, host="127.0.0.1", port=0, **options)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    port = server.effective_port  # type: ignore[union-attr]
    fake.calls.clear()  # auth.test at start-up is not what the tests look at
    yield Served(app, runtime_of(app), Sender(f"http://127.0.0.1:{port}/slack/events"), fake, deps)
    runtime_of(app).shutdown()
    stop_waitress(server, thread)


def stop_waitress(server: Any, thread: threading.Thread) -> None:
    """Empty the loop's socket map from inside the loop (closing from outside races select)."""
    server.trigger.pull_trigger(server._map.clear)
    thread.join(timeout=5)
    server.task_dispatcher.shutdown()
    server.socket.close()
