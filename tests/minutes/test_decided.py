"""`/ccm decided <State or topic>`: decisions and commitments of imported minutes, searchable,
each answer naming its meeting and section."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.wiring import Deps
from handlers.minutes import confirm, extract, store_drafts
from tests.conftest import Run
from tests.minutes.corpus import ZURICH

MINUTES = """Coordination Committee
Minutes of the meeting held on Tuesday 27 March 2012

Present: Norway, Lebanon, Chile, ICRC

1. Universalization
The Committee decided to send a joint letter to Lebanon's neighbours on accession.
Chile would organise a regional seminar by the end of June.

2. Budget
It was agreed that the ISU budget for 2013 would be presented in May.
"""


def _import(deps: Deps) -> None:
    found = extract(MINUTES, now=None, tz=ZURICH, states=deps.states, document="cc-2012-03")
    assert found.decisions, "the decisions were not read"
    now = datetime(2012, 4, 2, 9, tzinfo=UTC)
    with deps.db.session(write=True) as session:
        store_drafts(session, found, actor="U1", now=now)
        confirm(session, "all", actor="U1", now=now, day=found.meeting_day)


def test_decided_about_a_state_names_meeting_and_section(deps: Deps, run: Run) -> None:
    _import(deps)
    reply = run("decided Lebanon")
    assert "Minutes of" in reply.text and "27 Mar 2012" in reply.text
    assert "section 1" in reply.text and "joint letter" in reply.text
    assert "ISU budget" not in reply.text


def test_decided_about_a_topic_and_commitments(deps: Deps, run: Run) -> None:
    _import(deps)
    assert "ISU budget for 2013" in run("decided budget").text
    seminar = run("decided Chile").text
    assert "regional seminar" in seminar and "section 1" in seminar


def test_decided_says_when_nothing_was_decided(deps: Deps, run: Run) -> None:
    _import(deps)
    reply = run("decided Kiribati")
    assert "No imported decision" in reply.text
    assert "Say what about" in run("decided").text


def test_the_question_reaches_the_decided_command(deps: Deps, run: Run) -> None:
    """ "what did we decide about Lebanon?" (routed by the understanding layer to `decided`)
    answers with the meeting and section."""
    _import(deps)
    reply = run("what did we decide about Lebanon?")
    assert "*Minutes of Tue 27 Mar 2012*, section 1: The Committee decided to send" in reply.text
    assert "ISU budget" not in reply.text


MINUTES_ES = """Comité de Coordinación
Acta de la reunión del martes 27 de marzo de 2012

1. Presupuesto
Se decidió que el acuerdo de sede de la Dependencia de Apoyo a la Implementación se revisará en mayo.
"""


def test_a_topic_asked_in_another_language_finds_the_decision(deps: Deps, run: Run) -> None:
    """Terms that look nothing alike across the three languages ("acuerdo de sede", "hosting
    agreement") are matched through the Committee's glossary, both ways."""
    _import(deps)
    assert "ISU budget for 2013" in run("decided presupuesto").text
    assert "ISU budget for 2013" in run("qué se decidió sobre el presupuesto?").text
    assert "ISU budget" not in run("decided acuerdo de sede").text
    found = extract(MINUTES_ES, now=None, tz=ZURICH, states=deps.states, document="cc-2012-es")
    assert found.decisions, "the Spanish decision was not read"
    now = datetime(2012, 4, 2, 9, tzinfo=UTC)
    with deps.db.session(write=True) as session:
        store_drafts(session, found, actor="U1", now=now)
        confirm(session, "all", actor="U1", now=now, day=found.meeting_day)
    assert "acuerdo de sede" in run("decided hosting agreement").text
    assert "acuerdo de sede" in run("decided accord de siège").text
