"""An item named by its words: proposed with its text, to be confirmed; never guessed when two
items are alike, and never for a new commitment."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


@pytest.mark.parametrize(
    ("line", "command", "text"),
    [
        (
            "C'est fait pour la prévision documentaire, Matthieu l'a envoyée à l'UNODA hier soir",
            "done 17",
            "documentation forecast",
        ),
        ("the draft minutes went out this morning, mark it done", "done 22", "draft minutes"),
        ("the courtesy calls are all done", "done 5", "courtesy calls"),
    ],
)
def test_an_item_named_by_its_words(demo_run: Run, line: str, command: str, text: str) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command]
    assert text in reply.text  # the item's own words, so a wrong guess is seen


def test_two_alike_items_are_not_guessed(demo_run: Run) -> None:
    """#21 translates the letters, #9 sends the translated letters: which one is not said."""
    reply = demo_run("the letter translations are finished", now=NOW)
    assert not any(c.confirm and c.command.startswith("done") for c in reply.choices)


def test_a_new_commitment_is_not_taken_for_an_old_item(demo_run: Run) -> None:
    reply = demo_run("france sends the sri lanka demarche readout by easter", now=NOW)
    assert next(c.command for c in reply.choices if c.confirm).startswith("action France")


def test_the_polite_request_in_a_long_message_is_the_message(demo_run: Run) -> None:
    for line, command in [
        (
            "Hi, a couple of things. Thanks for last week's digest, very useful. More importantly:"
            " NZ asked us to push their report-back to end of May, can you move #12 to 31 May?",
            "due 12 31 May",
        ),
        (
            "we merged the two General Status items into #13 after the call with BiH, so #14 is "
            "redundant now. Could you bin it?",
            "delete 14",
        ),
        (
            "Hello, deux choses : 1) merci pour le résumé hebdo, top. 2) surtout : le point 14 sur "
            "les synergies, on a tout reçu, tu peux le passer en fait ? thx",
            "done 14",
        ),
        (
            "Zambia just confirmed the translations are finished. Could you mark that one as "
            "done? I think it's #21",
            "done 21",
        ),
    ]:
        reply = demo_run(line, now=NOW)
        assert [c.command for c in reply.choices if c.confirm] == [command], (line, reply.text)


def test_an_item_asked_about_in_words(demo_run: Run) -> None:
    reply = demo_run("what's the latest on the consultations on the financing model", now=NOW)
    assert "`/ccm status #15`" in reply.text
    reply = demo_run("who touched the hosting agreement item? show me its history", now=NOW)
    assert "`/ccm history #13`" in reply.text
    # a State's own status stays the State's, even when it has one item
    assert "`/ccm status Botswana`" in demo_run("what's the latest on botswana", now=NOW).text


@pytest.mark.parametrize(
    ("line", "command", "text", "day"),
    [
        # the words of the request ("réattribue") are not compared with the items
        (
            "les appels de courtoisie aux missions (AV) : c'est l'Italie qui s'en charge, "
            "réattribue-le",
            "assign 5 Italy",
            "courtesy calls",
            "",
        ),
        # a rare word the line and one item share ("RACVIAC") names it
        (
            "RACVIAC: la Presidencia quiere adelantarlo, contacto antes de fin de mayo",
            "due 1 antes de fin de mayo",
            "RACVIAC",
            "31 May 2017",
        ),
        # the verb in any person: "change la date" as "changer la date"
        (
            "le forecast doc pour UNODA : ils le veulent mardi finalement, change la date",
            "due 17 mardi",
            "documentation forecast",
            "28 March 2017",
        ),
    ],
)
def test_an_item_named_by_its_words_in_a_request(
    demo_run: Run, line: str, command: str, text: str, day: str
) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command]
    assert text in reply.text and day in reply.text


@pytest.mark.parametrize(
    "line", ["delete that one, it's a duplicate", "tu peux le décaler à la semaine prochaine ?"]
)
def test_words_that_only_ask_name_no_item(demo_run: Run, line: str) -> None:
    """ "duplicate" looks like "contribute" letter by letter: no item shares a word with it."""
    reply = demo_run(line, now=NOW)
    assert not any(c.confirm for c in reply.choices)
    assert "Which item" in reply.text


def test_items_alike_are_offered_to_pick(demo_run: Run) -> None:
    """Two items alike are never guessed between: both are offered, each with its text."""
    reply = demo_run(
        "la Zambie confirme : traduction des lettres aux signataires terminée, on peut fermer "
        "ce point",
        now=NOW,
    )
    offered = [c.command for c in reply.choices]
    assert {"done 21", "done 9"} <= set(offered)
    assert not any(c.confirm for c in reply.choices)
    assert "translate the letters" in reply.text


@pytest.mark.parametrize(
    ("line", "command"),
    [
        (
            "Botswana/NPA : la mission dit que la lettre officielle à NPA est en signature à "
            "Gaborone, à noter sur le point",
            "note 11 Botswana/NPA : la mission dit que la lettre officielle à NPA est en "
            "signature à Gaborone",
        ),
        (
            "reminder letters for non-payers: don't ping me about it before May, snooze till 2 May",
            "snooze 16 till 2 May",
        ),
        (
            "the translated letters to signatories: France will send them, not both "
            "coordinators. change the owner pls",
            "",  # #9 or #21: asked, and never a new item for France
        ),
    ],
)
def test_a_change_asked_on_an_item_named_by_its_words(
    demo_run: Run, line: str, command: str
) -> None:
    reply = demo_run(line, now=NOW)
    confirm = [c.command for c in reply.choices if c.confirm]
    assert confirm == ([command] if command else [])
    assert not any(c.command.startswith("action") for c in reply.choices)


@pytest.mark.parametrize(
    ("line", "command"),
    [
        # a State whose only open item it is names that item ("lo de Botsuana")
        ("historial de lo de Botsuana y NPA", "history #11"),
        ("snooze the Uganda seminar one till Monday", "snooze 10 till Monday"),
        # the State something is given "to" is the new owner, the other one says which item
        (
            "Lo de Uganda pásaselo a Nueva Zelanda, que es quien financia el seminario",
            "assign 10 New Zealand",
        ),
        ("Canberra is swamped, pls give #8 to Baghdad only", "assign 8 Iraq"),
    ],
)
def test_an_item_named_by_its_state(demo_run: Run, line: str, command: str) -> None:
    reply = demo_run(line, now=NOW)
    confirm = [c.command for c in reply.choices if c.confirm]
    assert confirm == [command] or f"`/ccm {command}`" in reply.text, reply.text


def test_a_state_in_a_note_or_with_items_of_two_states_names_no_item(demo_run: Run) -> None:
    # two States: which of their items is not guessed
    reply = demo_run("lo de Canberra y Bagdad, cerrarlo", now=NOW)
    assert not [c.command for c in reply.choices if c.confirm and c.command.startswith("done")]
    # a note's words may name a State: the State's only item is not taken for the one meant
    demo_run("action Lebanon to send its national plan by 30 April", now=NOW)
    reply = demo_run(
        "et pouvez-vous ajouter une note : le Liban souhaite un appui technique", now=NOW
    )
    assert not [c.command for c in reply.choices if c.confirm and c.command.startswith("note")]
