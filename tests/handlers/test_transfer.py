"""export items (csv, json, ics) and import-items: lossless round trip, all-or-nothing import."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlmodel import func, select

from handlers.items.transfer import (
    ImportRowError,
    export_csv,
    export_ics,
    export_json,
    read_csv,
    store_rows,
)
from handlers.people.permissions import Caller
from handlers.ports import Deps
from storage.db import Database
from storage.models import ActionItem
from tests.conftest import make_deps

NOW = datetime(2017, 3, 24, 8, 0, tzinfo=UTC)


def _export(deps: Deps, fmt: str) -> str:
    exporters = {"csv": export_csv, "json": export_json, "ics": export_ics}
    with deps.db.session() as session:
        return exporters[fmt](session)


def _count(deps: Deps) -> int:
    with deps.db.session() as session:
        return int(session.exec(select(func.count()).select_from(ActionItem)).one())


def test_json_export_has_the_product_fields(demo_deps: Deps) -> None:
    records = json.loads(_export(demo_deps, "json"))
    assert len(records) == 17
    first = records[0]
    for key in ("id", "text", "owner", "states", "area", "due", "status", "created_at", "source"):
        assert key in first
    by_id = {r["id"]: r for r in records}
    assert by_id[15]["due"] == "2017-04-15"
    assert by_id[15]["states"] == ["BIH", "CHE"]
    assert by_id[15]["status"] == "open"


def test_csv_round_trip_is_lossless(demo_deps: Deps, db: Database) -> None:
    before_csv = _export(demo_deps, "csv")
    before_json = _export(demo_deps, "json")
    target = make_deps(db)
    rows = read_csv(before_csv, directory=target.states, now=NOW)
    with target.db.session(write=True) as session:
        report = store_rows(session, rows)
    assert (report.created, report.updated) == (17, 0)
    assert _export(target, "json") == before_json
    # Importing the same file again replaces rather than duplicates.
    with target.db.session(write=True) as session:
        again = store_rows(session, read_csv(before_csv, directory=target.states, now=NOW))
    assert (again.created, again.updated) == (0, 17)
    assert _count(target) == 17
    # New items continue after the imported ids (PostgreSQL's sequence was moved past them).
    from handlers.commands.router import handle

    logged = handle(
        target, "action Norway to write to Albania", user="U1", caller=Caller("U1", operator=True)
    )
    assert logged.ok and logged.item_id == 18


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("text,owner,due\nok,Italy,2017-04-15\n,Italy,2017-04-15\n", "line 3: the text is empty"),
        ("text,owner,due\nok,Italy,2017-04-31\n", "line 2: due “2017-04-31” is not a date"),
        ("text,owner,states\nok,Italy,XXQ\n", "line 2: “XXQ” is not a State"),
        ("text,owner,status\nok,Italy,finished\n", "line 2: status “finished”"),
        ("text,owner,area\nok,Italy,underwater\n", "line 2: area “underwater”"),
        ("id,text,owner\n1,a,Italy\n1,b,Italy\n", "repeats an id"),
        ("name,who\nx,y\n", "line 1: the header must name"),
    ],
)
def test_bad_rows_name_their_line_and_store_nothing(deps: Deps, body: str, message: str) -> None:
    with pytest.raises(ImportRowError, match=message):
        read_csv(body, directory=deps.states, now=NOW)
    assert _count(deps) == 0


def test_import_without_ids_appends_after_existing(demo_deps: Deps) -> None:
    rows = read_csv(
        "text,owner,states,due\nnew thing,Norway,NOR,15/04/2017\n".replace(
            "15/04/2017", "2017-04-15"
        ),
        directory=demo_deps.states,
        now=NOW,
    )
    with demo_deps.db.session(write=True) as session:
        store_rows(session, rows)
    assert _count(demo_deps) == 18
    assert "new thing" in _export(demo_deps, "csv")


def test_ics_export_lists_open_items_with_due_dates(demo_deps: Deps) -> None:
    ics = _export(demo_deps, "ics")
    assert ics.startswith("BEGIN:VCALENDAR")
    assert "UID:item-15@ccm-bot" in ics
    assert "DTSTART;VALUE=DATE:20170415" in ics
    assert "item-4@ccm-bot" not in ics  # no due date


def test_hand_written_rows_get_their_owner_read_like_an_action(deps: Deps) -> None:
    from handlers.items.transfer import resolve_owners
    from handlers.ports import Ctx

    body = "text,owner,due\nwrite to Albania,Italy,2017-04-15\ncall ICRC,VA coordinators,\n"
    rows = read_csv(body, directory=deps.states, now=NOW)
    with deps.db.session(write=True) as session:
        resolve_owners(
            Ctx(session=session, now=NOW, tz=deps.tz, user="U1", states=deps.states), rows
        )
        store_rows(session, rows)
    records = {r["text"]: r for r in json.loads(_export(deps, "json"))}
    assert (
        records["write to Albania"]["owner_kind"],
        records["write to Albania"]["owner_ref"],
    ) == ("state", "ITA")
    assert records["write to Albania"]["states"] == ["ITA"]
    assert (
        records["call ICRC"]["owner_kind"] == "area"
        and records["call ICRC"]["area"] == "victim_assistance"
    )


def test_a_hand_written_unknown_owner_fails_its_line(deps: Deps) -> None:
    from handlers.items.transfer import resolve_owners
    from handlers.ports import Ctx

    rows = read_csv("text,owner\nfine,Italy\nhello,Narnia\n", directory=deps.states, now=NOW)
    with (
        pytest.raises(ImportRowError, match="line 3: I couldn't tell who owns this"),
        deps.db.session(write=True) as session,
    ):
        resolve_owners(
            Ctx(session=session, now=NOW, tz=deps.tz, user="U1", states=deps.states), rows
        )
        store_rows(session, rows)
    assert _count(deps) == 0
