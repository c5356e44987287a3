"""Read commands in at most two SQL statements, reference facts from memory, refreshed on change.

Statements are counted with a SQLAlchemy ``before_cursor_execute`` listener (transaction
control aside), after a first run that loads the process's reference snapshot, as a server
that has answered once does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, text

from handlers.commands.router import handle
from handlers.people.permissions import Caller
from handlers.ports import Deps
from storage.db import Database
from storage.models import State
from tests.conftest import MEETING_NOW, make_deps

OPERATOR = Caller("U1", operator=True)  # the local console
TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def listener(*args: object) -> None:
        statement = str(args[2])
        if not statement.upper().startswith(TRANSACTION):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


# The read commands held to two statements (benchmarks/queries.py prints the same list's counts).
BUDGETED = [
    "status Botswana",
    "status Chile more",
    "status universalization",
    "status #15",
    "status me",
    "mine",
    "items",
    "items Italy",
    "items overdue",
    "deadlines",
    "deadlines 2020",
    "who",
    "who Italy",
    "contributions",
    "contributions 2016",
    "history #15",
]


@pytest.mark.parametrize("command", BUDGETED)
def test_read_command_runs_at_most_two_statements(demo_deps: Deps, command: str) -> None:
    assert handle(demo_deps, command, user="U1").ok  # warm: the snapshot is loaded
    with counted(demo_deps.db) as seen:
        reply = handle(demo_deps, command, user="U1")
    assert reply.ok
    assert len(seen) <= 2, seen


def test_status_of_a_state_reads_no_reference_table(demo_deps: Deps) -> None:
    handle(demo_deps, "status Chile", user="U1")
    with counted(demo_deps.db) as seen:
        handle(demo_deps, "status Chile", user="U1")
    reference = re.compile(r"(?:FROM|JOIN)\s+(?:state|treatydeadline|coordinator|contribution)\b")
    assert len(seen) == 2 and not [s for s in seen if reference.search(s)], seen


def test_a_write_through_the_bot_shows_at_once(demo_deps: Deps) -> None:
    assert "Coordinates" not in handle(demo_deps, "status Austria", user="U1").text
    # The console's operator names the first ISU admin (closed by default); the ISU changes coordinators.
    assert handle(demo_deps, "roster add <@U1> isu", user="U1", caller=OPERATOR).ok
    changed = handle(demo_deps, "coordinator add Austria victim assistance 8MSP", user="U1")
    assert changed.ok, changed.text
    assert "Victim Assistance (8MSP)" in handle(demo_deps, "status Austria", user="U1").text


def test_a_second_replica_notices_through_the_version_stamp(demo_db: Database) -> None:
    first = make_deps(demo_db)
    second = make_deps(Database(demo_db.url))  # another process: its own engine and snapshot
    second.db.reference.check_every = 3600.0  # only the stamp check can make it notice
    try:
        assert "Coordinates" not in handle(second, "status Austria", user="U1").text
        assert handle(first, "roster add <@U1> isu", user="U1", caller=OPERATOR).ok
        assert handle(first, "coordinator add Austria victim assistance 8MSP", user="U1").ok
        stale = handle(second, "status Austria", user="U1").text
        assert "Victim Assistance (8MSP)" not in stale  # within its check interval: the snapshot
        second.db.reference.check_every = 0.0  # the interval has passed
        assert "Victim Assistance (8MSP)" in handle(second, "status Austria", user="U1").text
        loads = second.db.reference.loads
        handle(second, "status Austria", user="U1")
        assert second.db.reference.loads == loads  # the stamp has not moved: no reload
    finally:
        second.db.dispose()


def test_init_moves_the_stamp_and_a_raw_sql_change_is_seen_once_stamped(demo_db: Database) -> None:
    deps = make_deps(demo_db)
    deps.db.reference.check_every = 0.0
    assert "— State Party" in handle(deps, "status Austria", user="U1").text
    with demo_db.engine.begin() as connection:  # a change outside SQLAlchemy's ORM
        connection.execute(text("UPDATE state SET ccm_status = 'withdrawn' WHERE iso3 = 'AUT'"))
    assert "— State Party" in handle(deps, "status Austria", user="U1").text
    with demo_db.session(write=True) as session:  # the same through the ORM moves the stamp
        austria = session.get(State, "AUT")
        assert austria is not None
        austria.short = "Austria"
        austria.ccm_status = "withdrawn"
        session.add(austria)
    assert "Austria (AUT) — withdrawn" in handle(deps, "status Austria", user="U1").text


def test_contributions_from_memory_equal_the_sql_summary(demo_db: Database) -> None:
    from storage.contributions import summarize, year_summary
    from storage.models import Contribution
    from storage.reference import load_reference

    rows = [
        Contribution(state_iso3="AUT", year=2016, amount_cents=500_00, component="core"),
        Contribution(state_iso3="AUT", year=2016, amount_cents=250_00, status="pledged"),
        Contribution(state_iso3="CHL", year=2016, amount_cents=70_00, component="core"),
        Contribution(state_iso3="ITA", year=2016, amount_cents=1_000_00, component="sponsorship"),
        Contribution(year=2016, amount_cents=9_999_00, note="3 States Parties had paid"),
        Contribution(state_iso3="LTU", year=2024, amount_cents=10_00),
    ]
    for row in rows:
        row.created_at = MEETING_NOW
    with demo_db.session(write=True) as session:
        session.add_all(rows)
    with demo_db.session() as session:
        facts = load_reference(session)
        years = {row.year for row in facts.contributions} | {2009, 2026, 2030}
        assert len(years) > 3
        for year in sorted(years):
            in_memory = summarize(
                year=year, contributions=facts.contributions, states=facts.states.values()
            )
            from_sql = year_summary(session=session, year=year)
            assert in_memory.parties and [s.iso3 for s in in_memory.parties] == [
                s.iso3 for s in from_sql.parties
            ]
            assert (in_memory.received_cents, in_memory.pledged_cents, in_memory.paid) == (
                from_sql.received_cents,
                from_sql.pledged_cents,
                from_sql.paid,
            )
            assert (in_memory.reported_paid, in_memory.components) == (
                from_sql.reported_paid,
                from_sql.components,
            )
