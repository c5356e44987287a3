"""Who a line is about: "we" is the committee, "me" after "asked" is who was asked, a clause
completed from its message wins over the bare clause."""

from __future__ import annotations

from datetime import datetime

from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


def test_we_is_the_committee_not_the_one_typing(demo_run: Run) -> None:
    reply = demo_run("what's on our plate this week", now=NOW)
    assert "`/ccm items due this week`" in reply.text
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
