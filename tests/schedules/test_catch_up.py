"""Back after weeks down with many items per person: one summary each, every key marked once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert
from sqlmodel import col, select

from schedules.outbox import DbLedger, Outbox
from schedules.reminder_message import AWAY_WITH_BUTTONS, SHOWN, shown
from schedules.reminders import scan_reminders
from storage.db import Database
from storage.models import ActionItem, Person, SentLog
from tests.schedules.conftest import CONFIG, ZURICH, RecordingNotifier

NOW = datetime(2017, 5, 2, 7, 30, tzinfo=UTC)  # a Tuesday, 09:30 in Geneva
PEOPLE = [f"UP{n:04d}" for n in range(3)]
PER_PERSON = SHOWN + 17


def _seed(db: Database) -> None:
    with db.session(write=True) as session:
        session.execute(
            insert(Person),
            [
                {"slack_user_id": u, "name": u, "role": "member", "tz": "Europe/Zurich"}
                for u in PEOPLE
            ],
        )
        session.execute(
            insert(ActionItem),
            [
                {
                    "text": f"task {n} of {user}",
                    "owner": user,
                    "owner_kind": "person",
                    "owner_ref": user,
                    "due": date(2017, 3, 1) + timedelta(days=n % 40),
                    "status": "open",
                    "created_at": NOW - timedelta(days=90),
                    "updated_at": NOW - timedelta(days=90),
                }
                for user in PEOPLE
                for n in range(PER_PERSON)
            ],
        )


def _scan(db: Database, notifier: RecordingNotifier, at: datetime) -> Outbox:
    outbox = Outbox(ledger=DbLedger(db, now=at, max_attempts=8), notifier=notifier)
    scan_reminders(db, outbox, now=at, tz=ZURICH, channel=None, config=CONFIG)
    return outbox


def test_one_summary_per_person_shows_some_counts_all_and_marks_every_key(db: Database) -> None:
    _seed(db)
    notifier = RecordingNotifier(lambda: NOW)
    _scan(db, notifier, NOW)
    assert sorted(s.to for s in notifier.sent) == PEOPLE
    for sent in notifier.sent:
        assert "While I was away" in sent.text and f"{PER_PERSON} action items" in sent.text
        assert f"and {PER_PERSON - shown(late=True)} more" in str(sent.blocks)
        buttons = [b for b in sent.blocks if b["type"] == "actions"]
        assert len(buttons) == AWAY_WITH_BUTTONS  # the most urgent ten carry Done/Snooze
        assert len(sent.blocks) <= 50 and len(sent.text) <= 3000
    with db.session() as session:
        rows = session.exec(select(SentLog)).all()
        assert len(rows) == len(PEOPLE) * PER_PERSON  # each item's step, once per person
        assert all(row.sent_at is not None for row in rows)  # every deferred mark was written
    _scan(db, notifier, NOW + timedelta(minutes=15))
    _scan(db, notifier, NOW + timedelta(hours=1))
    assert len(notifier.sent) == len(PEOPLE)  # nothing twice


def test_a_failed_send_leaves_earlier_marks_written_and_retries_only_its_keys(db: Database) -> None:
    _seed(db)
    notifier = RecordingNotifier(lambda: NOW, fail_first=0)
    failing = {PEOPLE[1]}

    class Flaky(RecordingNotifier):
        def send(self, *, to: str, text: str, blocks: list[dict[str, object]]) -> str | None:
            if to in failing:
                raise RuntimeError("HTTP 500 from the fake Slack")
            return super().send(to=to, text=text, blocks=blocks)  # type: ignore[arg-type]

    flaky = Flaky(lambda: NOW)
    outbox = _scan(db, flaky, NOW)
    assert outbox.failures == 1 and sorted(s.to for s in flaky.sent) == [PEOPLE[0], PEOPLE[2]]
    with db.session() as session:
        unsent = session.exec(
            select(func.count()).select_from(SentLog).where(col(SentLog.sent_at).is_(None))
        ).one()
        assert unsent == PER_PERSON  # only the failed person's keys wait for a retry
    failing.clear()
    _scan(db, flaky, NOW + timedelta(minutes=15))
    assert sorted(s.to for s in flaky.sent) == sorted(PEOPLE)
    assert not notifier.sent
