"""`deadlines`: items and treaty deadlines in a period ("next 30 days", "April", "2022")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlmodel import col, select

from handlers.commands.registry import command
from handlers.commands.status import KIND_LABELS
from handlers.dates.periods import period_bounds
from handlers.dates.reading import DateError, format_day
from handlers.dates.when import read_due
from handlers.i18n import _, state_label
from handlers.i18n.formats import labelled
from handlers.items.render import item_line
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape, shorten
from storage.items import OPEN
from storage.models import ActionItem, TreatyDeadline

LIMIT = 30
# "by 7 April" counts that day in; "before 7 April" stops the day before
_UNTIL = re.compile(
    r"(?P<word>by|before|until|till|avant|d'ici|jusqu'au|antes\s+del?|hasta(?:\s+el)?)\s+", re.I
)
_BEFORE = {"before", "avant", "antes de", "antes del"}


@command(
    "deadlines",
    usage="deadlines [period | by <day> | before <day>]",
    examples=(
        "deadlines",
        "deadlines next 30 days",
        "deadlines April",
        "deadlines 2022",
        "deadlines this week",
        "deadlines by 15 April",
    ),
    aliases=("deadline", "due-soon", "upcoming"),
)
def deadlines(ctx: Ctx, args: str) -> Reply:
    """Items and treaty deadlines falling in a period (default: the next 30 days)."""
    phrase = args.strip()
    bounds: tuple[date, date] | None
    if not phrase:
        bounds = (ctx.today, ctx.today + timedelta(days=30))
    elif by := _UNTIL.match(phrase):  # "deadlines before 7 April": from today up to that day
        bounds = _up_to(ctx, phrase[by.end() :], before=by["word"].lower() in _BEFORE)
    else:
        bounds = period_bounds(phrase, now=ctx.now, tz=ctx.tz)
    if bounds is None:
        return error(
            _(
                "I couldn't read “{text}” as a period. "
                "Try `next 30 days`, `this week`, `April`, `April 2017` or `2022`."
            ).format(text=escape(shorten(phrase, 100)))
        )
    start, end = bounds
    return _build(ctx, start, end)


def _up_to(ctx: Ctx, day: str, *, before: bool) -> tuple[date, date] | None:
    """From today to ``day`` (the day before it when ``before``); None when unread or past."""
    try:
        limit = read_due(ctx, day)
    except DateError:
        return None
    end = limit.due - timedelta(days=1) if before else limit.due
    return (ctx.today, end) if end >= ctx.today else None


def _build(ctx: Ctx, start: date, end: date) -> Reply:
    items_query = (
        select(ActionItem)
        .where(ActionItem.status == OPEN, col(ActionItem.due) >= start, col(ActionItem.due) <= end)
        .order_by(col(ActionItem.due), col(ActionItem.id))
        .limit(LIMIT)
    )
    items = list(ctx.session.exec(items_query))
    treaty = [d for d in ctx.reference.deadlines if start <= d.due <= end][:LIMIT]
    title = _("Deadlines {start} – {end}").format(start=format_day(start), end=format_day(end))
    item_text = "\n".join(item_line(item, ctx.today) for item in items) or "_{}_".format(
        _("no action items due")
    )
    treaty_text = "\n".join(_treaty_line(ctx, d) for d in treaty) or "_{}_".format(
        _("no treaty deadlines")
    )
    count = f"{len(items)}{'+' if len(items) == LIMIT else ''}"
    body_items = "*{}*\n{}".format(_("Action items ({count})").format(count=count), item_text)
    body_treaty = "*{}*\n{}".format(
        _("Treaty deadlines ({count})").format(count=len(treaty)), treaty_text
    )
    text = f"*{title}*\n{body_items}\n{body_treaty}"
    return Reply(text=text, blocks=[header(title), section(body_items), section(body_treaty)])


def _treaty_line(ctx: Ctx, deadline: TreatyDeadline) -> str:
    name = ctx.states.get(deadline.state_iso3)
    who = state_label(name.iso3, name.short) if name else deadline.state_iso3
    label = _(KIND_LABELS[deadline.kind]) if deadline.kind in KIND_LABELS else deadline.kind
    done = " ({})".format(_("met/superseded")) if deadline.completed else ""
    return f"{format_day(deadline.due)} · {labelled(who, label)}{done}"
