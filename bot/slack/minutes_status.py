"""The "reading…" message of a minutes import: posted in the thread when a PDF turns out long
enough to take a while (MIN_PAGES), updated (chat.update) as its pages are read, and finally
replaced by the summary. A short file gets its summary straight away, without the noise."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import Block
from handlers.i18n import _
from handlers.reply.text import escape

log = logging.getLogger(__name__)
MIN_PAGES = 10
EVERY_S = 1.0  # at most one progress update a second (Slack's chat.update rate limit is ~1/s)


@dataclass
class StatusLine:
    client: WebClient
    channel: str
    thread_ts: str
    ts: str | None = None
    name: str = ""
    _last: float = field(default=0.0)

    def start(self, name: str) -> None:
        """The file being read (the message itself waits until it is known to be long)."""
        self.name = name

    def _post(self, text: str) -> None:
        try:
            answer = self.client.chat_postMessage(
                channel=self.channel,
                thread_ts=self.thread_ts,
                text=text,
                unfurl_links=False,
            )
            self.ts = str(answer.get("ts") or "") or None
        except SlackApiError as problem:
            log.warning("could not post the reading message: %s", problem)
        self._last = time.monotonic()

    def progress(self, done: int, total: int) -> None:
        """ "Reading minutes.pdf… page 20 of 60", throttled; the last page always shows."""
        now = time.monotonic()
        line = "📄 " + _("Reading {name}… page {done} of {total}").format(
            name=escape(self.name or _("the minutes")), done=done, total=total
        )
        if self.ts is None:
            if total >= MIN_PAGES and done < total:
                self._post(line)
            return
        if now - self._last < EVERY_S and done != total:
            return
        self._last = now
        self.update(line, None)

    def update(self, text: str, blocks: list[Block] | None) -> bool:
        """Replace the reading message; False when there is none or Slack refused."""
        if self.ts is None:
            return False
        try:
            if blocks is None:
                self.client.chat_update(channel=self.channel, ts=self.ts, text=text)
            else:
                self.client.chat_update(channel=self.channel, ts=self.ts, text=text, blocks=blocks)
            return True
        except SlackApiError as problem:
            log.warning("could not update the reading message: %s", problem)
            return False

    def drop(self) -> None:
        """A duplicate delivery answers nothing: take the reading message away."""
        if self.ts is None:
            return
        try:
            self.client.chat_delete(channel=self.channel, ts=self.ts)
        except SlackApiError as problem:
            log.warning("could not delete the reading message: %s", problem)
        self.ts = None
