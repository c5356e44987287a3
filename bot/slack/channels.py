"""Which channels another organisation reads (Slack Connect): money is never posted there.

conversations.info says ``is_ext_shared`` (and ``is_shared``, ``is_pending_ext_shared``); the
answer is cached briefly. When Slack cannot say, the channel counts as shared: fail closed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)
TTL_S = 300.0
_SHARED_FLAGS = ("is_ext_shared", "is_shared", "is_pending_ext_shared", "is_org_shared")


class Channels:
    def __init__(self, client: WebClient, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._client = client
        self._clock = clock
        self._cache: dict[str, tuple[float, bool]] = {}
        self._lock = threading.Lock()

    def shares_outside(self, channel: str) -> bool:
        """True when people of another workspace may read ``channel`` (or Slack cannot say)."""
        if not channel or channel[:1] in ("D", "U", "W"):
            return False  # a direct message: only its two ends read it
        with self._lock:
            found = self._cache.get(channel)
        if found is not None and found[0] > self._clock():
            return found[1]
        try:
            info = self._client.conversations_info(channel=channel)["channel"]
            shared = any(bool(info.get(flag)) for flag in _SHARED_FLAGS)
        except (SlackApiError, OSError, KeyError, TypeError) as problem:
            log.warning(
                "conversations.info failed for %s (%s): treated as shared", channel, problem
            )
            shared = True
        with self._lock:
            self._cache[channel] = (self._clock() + TTL_S, shared)
        return shared
