"""`done`, `reopen`, `delete` (soft) and `restore`: an item's status."""

from __future__ import annotations

from handlers.commands.item_change import Change, with_item
from handlers.commands.registry import command
from handlers.i18n import N_, _
from handlers.i18n.said import Said, say
from handlers.i18n.terms import term
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error
from storage.items import DELETED, DONE, OPEN
from storage.models import ActionItem


def _set_status(status: str, message: str, *, allowed: tuple[str, ...]) -> Change:
    def change(ctx: Ctx, item: ActionItem, _rest: str) -> Said | Reply:
        if item.status not in allowed:
            return error(
                _("Item #{id} is {status}; nothing changed.").format(
                    id=item.id, status=term(item.status)
                )
            )
        item.status = status
        item.snoozed_until = None
        return say(message, id=item.id)

    return change


@command(
    "done",
    usage="done <#id>",
    examples=("done 12", "done #12"),
    aliases=("close", "complete"),
    writes=True,
)
def done(ctx: Ctx, args: str) -> Reply:
    """Mark an item done."""
    return with_item(
        ctx, args, "done", _set_status(DONE, N_("✅ #{id} marked done."), allowed=(OPEN,))
    )


@command("reopen", usage="reopen <#id>", examples=("reopen 12",), writes=True)
def reopen(ctx: Ctx, args: str) -> Reply:
    """Reopen a done item."""
    return with_item(
        ctx, args, "reopen", _set_status(OPEN, N_("#{id} is open again."), allowed=(DONE,))
    )


@command(
    "delete", usage="delete <#id>", examples=("delete 12",), aliases=("remove", "rm"), writes=True
)
def delete(ctx: Ctx, args: str) -> Reply:
    """Delete an item (it can be restored with `restore`)."""
    change = _set_status(
        DELETED, N_("🗑 #{id} deleted. Undo with `/ccm restore #{id}`."), allowed=(OPEN, DONE)
    )
    return with_item(ctx, args, "delete", change)


@command(
    "restore", usage="restore <#id>", examples=("restore 12",), aliases=("undelete",), writes=True
)
def restore(ctx: Ctx, args: str) -> Reply:
    """Bring back a deleted item."""
    return with_item(
        ctx, args, "restore", _set_status(OPEN, N_("#{id} restored."), allowed=(DELETED,))
    )
