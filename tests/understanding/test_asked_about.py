"""A question about a command answers with its help; shorthand and money said in passing."""

from __future__ import annotations

from datetime import datetime

import pytest

from handlers.understanding.helpfind import command_asked_about
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("what does snooze actually do? does it change the deadline?", "snooze"),
        ("Que fait la commande « treaty » exactement ?", "treaty"),
        ("¿qué hace el comando digest?", "digest"),
        ("is it /ccm todo or /ccm action?? or are they the same thing", "action"),
        ("No sé si el comando es 'plazos' o 'deadlines', ¿cuál uso?", "deadlines"),
        ("what is due this week?", None),
        ("what does the ISU do?", None),
    ],
)
def test_a_question_about_a_command(line: str, command: str | None) -> None:
    assert command_asked_about(line) == command


def test_its_help_is_the_answer_and_nothing_runs(demo_run: Run) -> None:
    reply = demo_run("what does snooze actually do? does it change the deadline?", now=NOW)
    assert reply.text.startswith("`/ccm snooze") and not reply.choices


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("push 8 to end apr", "due 8 end apr"),
        (
            "México transfirió 25.000 CHF el 20 de marzo",
            "contribution Mexico 25000 CHF 2017 received on 20 March 2017",
        ),
        ("contrib Mexico 8000 rcvd", "contribution Mexico 8000 CHF 2017 received"),
        ("Belgium paid 10'000 CHF today", "contribution Belgium 10000 CHF 2017 received"),
    ],
)
def test_shorthand_and_the_day_money_came_in(demo_run: Run, line: str, command: str) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command]
    assert "not part of this change" not in reply.text


def test_many_items_at_once_are_never_guessed(demo_run: Run) -> None:
    reply = demo_run("ok can you just delete everything from the February meeting", now=NOW)
    assert not any(c.confirm for c in reply.choices)


def test_a_quoted_word_alone_is_not_a_question_about_a_command() -> None:
    assert command_asked_about("which items are 'done'?") is None


def test_a_near_day_of_payment_is_never_pushed_to_last_year(demo_run: Run) -> None:
    reply = demo_run("Mexico paid 8000 CHF on 30 March", now=NOW)
    assert not any("2016" in c.command for c in reply.choices)
    assert "not part of this change" in reply.text
