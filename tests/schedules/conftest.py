"""Scheduler fixtures: a small world with people in three time zones, fake notifiers, a fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import delete

from handlers.ports import Deps
from handlers.reference.states import StateDirectory
from schedules.config import ScheduleConfig
from schedules.jobs import run_due
from storage.db import Database
from storage.items import create_item
from storage.models import ActionItem, Meeting, Person, TreatyDeadline

ZURICH = ZoneInfo("Europe/Zurich")
CHANNEL = "C_DIGEST"
ANNA, BOB, SYD, ISU = "UANNA", "UBOB", "USYD", "UISU"
START = datetime(2017, 3, 23, 9, 0, tzinfo=UTC)  # the seed meeting, 10:00 in Geneva
CONFIG = ScheduleConfig(contributions_due=(4, 28))


@dataclass
class Sent:
    at: datetime
    to: str
    text: str
    blocks: list[dict[str, Any]]

    @property
    def item_ids(self) -> list[int]:
        """The items whose buttons the message carries (block_id 'item_<id>')."""
        return [
            int(b["block_id"].removeprefix("item_"))
            for b in self.blocks
            if b.get("type") == "actions" and str(b.get("block_id", "")).startswith("item_")
        ]


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now


@dataclass
class RecordingNotifier:
    """Records every message; raises for the first ``fail_first`` sends (429s, then 500s)."""

    clock: Callable[[], datetime]
    fail_first: int = 0
    sent: list[Sent] = field(default_factory=list)
    attempts: int = 0

    def send(self, *, to: str, text: str, blocks: list[dict[str, Any]]) -> str | None:
        self.attempts += 1
        if self.attempts <= self.fail_first:
            status = 429 if self.attempts % 2 else 500
            raise RuntimeError(f"HTTP {status} from the fake Slack")
        self.sent.append(Sent(self.clock(), to, text, blocks))
        return f"{len(self.sent)}.000"


def seed_world(db: Database) -> dict[str, int]:
    """Four people, six items, one CC meeting, one MSP, two treaty deadlines."""
    ids: dict[str, int] = {}
    with db.session(write=True) as session:
        session.exec(delete(TreatyDeadline))  # type: ignore[call-overload]
        session.add(Person(slack_user_id=ANNA, name="Anna", state_iso3="CHE", tz="Europe/Zurich"))
        session.add(Person(slack_user_id=BOB, name="Bob", state_iso3="ITA", tz="America/New_York"))
        session.add(Person(slack_user_id=SYD, name="Syd", state_iso3="AUS", tz="Australia/Sydney"))
        session.add(Person(slack_user_id=ISU, name="Ida", organisation="ISU", role="isu"))
        rows = {
            "anna": ("Anna", "person", ANNA, date(2017, 4, 12), "open", None),
            "italy": ("Italy", "state", "ITA", date(2017, 4, 21), "open", None),
            "snoozed": ("Anna", "person", ANNA, date(2017, 4, 10), "open", date(2017, 6, 30)),
            "done": ("Anna", "person", ANNA, date(2017, 4, 3), "done", None),
            "nobody": ("the Presidency", "presidency", None, date(2017, 4, 15), "open", None),
            "sydney": ("Syd", "person", SYD, date(2017, 4, 17), "open", None),
        }
        for name, (owner, kind, ref, due, status, snoozed) in rows.items():
            item = ActionItem(
                text=f"the {name} item",
                owner=owner,
                owner_kind=kind,
                owner_ref=ref,
                due=due,
                status=status,
                snoozed_until=snoozed,
            )
            create_item(session=session, item=item, states=[], actor="test", now=START)
            assert item.id is not None
            ids[name] = item.id
        session.add(
            Meeting(kind="cc", title="CC meeting", start=datetime(2017, 4, 25, 10, tzinfo=ZURICH))
        )
        session.add(
            Meeting(kind="msp", title="7MSP", start=datetime(2017, 9, 4, 10, tzinfo=ZURICH))
        )
        session.add(TreatyDeadline(state_iso3="IRQ", kind="article4", due=date(2018, 3, 1)))
        session.add(TreatyDeadline(state_iso3="LAO", kind="article4", due=date(2018, 4, 20)))
    return ids


def world_deps(db: Database, clock: Callable[[], datetime]) -> Deps:
    return Deps(
        db=db, tz=ZURICH, clock=clock, states=StateDirectory.default(), digest_channel=CHANNEL
    )


def mark_done(db: Database, item_id: int) -> None:
    with db.session(write=True) as session:
        item = session.get(ActionItem, item_id)
        assert item is not None
        item.status = "done"
        session.add(item)


def simulate(
    deps: Deps,
    notifier: RecordingNotifier,
    clock: Clock,
    *,
    until: datetime,
    step: timedelta = timedelta(hours=1),
    on_tick: Callable[[datetime], None] | None = None,
    config: ScheduleConfig = CONFIG,
) -> None:
    """Step the fake clock and run a scan at each step, as the scheduler would."""
    while clock.now < until:
        if on_tick:
            on_tick(clock.now)
        run_due(deps, notifier, now=clock.now, config=config)
        clock.now += step


@pytest.fixture
def world(db: Database) -> Iterator[tuple[Database, dict[str, int]]]:
    yield db, seed_world(db)
