"""Minutes import in Slack: the 'Import minutes' shortcut and the Confirm/Discard draft buttons.

Each button goes through the handlers (drafts.confirm / drafts.discard), then the summary
message is patched in place: only the pressed draft's rows change. Nothing is live until
confirmed; Confirm all also stores the import's meetings, contributions and deadlines.
The Edit button and its modal live in draft_edit.py.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from slack_bolt import Ack, App
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient
from sqlmodel import Session

from bot.slack.blocks import Block
from bot.slack.files import files_of
from bot.slack.minutes_flow import (
    ImportRequest,
    day_of,
    draft_ids,
    queue_import,
    replace_rows,
    row_for,
)
from bot.slack.origin import Origin, origin_of, tell
from bot.slack.runtime import Runtime
from bot.slack.speak import speaking_to
from handlers.i18n import _
from handlers.i18n.terms import term
from handlers.minutes import confirm, discard
from handlers.people.permissions import (
    actor_for,
    isu_admins,
    may_record_money,
    may_write,
    read_only_reason,
)
from handlers.reply.reply import section
from storage.items import DRAFT, states_of
from storage.models import ActionItem

log = logging.getLogger(__name__)
IMPORT_SHORTCUT = "import_minutes"
DRAFT_CONFIRM = "draft_confirm"
DRAFT_DISCARD = "draft_discard"
DRAFT_CONFIRM_ALL = "draft_confirm_all"


def update_message(runtime: Runtime, origin: Origin, text: str, blocks: list[Block]) -> None:
    """chat.update where the buttons were pressed (response_url for an ephemeral copy)."""
    try:
        if origin.channel and origin.ts and not origin.ephemeral:
            runtime.client.chat_update(
                channel=origin.channel, ts=origin.ts, text=text, blocks=blocks
            )
        elif origin.response_url:
            WebhookClient(origin.response_url).send(text=text, blocks=blocks, replace_original=True)
    except SlackApiError as problem:
        log.error("could not update the import summary: %s", problem)


def _rows(session: Session, ids: list[int], today: date, note: str) -> dict[int, list[Block]]:
    """Fresh rows for every decided draft among ``ids`` (drafts still pending keep theirs)."""
    states = states_of(session=session, item_ids=ids)
    out: dict[int, list[Block]] = {}
    for item_id in ids:
        item = session.get(ActionItem, item_id)
        if item is not None and item.status != DRAFT:
            out[item_id] = row_for(item, states[item_id], today, note=note)
    return out


def _refusal(runtime: Runtime, body: dict[str, Any], *, whole_import: bool) -> str | None:
    """Observers only read; Confirm all stores contributions, which only the ISU records."""
    caller = runtime.caller_of(body)
    with runtime.deps.db.session() as session:
        actor = actor_for(session, caller.user, caller)
        if whole_import and not may_record_money(actor):
            return _(
                "Confirm all also stores contributions, which only the ISU records; ask "
                "{admins}, or confirm the items one by one. Nothing changed."
            ).format(admins=isu_admins(session))
        if not may_write(actor):
            return read_only_reason(session, actor)
    return None


def decide(runtime: Runtime, body: dict[str, Any], item_id: int, *, keep: bool) -> None:
    """Confirm (``keep``) or discard one draft, then show it decided in the message."""
    user, now, origin = str(body["user"]["id"]), runtime.deps.clock(), origin_of(body)
    handler = confirm if keep else discard
    refusal = _refusal(runtime, body, whole_import=False)
    if refusal:
        tell(runtime, origin, refusal, user=user)
        return
    with runtime.deps.db.session(write=True, actor=user, now=now) as session:
        changed = handler(session, [item_id], actor=user, now=now)
        item = session.get(ActionItem, item_id)
        status = term(item.status) if item is not None else _("unknown")
        note = (_("✅ Confirmed by {user}") if keep else _("🗑 Discarded by {user}")).format(
            user=f"<@{user}>"
        )
        rows = _rows(session, [item_id], now.astimezone(runtime.deps.tz).date(), note)
    if not changed:
        message = _("#{id} is not a draft any more ({status}); nothing changed.").format(
            id=item_id, status=status
        )
        tell(runtime, origin, message, user=user)
    blocks = replace_rows(origin.blocks, item_id, rows[item_id]) if item_id in rows else None
    if blocks is not None:  # also refreshes a stale row after a decision made elsewhere
        fallback = (_("Draft #{id} confirmed.") if keep else _("Draft #{id} discarded.")).format(
            id=item_id
        )
        update_message(runtime, origin, fallback, blocks)
    runtime.refresh_home(user)


def confirm_all(runtime: Runtime, body: dict[str, Any], value: str) -> None:
    """Every draft of that import goes live, with its meetings, contributions and deadlines."""
    user, now, origin = str(body["user"]["id"]), runtime.deps.clock(), origin_of(body)
    day = day_of(value)
    if day is None:
        tell(runtime, origin, _("This button names no import; nothing changed."), user=user)
        return
    refusal = _refusal(runtime, body, whole_import=True)
    if refusal:
        tell(runtime, origin, refusal, user=user)
        return
    with runtime.deps.db.session(write=True, actor=user, now=now) as session:
        ids = confirm(session, "all", actor=user, now=now, day=day)
        today = now.astimezone(runtime.deps.tz).date()
        note = _("✅ Confirmed by {user}").format(user=f"<@{user}>")
        rows = _rows(session, draft_ids(origin.blocks), today, note)
    blocks = origin.blocks
    for item_id, new in rows.items():
        blocks = replace_rows(blocks, item_id, new) or blocks
    done = section(
        _(
            "✅ {user} confirmed all drafts of this import ({count} items went live); "
            "its meetings, contributions and deadlines are stored."
        ).format(user=f"<@{user}>", count=len(ids))
    )
    # The summary's footnotes ("…and 8 more drafts", "Drafts are not live") no longer hold.
    blocks = [done if b.get("block_id") == "draft_all" else b for b in blocks]
    blocks = [b for b in blocks if b.get("type") != "context"]
    confirmed = _("Minutes import confirmed: {count} items.").format(count=len(ids))
    update_message(runtime, origin, confirmed, blocks)
    runtime.refresh_home(user)


def item_number(action: dict[str, Any]) -> int | None:
    value = str(action.get("value", ""))
    return int(value) if value.isdigit() else None


def register(app: App, runtime: Runtime) -> None:
    @app.shortcut(IMPORT_SHORTCUT)
    def import_minutes(ack: Ack, body: dict[str, Any]) -> None:
        """Ack first: a long PDF can outlast the 3 s a shortcut's answer may take."""
        ack()
        message = body.get("message") or {}
        ts = str(message.get("ts") or "")
        request = ImportRequest(
            channel=str((body.get("channel") or {}).get("id") or ""),
            ts=ts,
            thread_ts=str(message.get("thread_ts") or ts),
            user=str(body["user"]["id"]),
            files=files_of(message),
            team=body["user"].get("team_id"),
        )
        queue_import(runtime, request)

    @app.action(DRAFT_CONFIRM)
    def on_confirm(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        if (item_id := item_number(action)) is not None:
            with speaking_to(runtime.deps, str(body["user"]["id"])):
                decide(runtime, body, item_id, keep=True)

    @app.action(DRAFT_DISCARD)
    def on_discard(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        if (item_id := item_number(action)) is not None:
            with speaking_to(runtime.deps, str(body["user"]["id"])):
                decide(runtime, body, item_id, keep=False)

    @app.action(DRAFT_CONFIRM_ALL)
    def on_confirm_all(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        with speaking_to(runtime.deps, str(body["user"]["id"])):
            confirm_all(runtime, body, str(action.get("value", "")))
