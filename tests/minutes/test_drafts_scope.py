"""'Confirm all' touches one import only, never every draft ever filed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from handlers.minutes import confirm, extract, store_drafts
from handlers.ports import Deps
from storage.models import ActionItem

FIRST = """MINUTES OF THE COORDINATION COMMITTEE MEETING
Held on Thursday 23 March 2017 at the Permanent Mission of Germany, from 10:00 – 11:30 hours

2. Universalization (France and Zambia)
Zambia reported that the Coordinators would send letters to Signatory States by the end of April.
"""
SECOND = FIRST.replace("23 March 2017", "25 April 2017").replace("end of April", "end of May")


def test_confirm_all_needs_a_day_and_stays_within_it(deps: Deps) -> None:
    now = datetime(2017, 4, 26, 9, 0, tzinfo=UTC)
    with deps.db.session(write=True) as session:
        for text in (FIRST, SECOND):
            store_drafts(
                session, extract(text, now=None, tz=deps.tz, states=deps.states), actor="t", now=now
            )
        with pytest.raises(ValueError, match="needs the day"):
            confirm(session, "all", actor="t", now=now)
        first_day = extract(FIRST, now=None, tz=deps.tz, states=deps.states).meeting_day
        confirmed = confirm(session, "all", actor="t", now=now, day=first_day)
        statuses = {item.id: item.status for item in session.exec(select(ActionItem))}
    assert confirmed and all(statuses[i] == "open" for i in confirmed)
    assert "draft" in statuses.values()  # the other import's drafts are untouched
