"""What six weeks of the seeded world must send: each message once, at the recipient's 09:00."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tests.schedules.conftest import ANNA, BOB, CHANNEL, ISU, SYD, ZURICH, Sent

Row = tuple[str, str, str, tuple[str, ...]]  # local day, recipient, job, item names

ZONES = {ANNA: ZURICH, CHANNEL: ZURICH, ISU: ZURICH}


def _job(text: str) -> str:
    for prefix, job in (
        (":bell:", "reminder"),
        ("*Weekly digest", "weekly_digest"),
        ("*Before the", "pre_meeting_digest"),
        (":moneybag:", "contributions_reminder"),
        (":scales:", "treaty_watch"),
    ):
        if text.startswith(prefix):
            return job
    raise AssertionError(f"unknown message: {text[:40]}")


def rows(sent: Iterable[Sent], names: dict[str, int], until: datetime | None = None) -> list[Row]:
    by_id = {item_id: name for name, item_id in names.items()}
    found = []
    for s in sent:
        from zoneinfo import ZoneInfo

        zone = ZONES.get(s.to) or ZoneInfo({BOB: "America/New_York", SYD: "Australia/Sydney"}[s.to])
        local = s.at.astimezone(zone)
        found.append(
            (local.date().isoformat(), s.to, _job(s.text), tuple(by_id[i] for i in s.item_ids))
        )
    return sorted(found)


def expected(until: datetime | None = None) -> list[Row]:
    """Six weeks from Thu 23 March 2017; Anna's item is marked done on 27 April."""
    table: list[Row] = [
        ("2017-03-23", CHANNEL, "treaty_watch", ()),  # IRQ Art. 4 + both extension requests
        ("2017-03-27", CHANNEL, "weekly_digest", ()),
        ("2017-04-03", CHANNEL, "weekly_digest", ()),
        ("2017-04-05", ANNA, "reminder", ("anna",)),  # d-7
        ("2017-04-08", CHANNEL, "reminder", ("nobody",)),  # channel: weekends are fine
        ("2017-04-10", SYD, "reminder", ("sydney",)),  # d-7 at 09:00 in Sydney
        ("2017-04-10", CHANNEL, "weekly_digest", ()),
        ("2017-04-11", ANNA, "reminder", ("anna",)),  # d-1
        ("2017-04-12", ANNA, "reminder", ("anna",)),  # d0
        ("2017-04-14", CHANNEL, "reminder", ("nobody",)),
        ("2017-04-14", BOB, "reminder", ("italy",)),  # the owning State's person, New York
        ("2017-04-15", CHANNEL, "reminder", ("nobody",)),
        ("2017-04-17", SYD, "reminder", ("sydney",)),  # d-1 fell on a Sunday: d0 supersedes it
        ("2017-04-17", CHANNEL, "weekly_digest", ()),
        ("2017-04-19", ANNA, "reminder", ("anna",)),  # overdue-1
        ("2017-04-20", CHANNEL, "treaty_watch", ()),  # LAO enters the 12-month window
        ("2017-04-20", BOB, "reminder", ("italy",)),
        ("2017-04-21", BOB, "reminder", ("italy",)),
        ("2017-04-22", CHANNEL, "reminder", ("nobody",)),
        ("2017-04-22", CHANNEL, "pre_meeting_digest", ()),  # 3 days before 25 April
        ("2017-04-24", SYD, "reminder", ("sydney",)),
        ("2017-04-24", CHANNEL, "weekly_digest", ()),
        ("2017-04-26", ANNA, "reminder", ("anna",)),  # overdue-2, then done on the 27th
        ("2017-04-28", BOB, "reminder", ("italy",)),
        ("2017-04-29", CHANNEL, "reminder", ("nobody",)),
        ("2017-05-01", SYD, "reminder", ("sydney",)),
        ("2017-05-01", CHANNEL, "weekly_digest", ()),
        ("2017-05-01", ISU, "contributions_reminder", ()),  # due 28 April, a Saturday DM waits
    ]
    table = sorted(table)
    if until is not None:
        table = [row for row in table if row[0] < until.astimezone(ZURICH).date().isoformat()]
    return table
