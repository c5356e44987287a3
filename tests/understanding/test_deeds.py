"""A deed asked of the bot that only a person can do is never answered with a listing that
shares its words: the reply says so and shows how to log it, in the reader's language."""

from __future__ import annotations

from datetime import datetime

import pytest

from handlers.understanding.deeds import deed_asked
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


@pytest.mark.parametrize(
    ("line", "deed"),
    [
        ("could you email the draft minutes to Dublin for me?", "email the draft minutes"),
        ("send the reminder letters to everyone who hasnt paid, pls", "send the reminder letters"),
        ("Pueden llamar a la mision de Albania para confirmar?", "llamar a la mision"),
        ("tu peux relancer le Botswana ?", "relancer le Botswana"),
        ("Merci de contacter la mission du Niger", "contacter la mission"),
        ("can you translate the letters into French?", "translate the letters"),
    ],
)
def test_a_deed_for_a_person_is_recognised(line: str, deed: str) -> None:
    found = deed_asked(line)
    assert found is not None and found.startswith(deed)


@pytest.mark.parametrize(
    "line",
    [
        "can you send me the list of overdue items",  # a question, answered
        "Pouvez-vous m'envoyer la liste des échéances ?",
        "mándame la gráfica de pendientes",
        "pls log that Italy will call the Albanian mission by Friday",  # a record to keep
        "Italy to call the Albanian mission by Friday",
        "draft minutes circulated 👍 pls tick off #22",  # a noun opening a statement
        "could you mark 12 done",
    ],
)
def test_what_the_bot_does_is_not_a_deed_for_a_person(line: str) -> None:
    assert deed_asked(line) is None


def test_the_reply_says_so_and_changes_nothing(demo_run: Run) -> None:
    reply = demo_run("could you email the draft minutes to Dublin for me?", now=NOW)
    assert not reply.ok and not reply.choices
    assert "is for a person to do" in reply.text and "/ccm action" in reply.text
    spanish = demo_run("lang es", now=NOW)
    assert spanish.ok
    reply = demo_run("¿pueden llamar a la misión de Albania para confirmar?", now=NOW)
    assert "es algo que debe hacer una persona" in reply.text


def test_what_was_typed_is_escaped(demo_run: Run) -> None:
    reply = demo_run("can you email <!channel> the minutes", now=NOW)
    assert "<!channel>" not in reply.text and "&lt;!channel&gt;" in reply.text


def test_an_item_handed_over_is_a_change_not_a_deed() -> None:
    assert deed_asked("transfer the item 14 to Chile") is None
