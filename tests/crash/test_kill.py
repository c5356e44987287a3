"""Crashes lose nothing: SIGKILL `ccm-bot serve` mid-burst, restart, replay as Slack would.

What an acknowledged event promised (its item is committed) holds at the moment of the kill;
after Slack's retries every item exists exactly once. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlmodel import select

from storage.db import Database
from storage.models import ActionItem
from tests.backends import Backend
from tests.crash.server import ServerProcess
from tests.slack.fake_slack import FakeSlack
from tests.slack.signed import Sender

EVENTS = 200
KILL_AFTER = 80
SENDERS = 8
STATES = ["Italy", "Albania", "Chile", "Norway", "Switzerland", "Croatia", "Ghana", "Peru"]
MARK = re.compile(r"letter number (\d{3})\b")
RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}


def event(n: int) -> dict[str, str]:
    return {
        "type": "message",
        "channel": "C1",
        "channel_type": "channel",
        "user": "U1",
        "text": f"ACTION: {STATES[n % len(STATES)]} to send letter number {n:03d} by 15 April",
        "ts": f"1490259600.{n:06d}",
    }


def deliver(sender: Sender, n: int, *, retry: bool = False) -> int | None:
    """One delivery; the HTTP status, or None when the connection died (the kill)."""
    try:
        answer = sender.event(
            event(n), event_id=f"EvCrash{n:03d}", headers=RETRY if retry else None
        )
    except (OSError, http.client.HTTPException):
        return None
    return answer.status


def marks(database_url: str) -> list[int]:
    """The N of every stored `letter number N` item, duplicates included."""
    database = Database(database_url)
    try:
        with database.session() as session:
            texts = session.exec(select(ActionItem.text)).all()
    finally:
        database.dispose()
    return [int(m[1]) for text in texts if (m := MARK.search(text))]


@pytest.fixture
def crash_db(backend: Backend, template_url: str) -> Iterator[str]:
    url = backend.clone(template_url)
    yield url
    backend.drop(url)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack()
    yield server
    server.stop()


def burst_then_kill(server: ServerProcess) -> set[int]:
    """Send every event from several threads; SIGKILL after KILL_AFTER answers. Returns acked N."""
    sender = Sender(server.url)
    acked: set[int] = set()
    answered = 0
    lock = threading.Lock()
    enough = threading.Event()

    def one(n: int) -> None:
        nonlocal answered
        status = deliver(sender, n)
        with lock:
            if status is not None:
                answered += 1
                if 200 <= status < 300:
                    acked.add(n)
            if answered >= KILL_AFTER:
                enough.set()

    with ThreadPoolExecutor(max_workers=SENDERS) as pool:
        futures = [pool.submit(one, n) for n in range(EVENTS)]
        enough.wait(timeout=30)
        server.kill()
        for future in futures:
            future.result()
        with lock:
            return set(acked)


def replay_until_acked(server: ServerProcess, *, deadline_s: float = 30.0) -> None:
    """Slack's retries: the same event_id, a retry header, again until every one gets a 2xx."""
    sender = Sender(server.url)
    pending = set(range(EVENTS))
    deadline = time.monotonic() + deadline_s
    while pending and time.monotonic() < deadline:
        with ThreadPoolExecutor(max_workers=SENDERS) as pool:
            statuses = dict(
                zip(
                    pending,
                    pool.map(lambda n: deliver(sender, n, retry=True), pending),
                    strict=True,
                )
            )
        pending = {n for n, status in statuses.items() if status is None or not 200 <= status < 300}
        if pending:
            time.sleep(0.2)
    assert not pending, f"never acknowledged: {sorted(pending)[:20]}"


def test_sigkill_mid_burst_loses_and_doubles_nothing(
    crash_db: str, fake: FakeSlack, tmp_path: Path
) -> None:
    log = tmp_path / "serve.log"
    first = ServerProcess(crash_db, fake.url, log).start()
    try:
        acked = burst_then_kill(first)
    finally:
        first.kill()
    committed = marks(crash_db)
    assert KILL_AFTER <= len(acked) < EVENTS, "the kill should land part-way through the burst"
    assert acked <= set(committed), f"acknowledged but lost: {sorted(acked - set(committed))}"

    second = ServerProcess(crash_db, fake.url, log).start()
    try:
        replay_until_acked(second)
    finally:
        second.stop()
    stored = marks(crash_db)
    duplicates = sorted({n for n in stored if stored.count(n) > 1})
    assert not duplicates, f"stored twice: {duplicates}"
    assert sorted(stored) == list(range(EVENTS)), (
        f"missing: {sorted(set(range(EVENTS)) - set(stored))}"
    )
