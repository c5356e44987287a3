"""Every kind of answer, rendered in French and in Spanish, has no English sentence of its own.

Replies, reminders, digests, Home, modals and the minutes summary are rendered here; charts'
titles and alt texts, calendar feeds, stored notes and the operator's CLI in surfaces.py.

The same answers in English are checked with the same detector and must be found English:
otherwise the detector would be blind and this test could never fail. What the bot quotes
(item texts, owners as typed, sources, notes stored with items, meeting places, user input
in quotes, code in backticks) is not the bot's writing and is removed first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot.slack.home_view import home_view
from bot.slack.modals import log_item_modal, reassign_modal
from bot.slack.prefill import Draft
from handlers.commands.router import handle
from handlers.digest import build_digest
from handlers.i18n import use_language
from handlers.minutes import extract
from handlers.minutes.reply import summary_reply
from handlers.ports import Deps
from handlers.reply.reply import Reply
from schedules.agenda import pre_meeting_digest
from schedules.config import ScheduleConfig
from schedules.contributions import _unpaid_reply
from schedules.reminder_message import Due, reminder_reply
from schedules.steps import Step
from schedules.treaty import find_notices
from storage.db import Database
from storage.models import ActionItem, Meeting, State, StateMention
from tests.backends import Backend
from tests.conftest import MEETING_NOW, ZURICH, make_deps
from tests.i18n.language import english_lines, language_of, own_words
from tests.i18n.surfaces import charts_and_feed, cli_outputs, stored_and_minutes

# One of every reply kind: reads, changes, refusals, help, typos (run in this order).
COMMANDS = (
    "help",
    "help action",
    "status Botswana",
    "status Lao PDR",
    "status universalization",
    "status #2",
    "status me",
    "mine",
    "items",
    "items overdue",
    "items Italy",
    "items done",
    "overdue",
    "deadlines",
    "deadlines April",
    "who",
    "who universalization",
    "who Italy",
    "contributions",
    "contributions 2017",
    "contribution Norway 25000 CHF 2017 received on 3 March 2017",
    "pledge Italy 12'500 2017",
    "meeting",
    "meeting add 30 May 2017 10:00 to 11:30 at Palais des Nations",
    "action Italy to follow up with Albania by 15 April",
    "action Chile and Italy to send the letters",
    "action the ISU to brief the donors by end of April",
    "action Norway to call the mission before the summer",
    "action VA coordinators to report back by Q2",
    "action me to draft the note next Friday",
    "action the Presidency to write to Brazil 2 weeks before the 7MSP",
    "done 2",
    "reopen 2",
    "snooze 3 1w",
    "due 3 30 April 2017",
    "assign 3 Switzerland",
    "note 3 called the mission",
    "edit 3 provide details on the dialogue initiative",
    "delete 3",
    "restore 3",
    "history 3",
    "digest",
    "roster",
    "coordinator add Austria victim assistance 8MSP",
    "coordinator remove Austria victim assistance 8MSP",
    "lang",
    "decided universalization",
    "decided Narnia",
    "decided",
    # refusals and typos
    "flubber wibble",
    "status Botswna",
    "status Narnia",
    "done 999",
    "done",
    "done 2 and more",
    "action",
    "action Italy",
    "contribution Narnia 100",
    "contribution Italy 100 EUR",
    "contributions someday",
    "items wibble",
    "deadlines sometime soonish",
    "help flubber",
    "who Narnia",
    "coordinator add",
    "meeting add 1 January 2010 at Geneva",
    "meeting add",
    "meetings flibbertigibbet",
    "history",
    "lang klingon",
    "due 5 31/02",
    "due 5 30 February 2017",
    "due 5 Q5",
    "due 5 flibbertigibbet",
    "due 5 Tuesday 25 April 2017",
    "snooze 5",
    # natural lines, in any language: confirmations, choices, what was understood
    "Italy will send the letters to Albania by end of April",
    "où en est le Liban ?",
    "¿quién no ha pagado?",
    "qui coordonne l'universalisation ?",
    "what did we decide about Lebanon",
    "unpaid 2017",
    "article7 2017",
    "treaty article 4",
    "report Botswana article 7 2017",
    "blah Narnia 12 flubber",
    "hello",
)


def _quoted_data(deps: Deps) -> tuple[str, ...]:
    """What the database holds in its writers' words: quoted by the bot, never translated."""
    with deps.db.session() as session:
        items = session.exec(select(ActionItem)).all()
        pieces = [i.text for i in items] + [i.owner for i in items]
        pieces += [i.source or "" for i in items]
        # An imported item's source: the document's name is data, its ", section 4.2" is not.
        pieces += [(i.source or "").rsplit(", section ", 1)[0] for i in items]
        pieces += [m.place or "" for m in session.exec(select(Meeting)).all()]
        pieces += [m.excerpt for m in session.exec(select(StateMention)).all()]
        pieces += [s.source or "" for s in session.exec(select(State)).all()]
    pieces += ["called the mission", "provide details on the dialogue initiative"]
    pieces += ["Palais des Nations", "follow up with Albania", "send the letters"]
    pieces += ["brief the donors", "call the mission", "report back", "draft the note"]
    pieces += ["write to Brazil", "to Albania by end of April"]
    return tuple(p for p in pieces if len(p) > 3)


def _texts(reply: Reply) -> str:
    return reply.text + "\n" + json.dumps(reply.blocks, ensure_ascii=False)


def _strings(value: Any) -> list[str]:
    """Every text a block or view shows (the values a person reads, not the ids)."""
    if isinstance(value, dict):
        return [
            s
            for k, v in value.items()
            if k
            not in {
                "action_id",
                "block_id",
                "value",
                "callback_id",
                "private_metadata",
                "type",
                "style",
            }
            for s in _strings(v)
        ]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _answers(deps: Deps, lang: str) -> list[tuple[str, str]]:
    out = []
    for command in COMMANDS:
        reply = handle(deps, command, user="U1", now=MEETING_NOW, lang=lang)
        out.append((command, reply.text))
        out.append((command + " (blocks)", "\n".join(_strings(reply.blocks))))
    return out


def _other_surfaces(deps: Deps, lang: str) -> list[tuple[str, str]]:
    """Reminders, digests, notices, Home, modals and the minutes summary, in ``lang``."""
    out: list[tuple[str, str]] = []
    today = MEETING_NOW.date()
    with deps.db.session() as session, use_language(lang):
        items = list(session.exec(select(ActionItem).where(ActionItem.status == "open")).all())
        meeting = session.exec(select(Meeting)).first()
        assert meeting is not None
        for step in ("overdue-1", "d0", "d-7"):
            one = reminder_reply([Due("k", items[0], ["ITA"], Step(step, today))], today=today)
            out.append((f"reminder {step}", _texts(one)))
        many = [Due(str(i.id), i, [], Step("d-1", today - timedelta(days=2))) for i in items[:3]]
        out.append(("reminders", _texts(reminder_reply(many, today=today))))
        out.append(("channel reminders", _texts(reminder_reply(many, today=today, direct=False))))
        out.append(("digest", _texts(build_digest(session=session, now=MEETING_NOW, tz=ZURICH))))
        agenda = pre_meeting_digest(
            session, meeting=meeting, now=MEETING_NOW, tz=ZURICH, since=None
        )
        out.append(("pre-meeting digest", _texts(agenda)))
        unpaid = _unpaid_reply(["Botswana", "Chile"], year=2017, by=date(2017, 4, 28))
        out.append(("contributions reminder", _texts(unpaid)))
        home = home_view(
            mine=items[:2], mine_total=20, week=items[2:4], meeting=None, today=today, tz=ZURICH
        )
        out.append(("home", "\n".join(_strings(home))))
        out.append(("log modal", "\n".join(_strings(log_item_modal(Draft(), metadata={})))))
        out.append(("reassign modal", "\n".join(_strings(reassign_modal(3, metadata={})))))
    with use_language(lang):
        config = ScheduleConfig()
        notices = find_notices(deps.db, today=date(2019, 1, 1), config=config)
        out.append(("treaty notices", "\n".join(n.line for n in notices)))
        seed = Path(__file__).parents[1] / "minutes" / "fixtures" / "markdown_minutes.md"
        found = extract(
            seed.read_text(),
            now=datetime(2017, 3, 23, tzinfo=ZURICH),
            tz=ZURICH,
            states=deps.states,
            document="minutes",
        )
        summary = summary_reply(found, item_ids=[1, 2])
        texts = tuple(i.text for i in found.items) + tuple(i.owner.label for i in found.items)
        out.append(("minutes summary", own_words(_texts(summary), data=texts)))
    return out


World = dict[str, tuple[tuple[str, ...], list[tuple[str, str]]]]


@pytest.fixture(scope="module")
def rendered(
    backend: Backend, demo_template_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """Each language on its own copy of the demo world: what a French run stores (an item's
    history, its notes) is French, and must not be read back by the Spanish run."""
    world: World = {}
    databases = []
    for lang in ("en", "fr", "es"):
        url = backend.clone(demo_template_url)
        database = Database(url)
        databases.append((url, database))
        # U1 names the install admin: the changes succeed and their confirmations are checked.
        deps = replace(make_deps(database), install_admins=frozenset({"U1"}))
        before = _quoted_data(deps)  # the texts as they were, before the commands edit them
        answers = _answers(deps, lang) + _other_surfaces(deps, lang)
        answers += charts_and_feed(deps, lang, now=MEETING_NOW) + stored_and_minutes(deps, lang)
        answers += cli_outputs(url, lang, tmp_path_factory.mktemp(f"cli-{lang}"))
        world[lang] = (before + _quoted_data(deps), answers)
    yield world
    for url, database in databases:
        database.dispose()
        backend.drop(url)


def test_french_and_spanish_answers_have_no_english_sentence(rendered: World) -> None:
    for lang in ("fr", "es"):
        data, answers = rendered[lang]
        found = {kind: lines for kind, text in answers if (lines := english_lines(text, data=data))}
        assert found == {}, f"English left in {lang}: {found}"


def test_the_detector_sees_the_english_answers(rendered: World) -> None:
    """The same kinds in English are found English: the detector is not blind."""
    data, answers = rendered["en"]
    english = [kind for kind, text in answers if english_lines(text, data=data)]
    assert len(english) > len(answers) // 3


def test_each_answer_is_in_the_readers_language(rendered: World) -> None:
    for lang in ("en", "fr", "es"):
        data, answers = rendered[lang]
        wrong = [
            (kind, guess)
            for kind, text in answers
            if (guess := language_of(text, data=data)) not in (lang, None)
        ]
        assert wrong == [], lang
