"""meeting add / meetings / next meeting, contribution / contributions."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from handlers.ports import Deps
from handlers.reply.mrkdwn import to_plain
from storage.models import Contribution, Meeting
from tests.conftest import ZURICH, Run


def test_meeting_add_with_time_range_and_place(run: Run, deps: Deps) -> None:
    reply = run(
        "meeting add 25 April 2017 from 10:00h to 11:30h at the Permanent Mission of Germany"
    )
    assert reply.ok, reply.text
    with deps.db.session() as session:
        meeting = session.exec(select(Meeting)).one()
    assert meeting.start == datetime(2017, 4, 25, 10, 0, tzinfo=ZURICH)
    assert meeting.end == datetime(2017, 4, 25, 11, 30, tzinfo=ZURICH)
    assert meeting.place == "the Permanent Mission of Germany"
    assert "<!date^" in reply.text  # each reader sees their own time zone
    nxt = run("next meeting")
    assert "Tue 25 Apr 2017 10:00–11:30" in to_plain(nxt.text)
    assert "Permanent Mission of Germany" in run("meetings").text


def test_meeting_add_refusals(run: Run, deps: Deps) -> None:
    assert not run("meeting add 1 January 2016").ok  # in the past
    assert not run("meeting add 31/02/2017").ok
    assert not run("meeting add 25/04/2017 from 11:30 to 10:00").ok
    with deps.db.session() as session:
        assert session.exec(select(Meeting)).first() is None
    assert "No CC meeting is scheduled" in run("next meeting").text


def test_contributions_received_apart_from_pledged(run: Run, deps: Deps) -> None:
    assert run("contribution Norway 25'000 CHF 2017 received on 3 March 2017").ok
    assert run("contribution Italy 12,500.50 pledged").ok
    assert run("pledge Austria 1000 2017").ok
    reply = run("contributions 2017")
    assert "Received:* CHF 25,000.00" in reply.text
    assert "Pledged (not yet received):* CHF 13,500.50" in reply.text
    # 102 States had ratified or acceded by the end of 2017 (Lithuania, withdrawn in 2025,
    # counts; so does the State of Palestine, which acceded on 2 January 2015).
    assert "States Parties paid:* 1 of 102 States Parties in 2017" in reply.text
    assert (
        "Not paid yet (101)" in reply.text and "Italy" in reply.text and "Lithuania" in reply.text
    )
    assert "Nigeria" not in reply.text  # joined in 2023
    with deps.db.session() as session:
        rows = session.exec(select(Contribution)).all()
    assert sorted((r.state_iso3, r.amount_cents, r.status) for r in rows) == [
        ("AUT", 100000, "pledged"),
        ("ITA", 1250050, "pledged"),
        ("NOR", 2500000, "received"),
    ]


def test_contribution_refusals(run: Run, deps: Deps) -> None:
    for command in (
        "contribution Narnia 100",
        "contribution Norway",
        "contribution Norway 100 on 31/02/2017",
        "contributions someday",
    ):
        assert not run(command).ok, command
    with deps.db.session() as session:
        assert session.exec(select(Contribution)).first() is None


def test_demo_contributions_match_the_minutes(demo_run: Run) -> None:
    text = demo_run("contributions 2017").text
    assert "CHF 143,935.07" in text
    assert "States Parties paid:* 28 of 102" in text
    assert "Who has not paid is unknown: the minutes report 28 payers but name 0" in text
    assert "Not paid yet" not in text
    assert "7a: CHF 31,437.17; 7b: CHF 47,084.18; 7c: CHF 65,413.72" in text


def test_named_payments_are_shown_apart_from_reported_totals(demo_run: Run) -> None:
    assert demo_run("contribution Norway 25'000 CHF 2017").ok
    text = demo_run("contributions 2017").text
    assert "*Received:* CHF 168,935.07" in text
    assert (
        "CHF 143,935.07 as totals reported in the minutes and CHF 25,000.00 recorded State by State"
        in text
    )


def test_money_in_other_currencies_or_ambiguous_is_refused(run: Run, deps: Deps) -> None:
    for command, expected in (
        ("contribution Norway 25 000 EUR 2017", "in CHF"),
        ("contribution Norway 100 or 200", "several amounts"),
    ):
        reply = run(command)
        assert not reply.ok and expected in reply.text, reply.text
    assert run("contribution Norway 25.000 CHF 2017").ok
    assert "CHF 25,000.00" in run("contributions 2017").text


def test_meeting_add_keeps_the_start_time_and_refuses_an_earlier_end(run: Run, deps: Deps) -> None:
    assert run("meeting add 28/03/2017 15:00 to 16:30 at Geneva").ok
    refused = run("meeting add 29/03/2017 15:00 to 14:00")
    assert not refused.ok and "end before it starts" in refused.text
    with deps.db.session() as session:
        meeting = session.exec(select(Meeting)).one()
    assert meeting.start == datetime(2017, 3, 28, 15, 0, tzinfo=ZURICH)
    assert meeting.end == datetime(2017, 3, 28, 16, 30, tzinfo=ZURICH)


def test_meeting_add_spans_days_and_refuses_twins(run: Run, deps: Deps) -> None:
    assert run("meeting add msp 4 September 2017 to 6 September 2017 at Geneva").ok
    twin = run("meeting add msp 4 September 2017 to 6 September 2017")
    assert not twin.ok and "already on the calendar" in twin.text
    with deps.db.session() as session:
        meeting = session.exec(select(Meeting)).one()
    assert (meeting.kind, meeting.start, meeting.end) == (
        "msp",
        datetime(2017, 9, 4, 10, 0, tzinfo=ZURICH),
        datetime(2017, 9, 6, 18, 0, tzinfo=ZURICH),
    )


@pytest.mark.parametrize(
    ("command", "cents", "year"),
    [
        ("contribution Togo 2000 CHF 2017 pledged", 2000_00, 2017),  # the amount looks like a year
        ("pledge Togo 2000 2017", 2000_00, 2017),
        ("contribution Togo CHF 2000 for 2017", 2000_00, 2017),
        ("contribution Chile 2017 CHF for 2016", 2017_00, 2016),
        ("contribution Norway 25 000 CHF 2017", 25000_00, 2017),
    ],
)
def test_an_amount_that_looks_like_a_year_is_the_amount(
    run: Run, deps: Deps, command: str, cents: int, year: int
) -> None:
    assert run(command).ok
    with deps.db.session() as session:
        row = session.exec(select(Contribution)).one()
    assert (row.amount_cents, row.year) == (cents, year)


def test_a_day_received_without_a_year_is_the_last_one_past(demo_run: Run) -> None:
    """Said on 24 March 2017, "le 12/03" and "on 2 March" are in March 2017, never 2018: money
    that came in is never recorded as coming in next year."""
    from datetime import datetime

    from tests.conftest import ZURICH

    now = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)
    reply = demo_run("contribution Burkina Faso 2500 CHF received le 12/03", now=now)
    assert "received for 2017 on Sun 12 Mar 2017" in reply.text
    reply = demo_run("contribution Chad 2500 CHF received on 2 March", now=now)
    assert "received for 2017 on Thu 2 Mar 2017" in reply.text
    reply = demo_run("contribution Mali 2500 CHF received on 2/3/18", now=now)
    assert "on Fri 2 Mar 2018" in reply.text  # a year said is kept
