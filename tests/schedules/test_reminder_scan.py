"""The reminder scan skips, in SQL, items whose current step was sent: it must skip no other."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from schedules import reminders, sentlog
from schedules.config import ScheduleConfig
from schedules.outbox import DbLedger
from storage.db import Database
from storage.models import ActionItem, Person
from tests.schedules.conftest import CHANNEL, ZURICH

START = datetime(2017, 4, 1, 5, 0, tzinfo=UTC)
PEOPLE = [
    ("UANNA", "Europe/Zurich", "CHE"),
    ("UBOB", "America/New_York", "ITA"),
    ("USYD", "Australia/Sydney", "AUS"),
    ("UKIRI", "Pacific/Kiritimati", None),  # UTC+14: a day ahead of Geneva
    ("UPAGO", "Pacific/Pago_Pago", "ITA"),  # UTC-11: a day behind
]
REFS = ["UANNA", "UBOB", "USYD", "UKIRI", "UPAGO", "UNKNOWN9", "U1", "anna", "uanna", "UAN-NA"]


def _seed(db: Database, rng: random.Random) -> None:
    with db.session(write=True) as session:
        session.execute(
            insert(Person),
            [
                {"slack_user_id": uid, "name": uid, "role": "member", "tz": tz, "state_iso3": iso}
                for uid, tz, iso in PEOPLE
            ],
        )
        rows = []
        for n in range(400):
            kind = rng.choice(["person"] * 6 + ["state", "presidency", "area"])
            ref = rng.choice(REFS) if kind == "person" else rng.choice(["ITA", "CHE", None])
            snoozed = rng.choice([None] * 8 + [date(2017, 4, 5), date(2017, 5, 1)])
            rows.append(
                {
                    "text": f"item {n}",
                    "owner": "someone",
                    "owner_kind": kind,
                    "owner_ref": ref,
                    "area_key": rng.choice(["clearance", None]),
                    "due": date(2017, 4, 10) + timedelta(days=rng.randint(-60, 20)),
                    "status": "open",
                    "snoozed_until": snoozed,
                    "created_at": START,
                    "updated_at": START,
                }
            )
        session.execute(insert(ActionItem), rows)


def _pending(db: Database, config: ScheduleConfig, now: datetime) -> tuple[set[str], int]:
    """The keys find_due returns that the sent-log would let a claim take, and how many keys."""
    found = reminders.find_due(db, now=now, tz=ZURICH, channel=CHANNEL, config=config)
    keys = [cand[0] for cands in found.values() for cand in cands]
    return DbLedger(db, now=now, max_attempts=config.max_attempts).pending(keys), len(keys)


@pytest.mark.parametrize(
    "config",
    [
        ScheduleConfig(),
        ScheduleConfig(reminder_days_before=(14, 3, 0, -2), overdue_every_days=5),
        ScheduleConfig(reminder_days_before=(1,), overdue_every_days=0, skip_weekends=False),
    ],
)
def test_skipping_sent_items_in_sql_changes_no_pending_key(
    db: Database, config: ScheduleConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(7)
    _seed(db, rng)
    now = START
    checked = loaded = skipped = 0
    while now < START + timedelta(days=12):
        with monkeypatch.context() as patch:
            patch.setattr(reminders, "_already_sent", lambda *args: None)
            full, everything = _pending(db, config, now)
        pending, found = _pending(db, config, now)
        assert pending == full
        checked += len(full)
        loaded += found
        skipped += everything - found
        # Deliver some of what is pending (and fail a few), as scans would.
        chosen = [key for key in sorted(full) if rng.random() < 0.6]
        with db.session(write=True) as session:
            won = sentlog.claim(
                session, keys=chosen, job="reminder", recipient="x", now=now, max_attempts=8
            )
            failed = {key for key in won if rng.random() < 0.1}
            sentlog.mark_sent(session, keys=won - failed, now=now)
            sentlog.mark_failed(session, keys=failed, error="HTTP 500")
        now += timedelta(hours=rng.choice([1, 3, 7]))
    assert checked > 100
    assert skipped > loaded // 5  # many keys were already sent: SQL left them out
