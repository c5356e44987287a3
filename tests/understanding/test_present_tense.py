"""A plan said in the present tense with a date ahead is a commitment, in three languages;
a statement of fact or need, or a question's noun after a State, is not."""

from __future__ import annotations

from datetime import datetime

import pytest

from handlers.ports import Ctx, Deps
from handlers.understanding.commitments import promises
from handlers.understanding.language import line_language
from handlers.understanding.understand import reading_of
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


@pytest.mark.parametrize(
    ("line", "owner", "due"),
    [
        ("france sends the sri lanka demarche readout by easter", "France", "16 April 2017"),
        ("germany reaching out to RACVIAC early april", "Germany", "10 April 2017"),
        ("la France envoie la démarche à Colombo d'ici vendredi prochain", "France", "31 March"),
        ("Chile se coordina con Italia antes de la próxima reunión", "Chile", "25 April 2017"),
        ("Perú presenta su informe en mayo", "Peru", "May"),
        ("le Cameroun enverra son rapport fin mai", "Cameroon", "31 May"),
    ],
)
def test_a_plan_in_the_present_tense_is_proposed_as_an_item(
    demo_run: Run, line: str, owner: str, due: str
) -> None:
    reply = demo_run(line, now=NOW)
    confirm = [c.command for c in reply.choices if c.confirm]
    assert confirm and confirm[0].startswith(f"action {owner} to "), reply.text
    assert due in reply.text


def test_the_english_deed_is_said_in_its_base_form(demo_run: Run) -> None:
    reply = demo_run("france sends the sri lanka demarche readout by easter", now=NOW)
    assert "`/ccm action France to send the sri lanka demarche readout by easter`" in reply.text


@pytest.mark.parametrize(
    "line",
    [
        "Chile deadlines in April",  # a question's noun after the State
        "Austria paid 25,000 CHF on Monday",  # done, and in the past
        "ISU finance update: Norway CHF 25k received today for 2017",
    ],
)
def test_what_only_looks_like_a_plan_is_not_an_item(demo_run: Run, line: str) -> None:
    reply = demo_run(line, now=NOW)
    assert not any(c.command.startswith("action") for c in reply.choices), reply.text


@pytest.mark.parametrize(
    ("line", "promised"),
    [
        ("Uganda needs till the 28th to confirm", False),  # a need, not a deed
        ("Uganda asks for more time until April", False),
        ("Uganda circulates its reply by the 28th", True),
    ],
)
def test_a_verb_of_state_promises_nothing(demo_deps: Deps, line: str, promised: bool) -> None:
    with demo_deps.db.session() as session:
        ctx = Ctx(session=session, now=NOW, tz=ZURICH, user="U1", states=demo_deps.states)
        assert promises(ctx, reading_of(ctx, line)) is promised


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("the ISU sends the letters by Friday", "en"),
        ("la Suisse envoie les lettres avant la réunion", "fr"),
        ("Chile manda las cartas antes del viernes", "es"),
        ("status Chile", None),
    ],
)
def test_the_language_of_a_line_is_told_by_its_little_words(line: str, lang: str | None) -> None:
    assert line_language(line) == lang


@pytest.mark.parametrize(
    ("line", "command"),
    [
        (
            "re Albania: Italy will call the Albanian mission by next wednesday, pls log it",
            "action Italy to call the Albanian mission by next wednesday",
        ),
        (
            "los coordinadores de destrucción de arsenales se van a reunir con NPA dentro de 10 días",
            "action Stockpile Destruction and Retention coordinators to reunir con NPA dentro de 10 días",
        ),
        (
            "if still no reply, the President will approach a second country by mid April",
            "action the Presidency to approach a second country by mid April",
        ),
        (
            "Chile acaba de transferir CHF 10'000 para 2017",
            "contribution Chile 10000 CHF 2017 received",
        ),
        ("agregar nota al 16: la ISU ya tiene el borrador", "note 16 la ISU ya tiene el borrador"),
    ],
)
def test_what_opens_a_line_is_not_its_owner(demo_run: Run, line: str, command: str) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command], reply.text
