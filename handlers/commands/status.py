"""`status`: where do we stand with a State, an area, an item, or me — in one message."""

from __future__ import annotations

import re

from sqlmodel import col, select

from handlers.commands.listing import items_reply_lines
from handlers.commands.registry import command
from handlers.commands.state_card import KIND_LABELS, state_card, state_more
from handlers.dates.reading import format_day
from handlers.i18n import _, join_names, state_label
from handlers.i18n.formats import labelled
from handlers.i18n.said import shown
from handlers.i18n.terms import term
from handlers.items.render import item_blocks
from handlers.ports import Ctx
from handlers.reference.areas import Area, resolve_area, suggest_area
from handlers.reference.states import StateName
from handlers.reply.reply import Reply, context, error, header, section
from handlers.reply.text import escape, shorten
from storage.items import OPEN, history, item_with_states
from storage.models import ActionItem

__all__ = ["KIND_LABELS", "state_status", "status"]

_ITEM = re.compile(r"^#?(\d{1,9})$")
_NATURAL = re.compile(
    r"^(?:what'?s up with|what about|where do we stand (?:with|on)|how is|how's|about|on|with)\s+",
    re.I,
)
_MORE = re.compile(r"\s+(?:more|details|in full|full)$", re.I)
ME = {"me", "mine", "myself", "my items"}


@command(
    "status",
    usage="status <State | area | #id | me> [more]",
    examples=(
        "status Botswana",
        "status universalization",
        "status #12",
        "status me",
        "status Chile more",
        "what's up with Lao PDR",
    ),
    aliases=("where", "info", "show", "about"),
)
def status(ctx: Ctx, args: str) -> Reply:
    """Everything known about a State, an area, an item or you."""
    subject = _NATURAL.sub("", args.strip()).strip(" ?!.")
    more = bool(_MORE.search(subject))
    subject = _MORE.sub("", subject)
    if not subject:
        return error(
            _(
                "Status of what? Try `/ccm status Botswana`, `/ccm status universalization`, "
                "`/ccm status #12` or `/ccm mine`."
            )
        )
    if subject.lower() in ME:
        return my_status(ctx)
    item_match = _ITEM.match(subject)
    if item_match:
        return item_status(ctx, int(item_match[1]))
    state = ctx.states.lookup(subject)
    if state:
        return state_status(ctx, state, more=more)
    area = resolve_area(subject)
    if area:
        return area_status(ctx, area)
    found = ctx.states.find_in_text(subject)
    if len(found) == 1:
        return state_status(ctx, found[0].state, more=more)
    return _unknown(ctx, subject)


def _unknown(ctx: Ctx, subject: str) -> Reply:
    guesses = ctx.states.suggest(subject, limit=1)
    area = suggest_area(subject)
    if guesses:
        hint = _("did you mean *{state}*? (`/ccm status {command}`)").format(
            state=state_label(guesses[0].iso3, guesses[0].short), command=guesses[0].short
        )
    elif area:
        hint = _("did you mean the area *{area}*?").format(area=term(area.name))
    else:
        hint = _("try a State (“Botswana”), an area (“universalization”), an item (“#12”) or “me”.")
    return error(
        _("No State, area or item called “{text}” — {hint}").format(
            text=escape(shorten(subject, 100)), hint=hint
        )
    )


def state_status(ctx: Ctx, name: StateName, *, more: bool = False) -> Reply:
    """The State's card (ten lines), or with ``more`` everything the card leaves out."""
    return state_more(ctx, name) if more else state_card(ctx, name)


def area_status(ctx: Ctx, area: Area) -> Reply:
    coordinators = [c for c in ctx.reference.coordinators if c.area_key == area.key]
    who = ", ".join(f"{_short(ctx, c.state_iso3)} ({c.cycle})" for c in coordinators) or _(
        "none recorded"
    )
    items_query = select(ActionItem).where(
        ActionItem.area_key == area.key, ActionItem.status == OPEN
    )
    items = list(
        ctx.session.exec(
            items_query.order_by(col(ActionItem.due).is_(None), col(ActionItem.due)).limit(15)
        )
    )
    title = term(area.name)
    count = f"{len(items)}{'+' if len(items) == 15 else ''}"
    body = "*{}* {}\n*{}*\n".format(
        _("Coordinators:"), who, _("Open items ({count})").format(count=count)
    )
    body += items_reply_lines(items, ctx.today)
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


def _short(ctx: Ctx, iso3: str) -> str:
    name = ctx.states.get(iso3)
    return state_label(iso3, name.short) if name else iso3


def item_status(ctx: Ctx, item_id: int) -> Reply:
    found = item_with_states(session=ctx.session, item_id=item_id)
    if found is None:
        return error(
            _("There is no item #{id}. `/ccm items` lists the open ones.").format(id=item_id)
        )
    item, states = found
    # The change history names who did what: for the committee's members only.
    events = history(session=ctx.session, item_id=item_id) if ctx.sees_private else []
    log = "\n".join(
        f"{format_day(e.at.astimezone(ctx.tz).date())} {e.at.astimezone(ctx.tz):%H:%M} · {escape(e.actor)} · {term(e.action)}"
        + (f" — {shown(e.detail)}" if e.detail else "")
        for e in events[-10:]
    )
    blocks = item_blocks(item, states, ctx.today)
    if item.status == "draft":
        blocks.append(
            context(_("Draft from a minutes import: not tracked until someone confirms it."))
        )
    history_title = _("History")
    blocks.append(context(f"*{history_title}*\n{log}" if log else _("No history.")))
    text = blocks[0]["text"]["text"] + (
        f"\n{labelled(history_title, '').rstrip()}\n{log}" if log else ""
    )
    return Reply(text=text, blocks=blocks, item_id=item_id)


def my_status(ctx: Ctx) -> Reply:
    from handlers.people.plate import plate_filter

    condition, covers = plate_filter(ctx)  # yours, and your State's, areas', ISU's...
    query = select(ActionItem).where(condition, ActionItem.status == OPEN)
    items = list(
        ctx.session.exec(
            query.order_by(col(ActionItem.due).is_(None), col(ActionItem.due)).limit(30)
        )
    )
    body = items_reply_lines(items, ctx.today) if items else _("You have no open items. 🎉")
    title = _("Your open items ({count})").format(count=len(items)) + (
        " — " + _("with {owners}").format(owners=join_names(covers)) if covers else ""
    )
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


@command("mine", usage="mine", examples=("mine",), aliases=("me", "my"))
def mine(ctx: Ctx, args: str) -> Reply:
    """Your own open items."""
    return my_status(ctx)
