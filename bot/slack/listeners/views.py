"""Modal submissions: log an item from a message, reassign an item. Errors go on the field."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from slack_bolt import Ack, App
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import Block, with_date_picker
from bot.slack.inbound import moment_of
from bot.slack.listeners.events import permalink
from bot.slack.modals import LOG_ITEM, REASSIGN, metadata_of, submitted
from bot.slack.once import HandlerFailed, run_joined, write_transaction
from bot.slack.origin import Origin, show_change
from bot.slack.runtime import Runtime
from bot.slack.speak import speaking_to
from bot.slack.validate import Checked, check_item_form, plain
from handlers.commands.router import handle
from handlers.i18n import _
from handlers.items.render import item_blocks, owner_shown
from handlers.people.permissions import Caller
from handlers.reply.reply import section
from handlers.reply.text import escape
from storage.items import set_states, states_of
from storage.models import ActionItem

log = logging.getLogger(__name__)


def log_item(runtime: Runtime, ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Store through `/ccm action`, apply the form's due/area/States in the same transaction."""
    values, meta = submitted(view), metadata_of(view)
    user = str(body["user"]["id"])
    now = moment_of(meta.get("ts")) or runtime.deps.clock()
    checked = check_item_form(runtime.deps, values, user=user, now=now)
    if checked.errors:
        ack(response_action="errors", errors=checked.errors)
        return
    channel, ts = meta.get("channel"), meta.get("ts")
    source = permalink(runtime.client, str(channel), str(ts)) if channel and ts else None
    try:
        caller = runtime.caller_of(body)
        stored = _store(runtime, values, checked, caller=caller, now=now, source=source)
    except HandlerFailed:
        problem = _("Something went wrong on my side; nothing was logged. Please try again.")
        ack(response_action="errors", errors={"what": problem})
        return
    if isinstance(stored, str):
        ack(response_action="errors", errors={"what": stored})
        return
    item, blocks = stored
    ack()
    text = _("Logged #{id}: {owner} — {what}").format(
        id=item.id, owner=owner_shown(item), what=escape(item.text)
    )
    target = (
        {"channel": channel, "thread_ts": meta.get("thread_ts")} if channel else {"channel": user}
    )
    try:
        runtime.client.chat_postMessage(**target, text=text, blocks=with_date_picker(blocks))
    except SlackApiError as problem:  # not in that channel: tell the author directly
        log.warning("could not confirm #%s in %s: %s", item.id, channel, problem)
        runtime.client.chat_postMessage(channel=user, text=text, blocks=with_date_picker(blocks))
    runtime.refresh_home(user)


def _store(
    runtime: Runtime,
    values: dict[str, str],
    checked: Checked,
    *,
    caller: Caller,
    now: datetime,
    source: str | None,
) -> tuple[ActionItem, list[Block]] | str:
    """One transaction: `/ccm action` stores, then the form's due, area and States apply."""
    user = caller.user
    with write_transaction(runtime.deps) as session:
        command = f"action {values['owner']} to {values['what']}"
        reply = run_joined(
            runtime.deps, session, command, user=user, now=now, source=source, caller=caller
        )
        if not reply.ok or reply.item_id is None:
            return plain(reply.text)
        item = session.get(ActionItem, reply.item_id)
        assert item is not None and item.id is not None
        if checked.reading is not None:
            item.due, item.due_at = checked.reading.due, checked.reading.at
            item.due_note = checked.reading.note
        if values.get("area"):
            item.area_key = values["area"]
        if values.get("states") or checked.owner_states:
            chosen = [*checked.owner_states, *checked.states]
            set_states(session=session, item_id=item.id, states=chosen)
        session.add(item)
        session.flush()
        states = states_of(session=session, item_ids=[item.id])[item.id]
        today = now.astimezone(runtime.deps.tz).date()
        blocks = [
            section(
                _("📌 {user} logged *#{id}* from this message.").format(
                    user=f"<@{user}>", id=item.id
                )
            ),
            *item_blocks(item, states, today),
        ]
    return item, blocks


def _owner_choice(values: dict[str, str], runtime: Runtime) -> tuple[str, str] | None:
    if values.get("person"):
        return "person", f"<@{values['person']}>"
    state = runtime.deps.states.get(values.get("state", ""))
    if state is not None:
        return "state", state.short
    if values.get("other"):
        return "other", values["other"]
    return None


def reassign(runtime: Runtime, ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
    values, meta = submitted(view), metadata_of(view)
    user, item_id = str(body["user"]["id"]), int(meta.get("item", 0))
    choice = _owner_choice(values, runtime)
    if choice is None:
        ack(
            response_action="errors",
            errors={"person": _("Pick a person, a State, or type another owner.")},
        )
        return
    block, phrase = choice
    caller = runtime.caller_of(body)
    reply = handle(runtime.deps, f"assign {item_id} {phrase}", user=user, caller=caller)
    if not reply.ok:
        ack(response_action="errors", errors={block: plain(reply.text)})
        return
    ack()
    show_change(runtime, Origin.from_metadata(meta), reply, item_id=item_id, user=user)


def register(app: App, runtime: Runtime) -> None:
    @app.view(LOG_ITEM)
    def on_log(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        with speaking_to(runtime.deps, str(body["user"]["id"])):
            log_item(runtime, ack, body, view)

    @app.view(REASSIGN)
    def on_reassign(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        with speaking_to(runtime.deps, str(body["user"]["id"])):
            reassign(runtime, ack, body, view)
