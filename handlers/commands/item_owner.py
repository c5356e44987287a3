"""`assign`: give an item to another owner (its related States follow)."""

from __future__ import annotations

from handlers.commands.item_change import with_item
from handlers.commands.registry import command
from handlers.i18n import N_, _
from handlers.i18n.said import Said, owner_value, say
from handlers.people.owners import OwnerError
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error
from handlers.understanding.owner import owner_in_words
from storage.items import set_states
from storage.models import ActionItem


@command(
    "assign",
    usage="assign <#id> <owner>",
    examples=("assign 12 Norway", "assign #12 @someone", "assign 12 the ISU"),
    aliases=("reassign",),
    writes=True,
)
def assign(ctx: Ctx, args: str) -> Reply:
    """Give an item to another owner."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> Said | Reply:
        try:
            owner = owner_in_words(ctx, rest)  # "to Norway", "à la Suisse", "the Swiss"
        except OwnerError as problem:
            return error(f"{problem} " + _("Nothing changed."))
        before = owner_value(item.owner, item.owner_kind, item.owner_ref)
        item.owner, item.owner_kind, item.owner_ref = owner.label, owner.kind, owner.ref
        if owner.area_key:
            item.area_key = owner.area_key
        assert item.id is not None
        mentioned = [m.state.iso3 for m in ctx.states.find_in_text(item.text)]
        set_states(session=ctx.session, item_id=item.id, states=[*owner.states, *mentioned])
        return say(
            N_("#{id} reassigned from {before} to {after}."),
            id=item.id,
            before=before,
            after=owner_value(owner.label, owner.kind, owner.ref),
        )

    return with_item(ctx, args, "assign", change, needs_rest="<owner>")
