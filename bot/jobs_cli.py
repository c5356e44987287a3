"""`ccm-bot jobs run`: every scheduled job due as of one moment, once, then exit (cron, tests).

Delivery: with SLACK_BOT_TOKEN the messages go to Slack; without it they are only printed.
Either way they are claimed and marked in the sent-log, so running the same command twice
(cron, a retry, a second replica) prints or sends each message once. ``dry_run`` (proposed
flag: `--dry-run`) prints what is due and never touches the sent-log.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any, TextIO

from bot.settings import Settings
from bot.wiring import build_deps
from handlers.i18n import ngettext
from handlers.ports import Notifier
from handlers.reply.mrkdwn import to_plain
from schedules.jobs import run_due
from schedules.outbox import Message


class PrintOnly:
    """The 'dry' transport: accepts every message; run_jobs prints what was accepted."""

    def send(self, *, to: str, text: str, blocks: list[dict[str, Any]]) -> str | None:
        return None


class _MinimalSlackNotifier:
    """Used only while bot.slack.notifier is not there: chat.postMessage, errors raised."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def send(self, *, to: str, text: str, blocks: list[dict[str, Any]]) -> str | None:
        answer = self._client.chat_postMessage(channel=to, text=text, blocks=blocks)
        ts = answer.get("ts")
        return str(ts) if ts else None


def slack_notifier(settings: Settings) -> Notifier:
    """A WebClient at SLACK_API_URL that honours Retry-After, wrapped as a Notifier."""
    from slack_sdk import WebClient
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

    base_url = settings.slack_api_url
    client = WebClient(
        token=settings.slack_bot_token,
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        timeout=10,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=2)],
    )
    try:
        from bot.slack.notifier import SlackNotifier  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return _MinimalSlackNotifier(client)
    notifier: Notifier = SlackNotifier(client)
    return notifier


def print_messages(messages: list[Message], *, jsonl: bool, out: TextIO) -> None:
    for message in messages:
        if jsonl:
            out.write(json.dumps(message.as_json(), ensure_ascii=False) + "\n")
        else:
            out.write(f"→ {message.to} [{message.job}]\n{to_plain(message.text)}\n\n")
    out.flush()


def run_jobs(
    settings: Settings,
    *,
    at: datetime | None = None,
    jsonl: bool = False,
    dry_run: bool = False,
    out: TextIO | None = None,
) -> int:
    """Run what is due at ``at`` (default now); 0 when every send worked, 1 if one failed."""
    out = out or sys.stdout
    config = settings.schedule
    deps = build_deps(settings)
    notifier = slack_notifier(settings) if settings.slack_bot_token and not dry_run else PrintOnly()
    outbox = run_due(deps, notifier, now=at, config=config, dry_run=dry_run)
    print_messages(outbox.sent, jsonl=jsonl, out=out)
    if not jsonl:
        count = len(outbox.sent)
        if dry_run:
            summary = ngettext(
                "{count} message (dry run, nothing recorded).",
                "{count} messages (dry run, nothing recorded).",
                count,
            )
        else:
            summary = ngettext(
                "{count} message (recorded in the sent-log).",
                "{count} messages (recorded in the sent-log).",
                count,
            )
        print(summary.format(count=count), file=sys.stderr)
    if outbox.failures:
        failed = ngettext(
            "{count} send failed; the next run retries it.",
            "{count} sends failed; the next run retries them.",
            outbox.failures,
        )
        print("ccm-bot: " + failed.format(count=outbox.failures), file=sys.stderr)
        return 1
    return 0
