"""The form of a line: question or statement, and spellings without apostrophes."""

from __future__ import annotations

import pytest

from handlers.reply.text import fold
from handlers.understanding.judge import cue_scores
from handlers.understanding.mood import is_question, spelled_loosely
from tests.conftest import Run


@pytest.mark.parametrize(
    "line",
    [
        "has Austria paid",
        "did Botswana send its article 7 report?",
        "who coordinates clearance",
        "any news from Chile",
        "¿quién no ha pagado?",
        "quand est la prochaine réunion",
        "qu est-ce qui tombe cette semaine",
        "cuándo es la próxima reunión",
        "Italy overdue items?",
    ],
)
def test_questions_are_questions(line: str) -> None:
    assert is_question(line)


@pytest.mark.parametrize(
    "line",
    [
        "Austria paid 25,000 CHF",
        "Botswana's art 7 report is in",
        "Italy will call the Albanian mission by next Wednesday",
        "la Suisse a payé 10 000 CHF",
        "Perú presentó su informe del artículo 7",
        "done #12",
    ],
)
def test_statements_are_not_questions(line: str) -> None:
    assert not is_question(line)


@pytest.mark.parametrize(
    ("typed", "careful"),
    [
        ("who hasnt paid", "who hasn't paid"),
        ("qui n a pas payé", "qui n'a pas payé"),
        ("qui na pas payé", "qui n’a pas payé"),
        ("quest-ce qui tombe", "qu'est-ce qui tombe"),
    ],
)
def test_one_spelling_with_or_without_apostrophes(typed: str, careful: str) -> None:
    assert spelled_loosely(fold(typed)) == spelled_loosely(fold(careful))
    assert cue_scores(typed) == cue_scores(careful)


def test_a_question_about_one_state_is_answered_for_that_state(demo_run: Run) -> None:
    reply = demo_run("did Botswana send its article 7 report?")
    assert "Botswana: no report recorded as received yet" in reply.text
    assert "Afghanistan" not in reply.text  # not the list of every State that owes one
    assert "`/ccm article7 Botswana`" in reply.text


def test_a_question_never_proposes_a_change(demo_run: Run) -> None:
    reply = demo_run("has Austria paid 25,000 CHF?")
    assert not any(c.confirm for c in reply.choices)


def test_intents_that_mean_the_same_command_are_one_reading(demo_run: Run) -> None:
    """`items` and `mine` both vote for "what do I have to do": one answer, not a choice."""
    reply = demo_run("qu'est-ce que je dois faire ?")
    assert not reply.choices
    assert "`/ccm mine`" in reply.text


def test_article7_for_named_states(demo_run: Run) -> None:
    demo_run("report Peru article 7 2017")
    reply = demo_run("article7 Peru Botswana 2017")
    assert "Peru: report recorded as received" in reply.text
    assert "Botswana: no report recorded as received yet" in reply.text


@pytest.mark.parametrize(
    "line",
    [
        "could you mark #12 done?",
        "can u log that Austria paid?",
        "pourriez-vous noter le paiement ?",
    ],
)
def test_a_polite_request_is_not_a_question(line: str) -> None:
    assert not is_question(line)
