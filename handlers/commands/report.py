"""`report <State> article 7 [year]`: an Article 7 report arrived (it then no longer shows as owed)."""

from __future__ import annotations

import re
from datetime import date

from sqlmodel import select

from handlers.commands.registry import command
from handlers.i18n import _
from handlers.i18n.phrases import fill, state_in_text
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, section
from handlers.reply.text import escape, shorten
from storage.models import TreatyDeadline

_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")


@command(
    "report",
    usage="report <State> article 7 [year]",
    examples=("report Botswana article 7 2017",),
    writes=True,
)
def report(ctx: Ctx, args: str) -> Reply:
    """Record that a State's Article 7 report for a year has been received."""
    found = ctx.states.find_in_text(args)
    if not found:
        return error(
            _(
                "Whose report? I found no State in “{text}”. "
                "Try `/ccm report Botswana article 7 2017`. Nothing was recorded."
            ).format(text=escape(shorten(args, 80)))
        )
    state = found[0].state
    year_match = _YEAR.search(args)
    year = int(year_match[1]) if year_match else ctx.today.year
    key = f"article7:{state.iso3}:{year}"
    row = ctx.session.exec(select(TreatyDeadline).where(TreatyDeadline.import_key == key)).first()
    if row is not None and row.completed:
        return error(
            fill(
                _(
                    "The Article 7 report of {state} for {year} is already recorded; nothing changed."
                ),
                state=state_in_text(state.iso3, state.short),
                year=year,
            )
        )
    note = f"received (recorded {ctx.today.isoformat()} by {ctx.user})"
    if row is None:
        row = TreatyDeadline(
            state_iso3=state.iso3,
            kind="article7",
            due=date(year, 4, 30),
            completed=True,
            note=note,
            source=ctx.source or "chat",
            import_key=key,
        )
    else:
        row.completed, row.note = True, note
    ctx.session.add(row)
    text = fill(
        _("📄 Recorded: the Article 7 report of {state} for {year} received."),
        state=state_in_text(state.iso3, state.short),
        year=year,
    )
    return Reply(text=text, blocks=[section(text)])
