"""`items`: open items filtered by overdue, this week, area, State, owner, mine, done."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from handlers.commands.registry import command
from handlers.dates.periods import period_bounds
from handlers.dates.reading import DateError, format_day
from handlers.dates.when import read_due
from handlers.i18n import _, current_language, pgettext, state_label
from handlers.i18n.phrases import owner_in_text
from handlers.i18n.terms import term
from handlers.items.render import item_line
from handlers.people.owners import OwnerError, parse_owner
from handlers.ports import Ctx
from handlers.reference.areas import find_area
from handlers.reference.states import StateMatch
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape
from storage.items import DONE, OPEN
from storage.models import ActionItem, ItemState

PAGE = 25


def items_reply_lines(items: list[ActionItem], today: date) -> str:
    return "\n".join(item_line(item, today) for item in items) or _("_none_")


@command(
    "items",
    usage="items [overdue | due this week | <area> | <State> | owner <who> | mine | done]",
    examples=(
        "items",
        "items overdue",
        "items due this week",
        "items Botswana",
        "items universalization",
        "items mine",
        "items done",
    ),
    aliases=("list", "ls", "open"),
)
def items(ctx: Ctx, args: str) -> Reply:
    """List action items, with filters."""
    words = args.strip()
    query = select(ActionItem)
    described: list[str] = []
    status = DONE if re.search(r"\b(done|closed|completed)\b", words, re.I) else OPEN
    query = query.where(ActionItem.status == status)
    described.append(
        pgettext("items filter", "done") if status == DONE else pgettext("items filter", "open")
    )
    if re.search(r"\boverdue\b|\blate\b", words, re.I):
        query = query.where(col(ActionItem.due) < ctx.today)
        described.append(_("overdue"))
    week = re.search(r"\b(this|next) week\b", words, re.I)
    if week:
        start = ctx.today - timedelta(days=ctx.today.weekday())
        if week[1].lower() == "next":
            start += timedelta(weeks=1)
        end = start + timedelta(days=6)
        query = query.where(
            col(ActionItem.due) >= (ctx.today if week[1].lower() == "this" else start),
            col(ActionItem.due) <= end,
        )
        described.append(_("due this week") if week[1].lower() == "this" else _("due next week"))
    if re.search(r"\b(mine|my|me)\b", words, re.I):
        query = query.where(ActionItem.owner_kind == "person", ActionItem.owner_ref == ctx.user)
        described.append(_("yours"))
    by = re.search(
        r"\bdue\s+(?P<when>(?:by|before|until|till|avant|d'ici|antes\s+de|hasta)\b.+?)(?=\s+owner\b|$)",
        words,
        re.I,
    )
    if by:
        try:
            limit = read_due(ctx, by["when"])
        except DateError as problem:
            return error(f"{escape(str(problem))} " + _("Try `/ccm items due by 15 April`."))
        query = query.where(col(ActionItem.due) <= limit.due)
        described.append(
            _("due {when} ({day})").format(when=escape(by["when"]), day=format_day(limit.due))
        )
        words = words[: by.start()] + words[by.end() :]
    due = re.search(r"\bdue\s+(?!(?:this|next) week\b)(?P<period>.+?)(?=\s+owner\b|$)", words, re.I)
    if due and (bounds := period_bounds(due["period"], now=ctx.now, tz=ctx.tz)) is not None:
        query = query.where(col(ActionItem.due) >= bounds[0], col(ActionItem.due) <= bounds[1])
        described.append(_("due {period}").format(period=escape(due["period"])))
        words = words[: due.start()] + words[due.end() :]
    owner = re.search(r"\bowner\s+(.+)$", words, re.I)
    if owner:
        query = query.where(col(ActionItem.owner).ilike(f"%{owner[1].strip()}%"))
        described.append(_("owner “{who}”").format(who=_owner_said(ctx, owner[1].strip())))
    area = find_area(words)
    if area:
        query = query.where(ActionItem.area_key == area.key)
        described.append(term(area.name))
    states = [] if owner else ctx.states.find_in_text(words)
    for match in states:
        link = aliased(ItemState)
        query = query.join(link, col(link.item_id) == col(ActionItem.id)).where(
            link.iso3 == match.state.iso3
        )
        described.append(state_label(match.state.iso3, match.state.short))
    leftover = _leftover(words, states)
    if leftover and not area and not owner:
        guesses = ctx.states.suggest(leftover, limit=1)
        hint = (
            " "
            + _("No State called “{text}” — did you mean *{state}*?").format(
                text=escape(leftover), state=state_label(guesses[0].iso3, guesses[0].short)
            )
            if guesses
            else ""
        )
        said = _("I didn't understand the filter “{text}”.").format(text=escape(leftover))
        return error(f"{said}{hint} " + _("Try `/ccm help items`."))
    total = ctx.session.exec(select(func.count()).select_from(query.subquery())).one()
    order = (col(ActionItem.due).is_(None), col(ActionItem.due), col(ActionItem.id))
    if status == DONE:
        order = (col(ActionItem.updated_at).desc(),)  # type: ignore[assignment]
    found = list(ctx.session.exec(query.order_by(*order).limit(PAGE)))
    title = _("Items: {filters} ({count})").format(filters=", ".join(described), count=total)
    body = items_reply_lines(found, ctx.today)
    if total > len(found):
        body += "\n" + _(
            "…and {count} more. Narrow it down, e.g. `/ccm items overdue universalization`."
        ).format(count=total - len(found))
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


def _owner_said(ctx: Ctx, phrase: str) -> str:
    """The owner filter in the reader's words when it names a State, a role or an area's
    coordinators ("la Présidence"); anything else, and English, as typed (escaped)."""
    if current_language() == "en":
        return escape(phrase)
    try:
        owner = parse_owner(ctx, phrase)
    except OwnerError:
        return escape(phrase)
    if owner.kind == "person":
        return escape(phrase)
    return str(owner_in_text(owner.kind, owner.ref, owner.label, article=False))


_FILTER_WORDS = re.compile(
    r"\b(done|closed|completed|overdue|late|this week|next week|due|mine|my|me|items?|open|all|in|for|of|and|the|with|owner\s+.+)\b",
    re.I,
)


def _leftover(words: str, states: list[StateMatch]) -> str:
    """What the filters did not explain: a likely typo to answer with did-you-mean."""
    text = words
    for match in sorted(states, key=lambda m: -m.start):
        text = text[: match.start] + " " + text[match.end :]
    area = find_area(text)
    text = _FILTER_WORDS.sub(" ", text)
    if area:
        return ""
    return " ".join(text.split()).strip(" ,.")


@command("overdue", usage="overdue [filters]", examples=("overdue", "overdue universalization"))
def overdue(ctx: Ctx, args: str) -> Reply:
    """Open items past their due date."""
    return items(ctx, f"overdue {args}")
