"""Nothing English is stored to be shown later: a minutes import keeps its doubt about the
meeting date as data, and notes older rows stored in English are said in today's reader's words."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from handlers.i18n import use_language
from handlers.i18n.notes import localize_stored
from handlers.minutes import extract, store_drafts
from handlers.ports import Deps
from storage.models import MinutesImport
from tests.i18n.surfaces import CONFLICTED

ZURICH = ZoneInfo("Europe/Zurich")
OLD_NOTE = (
    "at least two weeks before the meeting, which is scheduled to take place on 19 May 2017"
    " read as 5 May 2017 (the meeting on 19 May 2017)"
)


def test_the_weekday_doubt_is_stored_as_data_and_said_in_the_readers_language(deps: Deps) -> None:
    found = extract(
        CONFLICTED, now=datetime(2017, 3, 23, tzinfo=ZURICH), tz=ZURICH, states=deps.states
    )
    assert found.meeting is not None
    assert found.meeting.note == (  # English as it always was
        "“Wednesday 23 March” does not match the year 2017 (23 March 2017 is a Thursday); "
        "check the meeting date."
    )
    with use_language("es"):
        assert (
            found.meeting.note is not None
            and "el 23 de marzo de 2017 es jueves" in found.meeting.note
        )
    now = datetime(2017, 3, 23, 12, tzinfo=UTC)
    with deps.db.session(write=True, actor="test", now=now) as session:
        store_drafts(session, found, actor="test", now=now)
    with deps.db.session() as session:
        stored = json.loads(session.exec(select(MinutesImport)).one().payload)
    assert "note" not in stored["meeting"]
    assert stored["meeting"]["conflict"] == {"written": "Wednesday 23 March", "day": "2017-03-23"}


@pytest.mark.parametrize(
    ("lang", "meeting", "next_meeting"),
    [
        ("fr", "(la réunion : 19 mai 2017)", "la prochaine réunion"),
        ("es", "(la reunión: 19 de mayo de 2017)", "la próxima reunión"),
    ],
)
def test_notes_stored_in_english_are_shown_in_the_readers_language(
    lang: str, meeting: str, next_meeting: str
) -> None:
    with use_language(lang):
        assert localize_stored(OLD_NOTE).endswith(meeting)
        assert localize_stored("the next meeting") == next_meeting
    with use_language("en"):
        assert localize_stored(OLD_NOTE) == OLD_NOTE
