"""The shared shape of every change to one item: find '#id', check who may, apply, log, show."""

from __future__ import annotations

import re
from collections.abc import Callable

from handlers.i18n import N_, _
from handlers.i18n.said import Said
from handlers.items.render import item_blocks
from handlers.people.permissions import may_edit_item, who_may_edit
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, section
from handlers.reply.text import escape, shorten
from storage.items import add_event, get_item, states_of
from storage.models import ActionItem

_ID = re.compile(r"^\s*#?(\d{1,9})\b[\s,:]*(.*)$", re.S)
Change = Callable[[Ctx, ActionItem, str], Said | Reply]  # what the change says, as data
REFUSALS = {
    "done": N_("You can't close #{id}: only {who} can. Nothing was changed."),
    "reopen": N_("You can't reopen #{id}: only {who} can. Nothing was changed."),
    "assign": N_("You can't reassign #{id}: only {who} can. Nothing was changed."),
    "due": N_("You can't change the due date of #{id}: only {who} can. Nothing was changed."),
    "snooze": N_("You can't snooze #{id}: only {who} can. Nothing was changed."),
    "edit": N_("You can't edit #{id}: only {who} can. Nothing was changed."),
    "delete": N_("You can't delete #{id}: only {who} can. Nothing was changed."),
    "restore": N_("You can't restore #{id}: only {who} can. Nothing was changed."),
}
OTHER_REFUSAL = N_("You can't change #{id}: only {who} can. Nothing was changed.")


def with_item(ctx: Ctx, args: str, verb: str, change: Change, *, needs_rest: str = "") -> Reply:
    """Find the item named by '#id', apply ``change``, log it, and show the item again."""
    match = _ID.match(args)
    if not match:
        example = f"`/ccm {verb} #12{' ' + needs_rest if needs_rest else ''}`"
        return error(_("Which item? Give its number, e.g. {example}.").format(example=example))
    item = get_item(session=ctx.session, item_id=int(match[1]))
    if item is None or item.status == "draft":
        return error(
            _("There is no item #{id}. `/ccm items` lists the open ones.").format(id=match[1])
        )
    if verb != "note" and not may_edit_item(ctx.session, ctx.actor, item):
        refusal = _(REFUSALS.get(verb, OTHER_REFUSAL))
        return error(refusal.format(id=item.id, who=who_may_edit(ctx.session, item)))
    rest = match[2].strip()
    if not needs_rest and rest:
        return error(
            _(
                "`{verb}` takes one item at a time: I read #{id} and then “{rest}”. "
                "Try `/ccm {verb} #{id}`; nothing was changed."
            ).format(verb=verb, id=item.id, rest=escape(shorten(rest, 60)))
        )
    if needs_rest and not rest:
        return error(
            _("What should I set? Try `/ccm {verb} #{id} {example}`.").format(
                verb=verb, id=item.id, example=needs_rest
            )
        )
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
        detail=outcome.stored(),  # said in each later reader's language (handlers.i18n.said)
    )
    states = states_of(session=ctx.session, item_ids=[item.id])[item.id]
    text = f"{outcome.text()}\n" + item_blocks(item, states, ctx.today)[0]["text"]["text"]
    return Reply(
        text=text,
        blocks=[section(text), *item_blocks(item, states, ctx.today)[1:]],
        item_id=item.id,
    )
