"""Both Europe/Zurich DST days (last Sunday of March and of October): nothing skipped or doubled."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from storage.db import Database
from storage.items import create_item
from storage.models import ActionItem
from tests.schedules.conftest import (
    CHANNEL,
    CONFIG,
    ZURICH,
    Clock,
    RecordingNotifier,
    simulate,
    world_deps,
)

SUNDAYS = [date(2017, 3, 26), date(2017, 10, 29)]


@pytest.mark.parametrize("sunday", SUNDAYS)
def test_a_digest_at_0230_on_the_dst_sunday_goes_once(db: Database, sunday: date) -> None:
    # 02:30 does not exist on 26 March and happens twice on 29 October.
    config = replace(CONFIG, digest_weekday=6, digest_time=time(2, 30))
    clock = Clock(now=datetime.combine(sunday, time(0), tzinfo=UTC) - timedelta(hours=2))
    notifier = RecordingNotifier(clock)
    deps = world_deps(db, clock)
    simulate(
        deps,
        notifier,
        clock,
        until=clock.now + timedelta(hours=8),
        step=timedelta(minutes=10),
        config=config,
    )
    digests = [s for s in notifier.sent if s.text.startswith("*Weekly digest")]
    assert len(digests) == 1
    expected = {date(2017, 3, 26): "01:30", date(2017, 10, 29): "00:30"}[sunday]
    assert digests[0].at.strftime("%H:%M") == expected  # UTC: one instant, 02:30 local


@pytest.mark.parametrize("sunday", SUNDAYS)
def test_reminders_and_digests_across_the_dst_weekend(db: Database, sunday: date) -> None:
    with db.session(write=True) as session:
        for due in (sunday, sunday + timedelta(days=1)):  # channel items: weekends allowed
            item = ActionItem(
                text=f"due {due}", owner="the Presidency", owner_kind="presidency", due=due
            )
            create_item(session=session, item=item, states=[], actor="t", now=datetime.now(UTC))
    start = datetime.combine(sunday - timedelta(days=2), time(0), tzinfo=UTC)
    clock = Clock(now=start)
    notifier = RecordingNotifier(clock)
    simulate(world_deps(db, clock), notifier, clock, until=start + timedelta(days=4))
    reminders = [s for s in notifier.sent if s.to == CHANNEL and s.text.startswith(":bell:")]
    local = [(s.at.astimezone(ZURICH).date(), s.at.astimezone(ZURICH).hour) for s in reminders]
    # Fri: both d-7 (caught up); Sat: d-1; Sun: d0 and Monday's d-1 together; Mon: d0.
    assert local == [
        (sunday - timedelta(days=2), 9),
        (sunday - timedelta(days=1), 9),
        (sunday, 9),
        (sunday + timedelta(days=1), 9),
    ]
    assert [len(s.item_ids) for s in reminders] == [2, 1, 2, 1]
    weekly = [s for s in notifier.sent if s.text.startswith("*Weekly digest")]
    assert [(s.at.astimezone(ZURICH).date(), s.at.astimezone(ZURICH).hour) for s in weekly] == [
        (sunday + timedelta(days=1), 9)
    ]
