"""A meeting to add, said in words in three languages: the day, the hours, the place."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


@pytest.mark.parametrize(
    ("line", "command"),
    [
        (
            "Pls add an extra CC mtg: 30/5, 15h-16h30, German mission",
            "meeting add 30 May 2017 from 15:00 to 16:30 at German mission",
        ),
        (
            "pouvez-vous ajouter la réunion du CC de mai : mardi 23 mai 2017, 10h-11h30, "
            "mission permanente d'Allemagne",
            "meeting add 23 May 2017 from 10:00 to 11:30 at mission permanente d'Allemagne",
        ),
        (
            "agreguen el seminario de Kampala del 27 al 28 de abril",
            "meeting add seminar 27 April 2017 to 28 April 2017 at Kampala",
        ),
    ],
)
def test_a_meeting_said_in_words_is_proposed(demo_run: Run, line: str, command: str) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command]
    assert "Added" not in reply.text  # shown first, stored on Confirm


def test_the_proposed_command_adds_the_meeting(demo_run: Run) -> None:
    reply = demo_run("meeting add 30 May 2017 from 15:00 to 16:30 at German mission", now=NOW)
    assert "30 May 2017 15:00>–16:30" in reply.text and "German mission" in reply.text


@pytest.mark.parametrize(
    ("line", "command"),
    [
        (
            "Kindly add the following Coordination Committee meeting: Tuesday 23 May 2017, from "
            "10:00 to 11:30, once again at the Permanent Mission of Germany.",
            "meeting add 23 May 2017 from 10:00 to 11:30 at Permanent Mission of Germany",
        ),
        (
            "Réunion à ajouter : séminaire sur la mise en oeuvre nationale le 18 mai 2017 à "
            "Beyrouth",
            "meeting add seminar 18 May 2017 at Beyrouth",
        ),
        (
            "reunión de coordinadores el 5 de abril de 15h a 16h30 en la Misión de México, "
            "agréguenla",
            "meeting add 5 April 2017 from 15:00 to 16:30 at Misión de México",
        ),
    ],
)
def test_a_meeting_to_add_said_with_any_verb_of_adding(
    demo_run: Run, line: str, command: str
) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command]


@pytest.mark.parametrize(
    "line",
    [
        "the ISU will book a room for the seminar within two weeks",
        "pour le séminaire de Kampala, mets l'échéance au vendredi 28 avril",
    ],
)
def test_a_deadline_or_a_booking_is_not_a_meeting_to_add(demo_run: Run, line: str) -> None:
    reply = demo_run(line, now=NOW)
    assert not any(c.command.startswith("meeting add") for c in reply.choices if c.confirm)
