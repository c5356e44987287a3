"""HTTP in front of Bolt: /healthz, and /slack/events with the signature checked before anything."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest
from slack_sdk.signature import SignatureVerifier

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


def _well_formed(request: BoltRequest) -> bool:
    """Something Slack could have sent: a JSON object with a type, or a form with a command/payload."""
    body = request.body
    return isinstance(body, dict) and bool(
        body.get("type") or body.get("command") or body.get("ssl_check")
    )


class SlackWsgi:
    """A WSGI app: a forged or stale request gets 401 before a byte of it is parsed."""

    def __init__(self, app: App, *, signing_secret: str, healthy: Callable[[], bool]) -> None:
        self._app = app
        self._verifier = SignatureVerifier(signing_secret)
        self._healthy = healthy

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
        if not self._verifier.is_valid_request(raw, headers):
            return 401, text, b"invalid signature\n"
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
        response = self._app.dispatch(request)
        out = [
            (k, v)
            for k, values in response.headers.items()
            for v in values
            if k.lower() != "content-length"
        ]
        return response.status, out, _bytes(response.body)


def _bytes(body: Any) -> bytes:
    if isinstance(body, bytes):
        return body
    return (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
