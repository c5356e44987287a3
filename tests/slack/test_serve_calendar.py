"""`ccm-bot serve` as an operator runs it: the calendar feed fetched over HTTP from the process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from icalendar import Calendar

from storage.db import Database
from tests.slack.fake_slack import FakeSlack
from tests.slack.signed import SECRET

CCM = [sys.executable, "-m", "bot"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def running(demo_db: Database, fake: FakeSlack) -> Iterator[tuple[str, dict[str, str]]]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CCM_"))}
    env.update(
        CCM_DATABASE_URL=demo_db.url,
        CCM_PUBLIC_URL=base,
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.url,
    )
    demo_db.dispose()
    process = subprocess.Popen(
        [*CCM, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(
                    f"serve did not start: {process.stderr.read() if process.stderr else ''}"
                )
            time.sleep(0.2)
        yield base, env
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_feed_from_the_running_server(running: tuple[str, dict[str, str]]) -> None:
    base, env = running
    printed = subprocess.run(
        [*CCM, "calendar-url", "--user", "U024BE7LH"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()
    assert printed.startswith(f"{base}/calendar/")
    with urllib.request.urlopen(printed, timeout=10) as answer:
        assert answer.headers["Content-Type"].startswith("text/calendar")
        feed = Calendar.from_ical(answer.read())
    events = feed.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    places = {str(e.get("LOCATION")) for e in events if str(e["UID"]).startswith("meeting-")}
    assert "Geneva" in places
    assert any(str(e["SUMMARY"]).startswith("Iraq: Article 4") for e in events)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(printed.replace("/calendar/", "/calendar/x"), timeout=10)
    assert refused.value.code == 404
