"""Buttons on items (Done, Snooze, Reassign, pick a date) and the Home tab's quick actions."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from slack_bolt import Ack, App
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.slack.blocks import ACTION_SNOOZE_DATE, item_id_of
from bot.slack.home import publish_home
from bot.slack.home_view import ACTION_HOME_LOG, ACTION_HOME_REFRESH
from bot.slack.modals import log_item_modal, reassign_modal
from bot.slack.origin import origin_of, show_change, tell
from bot.slack.prefill import Draft, plain_day
from bot.slack.runtime import Runtime
from bot.slack.speak import speaking_to
from handlers.commands.router import handle
from handlers.commands.state_card import ACTION_STATUS_MORE
from handlers.i18n import _, use_language
from handlers.items.render import ACTION_DONE, ACTION_REASSIGN, ACTION_SNOOZE
from handlers.reply.reply import CHOICE_ACTION, Reply, section

log = logging.getLogger(__name__)
SNOOZE_WORDS = {"1d": "1d", "1w": "1w", "meeting": "next meeting"}


def run_on_item(runtime: Runtime, body: dict[str, Any], item_id: int, command: str) -> None:
    """The same handler as `/ccm <command>`, then the message updates where it was pressed."""
    user = str(body["user"]["id"])
    runtime.people.ensure(user)
    reply = handle(runtime.deps, command, user=user, caller=runtime.caller_of(body))
    origin = origin_of(body)
    with use_language(reply.lang):  # what the bot adds ("by … · just now") in the same language
        if reply.ok:
            show_change(runtime, origin, reply, item_id=item_id, user=user)
        else:
            tell(runtime, origin, reply.text, user=user)


def show_more(runtime: Runtime, body: dict[str, Any], iso3: str) -> None:
    """The rest of a State's status card, to the presser only (the card stays as it was)."""
    user = str(body["user"]["id"])
    reply = handle(runtime.deps, f"status {iso3} more", user=user, caller=runtime.caller_of(body))
    origin = origin_of(body)
    try:
        if origin.response_url:
            WebhookClient(origin.response_url).send(
                text=reply.text,
                blocks=reply.blocks,
                response_type="ephemeral",
                replace_original=False,
            )
        elif origin.channel:
            runtime.client.chat_postEphemeral(
                channel=origin.channel, user=user, text=reply.text, blocks=reply.blocks
            )
    except SlackApiError as problem:
        log.error("could not show the rest of %s's card: %s", iso3, problem)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def run_choice(runtime: Runtime, body: dict[str, Any], command: str) -> None:
    """A reading picked from the buttons (or Confirm): run its command as the one who clicked,
    and show the answer where the question was (the buttons go, so it runs once)."""
    user = str(body["user"]["id"])
    origin = origin_of(body)
    if command == "cancel":
        with speaking_to(runtime.deps, user):
            reply = Reply(text=_("Cancelled: nothing was changed."))
    else:
        runtime.people.ensure(user)
        reply = handle(runtime.deps, command, user=user, caller=runtime.caller_of(body))
    blocks = reply.blocks or [section(reply.text)]
    try:
        if reply.private and origin.channel and runtime.channels.shares_outside(origin.channel):
            # Money, audit or roster: to the clicker alone where another organisation reads.
            runtime.client.chat_postEphemeral(
                channel=origin.channel, user=user, text=reply.text, blocks=blocks
            )
        elif origin.response_url:
            WebhookClient(origin.response_url).send(
                text=reply.text, blocks=blocks, replace_original=True
            )
        elif origin.channel and origin.ts:
            runtime.client.chat_update(
                channel=origin.channel, ts=origin.ts, text=reply.text, blocks=blocks
            )
    except SlackApiError as problem:
        log.error("could not show the picked reading: %s", problem)
    if reply.ok and reply.item_id is not None:
        runtime.refresh_home(user)


def register(app: App, runtime: Runtime) -> None:
    @app.action(re.compile(rf"^{CHOICE_ACTION}_\d+$"))
    def choice(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        command = str(action.get("value") or "")
        if command:
            run_choice(runtime, body, command)

    @app.action(ACTION_DONE)
    def done(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        item_id = _number(str(action.get("value", "")))
        if item_id is not None:
            run_on_item(runtime, body, item_id, f"done {item_id}")

    @app.action(ACTION_SNOOZE)
    def snooze(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        value = str((action.get("selected_option") or {}).get("value", ""))
        raw_id, _, step = value.partition(":")
        item_id = _number(raw_id)
        if item_id is not None and step in SNOOZE_WORDS:
            run_on_item(runtime, body, item_id, f"snooze {item_id} {SNOOZE_WORDS[step]}")

    @app.action(ACTION_SNOOZE_DATE)
    def snooze_to(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        item_id = item_id_of(action.get("block_id"))
        try:
            day = date.fromisoformat(str(action.get("selected_date")))
        except ValueError:
            return
        if item_id is not None:
            run_on_item(runtime, body, item_id, f"snooze {item_id} {plain_day(day)}")

    @app.action(ACTION_REASSIGN)
    def reassign(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        item_id = _number(str(action.get("value", "")))
        if item_id is None:
            return
        metadata = origin_of(body).to_metadata()
        with speaking_to(runtime.deps, str(body["user"]["id"])):
            view = reassign_modal(item_id, metadata=metadata)
        runtime.client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.action(ACTION_STATUS_MORE)
    def status_more(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        iso3 = str(action.get("value", ""))
        if len(iso3) == 3 and iso3.isalpha() and iso3.isupper():
            show_more(runtime, body, iso3)

    @app.action(ACTION_HOME_LOG)
    def log_from_home(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        with speaking_to(runtime.deps, str(body["user"]["id"])):
            view = log_item_modal(Draft(), metadata={"home": True})
        runtime.client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.action(ACTION_HOME_REFRESH)
    def refresh(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        publish_home(runtime.client, runtime.deps, str(body["user"]["id"]))
