"""The shared shape of every change to one item: find '#id', check who may, apply, log, show."""

from __future__ import annotations

import re
from collections.abc import Callable

from handlers.items.render import item_blocks
from handlers.people.permissions import may_edit_item, who_may_edit
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, section
from handlers.reply.text import escape, shorten
from storage.items import add_event, get_item, states_of
from storage.models import ActionItem

_ID = re.compile(r"^\s*#?(\d{1,9})\b[\s,:]*(.*)$", re.S)
Change = Callable[[Ctx, ActionItem, str], str | Reply]
VERB_PHRASES = {"done": "close", "assign": "reassign", "due": "change the due date of"}


def with_item(ctx: Ctx, args: str, verb: str, change: Change, *, needs_rest: str = "") -> Reply:
    """Find the item named by '#id', apply ``change``, log it, and show the item again."""
    match = _ID.match(args)
    if not match:
        example = f"`/ccm {verb} #12{' ' + needs_rest if needs_rest else ''}`"
        return error(f"Which item? Give its number, e.g. {example}.")
    item = get_item(session=ctx.session, item_id=int(match[1]))
    if item is None or item.status == "draft":
        return error(f"There is no item #{match[1]}. `/ccm items` lists the open ones.")
    if verb != "note" and not may_edit_item(ctx.session, ctx.actor, item):
        return error(
            f"You can't {VERB_PHRASES.get(verb, verb)} #{item.id}: only {who_may_edit(ctx.session, item)} can. "
            "Nothing was changed."
        )
    rest = match[2].strip()
    if not needs_rest and rest:
        return error(
            f"`{verb}` takes one item at a time: I read #{item.id} and then “{escape(shorten(rest, 60))}”. "
            f"Try `/ccm {verb} #{item.id}`; nothing was changed."
        )
    if needs_rest and not rest:
        return error(f"What should I set? Try `/ccm {verb} #{item.id} {needs_rest}`.")
    outcome = change(ctx, item, rest)
    if isinstance(outcome, Reply):
        return outcome
    assert item.id is not None
    item.updated_at = ctx.now
    ctx.session.add(item)
    add_event(
        session=ctx.session,
        item_id=item.id,
        actor=ctx.user,
        action=verb,
        now=ctx.now,
        detail=outcome,
    )
    states = states_of(session=ctx.session, item_ids=[item.id])[item.id]
    text = f"{outcome}\n" + item_blocks(item, states, ctx.today)[0]["text"]["text"]
    return Reply(
        text=text,
        blocks=[section(text), *item_blocks(item, states, ctx.today)[1:]],
        item_id=item.id,
    )
