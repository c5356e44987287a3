"""Part 5: the HTTP server holds: body cap before reading, idle sockets, loopback, 400s, replays."""

from __future__ import annotations

import inspect
import json
import socket
import time
from urllib.parse import urlencode, urlparse

from bot.cli import build_parser
from bot.serve import serve, waitress_options
from bot.slack.replay import ReplayGuard
from bot.slack.wsgi import MAX_BODY
from storage.models import ActionItem
from tests.security.conftest import ADMIN, Served, changed, name_admin, snapshot
from tests.slack.signed import signature


def _address(served: Served) -> tuple[str, int]:
    url = urlparse(served.sender.url)
    return url.hostname or "127.0.0.1", url.port or 80


def test_a_huge_body_is_refused_before_it_is_read(served: Served) -> None:
    with socket.create_connection(_address(served), timeout=5) as sock:
        sock.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 200000000\r\n\r\n" + b"{" * 1000
        )
        started = time.monotonic()
        answer = sock.recv(200)
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert time.monotonic() - started < 2


def test_idle_connections_do_not_block_the_server(served: Served) -> None:
    """101 silent sockets used to fill waitress' default connection limit (100)."""
    idle = [socket.create_connection(_address(served), timeout=5) for _ in range(150)]
    try:
        started = time.monotonic()
        answer = served.sender.command("status Italy", user=ADMIN)
        assert answer.status == 200 and time.monotonic() - started < 5
    finally:
        for sock in idle:
            sock.close()


def test_server_limits_are_set() -> None:
    options = waitress_options()
    assert options["channel_timeout"] <= 15  # an idle or half-open socket is dropped soon
    assert options["connection_limit"] >= 500
    assert options["max_request_body_size"] == MAX_BODY


def test_serve_binds_loopback_unless_told() -> None:
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert build_parser().parse_args(["serve", "--host", "0.0.0.0"]).host == "0.0.0.0"


def test_an_event_that_is_not_an_object_is_a_400(served: Served) -> None:
    before = snapshot(served.deps.db)
    for event in ([], "message", 7, None):
        answer = served.sender.json_body(
            {"type": "event_callback", "team_id": "T0CCM", "event_id": "Ev9", "event": event}
        )
        assert answer.status == 400, event
    assert not changed(before, snapshot(served.deps.db))


def _replay(served: Served, body: str, content_type: str) -> tuple[int, int]:
    timestamp = str(int(time.time()))
    headers = {
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(served.sender.secret, timestamp, body),
    }
    first = served.sender.post(body, content_type=content_type, headers=headers)
    second = served.sender.post(body, content_type=content_type, headers=headers)
    return first.status, second.status


def test_a_replayed_signed_command_is_refused_and_stored_once(served: Served) -> None:
    name_admin(served)
    before = served.count(ActionItem)
    body = urlencode(
        {
            "team_id": "T0CCM",
            "channel_id": "C1",
            "user_id": ADMIN,
            "command": "/ccm",
            "text": "action Italy to follow up with Albania by 15 April",
            "response_url": "",
            "trigger_id": "13345224609.1.replay",
        }
    )
    first, second = _replay(served, body, "application/x-www-form-urlencoded")
    assert (first, second) == (200, 401)
    assert served.count(ActionItem) == before + 1


def test_a_replayed_button_press_is_refused(served: Served) -> None:
    payload = {
        "type": "block_actions",
        "team": {"id": "T0CCM"},
        "user": {"id": ADMIN},
        "trigger_id": "T-9",
        "actions": [{"action_id": "home_refresh", "block_id": "b", "action_ts": "1"}],
    }
    first, second = _replay(
        served, urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
    )
    assert (first, second) == (200, 401)


def test_an_event_retried_with_its_signature_is_deduped_not_refused(served: Served) -> None:
    """Slack may retry an event; its event_id (not a 401) keeps it from acting twice."""
    event = {
        "token": "legacy",
        "team_id": "T0CCM",
        "type": "event_callback",
        "event_id": "EvReplay",
        "event": {"type": "app_home_opened", "user": ADMIN, "tab": "home"},
    }
    first, second = _replay(served, json.dumps(event), "application/json")
    assert (first, second) == (200, 200)


def test_the_replay_guard_forgets_after_the_window() -> None:
    now = [1000.0]
    guard = ReplayGuard(clock=lambda: now[0])
    assert guard.first_sight("v0=a") and not guard.first_sight("v0=a")
    now[0] += 400
    assert guard.first_sight("v0=a")
