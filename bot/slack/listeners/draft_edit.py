"""The draft Edit flow: the 'Edit' button opens the item form on a draft, saving writes it back.

The form is the 'Log action item' one, prefilled with the draft and validated the same way;
on save the draft's row in the import summary is redrawn in place.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from slack_bolt import Ack, App
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import Block
from bot.slack.listeners.minutes import item_number, update_message
from bot.slack.minutes_flow import edited_row
from bot.slack.modals import View, log_item_modal, metadata_of, submitted
from bot.slack.origin import Origin, origin_of, tell
from bot.slack.prefill import Draft, plain_day
from bot.slack.runtime import Runtime
from bot.slack.speak import speaking_to
from bot.slack.validate import Checked, check_item_form, plain
from handlers.i18n import _, state_label
from handlers.i18n.terms import term
from handlers.people.owners import OwnerError, parse_owner
from handlers.people.permissions import may_write, read_only_reason
from handlers.ports import Ctx
from handlers.reply.text import clean
from storage.items import DRAFT, add_event, set_states, states_of
from storage.models import ActionItem

log = logging.getLogger(__name__)
DRAFT_EDIT = "draft_edit"
EDIT_VIEW = "edit_draft"
_STATE_OWNERS = ("state", "states")


def edit_modal(item: ActionItem, states: list[str], *, metadata: dict[str, Any]) -> View:
    """The 'Log action item' form, prefilled with the draft, saved back onto the draft."""
    draft = Draft(
        owner=item.owner,
        what=item.text,
        due=plain_day(item.due) if item.due else "",
        due_note=item.due_note,
        area_key=item.area_key,
        states=states,
    )
    view = log_item_modal(draft, metadata={**metadata, "item": item.id})
    title = {"type": "plain_text", "text": _("Edit draft #{id}").format(id=item.id)[:24]}
    submit = {**title, "text": _("Save")}
    return {**view, "callback_id": EDIT_VIEW, "title": title, "submit": submit}


def open_editor(runtime: Runtime, body: dict[str, Any], item_id: int) -> None:
    """Open within the trigger's 3 s: one read, then views.open."""
    user, origin = str(body["user"]["id"]), origin_of(body)
    with runtime.deps.db.session() as session:
        item = session.get(ActionItem, item_id)
        states = states_of(session=session, item_ids=[item_id])[item_id]
    if item is None or item.status != DRAFT:
        status = term(item.status) if item is not None else _("unknown")
        gone = _("#{id} is not a draft any more ({status}).").format(id=item_id, status=status)
        tell(runtime, origin, gone, user=user)
        return
    names = [
        state_label(iso3, s.short)
        for iso3 in states
        if (s := runtime.deps.states.get(iso3)) is not None
    ]
    thread = (body.get("message") or {}).get("thread_ts") or origin.ts
    meta = {"channel": origin.channel, "ts": origin.ts, "thread_ts": thread}
    runtime.client.views_open(
        trigger_id=body["trigger_id"], view=edit_modal(item, names, metadata=meta)
    )


def save_edit(runtime: Runtime, ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Validate like 'Log action item' (errors on the field at fault), then update the draft."""
    values, meta = submitted(view), metadata_of(view)
    user, item_id = str(body["user"]["id"]), int(meta.get("item") or 0)
    with runtime.deps.db.session() as session:
        item = session.get(ActionItem, item_id)
    # Relative dates read as on the day of the minutes' message, like the import did.
    now = item.created_at if item is not None else runtime.deps.clock()
    checked = check_item_form(runtime.deps, values, user=user, now=now)
    if item is not None and values.get("owner") == item.owner:
        checked.errors.pop("owner", None)  # unchanged: the import's reading stands
    problem = checked.errors or _apply(runtime, values, checked, item_id, user=user, now=now)
    if problem:
        ack(response_action="errors", errors=problem)
        return
    ack()
    _show_edit(runtime, meta, item_id, user=user)


def _apply(
    runtime: Runtime,
    values: dict[str, str],
    checked: Checked,
    item_id: int,
    *,
    user: str,
    now: datetime,
) -> dict[str, str]:
    """One transaction: text, owner, due, area and States onto a draft that is still a draft."""
    deps, clock = runtime.deps, runtime.deps.clock()
    with deps.db.session(write=True, actor=user, now=clock) as session:
        item = session.get(ActionItem, item_id)
        if item is None or item.status != DRAFT:
            return {"what": _("#{id} is not a draft any more; nothing changed.").format(id=item_id)}
        ctx = Ctx(
            session=session,
            now=now,
            tz=deps.tz,
            user=user,
            states=deps.states,
            caller=runtime.caller(user),
        )
        if not may_write(ctx.actor):
            return {"what": plain(read_only_reason(session, ctx.actor))}
        if values.get("owner") != item.owner:
            try:
                owner = parse_owner(ctx, values.get("owner", ""))
            except OwnerError as problem:
                return {"owner": plain(str(problem))}
            item.owner, item.owner_kind, item.owner_ref = owner.label, owner.kind, owner.ref
            item.area_key = owner.area_key or item.area_key
        item.text = clean(values["what"])
        reading = checked.reading
        item.due, item.due_at = (reading.due, reading.at) if reading else (None, None)
        item.due_note = reading.note if reading else None
        item.area_key = values.get("area") or item.area_key
        by_owner = (item.owner_ref or "").split(",") if item.owner_kind in _STATE_OWNERS else []
        # The form's States were prefilled from the draft: what is left there is what counts.
        set_states(session=session, item_id=item_id, states=[*by_owner, *checked.states])
        item.updated_at = clock
        session.add(item)
        add_event(session=session, item_id=item_id, actor=user, action="edited", now=clock)
    return {}


def _show_edit(runtime: Runtime, meta: dict[str, Any], item_id: int, *, user: str) -> None:
    """Slack's own copy of the summary (too big for private_metadata), with the row redrawn."""
    channel, ts = meta.get("channel"), meta.get("ts")
    if not channel or not ts:
        return
    try:
        answer = runtime.client.conversations_replies(
            channel=channel, ts=meta.get("thread_ts") or ts, oldest=ts, latest=ts, inclusive=True
        )
    except SlackApiError as problem:
        log.warning("could not fetch the import summary %s/%s: %s", channel, ts, problem)
        return
    found = [m for m in answer.get("messages") or [] if m.get("ts") == ts]
    if not found:
        return
    with runtime.deps.db.session() as session:
        item = session.get(ActionItem, item_id)
        states = states_of(session=session, item_ids=[item_id])[item_id]
    if item is None:
        return
    blocks: list[Block] = list(found[0].get("blocks") or [])
    for index, block in enumerate(blocks):
        if block.get("block_id") == f"draft_{item_id}" and index > 0:
            edited = _("✏️ Edited by {user}").format(user=f"<@{user}>")
            blocks[index - 1] = edited_row(item, states, f"_{edited}_")
            origin = Origin(channel=str(channel), ts=str(ts), blocks=blocks)
            fallback = _("Draft #{id} edited.").format(id=item_id)
            update_message(runtime, origin, fallback, blocks)
            return


def register(app: App, runtime: Runtime) -> None:
    @app.action(DRAFT_EDIT)
    def on_edit(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        if (item_id := item_number(action)) is not None:
            with speaking_to(runtime.deps, str(body["user"]["id"])):
                open_editor(runtime, body, item_id)

    @app.view(EDIT_VIEW)
    def on_edit_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        with speaking_to(runtime.deps, str(body["user"]["id"])):
            save_edit(runtime, ack, body, view)
