"""What must hold for every command, however mangled: an answer, no pings, no change if refused."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (fills SQLModel.metadata)
from handlers.commands.router import handle
from handlers.people.permissions import Caller
from handlers.ports import Deps
from handlers.reply.reply import Reply
from storage.models import ActionItem, Contribution, Person

CRASH = "Something went wrong on my side"
PINGS = ("<!channel>", "<!here>", "<!everyone>")
USER = "U1"  # the roster is empty in the fixtures: open mode, so every write is allowed


def _fingerprint_query() -> Any:
    counts = [
        select(func.count()).select_from(table).scalar_subquery()
        for table in SQLModel.metadata.sorted_tables
    ]
    item = ActionItem.__table__.c  # type: ignore[attr-defined]
    person = Person.__table__.c  # type: ignore[attr-defined]
    money = Contribution.__table__.c  # type: ignore[attr-defined]
    details = [
        select(func.max(item.updated_at)).scalar_subquery(),
        select(func.sum(func.length(item.status))).scalar_subquery(),
        select(func.sum(func.length(item.text))).scalar_subquery(),
        select(func.sum(func.length(item.owner))).scalar_subquery(),
        select(func.sum(func.length(func.coalesce(cast(item.due, String), "")))).scalar_subquery(),
        select(func.count(item.snoozed_until)).scalar_subquery(),
        select(func.sum(func.length(person.role))).scalar_subquery(),
        select(func.sum(money.amount_cents)).scalar_subquery(),
    ]
    return select(*counts, *details)


FINGERPRINT = _fingerprint_query()


def fingerprint(deps: Deps) -> tuple[Any, ...]:
    """Row counts of every table plus the mutable columns of the main ones, in one query."""
    with deps.db.engine.connect() as connection:
        return tuple(connection.execute(FINGERPRINT).one())


class Checker:
    """Runs commands on one database and asserts the invariants after each.

    The fingerprint after one command is the next one's "before" (one query per example,
    not two); after a failed assertion it is taken afresh.
    """

    def __init__(self, deps: Deps) -> None:
        self.deps = deps
        self._last: tuple[Any, ...] | None = None

    def __repr__(self) -> str:  # hypothesis prints it with a failing example
        return f"Checker({self.deps.db.url})"

    def __call__(self, text: str) -> Reply:
        before = self._last if self._last is not None else fingerprint(self.deps)
        self._last = None
        reply = handle(self.deps, text, user=USER, caller=Caller(USER, operator=True))
        after = fingerprint(self.deps)
        assert isinstance(reply.text, str) and reply.text.strip(), f"empty reply to {text!r}"
        assert CRASH not in reply.text, f"crashed on {text!r}: {reply.text}"
        check_no_pings(reply.text, reply.blocks)
        if not reply.ok:
            assert after == before, f"refused {text!r} but changed data"
        self._last = after
        return reply


def check_no_pings(text: str, blocks: Any) -> None:
    rendered = text + json.dumps(blocks, ensure_ascii=False)
    for ping in PINGS:
        assert ping not in rendered, f"{ping} came back raw: {rendered[:300]}"
