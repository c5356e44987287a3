"""Reference facts held in memory: States, treaty deadlines, coordinators, contributions.

They change a few times a year, yet every `status` read them (eight queries per answer). A
process keeps one immutable :class:`Reference` snapshot and refreshes it when they change:

* a write through this process: any ORM change to a reference table marks the session
  (``after_flush`` / ``do_orm_execute``), and :meth:`Database.session` tells the cache after the
  commit, so the next read reloads;
* a write by another process (`ccm-bot init`, a second replica): the same listeners bump the
  version stamp row (``referencestamp``, migration 0011) in the writing transaction; each
  process compares it with its snapshot's at most once per ``check_every`` seconds.

Writes that bypass SQLAlchemy (raw SQL in a shell) are noticed only when the stamp is bumped:
``UPDATE referencestamp SET version = version + 1``.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, event, insert, select, update
from sqlalchemy.orm import ORMExecuteState
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from storage.models import Contribution, Coordinator, ReferenceStamp, State, TreatyDeadline

REFERENCE_MODELS: tuple[type[Any], ...] = (State, TreatyDeadline, Coordinator, Contribution)
REFERENCE_TABLES = frozenset(model.__tablename__ for model in REFERENCE_MODELS)
CHANGED = "ccm_reference_changed"  # session.info key: this transaction wrote reference facts
CHECK_EVERY_S = 2.0  # how stale another replica's write may be, at most


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


@dataclass(frozen=True)
class Reference:
    """One consistent snapshot; never mutate the rows (they are shared between threads)."""

    version: int
    states: dict[str, State]
    deadlines: list[TreatyDeadline]  # by due day
    coordinators: list[Coordinator]  # newest cycle first
    contributions: list[Contribution]
    deadlines_by_state: dict[str, list[TreatyDeadline]] = field(default_factory=dict)
    contributions_by_state: dict[str, list[Contribution]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        version: int,
        states: list[State],
        deadlines: list[TreatyDeadline],
        coordinators: list[Coordinator],
        contributions: list[Contribution],
    ) -> Reference:
        by_state: defaultdict[str, list[TreatyDeadline]] = defaultdict(list)
        for deadline in deadlines:
            by_state[deadline.state_iso3].append(deadline)
        money: defaultdict[str, list[Contribution]] = defaultdict(list)
        for row in contributions:
            if row.state_iso3:
                money[row.state_iso3].append(row)
        return cls(
            version=version,
            states={s.iso3: s for s in states},
            deadlines=deadlines,
            coordinators=coordinators,
            contributions=contributions,
            deadlines_by_state=dict(by_state),
            contributions_by_state=dict(money),
        )


def read_version(session: Session) -> int:
    """The stamp; 0 when the row is missing (a database made before migration 0011)."""
    stamp = _table(ReferenceStamp).c
    found = session.connection().execute(select(stamp.version).where(stamp.id == 1))
    return int(found.scalar() or 0)


def load_reference(session: Session) -> Reference:
    """Read every reference table with Core selects: plain rows, no identity map to share."""
    connection = session.connection()
    version = read_version(session)

    def rows(model: type[Any], *order: Any) -> list[Any]:
        table = _table(model)
        result = connection.execute(select(table).order_by(*order))
        return [model(**row._mapping) for row in result]

    deadline, coordinator = _table(TreatyDeadline).c, _table(Coordinator).c
    contribution = _table(Contribution).c
    return Reference.build(
        version,
        rows(State, _table(State).c.iso3),
        rows(TreatyDeadline, deadline.due, deadline.id),
        rows(Coordinator, coordinator.cycle.desc(), coordinator.id),
        rows(Contribution, contribution.year.desc(), contribution.id),
    )


class ReferenceCache:
    """The snapshot a process serves from; thread-safe, reloaded only when stale."""

    def __init__(
        self, *, check_every: float = CHECK_EVERY_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.check_every = check_every
        self._clock = clock
        self._lock = threading.Lock()
        self._current: Reference | None = None
        self._checked_at = 0.0
        self._stale = True
        self.loads = 0  # how many times the snapshot was (re)loaded, for tests and benchmarks

    def mark_stale(self) -> None:
        """This process committed a change: the next read reloads."""
        self._stale = True

    def get(self, session: Session) -> Reference:
        """The snapshot, refreshed first if this process wrote or the stamp has moved."""
        current = self._current
        now = self._clock()
        if current is not None and not self._stale:
            if now - self._checked_at < self.check_every:
                return current
            self._checked_at = now
            if read_version(session) == current.version:
                return current
        with self._lock:
            self._stale = False
            fresh = load_reference(session)
            self._current, self._checked_at = fresh, now
            self.loads += 1
            return fresh


# -- noticing writes ------------------------------------------------------------------------


def bump(session: OrmSession) -> None:
    """Move the stamp in the writing transaction, so it commits (or not) with the change."""
    session.info[CHANGED] = True
    connection = session.connection()
    stamp = _table(ReferenceStamp)
    moved = connection.execute(
        update(stamp).where(stamp.c.id == 1).values(version=stamp.c.version + 1)
    )
    if moved.rowcount == 0:  # a database from before migration 0011 was stamped by hand
        connection.execute(insert(stamp).values(id=1, version=1))


def _after_flush(session: OrmSession, _context: Any) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(isinstance(obj, REFERENCE_MODELS) for obj in changed):
        bump(session)


def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in REFERENCE_TABLES:
        bump(state.session)


def install() -> None:
    """Listen on every ORM session (idempotent)."""
    for name, listener in (
        ("after_flush", _after_flush),
        ("do_orm_execute", _on_execute),
    ):
        if not event.contains(OrmSession, name, listener):
            event.listen(OrmSession, name, listener)


install()
