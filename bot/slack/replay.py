"""Refuse a signed request seen before: a signature is good for five minutes, not five uses.

Slack's signature covers the timestamp and the body, so an eavesdropper (a log, a proxy) could
resend a signed slash command within the five-minute window and have it stored twice. Each
signature is remembered until its timestamp leaves the window; a second sight is refused.

One process remembers its own requests: behind a load balancer, a replay that reaches the
other replica is caught by the event dedupe (events) but not for commands; see the README.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

WINDOW_S = 5 * 60 + 30  # slack_sdk accepts timestamps up to 5 minutes old; keep a margin
MAX_REMEMBERED = 200_000  # bounded memory whatever the traffic


class ReplayGuard:
    """Thread-safe set of signatures seen within the window."""

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def first_sight(self, signature: str) -> bool:
        """True the first time a signature is seen in the window; False for a replay."""
        now = self._clock()
        with self._lock:
            if len(self._seen) >= MAX_REMEMBERED or len(self._seen) % 1024 == 0:
                self._forget_before(now)
            expires = self._seen.get(signature)
            if expires is not None and expires > now:
                return False
            if len(self._seen) >= MAX_REMEMBERED:
                return False  # flooded with distinct valid signatures: refuse, fail closed
            self._seen[signature] = now + WINDOW_S
            return True

    def _forget_before(self, now: float) -> None:
        for key in [k for k, expires in self._seen.items() if expires <= now]:
            del self._seen[key]
