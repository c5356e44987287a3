"""`status`: where do we stand with a State, an area, an item, or me — in one message."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import col, func, select

from handlers.commands.listing import items_reply_lines
from handlers.commands.registry import command
from handlers.dates.reading import format_day
from handlers.items.render import item_blocks, item_line
from handlers.money import format_chf
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY, Area, resolve_area, suggest_area
from handlers.reference.load import REFERENCE_AS_OF
from handlers.reference.states import StateName
from handlers.reply.reply import Block, Reply, context, error, header, section
from handlers.reply.text import escape, shorten
from storage.items import OPEN, get_item, history, items_for_state, states_of
from storage.models import (
    ActionItem,
    Contribution,
    Coordinator,
    State,
    StateMention,
    TreatyDeadline,
)

_ITEM = re.compile(r"^#?(\d{1,9})$")
_NATURAL = re.compile(
    r"^(?:what'?s up with|what about|where do we stand (?:with|on)|how is|how's|about|on|with)\s+",
    re.I,
)
ME = {"me", "mine", "myself", "my items"}
KIND_LABELS = {
    "article3": "Article 3 stockpile destruction deadline",
    "article3_extension": "Article 3 extended deadline",
    "article4": "Article 4 clearance deadline",
    "article4_extension": "Article 4 extended deadline",
    "extension_request": "Extension request due",
    "article7": "Article 7 report due",
}


@command(
    "status",
    usage="status <State | area | #id | me>",
    examples=(
        "status Botswana",
        "status universalization",
        "status #12",
        "status me",
        "what's up with Lao PDR",
    ),
    aliases=("where", "info", "show", "about"),
)
def status(ctx: Ctx, args: str) -> Reply:
    """Everything known about a State, an area, an item or you."""
    subject = _NATURAL.sub("", args.strip()).strip(" ?!.")
    if not subject:
        return error(
            "Status of what? Try `/ccm status Botswana`, `/ccm status universalization`, `/ccm status #12` or `/ccm mine`."
        )
    if subject.lower() in ME:
        return my_status(ctx)
    item_match = _ITEM.match(subject)
    if item_match:
        return item_status(ctx, int(item_match[1]))
    state = ctx.states.lookup(subject)
    if state:
        return state_status(ctx, state)
    area = resolve_area(subject)
    if area:
        return area_status(ctx, area)
    found = ctx.states.find_in_text(subject)
    if len(found) == 1:
        return state_status(ctx, found[0].state)
    return _unknown(ctx, subject)


def _unknown(ctx: Ctx, subject: str) -> Reply:
    guesses = ctx.states.suggest(subject, limit=1)
    area = suggest_area(subject)
    if guesses:
        hint = f"did you mean *{guesses[0].short}*? (`/ccm status {guesses[0].short}`)"
    elif area:
        hint = f"did you mean the area *{area.name}*?"
    else:
        hint = "try a State (“Botswana”), an area (“universalization”), an item (“#12”) or “me”."
    return error(f"No State, area or item called “{escape(shorten(subject, 100))}” — {hint}")


def state_status(ctx: Ctx, name: StateName) -> Reply:
    state = ctx.session.get(State, name.iso3)
    status_text = state.ccm_status if state else "not party"
    title = f"{name.short} ({name.iso3}) — {status_text}"
    blocks: list[Block] = [header(title)]
    lines: list[str] = [f"*{title}*"]
    treaty = _treaty_lines(state) if state else []
    if treaty:
        blocks.append(section("\n".join(treaty)))
        lines += treaty
        if state and state.source:
            source = (
                f"Source: {state.source} (ccm_states.csv, facts as of {REFERENCE_AS_OF}"
                f"{'; unverified' if 'REC' in state.source else ''})"
            )
            blocks.append(context(source))
            lines.append(f"_{source}_")
    deadlines = _deadline_lines(ctx, name.iso3)
    roles = _roles(ctx, name.iso3)
    # Guests and other organisations' people never see the money (issue 12).
    money = _money_lines(ctx, name.iso3) if ctx.actor.sees_private else []
    items, total = items_for_state(session=ctx.session, iso3=name.iso3, limit=10)
    item_text = "\n".join(item_line(item, ctx.today) for item in items) or "_none_"
    more = (
        f"\n…and {total - len(items)} more: `/ccm items {name.short}`" if total > len(items) else ""
    )
    parts = [
        ("Obligations and deadlines", deadlines),
        ("Coordinates", roles),
        ("Contributions", money),
    ]
    for label, part in parts:
        if part:
            blocks.append(section(f"*{label}*\n" + "\n".join(part)))
            lines += [f"*{label}*", *part]
    blocks.append(section(f"*Open action items ({total})*\n{item_text}{more}"))
    lines += [f"*Open action items ({total})*", item_text + more]
    mention = _last_mention(ctx, name.iso3)
    if mention:
        blocks.append(context(mention))
        lines.append(mention)
    return Reply(text="\n".join(lines), blocks=blocks, private=bool(money))


def _treaty_lines(state: State) -> list[str]:
    facts = []
    if state.signed:
        facts.append(f"Signed {format_day(state.signed)}")
    if state.ratified:
        facts.append(
            f"{(state.instrument or 'ratification').capitalize()} {format_day(state.ratified)}"
        )
    if state.entry_into_force:
        facts.append(f"in force for it from {format_day(state.entry_into_force)}")
    lines = [" · ".join(facts)] if facts else []
    if state.article3:
        lines.append(f"Article 3 (stockpiles): {escape(state.article3)}")
    if state.article4:
        lines.append(f"Article 4 (clearance): {escape(state.article4)}")
    if state.ccm_status == "State Party" and state.entry_into_force:
        initial = state.entry_into_force + timedelta(days=180)
        lines.append(
            f"Article 7: initial report due {format_day(initial)}; annual update by 30 April"
        )
    return lines


def _deadline_lines(ctx: Ctx, iso3: str) -> list[str]:
    query = (
        select(TreatyDeadline)
        .where(TreatyDeadline.state_iso3 == iso3)
        .order_by(col(TreatyDeadline.due))
    )
    lines = []
    for deadline in ctx.session.exec(query):
        label = KIND_LABELS.get(deadline.kind, deadline.kind)
        state = (
            "met/superseded"
            if deadline.completed
            else ("passed" if deadline.due < ctx.today else "ahead")
        )
        source = f" _(source: {escape(deadline.source)})_" if deadline.source else ""
        lines.append(f"{label}: {format_day(deadline.due)} — {state}{source}")
    return lines


def _roles(ctx: Ctx, iso3: str) -> list[str]:
    query = select(Coordinator).where(Coordinator.state_iso3 == iso3)
    return [
        f"{AREA_BY_KEY[c.area_key].name} ({c.cycle})"
        for c in ctx.session.exec(query)
        if c.area_key in AREA_BY_KEY
    ]


def _money_lines(ctx: Ctx, iso3: str) -> list[str]:
    query = (
        select(
            Contribution.year,
            Contribution.status,
            Contribution.currency,
            func.sum(Contribution.amount_cents),
        )
        .where(Contribution.state_iso3 == iso3)
        .group_by(col(Contribution.year), col(Contribution.status), col(Contribution.currency))
        .order_by(col(Contribution.year).desc())
    )
    return [
        f"{year}: {format_chf(int(cents), currency)} {status}"  # PostgreSQL sums BIGINT as NUMERIC
        for year, status, currency, cents in ctx.session.exec(query)
    ]


def _last_mention(ctx: Ctx, iso3: str) -> str | None:
    query = (
        select(StateMention).where(StateMention.iso3 == iso3).order_by(col(StateMention.at).desc())
    )
    mention = ctx.session.exec(query.limit(1)).first()
    if mention is None:
        return None
    return f"Last mentioned {format_day(mention.at.astimezone(ctx.tz).date())} in {escape(mention.where)}: “{escape(mention.excerpt)}”"


def area_status(ctx: Ctx, area: Area) -> Reply:
    query = (
        select(Coordinator)
        .where(Coordinator.area_key == area.key)
        .order_by(col(Coordinator.cycle).desc())
    )
    coordinators = list(ctx.session.exec(query))
    who = (
        ", ".join(f"{_short(ctx, c.state_iso3)} ({c.cycle})" for c in coordinators)
        or "none recorded"
    )
    items_query = select(ActionItem).where(
        ActionItem.area_key == area.key, ActionItem.status == OPEN
    )
    items = list(
        ctx.session.exec(
            items_query.order_by(col(ActionItem.due).is_(None), col(ActionItem.due)).limit(15)
        )
    )
    title = f"{area.name}"
    body = f"*Coordinators:* {who}\n*Open items ({len(items)}{'+' if len(items) == 15 else ''})*\n"
    body += items_reply_lines(items, ctx.today)
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


def _short(ctx: Ctx, iso3: str) -> str:
    name = ctx.states.get(iso3)
    return name.short if name else iso3


def item_status(ctx: Ctx, item_id: int) -> Reply:
    item = get_item(session=ctx.session, item_id=item_id)
    if item is None:
        return error(f"There is no item #{item_id}. `/ccm items` lists the open ones.")
    states = states_of(session=ctx.session, item_ids=[item_id])[item_id]
    # The change history names who did what: for the committee's members only.
    events = history(session=ctx.session, item_id=item_id) if ctx.actor.sees_private else []
    log = "\n".join(
        f"{format_day(e.at.astimezone(ctx.tz).date())} {e.at.astimezone(ctx.tz):%H:%M} · {escape(e.actor)} · {e.action}"
        + (f" — {e.detail}" if e.detail else "")
        for e in events[-10:]
    )
    blocks = item_blocks(item, states, ctx.today)
    if item.status == "draft":
        blocks.append(
            context("Draft from a minutes import: not tracked until someone confirms it.")
        )
    blocks.append(context(f"*History*\n{log}" if log else "No history."))
    text = blocks[0]["text"]["text"] + (f"\nHistory:\n{log}" if log else "")
    return Reply(text=text, blocks=blocks, item_id=item_id)


def my_status(ctx: Ctx) -> Reply:
    query = select(ActionItem).where(
        ActionItem.owner_kind == "person",
        ActionItem.owner_ref == ctx.user,
        ActionItem.status == OPEN,
    )
    items = list(
        ctx.session.exec(
            query.order_by(col(ActionItem.due).is_(None), col(ActionItem.due)).limit(30)
        )
    )
    body = items_reply_lines(items, ctx.today) if items else "You have no open items. 🎉"
    title = f"Your open items ({len(items)})"
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


@command("mine", usage="mine", examples=("mine",), aliases=("me", "my"))
def mine(ctx: Ctx, args: str) -> Reply:
    """Your own open items."""
    return my_status(ctx)
