"""`digest`: preview the digest the scheduler would post now."""

from __future__ import annotations

from dataclasses import replace

from handlers.commands.registry import command
from handlers.digest import build_digest
from handlers.i18n import N_
from handlers.ports import Ctx
from handlers.reply.reply import Reply


@command("digest", usage="digest", examples=("digest",), aliases=("summary", "weekly"))
def digest(ctx: Ctx, args: str) -> Reply:
    """Preview the weekly digest as it would be posted now."""
    money = ctx.sees_private  # guests and other organisations never see contributions
    reply = build_digest(
        session=ctx.session,
        now=ctx.now,
        tz=ctx.tz,
        title=N_("Digest preview"),
        reference=ctx.reference,
        money=money,
    )
    return replace(reply, private=money)
