"""Drafts: stored out of sight, confirmed or discarded, and re-imports that never duplicate."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session, col, func, select

from handlers.commands.router import handle
from handlers.minutes import MinutesExtract, confirm, discard, store_drafts
from handlers.minutes.drafts import filed_day
from handlers.ports import Deps
from storage.db import Database
from storage.models import ActionItem, Contribution, Meeting, MinutesImport, TreatyDeadline
from tests.conftest import MEETING_NOW
from tests.minutes.scoring import load, run

SEED = load("seed000_expected.json")


def _count(session: Session, model: type) -> int:
    return int(session.exec(select(func.count()).select_from(model)).one())


def _extract() -> MinutesExtract:
    return run(SEED)


def test_drafts_are_invisible_until_confirmed(deps: Deps) -> None:
    found = _extract()
    with deps.db.session(write=True) as session:
        ids = store_drafts(session, found, actor="t", now=MEETING_NOW)
    assert len(ids) == len(found.items) >= 15
    with deps.db.session() as session:
        statuses = set(session.exec(select(ActionItem.status)))
        assert statuses == {"draft"}
        assert _count(session, Contribution) == 0 and _count(session, Meeting) == 0
    listing = handle(deps, "status universalization", user="U1")
    assert "translating" not in listing.text and "ratification seminar" not in listing.text
    with deps.db.session(write=True) as session:
        confirmed = confirm(session, "all", actor="t", now=MEETING_NOW, day=found.meeting_day)
    assert confirmed == ids
    with deps.db.session() as session:
        assert set(session.exec(select(ActionItem.status))) == {"open"}
        item = session.get(ActionItem, ids[0])
        assert item is not None and item.source and item.source.endswith("section 4.1")
        assert _count(session, Meeting) == 2
        components = session.exec(select(Contribution.component, Contribution.amount_cents)).all()
        assert sorted(components) == [("7a", 3143717), ("7b", 4708418), ("7c", 6541372)]


def test_same_minutes_twice_creates_nothing(deps: Deps) -> None:
    found = _extract()
    with deps.db.session(write=True) as session:
        first = store_drafts(session, found, actor="t", now=MEETING_NOW)
        confirm(session, "all", actor="t", now=MEETING_NOW, day=found.meeting_day)
    with deps.db.session(write=True) as session:
        counts = [_count(session, m) for m in (ActionItem, Contribution, Meeting, MinutesImport)]
        again = store_drafts(session, found, actor="t", now=MEETING_NOW)
        confirm(session, "all", actor="t", now=MEETING_NOW, day=found.meeting_day)
        assert again == first
        assert [
            _count(session, m) for m in (ActionItem, Contribution, Meeting, MinutesImport)
        ] == counts


def test_edited_reimport_updates_the_draft(deps: Deps) -> None:
    found = _extract()
    with deps.db.session(write=True) as session:
        ids = store_drafts(session, found, actor="t", now=MEETING_NOW)
    edited = replace(found, items=list(found.items))
    target = next(n for n, i in enumerate(found.items) if "Brazil" in i.text)
    edited.items[target] = replace(
        found.items[target], text=found.items[target].text + " and Colombia"
    )
    with deps.db.session(write=True) as session:
        again = store_drafts(session, edited, actor="t", now=MEETING_NOW)
        assert again == ids
        item = session.get(ActionItem, ids[target])
        assert item is not None and item.text.endswith("and Colombia")
        assert _count(session, ActionItem) == len(ids)


def test_discarded_drafts_stay_discarded(deps: Deps) -> None:
    found = _extract()
    with deps.db.session(write=True) as session:
        ids = store_drafts(session, found, actor="t", now=MEETING_NOW)
        assert discard(session, ids[:2], actor="t", now=MEETING_NOW) == ids[:2]
        store_drafts(session, found, actor="t", now=MEETING_NOW)
        statuses = session.exec(
            select(ActionItem.status).where(col(ActionItem.id).in_(ids[:2]))
        ).all()
        assert list(statuses) == ["deleted", "deleted"]
        assert confirm(session, ids[:3], actor="t", now=MEETING_NOW) == ids[2:3]


def test_deadlines_confirmed_once(db: Database) -> None:
    found = run(load("seed004_expected.json"))
    with db.session(write=True) as session:
        before = _count(session, TreatyDeadline)
        store_drafts(session, found, actor="t", now=MEETING_NOW)
        confirm(session, "all", actor="t", now=MEETING_NOW, day=filed_day(found, MEETING_NOW))
        middle = _count(session, TreatyDeadline)
        confirm(session, "all", actor="t", now=MEETING_NOW, day=filed_day(found, MEETING_NOW))
        assert _count(session, TreatyDeadline) == middle
        iraq = session.exec(
            select(TreatyDeadline).where(
                TreatyDeadline.state_iso3 == "IRQ", TreatyDeadline.kind == "article4"
            )
        ).all()
        assert any(str(d.due) == "2023-11-01" for d in iraq)
        assert middle >= before


def test_confirm_on_demo_data_adds_no_second_copy(demo_db: Database) -> None:
    found = _extract()
    with demo_db.session(write=True) as session:
        before = [_count(session, m) for m in (Contribution, Meeting)]
        store_drafts(session, found, actor="t", now=MEETING_NOW)
        confirm(session, "all", actor="t", now=MEETING_NOW, day=found.meeting_day)
        assert [_count(session, m) for m in (Contribution, Meeting)] == before
