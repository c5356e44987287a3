"""Signed but mangled Slack payloads over real HTTP: never a 5xx, malformed is 400, nothing stored.

Against the real WSGI app (signature layer, Bolt, listeners) under waitress, with the fake Web
API behind it. Every request is signed correctly, so only the body's shape is on trial.
"""

from __future__ import annotations

import itertools
import json
from typing import Any
from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.slack.modals import LOG_ITEM, REASSIGN, STATE_SEARCH
from handlers.items.render import ACTION_DONE
from tests.fuzz.conftest import Door
from tests.fuzz.invariants import CRASH, check_no_pings
from tests.fuzz.raw import Response, post
from tests.fuzz.strategies import examples, junk, subcommand_lines
from tests.slack.conftest import Served
from tests.slack.fake_slack import TEAM

HTTP = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
# What makes a body something Slack could have sent (see bot/slack/wsgi.py _well_formed).
SHAPE_KEYS = {"type", "command", "payload", "ssl_check"}
_ids = itertools.count(1)


def fuzz(count: int) -> settings:
    return settings(HTTP, max_examples=examples(count))


def stored(served: Served) -> dict[str, int]:
    """What a request must not create: items, their history, dedupe rows."""
    counts = served.counts()
    return {k: v for k, v in counts.items() if k != "Person"}


def send(served: Served, body: bytes, content_type: str, **kwargs: Any) -> Response:
    return post(served.sender.url, body, content_type=content_type, **kwargs)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
field_name = st.text(max_size=12).filter(lambda k: k not in SHAPE_KEYS)


@fuzz(60)
@given(fields=st.dictionaries(field_name, st.text(max_size=40), max_size=6))
def test_random_forms_are_400(door: Door, fields: dict[str, str]) -> None:
    served = door.served
    before = stored(served)
    assert send(served, urlencode(fields).encode(), FORM).status == 400
    assert stored(served) == before


@fuzz(60)
@given(value=json_values)
def test_json_that_is_not_an_event_is_400(door: Door, value: Any) -> None:
    served = door.served
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k not in SHAPE_KEYS}
    before = stored(served)
    assert send(served, json.dumps(value).encode(), JSON).status == 400
    assert stored(served) == before


def _not_a_json_object(text: str) -> bool:
    try:
        return not isinstance(json.loads(text), dict)
    except ValueError:
        return True


@fuzz(60)
@given(payload=st.one_of(st.text(max_size=60), junk()).filter(_not_a_json_object))
def test_payload_that_is_not_a_json_object_is_400(door: Door, payload: str) -> None:
    served = door.served
    before = stored(served)
    assert send(served, urlencode({"payload": payload}).encode(), FORM).status == 400
    assert stored(served) == before


# Shapes one step away from Slack's: an action without its id, a view without a callback...
NEAR_MISSES: list[Any] = [
    [{}],
    [{"block_id": "item_1"}],
    [{"action_id": 1}],
    [{"action_id": "done", "block_id": None}],
    [None],
    [],
    {"callback_id": 7},
    {"id": "V1"},
    {"id": "U1"},
    "",
]
INTERACTIVE = [
    "block_actions",
    "view_submission",
    "view_closed",
    "shortcut",
    "message_action",
    "block_suggestion",
    "interactive_message",
    "dialog_submission",
]


@fuzz(100)
@given(
    kind=st.sampled_from(INTERACTIVE),
    extra=st.dictionaries(
        st.sampled_from(
            [
                "user",
                "team",
                "actions",
                "view",
                "callback_id",
                "trigger_id",
                "message",
                "channel",
                "container",
                "response_url",
                "action_id",
                "value",
                "state",
                "submission",
            ]
        ),
        st.one_of(json_values, st.sampled_from(NEAR_MISSES)),
        max_size=6,
    ),
)
def test_interactive_payloads_of_any_shape_never_5xx(
    door: Door, kind: str, extra: dict[str, Any]
) -> None:
    served = door.served
    before = stored(served)
    body = urlencode({"payload": json.dumps({"type": kind, **extra})}).encode()
    answer = send(served, body, FORM)
    assert answer.status < 500, answer
    assert stored(served) == before


@fuzz(60)
@given(data=st.binary(min_size=1, max_size=200))
def test_bytes_that_are_not_utf8_are_400(door: Door, data: bytes) -> None:
    served = door.served
    body = b"command=%2Fccm&text=" + data + b"\xff\xfe"
    before = stored(served)
    for content_type in (FORM, JSON):
        assert send(served, body, content_type).status == 400
    assert stored(served) == before


@fuzz(40)
@given(stamp=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=20))
def test_junk_timestamps_are_401_not_500(door: Door, stamp: str) -> None:
    served = door.served
    stamp = stamp.strip() or "x"
    answer = send(
        served,
        b'{"type":"url_verification","challenge":"c"}',
        JSON,
        headers={"X-Slack-Request-Timestamp": stamp},
    )
    assert answer.status in (400, 401), answer


def test_oversized_and_lying_lengths_are_4xx(door: Door) -> None:
    served = door.served
    before = stored(served)
    big = b"command=%2Fccm&text=" + b"x" * 1_000_001
    assert send(served, big, FORM).status == 413
    assert send(served, b"", FORM, content_length="abc").status == 400
    assert 400 <= send(served, b"", FORM, content_length="-5").status < 500
    assert stored(served) == before


COMMAND = {
    "token": "legacy",
    "team_id": TEAM,
    "channel_id": "C1",
    "user_id": "U1",
    "user_name": "u1",
    "command": "/ccm",
    "text": "action Italy to follow up with Albania by 15 April",
    "response_url": "",
    "trigger_id": "13345224609.738474920.8088930838d88f008e0",
}
# Without these a slash command is malformed (400): no command, nobody to act for.
COMMAND_REQUIRED = {"command", "user_id"}


@fuzz(60)
@given(
    dropped=st.sets(st.sampled_from(sorted(COMMAND)), min_size=1),
    junk_value=st.sampled_from(["", " ", "\x00", "<!channel>", "/other"]),
)
def test_slash_commands_with_missing_fields(door: Door, dropped: set[str], junk_value: str) -> None:
    served = door.served
    fields = {k: v for k, v in COMMAND.items() if k not in dropped}
    fields["response_url"] = served.fake.response_url("r")
    if "channel_id" in dropped:
        fields["channel_id"] = junk_value
    before = stored(served)
    answer = send(served, urlencode(fields).encode(), FORM)
    assert answer.status < 500, answer
    if dropped & COMMAND_REQUIRED:
        assert answer.status == 400
    if dropped & (COMMAND_REQUIRED | {"text"}):
        assert stored(served)["ActionItem"] == before["ActionItem"]


@fuzz(80)
@given(text=st.one_of(subcommand_lines(), junk()))
def test_slash_command_with_junk_text_gets_a_polite_answer(door: Door, text: str) -> None:
    served = door.served
    answer = served.sender.command(text, response_url=served.fake.response_url("j"))
    assert answer.status == 200, answer
    body = answer.json()
    if body is None:  # a long answer goes out through response_url, in several messages
        body = served.fake.wait_for("response/j")[-1].body
    assert str(body.get("text", "")).strip()
    assert CRASH not in str(body)
    check_no_pings(str(body.get("text")), body.get("blocks", []))


EVENT_FIELDS = ["type", "channel", "channel_type", "user", "text", "ts"]
OUTER_FIELDS = ["type", "event_id", "team_id", "api_app_id", "event"]
WRONG = st.sampled_from([None, 0, 1.5, [], {}, "", "x", ["C1"], {"id": "C1"}, True])


@fuzz(100)
@given(
    dropped=st.sets(st.sampled_from(EVENT_FIELDS)),
    dropped_outer=st.sets(st.sampled_from(OUTER_FIELDS), max_size=2),
    wrong=st.dictionaries(st.sampled_from(EVENT_FIELDS), WRONG, max_size=3),
    event_as=st.sampled_from(["dict", "dict", "dict", "list", "string", "null"]),
)
def test_events_with_missing_or_mistyped_fields_never_5xx(
    door: Door,
    dropped: set[str],
    dropped_outer: set[str],
    wrong: dict[str, Any],
    event_as: str,
) -> None:
    served = door.served
    n = next(_ids)
    event: dict[str, Any] = {
        "type": "message",
        "channel": "C1",
        "channel_type": "channel",
        "user": "U1",
        "text": f"ACTION: Italy to follow up with Albania on point {n} by 15 April",
        "ts": f"1490259600.{n:06d}",
    }
    event = {k: v for k, v in event.items() if k not in dropped} | wrong
    shaped: Any = {"dict": event, "list": [event], "string": json.dumps(event), "null": None}
    outer = {
        "type": "event_callback",
        "event_id": f"EvFuzz{n}",
        "team_id": TEAM,
        "api_app_id": "A1",
        "event": shaped[event_as],
    }
    outer = {k: v for k, v in outer.items() if k not in dropped_outer}
    # Still an ACTION line from a person in a channel? Then it is logged once; else nothing.
    still_valid = (
        not dropped
        and event_as == "dict"
        and not dropped_outer & {"type", "event"}
        and all(k in ("channel", "user") and v and isinstance(v, str) for k, v in wrong.items())
    )
    before = stored(served)
    answer = send(served, json.dumps(outer).encode(), JSON)
    assert answer.status < 500, answer
    if not still_valid and (event_as != "dict" or dropped_outer & {"type", "event"}):
        assert answer.status == 400
    served.settle()
    assert stored(served)["ActionItem"] == before["ActionItem"] + still_valid


def _real_payloads(served: Served) -> list[dict[str, Any]]:
    """A button press, a modal submission, a message shortcut and a type-ahead, as Slack sends."""
    user, team = {"id": "U1", "name": "u1"}, {"id": TEAM, "domain": "ccm"}
    common = {"user": user, "team": team, "api_app_id": "A1", "token": "legacy"}
    return [
        {
            **common,
            "type": "block_actions",
            "trigger_id": "T-1",
            "container": {"type": "message", "message_ts": "1490263200.000009", "channel_id": "C1"},
            "channel": {"id": "C1"},
            "message": {"ts": "1490263200.000009", "text": "x", "blocks": []},
            "response_url": served.fake.response_url("near"),
            "actions": [{"action_id": ACTION_DONE, "block_id": "item_424242", "value": "424242"}],
        },
        {
            **common,
            "type": "view_submission",
            "view": {
                "id": "V1",
                "type": "modal",
                "callback_id": REASSIGN,
                "private_metadata": "{}",
                "state": {"values": {}},
            },
        },
        {
            **common,
            "type": "message_action",
            "callback_id": LOG_ITEM,
            "trigger_id": "T-2",
            "channel": {"id": "C1"},
            "message": {"ts": "1490263200.000010", "text": "ACTION: Italy to x", "user": "U1"},
            "response_url": served.fake.response_url("near"),
        },
        {**common, "type": "block_suggestion", "action_id": STATE_SEARCH, "value": "Ita"},
    ]


DROP = object()


def test_real_payloads_one_step_off_never_5xx(door: Door) -> None:
    """Every field of four real payloads dropped or swapped for a near miss: 4xx or 2xx, never 5xx."""
    served = door.served
    before = stored(served)
    for payload in _real_payloads(served):
        for key in payload:
            for value in [DROP, *NEAR_MISSES]:
                if key == "type" and value is not DROP:
                    continue
                mangled = {k: v for k, v in payload.items() if k != key}
                if value is not DROP:
                    mangled[key] = value
                body = urlencode({"payload": json.dumps(mangled)}).encode()
                answer = send(served, body, FORM)
                assert answer.status < 500, (payload["type"], key, value, answer)
    served.settle()
    assert stored(served)["ActionItem"] == before["ActionItem"]
