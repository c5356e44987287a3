"""Every path that logs an item from a line reads its date or says which words it could not
read: the `action` command, a capture line, a sentence confirmed, minutes imported."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from handlers.commands.router import handle
from handlers.dates.leftovers import date_like
from handlers.minutes import extract
from handlers.people.permissions import Caller
from handlers.ports import Deps
from handlers.reference.states import StateDirectory
from handlers.reply.reply import Reply
from storage.models import ActionItem
from tests.conftest import ZURICH

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)  # Friday


def _run(deps: Deps, line: str) -> Reply:
    return handle(deps, line, user="U0TEST", now=NOW, caller=Caller("U0TEST", operator=True))


def _due(deps: Deps, reply: Reply) -> date | None:
    assert reply.item_id, reply.text
    with deps.db.session() as session:
        item = session.get(ActionItem, reply.item_id)
        assert item is not None
        return item.due


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("action Italy to call the Albanian mission first thing Monday", date(2017, 3, 27)),
        ("ACTION: Peru to send the figures tmrw", date(2017, 3, 25)),
        ("action Chile to send the letter by the 3rd", date(2017, 4, 3)),
        ("action la France envoie le rapport le 3", date(2017, 4, 3)),
        ("action la Belgique doit répondre dans quinze jours", date(2017, 4, 7)),
        ("action la Croatie doit envoyer le plan avant la fin du trimestre", date(2017, 3, 31)),
        ("action Argentina debe responder el 5", date(2017, 4, 5)),
        ("action Honduras debe confirmar pasado mañana", date(2017, 3, 26)),
        ("action Bolivia debe enviar el plan este viernes", date(2017, 3, 24)),
        ("action la Suisse envoie le texte ce vendredi", date(2017, 3, 24)),
        ("action the ISU to report this quarter", date(2017, 3, 31)),
        ("action la Croatie envoie le plan le trimestre prochain", date(2017, 6, 30)),
        ("action Italy to brief the Bureau the week after next", date(2017, 4, 7)),
        ("action the ISU to chase the reports by close of play Monday", date(2017, 3, 27)),
        ("action Chile to send the agenda b4 the 12th", date(2017, 4, 12)),
    ],
)
def test_phrases_of_other_shapes_are_read(demo_deps: Deps, line: str, due: date) -> None:
    reply = _run(demo_deps, line)
    assert _due(demo_deps, reply) == due
    assert "could not read" not in reply.text


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("action the ISU to brief the Bureau by the AGM", "by the AGM"),
        ("ACTION: Chile to write to non-parties before the summit", "before the summit"),
        ("action la Suisse doit réserver la salle avant le 9MSP", "9MSP"),
        ("action la Presidencia debe escribir antes de la cumbre", "antes de la cumbre"),
    ],
)
def test_phrases_not_read_are_named_and_the_item_is_still_logged(
    demo_deps: Deps, line: str, words: str
) -> None:
    reply = _run(demo_deps, line)
    assert _due(demo_deps, reply) is None
    assert words in reply.text and "⚠️" in reply.text
    assert f"due #{reply.item_id}" in reply.text  # how to set one


@pytest.mark.parametrize(
    "line",
    [
        "action Germany to review the paper by email",
        "action Italy to send the letter by Italy's own courier",
        "action the ISU to clarify the issue before the committee",
        "action the ISU to check the 1/3 of States that reported",
        "action la France doit payer 2017 CHF",
        "action Chile debe enviar la carta por correo",
    ],
)
def test_words_that_only_look_like_dates_are_left_alone(demo_deps: Deps, line: str) -> None:
    reply = _run(demo_deps, line)
    assert _due(demo_deps, reply) is None
    assert "⚠️" not in reply.text


def test_a_sentence_to_confirm_says_how_its_date_was_read(demo_deps: Deps) -> None:
    reply = _run(demo_deps, "Italy will call the Albanian mission first thing Monday")
    confirm = [c.command for c in reply.choices if c.confirm]
    assert confirm, reply.text
    assert "27" in reply.text and "Monday" in reply.text  # the note says which day
    logged = _run(demo_deps, confirm[0])
    assert _due(demo_deps, logged) == date(2017, 3, 27)


def test_a_sentence_to_confirm_names_the_words_it_could_not_read(demo_deps: Deps) -> None:
    reply = _run(demo_deps, "Italy will brief the Bureau by the AGM")
    assert reply.choices, reply.text
    assert "the AGM" in reply.text and "⚠️" in reply.text


def test_minutes_read_more_phrases_and_note_the_words_they_could_not() -> None:
    text = (
        "Coordination Committee meeting\nGeneva, 24 March 2017\n\n1. Universalization\n\n"
        "Action: Italy to brief the Bureau by the AGM.\n"
        "Action: Peru to send the figures first thing Monday.\n"
        "L'Autriche enverra le document au printemps 2020.\n"
    )
    found = extract(text, now=NOW, tz=ZURICH, states=StateDirectory.default())
    by_owner = {item.owner.label: item for item in found.items}
    assert by_owner["Peru"].due == date(2017, 3, 27)
    assert by_owner["Austria"].due == date(2020, 6, 30)
    italy = by_owner["Italy"]
    assert italy.due is None and italy.due_note and "by the AGM" in italy.due_note


@pytest.mark.parametrize(
    "line",
    [
        "May we ask Chile to follow up",
        "the Friday group notes",
        "the 3rd report of Chile",
        "a 2/3 majority",
        "CHF 2.5 million",
        "Chile sat on the panel",
        "the Easter egg hunt",
        "we met for 3 weeks",
        "2 weeks late",
        "Chile to visit Santo Domingo",
        "an august body",
    ],
)
def test_everyday_words_are_not_date_like(line: str) -> None:
    assert date_like(line, []) == []


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("send it next tues", "next tues"),
        ("reply by the 21st please", "by the 21st"),
        ("le Chili répond le 3", "le 3"),
        ("Perú responde el 12.", "el 12"),
        ("on the 2nd half of May", "on the 2nd half of May"),
        ("dans quinze jours", "dans quinze jours"),
        ("before the cut-off date", "before the cut-off date"),
        ("by Wed", "by Wed"),
        ("after Easter", "after Easter"),
    ],
)
def test_date_like_phrases_are_found_whole(line: str, words: str) -> None:
    assert [line[s:e] for s, e in date_like(line, [])] == [words]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "Je n’ai pas pu lire « avant la pause » comme une date"),
        ("es", "No pude interpretar «avant la pause» como una fecha"),
    ],
)
def test_the_words_not_read_are_named_in_the_readers_language(
    demo_deps: Deps, lang: str, said: str
) -> None:
    line = "action la Présidence écrit aux États avant la pause estivale"
    reply = handle(
        demo_deps, line, user="U0TEST", now=NOW, caller=Caller("U0TEST", operator=True), lang=lang
    )
    assert said in reply.text
