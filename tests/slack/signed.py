"""Signed requests over real HTTP, as Slack sends them (v0 HMAC-SHA256 of 'v0:ts:body')."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from tests.slack.fake_slack import TEAM

SECRET = "test-signing-secret"
_UNIQUE = itertools.count(1)


def signature(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class Answer:
    status: int
    body: str

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Sender:
    """POSTs to the app's /slack/events; every helper signs unless told otherwise."""

    url: str
    secret: str = SECRET
    counter: int = 0

    def post(
        self,
        body: str,
        *,
        content_type: str,
        secret: str | None = None,
        age_s: int = 0,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        timestamp = str(int(time.time()) - age_s)
        sent = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature(secret or self.secret, timestamp, body),
            **(headers or {}),
        }
        request = urllib.request.Request(self.url, data=body.encode(), headers=sent, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Answer(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode())

    def _next(self) -> int:
        """A fresh number per request, safe across the threads of a load test."""
        return next(_UNIQUE)

    def json_body(self, payload: dict[str, Any], **kwargs: Any) -> Answer:
        return self.post(json.dumps(payload), content_type="application/json", **kwargs)

    def form(self, fields: dict[str, str], **kwargs: Any) -> Answer:
        return self.post(
            urlencode(fields), content_type="application/x-www-form-urlencoded", **kwargs
        )

    def command(
        self,
        text: str,
        *,
        user: str = "U1",
        response_url: str = "",
        channel: str = "C1",
        trigger_id: str | None = None,
        **kwargs: Any,
    ) -> Answer:
        return self.form(
            {
                "token": "legacy",
                "team_id": TEAM,
                "channel_id": channel,
                "user_id": user,
                "user_name": user.lower(),
                "command": "/ccm",
                "text": text,
                "response_url": response_url,
                # Slack gives every invocation its own trigger_id: two commands are two bodies.
                "trigger_id": trigger_id or f"13345224609.{self._next()}.8088930838d88f008e0",
            },
            **kwargs,
        )

    def event(self, event: dict[str, Any], *, event_id: str | None = None, **kwargs: Any) -> Answer:
        self.counter += 1
        return self.json_body(
            {
                "token": "legacy",
                "team_id": TEAM,
                "api_app_id": "A1",
                "type": "event_callback",
                "event_id": event_id or f"Ev{self.counter:04d}",
                "event_time": 1490263200,
                "event": event,
            },
            **kwargs,
        )

    def interactive(self, payload: dict[str, Any], **kwargs: Any) -> Answer:
        """Like Slack, every click carries its own ``action_ts``: two clicks are two bodies
        (an identical signed body is a replay, and the server refuses it)."""
        stamp = f"{time.time():.6f}{self._next():06d}"
        actions = [
            {**action, "action_ts": stamp} if isinstance(action, dict) else action
            for action in payload.get("actions") or []
        ]
        fresh = {**payload, "actions": actions} if "actions" in payload else payload
        return self.form({"payload": json.dumps(fresh)}, **kwargs)
