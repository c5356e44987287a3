"""Who "we" are when the message says who is writing in a clause of its own: "Ireland here.",
"Desde Chile:", "C'est pour le Sénégal". The speaker's clause is not part of the task."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


@pytest.mark.parametrize(
    ("line", "command", "due"),
    [
        (
            "Ireland here. We'll send a note verbale to the Sri Lankan mission in two weeks.",
            "action Ireland to send a note verbale to the Sri Lankan mission in two weeks",
            "7 April 2017",
        ),
        (
            "From Ireland: we will send the letters by mid-April",
            "action Ireland to send the letters by mid-April",
            "15 April 2017",
        ),
        (
            "Desde Chile: vamos a mandar las cartas de seguimiento a Albania antes de fin de mes",
            "action Chile to mandar las cartas de seguimiento a Albania antes de fin de mes",
            "31 March 2017",
        ),
        (
            "On va faire des visites aux missions du Mali et du Niger. C'est pour le Sénégal, "
            "d'ici le 10/04",
            "action Senegal to faire des visites aux missions du Mali et du Niger d'ici le 10/04",
            "10 April 2017",
        ),
    ],
)
def test_we_is_the_state_that_says_it_is_writing(
    demo_run: Run, line: str, command: str, due: str
) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command]
    assert due in reply.text


@pytest.mark.parametrize(
    ("line", "read_as"),
    [
        ("Costa Rica here. which SPs still owe their art 7?", "_Read as_ `/ccm article7`"),
        ("anything late on VA", "_Read as_ `/ccm overdue Victim Assistance`"),
    ],
)
def test_who_is_writing_is_not_what_is_asked(demo_run: Run, line: str, read_as: str) -> None:
    """A question from a State asks about all of them; "on VA" is not the French "on va"."""
    assert read_as in demo_run(line, now=NOW).text
