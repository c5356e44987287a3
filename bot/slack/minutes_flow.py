"""Minutes import from Slack: a shared file becomes drafts, and a summary answers in the thread.

The same handlers as `ccm-bot import-minutes` (read, extract, store_drafts): drafts are stored
with status "draft" (not listed, not reminded) until someone presses Confirm. An event's dedupe
row is committed before the file is downloaded, so a retried delivery imports nothing and
answers once; the import itself runs in a small pool (Runtime.submit_import), the file is
fetched only from Slack's file host (files.py) and parsed in a limited child process.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError

from bot.isolated_read import IsolatedReadError, read_isolated
from bot.slack.blocks import Block, split_reply, with_date_picker
from bot.slack.files import FileRefused, SharedFile, download, files_of, pick_minutes
from bot.slack.inbound import moment_of
from bot.slack.minutes_status import StatusLine
from bot.slack.once import Delivery, seen
from bot.slack.runtime import Runtime
from bot.slack.speak import speaking_to
from handlers.i18n import _
from handlers.items.render import item_blocks
from handlers.minutes import (
    DraftItem,
    ReadError,
    extract,
    store_drafts,
    summary_reply,
)
from handlers.minutes.reading import Progress
from handlers.minutes.reply import item_line
from handlers.people.owners import Owner
from handlers.people.permissions import actor_for, may_write, read_only_reason
from handlers.reply.mrkdwn import owner_text
from handlers.reply.reply import Reply, error, section
from handlers.reply.text import escape, shorten
from storage.items import DELETED
from storage.models import ActionItem, ProcessedEvent

log = logging.getLogger(__name__)
IMPORT_WORD = re.compile(r"^\s*import\b", re.I)
_SAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class ImportRequest:
    """Who asked to import which message's file, and where the answer goes."""

    channel: str
    ts: str
    thread_ts: str
    user: str
    files: list[dict[str, Any]]
    delivery: Delivery | None = None  # events are deduped; a shortcut is an explicit re-ask
    team: str | None = None  # the requester's own workspace, as the request said it


def asks_import(event: dict[str, Any], text: str) -> bool:
    """`@ccm import` by a person; a mention with a file may carry the file_share subtype."""
    person = bool(event.get("user")) and not event.get("bot_id")
    return person and event.get("subtype") in (None, "file_share") and bool(IMPORT_WORD.match(text))


def import_from_event(runtime: Runtime, body: dict[str, Any]) -> None:
    """An app_mention that says import: recorded at once, imported by the worker, then answered.

    The dedupe row is committed before anything is downloaded, and the event is acknowledged
    as soon as the import is queued: a retry of this event (or its message twin) finds the row
    and does nothing, so a document is never fetched or parsed twice.
    """
    event = body["event"]
    channel, ts = str(event["channel"]), str(event["ts"])
    delivery = Delivery(
        event_id=str(body.get("event_id") or f"{channel}:{ts}"), channel=channel, ts=ts
    )
    if seen(runtime.deps, delivery) or not _record(runtime, delivery):
        return
    request = ImportRequest(
        channel=channel,
        ts=ts,
        thread_ts=str(event.get("thread_ts") or ts),
        user=str(event["user"]),
        files=files_of(event),
        delivery=delivery,
        team=event.get("user_team"),
    )
    queue_import(runtime, request)


def queue_import(runtime: Runtime, request: ImportRequest) -> None:
    """Hand the import to the bounded import pool; when it is full, say so in the thread."""
    if not runtime.submit_import(run_import, runtime, request):
        _post(
            runtime,
            request,
            error(
                _(
                    "I'm reading several minutes already; share this one again in a few minutes. "
                    "Nothing was stored."
                )
            ),
        )


def run_import(runtime: Runtime, request: ImportRequest) -> None:
    """Import (in the import pool) and answer in the thread."""
    runtime.people.ensure(request.user)
    with speaking_to(runtime.deps, request.user):  # the summary in the importer's language
        _run_import(runtime, request)


def _run_import(runtime: Runtime, request: ImportRequest) -> None:
    status = StatusLine(runtime.client, request.channel, request.thread_ts)
    try:
        reply = _import(runtime, request, status)
    except Exception:
        log.exception("minutes import failed")
        status.update(_("Something went wrong on my side; nothing was stored."), None)
        reply = error(_("Something went wrong on my side; nothing was stored. Please try again."))
    _post(runtime, request, reply, status)
    if reply.ok:
        runtime.refresh_home(request.user)


def _post(
    runtime: Runtime, request: ImportRequest, reply: Reply, status: StatusLine | None = None
) -> None:
    try:
        messages = split_reply(reply)
        if messages and status is not None and status.update(messages[0].text, messages[0].blocks):
            messages = messages[1:]  # the reading message became the summary
        for message in messages:
            runtime.client.chat_postMessage(
                channel=request.channel,
                thread_ts=request.thread_ts,
                text=message.text,
                blocks=message.blocks,
                unfurl_links=False,
            )
    except SlackApiError as problem:
        log.error("could not answer the import in %s/%s: %s", request.channel, request.ts, problem)


def _record(runtime: Runtime, delivery: Delivery) -> bool:
    """Commit the event's dedupe row; False when another delivery got there first."""
    deps = runtime.deps
    try:
        with deps.db.session(write=True) as session:
            session.add(
                ProcessedEvent(
                    event_id=delivery.event_id,
                    channel=delivery.channel,
                    ts=delivery.ts,
                    at=deps.clock(),
                )
            )
    except IntegrityError:
        log.info("duplicate import delivery ignored: %s/%s", delivery.channel, delivery.ts)
        return False
    return True


def _import(runtime: Runtime, request: ImportRequest, status: StatusLine) -> Reply:
    deps = runtime.deps
    now = moment_of(request.ts) or deps.clock()
    caller = runtime.caller(request.user, team=request.team)
    with deps.db.session() as session:
        actor = actor_for(session, request.user, caller)
        refusal = None if may_write(actor) else read_only_reason(session, actor)
    if refusal is not None:
        return error(refusal)
    try:
        shared = pick_minutes(runtime.client, request.files)
        status.start(shared.name)
        data = download(
            shared, token=str(runtime.client.token or ""), files_base=runtime.files_base
        )
        text = _read(shared, data, progress=status.progress)
    except FileRefused as problem:
        return error(escape(str(problem)))
    except ReadError as problem:
        return error(f"{escape(problem.localized(_))} " + _("Nothing was stored."))
    except IsolatedReadError as problem:  # already in the reader's language
        return error(f"{escape(str(problem))} " + _("Nothing was stored."))
    document = PurePosixPath(shared.name).stem or "minutes"
    found = extract(
        text, now=now, tz=deps.tz, states=deps.states, document=document, filename=shared.name
    )
    if not found.items and found.meeting is None:
        message = _("I found no meeting and no action items in {name}. Nothing was stored.").format(
            name=shared.name
        )
        return error(escape(message))
    with deps.db.session(write=True, actor=request.user, now=deps.clock()) as session:
        ids = store_drafts(session, found, actor=request.user, now=now, text=text)
    reply = summary_reply(found, item_ids=ids)
    day = found.meeting_day or now.date()  # the day store_drafts filed the drafts under
    return Reply(text=reply.text, blocks=scoped_confirm_all(reply.blocks, day))


def _read(shared: SharedFile, data: bytes, *, progress: Progress | None = None) -> str:
    """The upload's bytes as text, read by a limited child process (bot/isolated_read.py)."""
    stem = _SAFE_NAME.sub("_", PurePosixPath(shared.name).stem)[:80] or "minutes"
    return read_isolated(data, name=f"{stem}{shared.suffix}", progress=progress)


def scoped_confirm_all(blocks: list[Block], day: date) -> list[Block]:
    """ "Confirm all" names its import's day, never every draft of every import ("all")."""
    out: list[Block] = []
    for block in blocks:
        if block.get("block_id") == "draft_all":
            elements = [
                {**e, "value": day.isoformat()} if e.get("action_id") == "draft_confirm_all" else e
                for e in block.get("elements", [])
            ]
            block = {**block, "elements": elements}
        if block.get("block_id") == "minutes_date":  # the day the drafts are filed under
            elements = [{**e, "value": day.isoformat()} for e in block.get("elements", [])]
            block = {**block, "elements": elements}
        out.append(block)
    return out


def day_of(value: str) -> date | None:
    """The import day a Confirm all button names; None for anything else (never "every import")."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# -- the summary message, patched in place as drafts are confirmed, discarded or edited ---------


def replace_rows(blocks: list[Block], item_id: int, new: list[Block]) -> list[Block] | None:
    """Swap one draft's section and its Confirm / Edit / Discard row for ``new``."""
    for index, block in enumerate(blocks):
        if block.get("type") == "actions" and block.get("block_id") == f"draft_{item_id}":
            start = index - 1 if index > 0 and blocks[index - 1].get("type") == "section" else index
            return [*blocks[:start], *new, *blocks[index + 1 :]]
    return None


def draft_ids(blocks: list[Block]) -> list[int]:
    """The drafts a summary message still shows with buttons."""
    ids = [str(b.get("block_id", "")).removeprefix("draft_") for b in blocks]
    return [int(i) for i in ids if i.isdigit()]


def row_for(item: ActionItem, states: list[str], today: date, *, note: str) -> list[Block]:
    """A draft's row once decided: a live item (with its own buttons), or struck through."""
    if item.status == DELETED:
        what = escape(shorten(item.text, 200)).replace("~", "")
        return [section(f"~#{item.id} {owner_text(item.owner)} — {what}~\n{note}")]
    live = item_blocks(item, states, today)
    first = section(f"{note}\n{live[0]['text']['text']}")
    return with_date_picker([first, *live[1:]])


def draft_of(item: ActionItem, states: list[str]) -> DraftItem:
    """A stored draft back in the shape the summary renders (after an edit)."""
    owner = Owner(kind=item.owner_kind, ref=item.owner_ref, label=item.owner)
    return DraftItem(
        section=item.section or "",
        text=item.text,
        owner=owner,
        states=tuple(states),
        area_key=item.area_key,
        due=item.due,
        due_note=item.due_note,
        sentence="",
    )


def edited_row(item: ActionItem, states: list[str], note: str) -> Block:
    return section(f"{item_line(draft_of(item, states), item.id)}\n{note}")
