"""`status`: where do we stand with a State, an area, an item, or me — in one message."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import col, func, select

from handlers.commands.listing import items_reply_lines
from handlers.commands.registry import command
from handlers.i18n import N_, _, current_language, format_day, state_label
from handlers.i18n.formats import format_month, mention_place
from handlers.i18n.terms import term
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
    "article3": N_("Article 3 stockpile destruction deadline"),
    "article3_extension": N_("Article 3 extended deadline"),
    "article4": N_("Article 4 clearance deadline"),
    "article4_extension": N_("Article 4 extended deadline"),
    "extension_request": N_("Extension request due"),
    "article7": N_("Article 7 report due"),
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


def state_status(ctx: Ctx, name: StateName) -> Reply:
    state = ctx.session.get(State, name.iso3)
    status_text = term(state.ccm_status if state else "not party")
    title = f"{state_label(name.iso3, name.short)} ({name.iso3}) — {status_text}"
    blocks: list[Block] = [header(title)]
    lines: list[str] = [f"*{title}*"]
    treaty = _treaty_lines(state) if state else []
    if treaty:
        blocks.append(section("\n".join(treaty)))
        lines += treaty
        if state and state.source:
            source = (
                _("Source: {source} (ccm_states.csv, facts as of {day}; unverified)")
                if "REC" in state.source
                else _("Source: {source} (ccm_states.csv, facts as of {day})")
            ).format(source=state.source, day=format_month(REFERENCE_AS_OF))
            blocks.append(context(source))
            lines.append(f"_{source}_")
    deadlines = _deadline_lines(ctx, name.iso3)
    roles = _roles(ctx, name.iso3)
    money = _money_lines(ctx, name.iso3)
    items, total = items_for_state(session=ctx.session, iso3=name.iso3, limit=10)
    item_text = "\n".join(item_line(item, ctx.today) for item in items) or _("_none_")
    more = (
        "\n"
        + _("…and {count} more: `/ccm items {state}`").format(
            count=total - len(items), state=name.short
        )
        if total > len(items)
        else ""
    )
    parts = [
        (_("Obligations and deadlines"), deadlines),
        (_("Coordinates"), roles),
        (_("Contributions"), money),
    ]
    for label, part in parts:
        if part:
            blocks.append(section(f"*{label}*\n" + "\n".join(part)))
            lines += [f"*{label}*", *part]
    open_title = _("Open action items ({count})").format(count=total)
    blocks.append(section(f"*{open_title}*\n{item_text}{more}"))
    lines += [f"*{open_title}*", item_text + more]
    mention = _last_mention(ctx, name.iso3)
    if mention:
        blocks.append(context(mention))
        lines.append(mention)
    return Reply(text="\n".join(lines), blocks=blocks)


def _treaty_lines(state: State) -> list[str]:
    facts = []
    if state.signed:
        facts.append(_("Signed {day}").format(day=format_day(state.signed)))
    if state.ratified:
        instrument = term(state.instrument or "ratification")
        facts.append(f"{instrument[:1].upper()}{instrument[1:]} {format_day(state.ratified)}")
    if state.entry_into_force:
        facts.append(_("in force for it from {day}").format(day=format_day(state.entry_into_force)))
    lines = [" · ".join(facts)] if facts else []
    if state.article3:
        lines.append(_("Article 3 (stockpiles): {facts}").format(facts=source_note(state.article3)))
    if state.article4:
        lines.append(_("Article 4 (clearance): {facts}").format(facts=source_note(state.article4)))
    if state.ccm_status == "State Party" and state.entry_into_force:
        initial = state.entry_into_force + timedelta(days=180)
        lines.append(
            _("Article 7: initial report due {day}; annual update by 30 April").format(
                day=format_day(initial)
            )
        )
    return lines


def source_note(text: str) -> str:
    """The reference data's research notes are English: say so to a French or Spanish reader."""
    if current_language() == "en":
        return escape(text)
    return _("“{text}” (source notes, in English)").format(text=escape(text))


def _deadline_lines(ctx: Ctx, iso3: str) -> list[str]:
    query = (
        select(TreatyDeadline)
        .where(TreatyDeadline.state_iso3 == iso3)
        .order_by(col(TreatyDeadline.due))
    )
    lines = []
    for deadline in ctx.session.exec(query):
        label = _(KIND_LABELS[deadline.kind]) if deadline.kind in KIND_LABELS else deadline.kind
        state = (
            _("met/superseded")
            if deadline.completed
            else (_("passed") if deadline.due < ctx.today else _("ahead"))
        )
        source = (
            " _({})_".format(_("source: {source}").format(source=escape(deadline.source)))
            if deadline.source
            else ""
        )
        lines.append(
            _("{label}: {day} — {state}").format(
                label=label, day=format_day(deadline.due), state=state
            )
            + source
        )
    return lines


def _roles(ctx: Ctx, iso3: str) -> list[str]:
    query = select(Coordinator).where(Coordinator.state_iso3 == iso3)
    return [
        f"{term(AREA_BY_KEY[c.area_key].name)} ({c.cycle})"
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
        f"{year}: {format_chf(cents, currency)} {term(status)}"
        for year, status, currency, cents in ctx.session.exec(query)
    ]


def _last_mention(ctx: Ctx, iso3: str) -> str | None:
    query = (
        select(StateMention).where(StateMention.iso3 == iso3).order_by(col(StateMention.at).desc())
    )
    mention = ctx.session.exec(query.limit(1)).first()
    if mention is None:
        return None
    return _("Last mentioned {day} in {where}: “{excerpt}”").format(
        day=format_day(mention.at.astimezone(ctx.tz).date()),
        where=escape(mention_place(mention.where)),
        excerpt=escape(mention.excerpt),
    )


def area_status(ctx: Ctx, area: Area) -> Reply:
    query = (
        select(Coordinator)
        .where(Coordinator.area_key == area.key)
        .order_by(col(Coordinator.cycle).desc())
    )
    coordinators = list(ctx.session.exec(query))
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
    item = get_item(session=ctx.session, item_id=item_id)
    if item is None:
        return error(
            _("There is no item #{id}. `/ccm items` lists the open ones.").format(id=item_id)
        )
    states = states_of(session=ctx.session, item_ids=[item_id])[item_id]
    events = history(session=ctx.session, item_id=item_id)
    log = "\n".join(
        f"{format_day(e.at.astimezone(ctx.tz).date())} {e.at.astimezone(ctx.tz):%H:%M} · {escape(e.actor)} · {term(e.action)}"
        + (f" — {e.detail}" if e.detail else "")
        for e in events[-10:]
    )
    blocks = item_blocks(item, states, ctx.today)
    if item.status == "draft":
        blocks.append(
            context(_("Draft from a minutes import: not tracked until someone confirms it."))
        )
    history_title = _("History")
    blocks.append(context(f"*{history_title}*\n{log}" if log else _("No history.")))
    text = blocks[0]["text"]["text"] + (f"\n{history_title}:\n{log}" if log else "")
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
    body = items_reply_lines(items, ctx.today) if items else _("You have no open items. 🎉")
    title = _("Your open items ({count})").format(count=len(items))
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


@command("mine", usage="mine", examples=("mine",), aliases=("me", "my"))
def mine(ctx: Ctx, args: str) -> Reply:
    """Your own open items."""
    return my_status(ctx)
