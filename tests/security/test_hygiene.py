"""Part 6: CSV formula cells, private files, 64-bit cents, permanent Slack errors."""

from __future__ import annotations

import csv
import io
import stat
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import BigInteger
from sqlmodel import select

from bot.settings import Settings
from bot.slack.client import make_client
from bot.slack.notifier import SlackNotifier
from bot.wiring import prepare_database
from handlers.items.transfer import export_csv, export_json, read_csv, store_rows
from handlers.ports import Deps
from schedules.config import ScheduleConfig
from schedules.digests import weekly_digest
from schedules.jobs import run_due
from schedules.outbox import DbLedger, Outbox
from storage.backup import backup
from storage.db import Database
from storage.items import create_item
from storage.models import ActionItem, Contribution, Person, SentLog
from tests.conftest import make_deps
from tests.security.conftest import ADMIN, Served, ask, name_admin
from tests.slack.conftest import settings_for
from tests.slack.fake_slack import FakeSlack

NOW = datetime(2017, 3, 24, 8, 0, tzinfo=UTC)
FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "'=already quoted",
    "plain text, with a comma",
]


def _add(deps: Deps, texts: list[str]) -> None:
    with deps.db.session(write=True) as session:
        for text in texts:
            item = ActionItem(text=text, owner=text[:20], owner_kind="state", owner_ref="ITA")
            create_item(session=session, item=item, states=["ITA"], actor="t", now=NOW)


def test_csv_export_neutralises_formulas_and_still_round_trips(deps: Deps, db: Database) -> None:
    _add(deps, FORMULAS)
    with deps.db.session() as session:
        exported, before = export_csv(session), export_json(session)
    for row in csv.DictReader(io.StringIO(exported)):
        for key, cell in row.items():
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (key, cell)
    target = make_deps(Database(db.url))
    with target.db.session(write=True) as session:
        session.exec(ActionItem.__table__.delete())  # type: ignore[attr-defined,call-overload]
    rows = read_csv(exported, directory=target.states, now=NOW)
    with target.db.session(write=True) as session:
        store_rows(session, rows)
    with target.db.session() as session:
        assert export_json(session) == before


def test_the_database_and_its_backups_are_private(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ccm.db'}"
    db = prepare_database(Settings(database_url=url))
    for path in tmp_path.glob("ccm.db*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    backup(db.engine, tmp_path / "copy.db")
    assert stat.S_IMODE((tmp_path / "copy.db").stat().st_mode) == 0o600
    db.dispose()


def test_amounts_are_64_bit_cents(served: Served) -> None:
    assert isinstance(Contribution.__table__.c.amount_cents.type, BigInteger)  # type: ignore[attr-defined]
    name_admin(served)
    for amount in ("60'000'000", "50'000'000"):  # over CHF 21,474,836.47 each, and in total
        assert (
            "Recorded" in ask(served, f"contribution Norway {amount} CHF 2017", user=ADMIN)["text"]
        )
    with served.deps.db.session() as session:
        cents = [c.amount_cents for c in session.exec(select(Contribution))]
    assert sorted(cents) == [5_000_000_000, 6_000_000_000]
    assert "110,000,000" in ask(served, "contributions 2017", user=ADMIN)["text"].replace("'", ",")


def _world(deps: Deps) -> None:
    with deps.db.session(write=True) as session:
        session.add(Person(slack_user_id="UGONE0001", name="Gone", state_iso3="ITA"))
        session.add(Person(slack_user_id="UNEXT0001", name="Next", state_iso3="ITA"))
        item = ActionItem(
            text="call Albania",
            owner="Gone",
            owner_kind="person",
            owner_ref="UGONE0001",
            due=date(2017, 3, 24),
        )
        create_item(session=session, item=item, states=[], actor="t", now=NOW)


def test_a_permanent_error_is_recorded_once_and_the_reminder_goes_to_the_next_person(
    fake: FakeSlack, deps: Deps
) -> None:
    _world(deps)
    fake.errors[("chat.postMessage", "DGONE0001")] = "account_inactive"
    notifier = SlackNotifier(make_client(settings_for(fake, deps.db)), min_interval_s=0)
    config = ScheduleConfig(quiet_start=None, quiet_end=None, skip_weekends=False)
    for hour in (9, 10, 11):  # three scans: the refused send is never tried again
        run_due(deps, notifier, now=datetime(2017, 3, 24, hour, tzinfo=UTC), config=config)
    tried = [c.body["channel"] for c in fake.of("chat.postMessage")]
    assert tried.count("DGONE0001") == 1
    assert tried.count("DNEXT0001") == 1  # re-routed to Italy's other delegate, at once
    with deps.db.session() as session:
        rows = {r.key: r for r in session.exec(select(SentLog))}
    gone = [r for r in rows.values() if r.recipient == "UGONE0001" and r.job == "reminder"]
    assert (
        len(gone) == 1 and gone[0].error == "permanent: account_inactive" and gone[0].attempts == 1
    )


def test_the_digest_reports_what_was_not_delivered(fake: FakeSlack, deps: Deps) -> None:
    _world(deps)
    fake.errors[("chat.postMessage", "DGONE0001")] = "user_not_found"
    notifier = SlackNotifier(make_client(settings_for(fake, deps.db)), min_interval_s=0)
    config = ScheduleConfig(quiet_start=None, quiet_end=None, skip_weekends=False)
    run_due(deps, notifier, now=datetime(2017, 3, 24, 9, tzinfo=UTC), config=config)
    now = datetime(2017, 3, 27, 8, 30, tzinfo=UTC)
    outbox = Outbox(ledger=DbLedger(deps.db, now=now, max_attempts=8), notifier=notifier)
    weekly_digest(deps.db, outbox, now=now, tz=deps.tz, channel="C1", config=config)
    digest = [c for c in fake.of("chat.postMessage") if c.body["channel"] == "C1"][-1]
    assert "Not delivered (1)" in digest.body["text"]
    assert "reminder to `UGONE0001`: user_not_found" in digest.body["text"]
