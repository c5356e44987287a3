"""Whose language an answer is in: `/ccm lang`, else the Slack profile's locale, else
CCM_LANGUAGE; channel digests in the committee's, reminders in each recipient's."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from bot.console import run_lines
from bot.settings import Settings, SettingsError
from handlers.commands.router import handle
from handlers.ports import Deps
from storage.db import Database
from storage.models import Person
from tests.conftest import MEETING_NOW, make_deps
from tests.i18n.language import language_of
from tests.schedules.conftest import (
    ANNA,
    BOB,
    CHANNEL,
    Clock,
    RecordingNotifier,
    seed_world,
    simulate,
    world_deps,
)


def _say(deps: Deps, text: str, user: str = "U9") -> str:
    return handle(deps, text, user=user, now=MEETING_NOW).text


def test_lang_sets_a_persons_language_and_auto_forgets_it(deps: Deps) -> None:
    assert _say(deps, "mine").startswith("*Your open items")
    assert "français" in _say(deps, "lang fr")
    assert _say(deps, "mine").startswith("*Vos actions en cours")
    assert "español" in _say(deps, "langue espagnol")
    assert _say(deps, "mine").startswith("*Sus acciones pendientes")
    assert _say(deps, "mine", user="U8").startswith("*Your open items")  # only U9 chose
    _say(deps, "lang auto")
    assert _say(deps, "mine").startswith("*Your open items")


def test_an_unknown_language_is_refused_and_changes_nothing(deps: Deps) -> None:
    reply = handle(deps, "lang klingon", user="U9", now=MEETING_NOW)
    assert not reply.ok and "`fr`" in reply.text
    with deps.db.session() as session:
        assert session.exec(select(Person).where(Person.slack_user_id == "U9")).first() is None


def test_slack_locale_then_committee_default(deps: Deps) -> None:
    with deps.db.session(write=True) as session:
        session.add(Person(slack_user_id="UES", name="Eva", slack_locale="es-ES"))
        session.add(Person(slack_user_id="UDE", name="Dirk", slack_locale="de-DE"))
    assert _say(deps, "mine", user="UES").startswith("*Sus acciones pendientes")
    french = replace(deps, language="fr")
    assert _say(french, "mine", user="UDE").startswith("*Vos actions en cours")  # German: default
    assert _say(french, "mine", user="UES").startswith("*Sus acciones")  # Slack's locale first
    _say(french, "lang en", user="UES")
    assert _say(french, "mine", user="UES").startswith("*Your open items")  # the choice wins


def test_ccm_language_setting() -> None:
    assert Settings.from_env({"CCM_LANGUAGE": "fr"}).language == "fr"
    assert Settings.from_env({"CCM_LANGUAGE": "Español"}).language == "es"
    assert Settings.from_env({}).language == "en"
    with pytest.raises(SettingsError, match="CCM_LANGUAGE"):
        Settings.from_env({"CCM_LANGUAGE": "klingon"})


def test_console_lang_overrides_everyone(deps: Deps) -> None:
    out = io.StringIO()
    run_lines(deps, ["mine", "flubber"], user="U9", at=MEETING_NOW, jsonl=False, out=out, lang="es")
    assert "Sus acciones pendientes" in out.getvalue()
    assert "«flubber»" in out.getvalue()
    assert language_of(out.getvalue().split("\n\n")[1]) == "es"


def test_reminders_in_each_recipients_language_digest_in_the_committees(db: Database) -> None:
    seed_world(db)
    with db.session(write=True) as session:
        for person in session.exec(select(Person)):
            person.language = {ANNA: "fr", BOB: "es"}.get(person.slack_user_id or "")
            session.add(person)
    clock = Clock(datetime(2017, 4, 9, 6, 0, tzinfo=MEETING_NOW.tzinfo))
    deps = replace(world_deps(db, clock), language="es")
    notifier = RecordingNotifier(clock)
    simulate(
        deps,
        notifier,
        clock,
        until=datetime(2017, 4, 22, tzinfo=MEETING_NOW.tzinfo),
        step=timedelta(hours=3),
    )
    data = tuple(f"the {name} item" for name in ("anna", "italy", "nobody", "sydney", "done"))
    data += ("Anna", "Syd", "Italy", "the Presidency")
    expected = {ANNA: "fr", BOB: "es", CHANNEL: "es"}
    seen = {
        to: [language_of(s.text, data=data) for s in notifier.sent if s.to == to] for to in expected
    }
    for to, lang in expected.items():
        assert seen[to] and set(seen[to]) == {lang}, (to, seen[to])


def test_a_fresh_deps_speaks_english(db: Database) -> None:
    assert make_deps(db).language == "en"
