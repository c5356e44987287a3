"""Raw HTTP to the app: any bytes, any headers, signed over the exact bytes as Slack does."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import http.client
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.slack.signed import SECRET


def sign(body: bytes, timestamp: str, secret: str = SECRET) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class Response:
    status: int
    body: bytes


def post(
    url: str,
    body: bytes,
    *,
    content_type: str = "application/x-www-form-urlencoded",
    headers: dict[str, str] | None = None,
    signed: bool = True,
    content_length: str | None = None,
) -> Response:
    """POST ``body`` as is; ``content_length`` overrides the header (to lie about it)."""
    parts = urlsplit(url)
    timestamp = str(int(time.time()))
    sent = {"Content-Type": content_type, "Content-Length": content_length or str(len(body))}
    if signed:
        sent |= {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": sign(body, timestamp)}
    sent |= headers or {}
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.putrequest("POST", parts.path, skip_accept_encoding=True)
        for key, value in sent.items():
            connection.putheader(key, value)
        connection.endheaders()
        # The server may answer (413) and close before it has read a huge body.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.send(body)
        answer = connection.getresponse()
        return Response(answer.status, answer.read())
    finally:
        connection.close()
