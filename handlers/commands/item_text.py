"""`note` and `edit`: words about an item, and the item's own words."""

from __future__ import annotations

from handlers.commands.action import MAX_ITEM_CHARS
from handlers.commands.item_change import with_item
from handlers.commands.registry import command
from handlers.i18n import N_, _, format_number
from handlers.i18n.said import Said, say
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error
from handlers.reply.text import escape, shorten
from storage.items import set_states
from storage.models import ActionItem


@command(
    "note",
    usage="note <#id> <text>",
    examples=("note 12 Albania answered on 3 April",),
    writes=True,
)
def note(ctx: Ctx, args: str) -> Reply:
    """Add a note to an item's history."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> Said | Reply:
        return say(
            N_("📝 Note added to #{id}: {note}"), id=item.id, note=escape(shorten(rest, 500))
        )

    return with_item(ctx, args, "note", change, needs_rest="<text>")


@command(
    "edit",
    usage="edit <#id> <new text>",
    examples=("edit 12 follow up with Albania and Croatia",),
    writes=True,
)
def edit(ctx: Ctx, args: str) -> Reply:
    """Replace an item's text."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> Said | Reply:
        if len(rest) > MAX_ITEM_CHARS:
            return error(
                _("The new text is over {limit} characters; nothing changed.").format(
                    limit=format_number(MAX_ITEM_CHARS)
                )
            )
        before = item.text
        item.text = rest
        assert item.id is not None
        owner_states = (
            [s for s in (item.owner_ref or "").split(",") if len(s) == 3 and s.isupper()]
            if item.owner_kind in ("state", "states")
            else []
        )
        mentioned = [m.state.iso3 for m in ctx.states.find_in_text(rest)]
        set_states(session=ctx.session, item_id=item.id, states=[*owner_states, *mentioned])
        return say(
            N_("✏️ #{id} edited (was: {before})."), id=item.id, before=escape(shorten(before, 200))
        )

    return with_item(ctx, args, "edit", change, needs_rest="<new text>")
