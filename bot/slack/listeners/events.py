"""Events: `@ccm <command>`, `ACTION:`/`TODO:` lines in channels, Home opened, and a catch-all."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import split_reply
from bot.slack.deliver import dm_channel, send_direct, upload_chart
from bot.slack.home import publish_home
from bot.slack.inbound import from_slack, moment_of, without_mention
from bot.slack.minutes_flow import asks_import, import_from_event
from bot.slack.once import Delivery, handle_once, seen
from bot.slack.runtime import Runtime
from handlers.commands.registry import COMMANDS
from handlers.commands.router import route
from handlers.i18n import use_language
from handlers.items.capture import is_capture
from handlers.reply.text import clean

log = logging.getLogger(__name__)
_CHANNEL_TYPES = {"channel", "group"}


def from_a_person(event: dict[str, Any]) -> bool:
    """Plain messages by people only: no edits, joins, our own posts or other bots'."""
    return not event.get("subtype") and not event.get("bot_id") and bool(event.get("user"))


def permalink(client: WebClient, channel: str, ts: str) -> str:
    """Where the item was said; an archive link still resolves when getPermalink fails."""
    try:
        return str(client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"])
    except (SlackApiError, KeyError, OSError) as problem:
        log.warning("chat.getPermalink failed for %s/%s: %s", channel, ts, problem)
        return f"https://slack.com/archives/{channel}/p{ts.replace('.', '')}"


def answer_in_thread(
    runtime: Runtime, body: dict[str, Any], text: str, *, threaded: bool = True
) -> None:
    """Run one chat line once (dedupe in the item's transaction), then answer in its thread
    (a direct message is answered in the conversation itself unless it was in a thread)."""
    event = body["event"]
    channel, ts, user = str(event["channel"]), str(event["ts"]), str(event["user"])
    delivery = Delivery(
        event_id=str(body.get("event_id") or f"{channel}:{ts}"), channel=channel, ts=ts
    )
    if seen(runtime.deps, delivery):
        return
    runtime.people.ensure(user)
    logs_item = route(clean(text))[0] is COMMANDS["action"]
    source = permalink(runtime.client, channel, ts) if logs_item else None
    caller = runtime.caller(user, team=event.get("user_team"))
    reply = handle_once(
        runtime.deps, delivery, text, user=user, now=moment_of(ts), source=source, caller=caller
    )
    if reply is None:
        return
    # Committed: from here a failure to post must not fail the event, or Slack would retry a
    # delivery whose dedupe row now swallows it, and the answer would never come.
    thread = event.get("thread_ts") or (ts if threaded else None)
    where: dict[str, Any] = {"thread_ts": str(thread)} if thread else {}
    # Money, audit and roster are never posted where another organisation reads: the asker
    # alone sees the answer there.
    inside = reply.private and runtime.channels.shares_outside(channel)
    try:
        for message in split_reply(reply):
            if inside:
                runtime.client.chat_postEphemeral(
                    channel=channel, user=user, text=message.text, blocks=message.blocks, **where
                )
                continue
            runtime.client.chat_postMessage(
                channel=channel,
                text=message.text,
                blocks=message.blocks,
                unfurl_links=False,
                **where,
            )
        if reply.ok and reply.upload is not None:  # `@ccm chart items`: the picture in the thread
            with use_language(reply.lang):
                note = upload_chart(
                    runtime.client,
                    reply.upload,
                    channel=dm_channel(runtime.client, user) if inside else channel,
                    user=user,
                    thread_ts=str(thread) if thread and not inside else None,
                )
            if note:
                runtime.client.chat_postMessage(channel=channel, text=note, **where)
        if reply.ok and reply.direct is not None:  # `@ccm calendar`: the address only by DM
            send_direct(runtime.client, user, reply.direct)
    except SlackApiError as problem:
        log.error("could not answer in %s/%s: %s", channel, ts, problem)
    if reply.ok and reply.item_id is not None:
        runtime.refresh_home(user)


def register(app: App, runtime: Runtime) -> None:
    bot_user = runtime.identity.bot_user_id

    @app.event("app_mention")
    def mention(body: dict[str, Any], event: dict[str, Any]) -> None:
        text = without_mention(from_slack(event.get("text")), bot_user)
        if asks_import(event, text):  # `@ccm import` with a minutes file: see minutes_flow
            import_from_event(runtime, body)
        elif from_a_person(event):
            answer_in_thread(runtime, body, text)

    @app.event("message")
    def message(body: dict[str, Any], event: dict[str, Any]) -> None:
        if not from_a_person(event):
            return
        if event.get("channel_type") == "im":  # a direct message is read like /ccm
            text = without_mention(from_slack(event.get("text")), bot_user)
            answer_in_thread(runtime, body, text, threaded=False)
            return
        if event.get("channel_type") not in _CHANNEL_TYPES:
            return
        text = without_mention(from_slack(event.get("text")), bot_user)
        if is_capture(text):
            answer_in_thread(runtime, body, text)

    @app.event("app_home_opened")
    def home_opened(event: dict[str, Any]) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            runtime.people.ensure(str(event["user"]))
            publish_home(runtime.client, runtime.deps, str(event["user"]))

    @app.event(re.compile(".*"))
    def anything_else() -> None:
        """200 for every other event: without a listener Bolt answers 404 and Slack retries."""
