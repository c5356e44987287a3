"""Who a line is about: "we" is the committee, "me" after "asked" is who was asked, a clause
completed from its message wins over the bare clause."""

from __future__ import annotations

from datetime import datetime

import pytest

from handlers.ports import Deps
from storage.models import Person
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


def test_we_is_the_committee_not_the_one_typing(demo_run: Run) -> None:
    reply = demo_run("what's on our plate this week", now=NOW)
    assert "`/ccm deadlines this week`" in reply.text  # every deadline of the week
    assert "#22" in reply.text  # the ISU's item: not only the asker's


def test_me_who_was_asked_does_not_own_the_question(demo_run: Run) -> None:
    reply = demo_run(
        "whats on the Presidency's plate before the next CC? H.E. asked me for a list", now=NOW
    )
    assert "owner the Presidency" in reply.text
    assert "`/ccm mine`" not in reply.text


def test_a_question_takes_the_state_its_message_names_by_demonym(demo_run: Run) -> None:
    reply = demo_run(
        "Hello, for Tuesday's bilateral with the Lebanese delegation: what's their clearance "
        "deadline now, after the extension?",
        now=NOW,
    )
    assert "`/ccm treaty article 4 Lebanon`" in reply.text


def test_a_question_that_names_its_subject_keeps_it(demo_run: Run) -> None:
    reply = demo_run(
        "Hi team 👋 where are we on the universalization actions? France asked me before our "
        "call this afternoon.",
        now=NOW,
    )
    assert "France" not in reply.text.splitlines()[-1]  # not read as France's status
    assert "niversali" in reply.text.splitlines()[-1]


def test_overdue_is_not_read_into_a_period_ahead(demo_run: Run) -> None:
    reply = demo_run("vencimientos de mayo?", now=NOW)
    assert all(not c.command.startswith("overdue") for c in reply.choices)
    assert "`/ccm overdue" not in reply.text


def test_we_with_the_state_beside_it_is_that_state(demo_run: Run) -> None:
    for line, owner in [
        ("Pour le Sénégal : nous transmettons la note verbale d'ici fin avril", "Senegal"),
        ("nous, le Niger, organisons un atelier national avant fin juin", "Niger"),
        ("nosotros (México) presentamos el informe en la próxima reunión del CC", "Mexico"),
        ("Matthieu de l'ISU prépare la liste dans deux semaines", "the ISU"),
        ("Víctor (Mexique) relance NPA d'ici le 15 mai", "Mexico"),
    ]:
        reply = demo_run(line, now=NOW)
        confirm = [c.command for c in reply.choices if c.confirm]
        assert confirm and confirm[0].startswith(f"action {owner} to "), (line, reply.text)


def test_we_is_the_askers_state_in_the_roster(demo_run: Run, demo_deps: Deps) -> None:
    reply = demo_run("we will send the letters by Friday", user="U7", now=NOW)
    assert not any(c.confirm for c in reply.choices)  # nobody knows who "we" is: asked
    with demo_deps.db.session() as session:
        session.add(Person(slack_user_id="U7", name="Bruno", state_iso3="ITA", role="coordinator"))
        session.commit()
    reply = demo_run("we will send the letters by Friday", user="U7", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [
        "action Italy to send the letters by Friday"
    ]


@pytest.mark.parametrize(
    ("line", "command"),
    [
        (
            "Zambia said they'd ping Kampala again about hosting the seminar, COB Thursday. "
            "Can you add that?",
            "action Zambia to ping Kampala again about hosting the seminar, COB Thursday",
        ),
        (
            "For the record, from the NZ side after the meeting: they will confirm the funding by "
            "1/5, can you log it?",
            "action New Zealand to confirm the funding by 1/5",
        ),
        (
            "Following the President's update yesterday, please log that we will circulate a "
            "concept note in a fortnight",
            "action the Presidency to circulate a concept note in a fortnight",
        ),
        (
            "corrige le texte de la 11 : le Botswana doit écrire à NPA",
            "edit 11 le Botswana doit écrire à NPA",
        ),
        (
            'can you reword #9 as "send the translated letters"? the current text is vague',
            "edit 9 send the translated letters",
        ),
    ],
)
def test_they_we_and_rewording(demo_run: Run, line: str, command: str) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command], reply.text
