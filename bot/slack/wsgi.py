"""HTTP in front of Bolt: /healthz, and /slack/events with the signature checked before anything."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.slack.replay import ReplayGuard

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000  # Slack's payloads are a few kB; a megabyte is already suspicious


def _headers(environ: WSGIEnvironment) -> dict[str, str]:
    headers = {
        k[5:].replace("_", "-").lower(): str(v) for k, v in environ.items() if k.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = str(environ["CONTENT_TYPE"])
    return headers


Kinds = tuple[type, ...]
_STR: Kinds = (str,)
_DICT: Kinds = (dict,)
# The fields Bolt's matchers and loggers index into without checking, typed as Slack sends
# them: a JSON array where Slack sends an object would be a 500 inside Bolt, not a 400 here.
_PAYLOAD_FIELDS: dict[str, Kinds] = {
    "type": _STR,
    "user": _DICT,
    "team": (dict, type(None)),
    "enterprise": (dict, type(None)),
    "channel": (dict, type(None)),
    "container": _DICT,
    "view": _DICT,
    "message": _DICT,
    "state": _DICT,
    "submission": _DICT,
    "actions": (list,),
    **dict.fromkeys(("callback_id", "trigger_id", "response_url", "action_id", "block_id"), _STR),
    **dict.fromkeys(("value", "token", "api_app_id", "action_ts", "message_ts"), _STR),
}
_ACTION_FIELDS = dict.fromkeys(("action_id", "block_id", "type", "name", "value"), _STR)
# What Slack always sends with each payload type, and Bolt's matchers or our listeners read
# with [] (a KeyError, so a 500, when it is missing).
_REQUIRED: dict[str, tuple[str, ...]] = {
    "block_actions": ("trigger_id", "actions"),
    "block_suggestion": ("action_id", "value"),
    "shortcut": ("callback_id", "trigger_id"),
    "message_action": ("callback_id", "trigger_id", "message", "channel"),
    "view_submission": ("view",),
    "view_closed": ("view",),
    "interactive_message": ("callback_id", "actions"),
    **dict.fromkeys(
        ("dialog_submission", "dialog_cancellation", "dialog_suggestion"), ("callback_id",)
    ),
}
_OUTER_FIELDS = dict.fromkeys(("type", "event_id", "team_id", "api_app_id", "token"), _STR)
_CHAT_FIELDS = dict.fromkeys(("user", "text", "channel_type", "subtype", "thread_ts", "tab"), _STR)
_CHAT_EVENTS = {"message", "app_mention", "app_home_opened"}
_TS = re.compile(r"\d{1,12}\.\d{1,9}")  # Slack's message timestamps: "1490259600.000100"


def _typed(data: dict[str, Any], fields: Mapping[str, Kinds]) -> bool:
    return all(isinstance(data[key], kinds) for key, kinds in fields.items() if key in data)


def _has_id(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("id"), str) and bool(value["id"])


def _well_formed_event(body: dict[str, Any]) -> bool:
    event = body.get("event")
    if not _typed(body, _OUTER_FIELDS) or not isinstance(event, dict):
        return False
    if not isinstance(event.get("type"), str):
        return False
    if event["type"] not in _CHAT_EVENTS:
        return True
    if event["type"] == "app_home_opened":
        return _typed(event, _CHAT_FIELDS)
    channel, ts = event.get("channel"), event.get("ts")
    placed = (
        isinstance(channel, str) and bool(channel) and isinstance(ts, str) and _TS.fullmatch(ts)
    )
    return _typed(event, _CHAT_FIELDS) and bool(placed)


def _well_formed_payload(body: dict[str, Any]) -> bool:
    kind = body.get("type")
    if not kind or not _typed(body, _PAYLOAD_FIELDS):
        return False
    if not _has_id(body.get("user")) or any(key not in body for key in _REQUIRED.get(kind, ())):
        return False  # every interactive payload comes from someone: Slack always sends user
    if body.get("channel") is not None and not _has_id(body["channel"]):
        return False
    if not isinstance(body.get("view", {}).get("callback_id", ""), str):
        return False
    actions: list[Any] = body.get("actions") or []
    if kind in ("block_actions", "interactive_message") and not actions:
        return False
    ids = kind != "block_actions" or all(isinstance(a, dict) and "action_id" in a for a in actions)
    return ids and all(isinstance(a, dict) and _typed(a, _ACTION_FIELDS) for a in actions)


def _well_formed(request: BoltRequest) -> bool:
    """Something Slack could have sent: an event, a slash command or a payload, correctly typed."""
    body = request.body
    if not isinstance(body, dict):
        return False
    if body.get("ssl_check"):
        return True
    if body.get("command"):
        return bool(body.get("user_id"))  # a command nobody typed has nobody to act for
    if body.get("type") == "event_callback":
        return _well_formed_event(body)
    if (request.content_type or "").startswith("application/x-www-form-urlencoded"):
        return _well_formed_payload(body)  # buttons, modals, shortcuts: form-encoded JSON
    return bool(body.get("type")) and _typed(body, _OUTER_FIELDS)  # url_verification and co.


class SlackWsgi:
    """A WSGI app: a forged or stale request gets 401 before a byte of it is parsed."""

    def __init__(self, app: App, *, signing_secret: str, healthy: Callable[[], bool]) -> None:
        self._app = app
        self._verifier = SignatureVerifier(signing_secret)
        self._healthy = healthy
        self._replays = ReplayGuard()

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        status, headers, body = self._respond(environ)
        phrase = HTTPStatus(status).phrase
        start_response(f"{status} {phrase}", [*headers, ("Content-Length", str(len(body)))])
        return [body]

    def _respond(self, environ: WSGIEnvironment) -> tuple[int, list[tuple[str, str]], bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        text = [("Content-Type", "text/plain; charset=utf-8")]
        if path == "/healthz":
            ok = self._healthy()
            return (200 if ok else 503), text, b"ok\n" if ok else b"database unavailable\n"
        if path != EVENTS_PATH:
            return 404, text, b"not found\n"
        if method != "POST":
            return 405, [*text, ("Allow", "POST")], b"POST only\n"
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return 400, text, b"bad content length\n"
        if length > MAX_BODY:
            return 413, text, b"too large\n"
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        headers = _headers(environ)
        try:
            signed = self._verifier.is_valid_request(raw, headers)
        except ValueError:
            # slack_sdk decodes the body as UTF-8 and int()s the timestamp while checking:
            # bytes Slack never sends, or a junk timestamp, are refused here, not a 500.
            return 400, text, b"malformed request\n"
        if not signed:
            return 401, text, b"invalid signature\n"
        fresh = self._replays.first_sight(headers.get("x-slack-signature", ""))
        try:
            request = BoltRequest(
                body=raw.decode("utf-8"),
                query=environ.get("QUERY_STRING", ""),
                headers={k: [v] for k, v in headers.items()},
            )
        except (ValueError, AttributeError, TypeError, KeyError):
            # Bolt parses while building the request: bad JSON is a ValueError, a JSON array
            # an AttributeError. Either way the sender's fault, so 400, never 500.
            return 400, text, b"malformed body\n"
        if not _well_formed(request):
            return 400, text, b"malformed body\n"
        if not fresh and not _is_event(request):
            # A command, button or modal seen before: someone is replaying it. (An event may
            # come again as Slack's retry of a failed delivery; its event_id dedupes it.)
            log.warning("replayed signed request refused")
            return 401, text, b"replayed request\n"
        response = self._app.dispatch(request)
        out = [
            (k, v)
            for k, values in response.headers.items()
            for v in values
            if k.lower() != "content-length"
        ]
        return response.status, out, _bytes(response.body)


def _is_event(request: BoltRequest) -> bool:
    return isinstance(request.body, dict) and request.body.get("type") == "event_callback"


def _bytes(body: Any) -> bytes:
    if isinstance(body, bytes):
        return body
    return (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
