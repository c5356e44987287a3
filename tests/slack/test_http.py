"""The HTTP door: url_verification, /healthz, signatures (401, no side effect), malformed (400)."""

from __future__ import annotations

import json
import urllib.request

from tests.slack.conftest import Served
from tests.slack.signed import Sender

ACTION_EVENT = {
    "type": "message",
    "channel": "C1",
    "channel_type": "channel",
    "user": "U1",
    "text": "ACTION: Italy to follow up with Albania by 15 April",
    "ts": "1490259600.000100",
}


def test_url_verification_echoes_the_challenge(served: Served) -> None:
    answer = served.sender.json_body(
        {"type": "url_verification", "challenge": "c-123", "token": "t"}
    )
    assert answer.status == 200
    assert "c-123" in answer.body
    assert served.fake.calls == []


def test_healthz_answers_without_a_signature(served: Served) -> None:
    url = served.sender.url.replace("/slack/events", "/healthz")
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.status == 200
        assert response.read() == b"ok\n"


def _forged_variants(sender: Sender) -> list[int]:
    body = json.dumps({"type": "event_callback", "event_id": "EvX", "event": ACTION_EVENT})
    statuses = [
        sender.post(body, content_type="application/json", secret="not-the-secret").status,
        sender.post(body, content_type="application/json", age_s=6 * 60).status,
        sender.form(
            {"command": "/ccm", "text": "action Italy to x by May", "user_id": "U1"}, secret="nope"
        ).status,
    ]
    return statuses


def test_forged_or_stale_requests_get_401_and_change_nothing(served: Served) -> None:
    before = served.counts()
    assert _forged_variants(served.sender) == [401, 401, 401]
    served.settle()
    assert served.fake.calls == []
    assert served.counts() == before


def test_unsigned_request_gets_401(served: Served) -> None:
    request = urllib.request.Request(
        served.sender.url,
        data=b'{"type":"url_verification","challenge":"x"}',
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    try:
        urllib.request.urlopen(request, timeout=5)
        raise AssertionError("expected 401")
    except urllib.error.HTTPError as error:
        assert error.code == 401
    assert served.fake.calls == []


def test_malformed_signed_bodies_get_400_not_500(served: Served) -> None:
    before = served.counts()
    assert served.sender.post("{not json", content_type="application/json").status == 400
    assert served.sender.form({"payload": "not json"}).status == 400
    assert served.sender.post("[1, 2]", content_type="application/json").status == 400
    assert served.sender.post("\xff", content_type="application/json").status == 400
    assert served.counts() == before
    assert served.fake.calls == []


def test_other_paths_are_404(served: Served) -> None:
    url = served.sender.url.replace("/slack/events", "/nope")
    try:
        urllib.request.urlopen(url, timeout=5)
        raise AssertionError("expected 404")
    except urllib.error.HTTPError as error:
        assert error.code == 404
