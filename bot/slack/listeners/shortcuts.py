"""Message shortcut 'Log as action item': a modal prefilled from the message, opened in 3 s."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.slack.inbound import from_slack, moment_of
from bot.slack.modals import LOG_ITEM, log_item_modal
from bot.slack.prefill import draft_from_text
from bot.slack.runtime import Runtime
from bot.slack.speak import speaking_to


def metadata(body: dict[str, Any], message: dict[str, Any], ts: str) -> dict[str, Any]:
    """Where the modal came from, so the confirmation goes back to that thread."""
    return {
        "channel": (body.get("channel") or {}).get("id"),
        "ts": ts,
        "thread_ts": message.get("thread_ts") or ts,
    }


def register(app: App, runtime: Runtime) -> None:
    @app.shortcut(LOG_ITEM)
    def log_item(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        message = body.get("message") or {}
        user = str(body["user"]["id"])
        ts = str(message.get("ts") or "")
        now = moment_of(ts) or runtime.deps.clock()
        with speaking_to(runtime.deps, user):
            draft = draft_from_text(
                runtime.deps, from_slack(message.get("text")), user=user, now=now
            )
            view = log_item_modal(draft, metadata=metadata(body, message, ts))
        # The trigger_id dies 3 s after the click: open first, learn about the user after.
        runtime.client.views_open(trigger_id=body["trigger_id"], view=view)
        runtime.people.ensure(user)
