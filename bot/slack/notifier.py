"""SlackNotifier: the scheduler's way out to Slack (handlers.ports.Notifier), paced per channel."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.slack.blocks import split_reply
from bot.slack.channels import Channels
from handlers.ports import Undeliverable
from handlers.reply.reply import Reply

# Slack allows about one message per second per channel; bursts beyond that get 429s.
MIN_INTERVAL_S = 1.0
# Web API errors that no retry fixes. The first group means the destination is gone (the
# scheduler sends to the next person in line); the second, that this message never will go.
GONE = frozenset(
    {
        "user_not_found",
        "users_not_found",
        "account_inactive",
        "user_disabled",
        "channel_not_found",
        "is_archived",
        "not_in_channel",
        "cannot_dm_bot",
        "user_is_bot",
        "restricted_action",
        "ekm_access_denied",
        "team_access_not_granted",
    }
)
REFUSED = frozenset({"invalid_blocks", "msg_too_long", "no_text", "too_many_attachments"})


class SlackNotifier:
    """Posts to a channel id, or to a user id ("U…"/"W…") through the DM conversations.open gives.

    ``send`` returns the ts of the (first) message; Web API errors other than rate limits are
    raised (slack_sdk.errors.SlackApiError), so the scheduler's sent-log can record a failure.
    """

    def __init__(
        self,
        client: WebClient,
        *,
        min_interval_s: float = MIN_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not any(isinstance(h, RateLimitErrorRetryHandler) for h in client.retry_handlers):
            client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
        self._client = client
        self._interval = min_interval_s
        self._clock = clock
        self._sleep = sleep
        self._dms: dict[str, str] = {}
        self._last: dict[str, float] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._channels = Channels(client)

    def shares_outside(self, channel: str) -> bool:
        """handlers.ports.ChannelFacts: digests leave the money out of a Slack Connect channel."""
        return self._channels.shares_outside(channel)

    def send(self, *, to: str, text: str, blocks: list[dict[str, Any]]) -> str | None:
        try:
            return self._send(to=to, text=text, blocks=blocks)
        except SlackApiError as problem:
            code = str(problem.response.get("error") or "")
            if code in GONE or code in REFUSED:
                raise Undeliverable(code, recipient_gone=code in GONE) from problem
            raise

    def _send(self, *, to: str, text: str, blocks: list[dict[str, Any]]) -> str | None:
        channel = self._channel(to)
        first: str | None = None
        for message in split_reply(Reply(text=text, blocks=blocks)):
            with self._lock(channel):
                self._pace(channel)
                answer = self._client.chat_postMessage(
                    channel=channel, text=message.text, blocks=message.blocks, unfurl_links=False
                )
                self._last[channel] = self._clock()
            first = first or answer.get("ts")
        return first

    def _channel(self, to: str) -> str:
        if to[:1] not in ("U", "W"):
            return to
        if to not in self._dms:
            answer = self._client.conversations_open(users=to)
            self._dms[to] = str(answer["channel"]["id"])
        return self._dms[to]

    def _lock(self, channel: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(channel, threading.Lock())

    def _pace(self, channel: str) -> None:
        last = self._last.get(channel)
        if last is not None:
            wait = self._interval - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
