"""Six simulated weeks of hourly scans: every expected message once, none extra, despite trouble."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from schedules.outbox import DbLedger
from storage.db import Database
from storage.items import create_item
from storage.models import ActionItem, SentLog
from tests.schedules.conftest import (
    ANNA,
    CHANNEL,
    ISU,
    START,
    SYD,
    Clock,
    RecordingNotifier,
    mark_done,
    seed_world,
    simulate,
    world_deps,
)
from tests.schedules.expected import expected, rows

END = START + timedelta(weeks=6)
DONE_AT = datetime(2017, 4, 27, 12, tzinfo=UTC)


def _done_hook(db: Database, ids: dict[str, int]):  # type: ignore[no-untyped-def]
    def tick(now: datetime) -> None:
        if now == DONE_AT:
            mark_done(db, ids["anna"])

    return tick


def test_six_weeks_send_each_message_once(db: Database) -> None:
    ids = seed_world(db)
    clock = Clock()
    notifier = RecordingNotifier(clock)
    simulate(world_deps(db, clock), notifier, clock, until=END, on_tick=_done_hook(db, ids))
    assert rows(notifier.sent, ids) == expected()
    for sent in notifier.sent:
        if sent.text.startswith(":bell:"):
            assert sent.item_ids, "every reminder carries its item's buttons"
        if sent.to in {ANNA, ISU} or sent.text.startswith("*Weekly"):
            assert sent.at.astimezone(world_deps(db, clock).tz).hour == 9


def test_a_restart_in_the_middle_changes_nothing(db: Database) -> None:
    ids = seed_world(db)
    clock = Clock()
    first = RecordingNotifier(clock)
    half = START + timedelta(weeks=3, hours=5)
    simulate(world_deps(db, clock), first, clock, until=half, on_tick=_done_hook(db, ids))
    # A new process: new engine, new deps, new notifier; only the database file is shared.
    again = Database(db.url)
    second = RecordingNotifier(clock)
    simulate(world_deps(again, clock), second, clock, until=END, on_tick=_done_hook(again, ids))
    again.dispose()
    assert rows(first.sent, ids) == expected(until=half)
    assert rows(first.sent + second.sent, ids) == expected()


def test_slack_errors_then_recovery_lose_and_double_nothing(db: Database) -> None:
    ids = seed_world(db)
    clock = Clock()
    notifier = RecordingNotifier(clock, fail_first=6)  # 429, 500, 429, ... then fine
    until = START + timedelta(weeks=3)
    simulate(world_deps(db, clock), notifier, clock, until=until)
    assert notifier.attempts == len(expected(until=until)) + 6
    assert rows(notifier.sent, ids) == expected(until=until)
    with db.session() as session:
        rows_ = list(session.exec(select(SentLog)))
    assert all(row.sent_at is not None and row.error is None for row in rows_)
    assert max(row.attempts for row in rows_) >= 2


def test_a_crash_between_claim_and_send_is_swept_and_sent_once(db: Database) -> None:
    ids = seed_world(db)
    clock = Clock(now=datetime(2017, 4, 5, 7, 0, tzinfo=UTC))  # Anna's d-7, 09:00 in Geneva
    deps = world_deps(db, clock)
    key = f"reminder:{ids['anna']}:2017-04-12:d-7:{ANNA}"
    crashed = DbLedger(db, now=clock.now, max_attempts=8)
    assert crashed.claim([key], job="reminder", recipient=ANNA) == {key}  # ...and then died
    notifier = RecordingNotifier(clock)
    simulate(
        deps, notifier, clock, until=clock.now + timedelta(minutes=10), step=timedelta(minutes=5)
    )
    assert [s for s in notifier.sent if s.to == ANNA] == []  # still in flight: hands off
    simulate(
        deps, notifier, clock, until=clock.now + timedelta(minutes=30), step=timedelta(minutes=5)
    )
    assert [s.item_ids for s in notifier.sent if s.to == ANNA] == [[ids["anna"]]]


def test_a_long_outage_sends_one_summary_per_person(db: Database) -> None:
    ids = seed_world(db)
    with db.session(write=True) as session:
        extra = ActionItem(
            text="a second item",
            owner="Anna",
            owner_kind="person",
            owner_ref=ANNA,
            due=date(2017, 4, 20),
        )
        create_item(session=session, item=extra, states=[], actor="test", now=START)
    clock = Clock(now=datetime(2017, 5, 2, 7, 0, tzinfo=UTC))  # down since 23 March
    notifier = RecordingNotifier(clock)
    simulate(world_deps(db, clock), notifier, clock, until=clock.now + timedelta(hours=3))
    reminders = [s for s in notifier.sent if s.text.startswith(":bell:")]
    assert sorted(s.to for s in reminders) == sorted([ANNA, CHANNEL, SYD])
    (to_anna,) = [s for s in reminders if s.to == ANNA]
    assert "While I was away" in to_anna.text
    assert sorted(to_anna.item_ids) == sorted([ids["anna"], extra.id])
