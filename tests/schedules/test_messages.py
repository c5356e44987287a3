"""Message shapes: recipients, the pre-meeting agenda, and splitting at Slack's limits."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import select

from handlers.reply.reply import Reply, section
from schedules.agenda import pre_meeting_digest
from schedules.outbox import DbLedger, Outbox
from schedules.recipients import Directory
from schedules.split import MAX_BLOCKS, MAX_TEXT, _block_text, split_reply
from storage.db import Database
from storage.items import create_item
from storage.models import ActionItem, Coordinator, Meeting, Person
from tests.schedules.conftest import CHANNEL, ZURICH, Clock, RecordingNotifier

NOW = datetime(2017, 4, 22, 7, 0, tzinfo=UTC)


def test_recipients_fall_back_from_person_to_state_to_area_to_channel(db: Database) -> None:
    with db.session(write=True) as session:
        session.add(
            Person(slack_user_id="UCHL", name="Chile", state_iso3="CHL", tz="America/Santiago")
        )
        directory = Directory.load(session, committee_tz=ZURICH, channel=CHANNEL)
        coordinators = {
            row.state_iso3
            for row in session.exec(
                select(Coordinator).where(Coordinator.area_key == "victim_assistance")
            )
        }
    assert "CHL" in coordinators  # the 7MSP VA coordinators: Chile and Italy
    assert [r.to for r in directory.for_item(kind="person", ref="UX1", area_key=None)] == ["UX1"]
    assert [r.to for r in directory.for_item(kind="state", ref="CHL", area_key=None)] == ["UCHL"]
    assert (
        directory.for_item(kind="state", ref="CHL", area_key=None)[0].tz.key == "America/Santiago"
    )
    area = directory.for_item(kind="area", ref="victim_assistance", area_key="victim_assistance")
    assert [r.to for r in area] == ["UCHL"]
    nobody = directory.for_item(kind="state", ref="FRA", area_key=None)
    assert [(r.to, r.direct) for r in nobody] == [(CHANNEL, False)]


def _many_items(db: Database, count: int) -> None:
    areas = ["universalization", "victim_assistance", "clearance", None]
    with db.session(write=True) as session:
        for n in range(count):
            item = ActionItem(
                text=f"item {n} " + "x" * 150,
                owner="Italy",
                owner_kind="state",
                owner_ref="ITA",
                area_key=areas[n % 4],
                due=date(2017, 4, 1 + n % 28),
            )
            create_item(session=session, item=item, states=[], actor="t", now=NOW)
        session.add(
            Meeting(kind="cc", title="CC meeting", start=datetime(2017, 4, 25, 8, tzinfo=UTC))
        )


def test_pre_meeting_digest_lists_each_area_as_the_agenda(db: Database) -> None:
    _many_items(db, 40)
    with db.session() as session:
        meeting = session.exec(select(Meeting)).one()
        reply = pre_meeting_digest(session, meeting=meeting, now=NOW, tz=ZURICH, since=None)
    assert "Working agenda" in reply.text
    for name in ("Universalization (10)", "Victim Assistance (10)", "No area (10)"):
        assert name in reply.text
    assert reply.blocks[-1]["type"] == "context"


def test_split_keeps_every_part_within_slack_limits() -> None:
    long = "*Heading*\n" + "\n".join(f"line {n} " + "y" * 80 for n in range(200))
    reply = Reply(
        text=long,
        blocks=[section("intro")]
        + [{"type": "divider"}] * 60
        + [{"type": "section", "text": {"type": "mrkdwn", "text": long}}],
    )
    parts = split_reply(reply)
    assert len(parts) >= 2
    for part in parts:
        assert len(part.blocks) <= MAX_BLOCKS and len(part.text) <= MAX_TEXT
        assert all(len(_block_text(b)) <= MAX_TEXT for b in part.blocks)
    lines = "\n".join(_block_text(b) for p in parts for b in p.blocks)
    assert "line 0 " in lines and "line 199 " in lines  # split, not cut


class FailsSecondSend(RecordingNotifier):
    def send(self, *, to: str, text: str, blocks: list[dict[str, Any]]) -> str | None:
        if self.attempts == 1:  # the second call: HTTP 500 on part 2
            self.attempts += 1
            raise RuntimeError("HTTP 500")
        return super().send(to=to, text=text, blocks=blocks)


def test_a_failed_second_part_is_retried_alone(db: Database) -> None:
    clock = Clock(now=NOW)
    notifier = FailsSecondSend(clock)
    big = Reply(text="big", blocks=[section(f"block {n}") for n in range(120)])
    for _ in range(3):
        outbox = Outbox(ledger=DbLedger(db, now=NOW, max_attempts=5), notifier=notifier)
        outbox.send_once(job="weekly_digest", to=CHANNEL, key="weekly_digest:2017-04-17", reply=big)
    assert [len(s.blocks) for s in notifier.sent] == [50, 50, 20]
    assert notifier.attempts == 4


def test_a_channel_summary_does_not_say_you() -> None:
    from datetime import date

    from schedules.reminder_message import Due, reminder_reply
    from schedules.steps import Step
    from storage.models import ActionItem

    items = [
        ActionItem(id=n, text=f"task {n}", owner="Italy", owner_kind="state", due=date(2017, 3, 1))
        for n in (1, 2)
    ]
    step = Step(name="overdue-1", fires_on=date(2017, 3, 8))
    dues = [Due(key=f"k{i.id}", item=i, states=[], step=step) for i in items]
    to_channel = reminder_reply(dues, today=date(2017, 3, 24), direct=False)
    to_person = reminder_reply(dues, today=date(2017, 3, 24), direct=True)
    assert "need attention" in to_channel.text and "you" not in to_channel.text.split("\n")[0]
    assert "While I was away" in to_person.text
