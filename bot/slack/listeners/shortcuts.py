"""Message shortcut 'Log as action item': a modal prefilled from the message, opened in 3 s."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.slack.inbound import from_slack, moment_of
from bot.slack.modals import LOG_ITEM, log_item_modal
from bot.slack.prefill import draft_from_text
from bot.slack.runtime import Runtime


def register(app: App, runtime: Runtime) -> None:
    @app.shortcut(LOG_ITEM)
    def log_item(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        message = body.get("message") or {}
        user = str(body["user"]["id"])
        ts = str(message.get("ts") or "")
        now = moment_of(ts) or runtime.deps.clock()
        draft = draft_from_text(runtime.deps, from_slack(message.get("text")), user=user, now=now)
        metadata = {
            "channel": (body.get("channel") or {}).get("id"),
            "ts": ts,
            "thread_ts": message.get("thread_ts") or ts,
        }
        # The trigger_id dies 3 s after the click: open first, learn about the user after.
        runtime.client.views_open(
            trigger_id=body["trigger_id"], view=log_item_modal(draft, metadata=metadata)
        )
        runtime.people.ensure(user)
