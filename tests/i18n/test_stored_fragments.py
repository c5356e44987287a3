"""Nothing is stored in one language to be shown later: a minutes import keeps its doubt about
the meeting date as data, what a change said is kept as its message and values, how a date was
read is stored in English (older rows too) and said in each reader's words."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from handlers.commands.router import handle
from handlers.i18n import use_language
from handlers.i18n.notes import localize_stored
from handlers.minutes import extract, store_drafts
from handlers.ports import Deps
from storage.models import ActionItem, ItemEvent, MinutesImport
from tests.conftest import MEETING_NOW
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


def test_what_a_change_said_is_shown_in_each_later_readers_language(demo_deps: Deps) -> None:
    """A French coordinator snoozes, re-dates and annotates #3: a Spanish reader of its history
    reads Spanish, an English one the English the bot always wrote; nothing stored is French."""
    french = replace(demo_deps, install_admins=frozenset({"U1"}))  # U1 may change items
    for line in ("snooze 3 next Friday", "due 3 end of April", "note 3 called the mission"):
        assert "#3" in handle(french, line, user="U1", now=MEETING_NOW, lang="fr").text
    spanish = handle(demo_deps, "history 3", user="U1", now=MEETING_NOW, lang="es").text
    english = handle(demo_deps, "history 3", user="U1", now=MEETING_NOW, lang="en").text
    status = handle(demo_deps, "status #3", user="U1", now=MEETING_NOW, lang="es").text
    for shown in (spanish, status):
        assert "compris" not in shown and "Rappels" not in shown and "Note ajoutée" not in shown
        assert "«end of April» interpretado como el 30 de abril de 2017" in shown
    assert "Minutes of the CC meeting of 23 March 2017, punto 4.2" in status  # the title as is
    assert "📝 Nota añadida a la acción n.º 3: called the mission" in spanish
    assert "📝 Note added to #3: called the mission" in english
    assert "“end of April” read as 30 April 2017" in english
    with demo_deps.db.session() as session:
        stored = [e.detail for e in session.exec(select(ItemEvent).where(ItemEvent.item_id == 3))]
        item = session.get(ActionItem, 3)
    assert item is not None and item.due_note == "“end of April” read as 30 April 2017"
    assert not [d for d in stored if "compris" in d or "Rappels" in d or "ajoutée" in d]
