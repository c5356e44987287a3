"""A workspace with every kind of caller, the real app over signed HTTP, and DB snapshots.

Users (as the fake users.info describes them):
  UOWNER01  workspace owner            UADMIN01  workspace admin
  UMEMBER1  plain member               UGUEST01  guest (is_restricted)
  UULTRA01  single-channel guest       UEXTERN1  another workspace (Slack Connect)
  USTRANG1  is_stranger                UITALY01  a member whose real name is "Italy"
  UTHEISU1  real name "the ISU"        UIDNAME1  real name "UVICTIM01" (another member's id)
  UVICTIM1  plain member               UINSTAL1  named in CCM_ADMINS
Channels: C1 (the committee's own), CSHARED (Slack Connect: is_ext_shared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select as sa_select
from sqlmodel import SQLModel

from storage.db import Database
from tests.slack.conftest import Served, _no_slack_env, _warm_dates, served  # noqa: F401
from tests.slack.fake_slack import FakeSlack

OWNER, ADMIN, MEMBER = "UOWNER01", "UADMIN01", "UMEMBER1"
GUEST, ULTRA, EXTERNAL, STRANGER = "UGUEST01", "UULTRA01", "UEXTERN1", "USTRANG1"
ITALY_NAMED, ISU_NAMED, ID_NAMED, VICTIM = "UITALY01", "UTHEISU1", "UIDNAME1", "UVICTIM1"
INSTALLER = "UINSTAL1"
SHARED = "CSHARED"
USERS: dict[str, dict[str, Any]] = {
    OWNER: {"name": "Olga Owner", "is_owner": True, "is_admin": True},
    ADMIN: {"name": "Adam Admin", "is_admin": True},
    MEMBER: {"name": "Mia Member"},
    GUEST: {"name": "Gus Guest", "is_restricted": True},
    ULTRA: {"name": "Uma Ultra", "is_restricted": True, "is_ultra_restricted": True},
    EXTERNAL: {"name": "Ed External", "team_id": "T0OTHER"},
    STRANGER: {"name": "Stan Stranger", "is_stranger": True},
    ITALY_NAMED: {"name": "Italy"},
    ISU_NAMED: {"name": "the ISU"},
    ID_NAMED: {"name": VICTIM},
    VICTIM: {"name": "Vic Victim"},
    INSTALLER: {"name": "Ines Installer"},
}
OUTSIDERS = (GUEST, ULTRA, EXTERNAL, STRANGER)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack(users={k: dict(v) for k, v in USERS.items()})
    server.channels[SHARED] = {"is_ext_shared": True, "is_shared": True}
    yield server
    server.stop()


@pytest.fixture
def deps(db: Database) -> Any:
    from dataclasses import replace

    from tests.conftest import make_deps

    return replace(make_deps(db), install_admins=frozenset({INSTALLER}))


Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot(db: Database) -> Snapshot:
    """Every row of every table, in key order: two equal snapshots mean nothing changed."""
    out: Snapshot = {}
    with db.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = connection.execute(sa_select(table).order_by(*order)).all()
            out[table.name] = [tuple(row) for row in rows]
    return out


def changed(before: Snapshot, after: Snapshot, *, ignore: tuple[str, ...] = ()) -> list[str]:
    return [name for name in before if name not in ignore and before[name] != after[name]]


@pytest.fixture
def know(served: Served) -> Callable[..., None]:  # noqa: F811  (the fixture, by name)
    """First contact for users (a read command), so a later snapshot is not moved by it."""

    def _know(*users: str) -> None:
        for user in users:
            assert served.sender.command("help", user=user).status == 200

    return _know


def ask(app: Served, text: str, *, user: str, channel: str = "C1") -> dict[str, Any]:
    answer = app.sender.command(text, user=user, channel=channel)
    assert answer.status == 200, answer.body
    body = answer.json()
    assert isinstance(body, dict)
    return body


def name_admin(app: Served, user: str = ADMIN) -> None:
    """The workspace admin names the first ISU admin (by default: themselves)."""
    body = ask(app, f"roster add <@{user}> isu", user=ADMIN)
    assert "now ISU admin" in body["text"], body["text"]
