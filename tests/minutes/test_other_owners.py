"""Items owned by organisations and people of other bodies' minutes go live and read back like
any other item (lists, status, export)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.wiring import Deps
from handlers.minutes import confirm, store_drafts
from tests.conftest import Run
from tests.minutes.corpus import run as read_corpus


def test_organisation_and_person_owners_confirm_and_list(deps: Deps, run: Run) -> None:
    found = read_corpus("board_minutes")  # owners: Peter Lindqvist, the Secretary, Sarah Okafor
    donors = read_corpus("word_tables")  # owners: GICHD, UNMAS, Italy
    now = datetime(2020, 1, 2, 9, tzinfo=UTC)
    with deps.db.session(write=True) as session:
        for extract in (found, donors):
            ids = store_drafts(session, extract, actor="U1", now=now)
            confirm(session, ids, actor="U1", now=now)
    listing = run("items", now=now).text
    assert "GICHD" in listing and "Sarah Okafor" in listing
    assert "Share the IMSMA Core roll-out plan" in listing
    mine = run("items owner Sarah Okafor", now=now).text
    assert "Draft the monitoring framework" in mine and "GICHD" not in mine
