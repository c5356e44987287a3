"""A State's status card: ten lines at most, each treaty deadline once, and "more" for the rest.

The reference facts (treaty dates, deadlines, coordinators, contributions) come from the
process's in-memory snapshot (storage/reference.py); only the live facts are queried: the open
items with their total (one statement) and the last mention (one statement).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlmodel import col, select

from handlers.dates.reading import format_day
from handlers.items.render import item_line
from handlers.money import format_chf
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY
from handlers.reference.load import REFERENCE_AS_OF
from handlers.reference.states import StateName
from handlers.reply.reply import Block, Reply, context, header, section
from handlers.reply.text import escape
from storage.items import items_for_state
from storage.models import State, StateMention, TreatyDeadline

MAX_LINES = 10
ACTION_STATUS_MORE = "status_more"
KIND_LABELS = {
    "article3": "Article 3 stockpile destruction deadline",
    "article3_extension": "Article 3 extended deadline",
    "article4": "Article 4 clearance deadline",
    "article4_extension": "Article 4 extended deadline",
    "extension_request": "Extension request due",
    "article7": "Article 7 report due",
}
# One card line per obligation: an extension replaces the deadline it extends.
_OBLIGATION = {
    "article3": "Article 3 (stockpiles)",
    "article3_extension": "Article 3 (stockpiles)",
    "article4": "Article 4 (clearance)",
    "article4_extension": "Article 4 (clearance)",
    "extension_request": "Extension request",
    "article7": "Article 7 report",
}


def _title(name: StateName, state: State | None) -> str:
    return f"{name.short} ({name.iso3}) — {state.ccm_status if state else 'not party'}"


def _dates_line(state: State) -> str | None:
    facts = []
    if state.signed:
        facts.append(f"Signed {format_day(state.signed)}")
    if state.ratified:
        kind = (state.instrument or "ratification").capitalize()
        facts.append(f"{kind} {format_day(state.ratified)}")
    if state.entry_into_force:
        facts.append(f"in force for it from {format_day(state.entry_into_force)}")
    if state.withdrawn_on:
        facts.append(f"withdrawal effective {format_day(state.withdrawn_on)}")
    return " · ".join(facts) or None


def _standing(deadline: TreatyDeadline, today: date) -> str:
    if deadline.completed:
        return "met/superseded"
    return "passed" if deadline.due < today else "ahead"


def _obligation_lines(deadlines: list[TreatyDeadline], today: date) -> list[str]:
    """The current deadline of each obligation, once, with how many times it moved."""
    chains: defaultdict[str, list[TreatyDeadline]] = defaultdict(list)
    for deadline in deadlines:
        chains[_OBLIGATION.get(deadline.kind, deadline.kind)].append(deadline)
    lines = []
    for label, chain in chains.items():
        current = max(chain, key=lambda d: d.due)
        moved = len(chain) - 1
        extended = f" (extended {moved}×, first {format_day(chain[0].due)})" if moved else ""
        lines.append(f"{label}: {format_day(current.due)} — {_standing(current, today)}{extended}")
    return lines


def _article7_line(state: State, deadlines: list[TreatyDeadline], today: date) -> str | None:
    """The next Article 7 report a State Party owes, unless a recorded deadline says it."""
    if state.ccm_status != "State Party" or not state.entry_into_force:
        return None
    if any(d.kind == "article7" for d in deadlines):
        return None
    initial = state.entry_into_force + timedelta(days=180)
    if initial >= today:
        return f"Article 7 report: initial report due {format_day(initial)}"
    annual = date(today.year, 4, 30)
    annual = annual if annual >= today else date(today.year + 1, 4, 30)
    return f"Article 7 report: annual update due {format_day(annual)}"


def _roles(ctx: Ctx, iso3: str) -> list[str]:
    return [
        f"{AREA_BY_KEY[c.area_key].name} ({c.cycle})"
        for c in ctx.reference.coordinators
        if c.state_iso3 == iso3 and c.area_key in AREA_BY_KEY
    ]


def _money_lines(ctx: Ctx, iso3: str) -> list[str]:
    """Per year, status and currency, newest year first (none for guests and outsiders)."""
    if not ctx.sees_private:
        return []
    sums: dict[tuple[int, str, str], int] = {}
    for row in ctx.reference.contributions_by_state.get(iso3, []):
        key = (row.year, row.status, row.currency)
        sums[key] = sums.get(key, 0) + row.amount_cents
    ordered = sorted(sums.items(), key=lambda kv: (-kv[0][0], kv[0][1], kv[0][2]))
    return [
        f"{year}: {format_chf(cents, currency)} {status}"
        for (year, status, currency), cents in ordered
    ]


def _last_mention(ctx: Ctx, iso3: str) -> StateMention | None:
    query = (
        select(StateMention).where(StateMention.iso3 == iso3).order_by(col(StateMention.at).desc())
    )
    return ctx.session.exec(query.limit(1)).first()


def _more_button(name: StateName) -> Block:
    return {
        "type": "actions",
        "block_id": f"status_more_{name.iso3}",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "More"},
                "action_id": ACTION_STATUS_MORE,
                "value": name.iso3,
            }
        ],
    }


def state_card(ctx: Ctx, name: StateName) -> Reply:
    """At most ten lines: who they are, each treaty deadline once, roles, money, items."""
    state = ctx.reference.states.get(name.iso3)
    deadlines = ctx.reference.deadlines_by_state.get(name.iso3, [])
    title = _title(name, state)
    facts: list[str] = []
    if state:
        facts += [line for line in (_dates_line(state),) if line]
        facts += _obligation_lines(deadlines, ctx.today)
        facts += [line for line in (_article7_line(state, deadlines, ctx.today),) if line]
    roles = _roles(ctx, name.iso3)
    if roles:
        facts.append("Coordinates: " + ", ".join(roles))
    money = _money_lines(ctx, name.iso3)
    if money:
        facts.append("Contributions " + money[0] + (" (more years: “more”)" if money[1:] else ""))
    items, total = items_for_state(session=ctx.session, iso3=name.iso3, limit=MAX_LINES)
    mention = _last_mention(ctx, name.iso3)
    footer = _footer(ctx, name, state, mention)
    room = MAX_LINES - 3 - len(facts)  # title, the items' heading, the footer
    shown = items[: max(room, 0)]
    rest = total - len(shown)
    heading = f"*Open action items ({total})*" + (f" — {rest} more below “more”" if rest else "")
    item_lines = [item_line(item, ctx.today) for item in shown]
    lines = [f"*{title}*", *facts, heading, *item_lines, footer]
    blocks: list[Block] = [header(title)]
    if facts:
        blocks.append(section("\n".join(facts)))
    blocks.append(section("\n".join([heading, *item_lines])))
    blocks += [context(footer), _more_button(name)]
    return Reply(text="\n".join(lines), blocks=blocks, private=bool(money))


def _footer(ctx: Ctx, name: StateName, state: State | None, mention: StateMention | None) -> str:
    parts = []
    if state and state.source:
        unverified = "; unverified" if "REC" in state.source else ""
        parts.append(f"Source: {state.source}, facts as of {REFERENCE_AS_OF}{unverified}")
    if mention:
        when = format_day(mention.at.astimezone(ctx.tz).date())
        parts.append(f"last mentioned {when} in {escape(mention.where)}")
    parts.append(f"the rest: `status {name.short} more`")
    return "_" + " · ".join(parts) + "_"


def state_more(ctx: Ctx, name: StateName) -> Reply:
    """What the card leaves out: treaty notes, every deadline with its source, all money."""
    state = ctx.reference.states.get(name.iso3)
    title = f"{_title(name, state)}: more"
    parts: list[tuple[str, list[str]]] = []
    if state:
        notes = []
        if state.article3:
            notes.append(f"Article 3 (stockpiles): {escape(state.article3)}")
        if state.article4:
            notes.append(f"Article 4 (clearance): {escape(state.article4)}")
        if state.source:
            notes.append(f"Source: {state.source} (ccm_states.csv, facts as of {REFERENCE_AS_OF})")
        parts.append(("Treaty notes", notes))
    deadlines = [
        f"{KIND_LABELS.get(d.kind, d.kind)}: {format_day(d.due)} — {_standing(d, ctx.today)}"
        + (f" _(source: {escape(d.source)})_" if d.source else "")
        for d in ctx.reference.deadlines_by_state.get(name.iso3, [])
    ]
    money = _money_lines(ctx, name.iso3)
    parts += [
        ("Every treaty deadline", deadlines),
        ("Coordinates", _roles(ctx, name.iso3)),
        ("Contributions", money),
    ]
    items, total = items_for_state(session=ctx.session, iso3=name.iso3, limit=MAX_LINES)
    listing = [item_line(item, ctx.today) for item in items]
    if total > len(items):
        listing.append(f"…and {total - len(items)} more: `/ccm items {name.short}`")
    parts.append((f"Open action items ({total})", listing))
    mention = _last_mention(ctx, name.iso3)
    if mention:
        when = format_day(mention.at.astimezone(ctx.tz).date())
        said = f"{when} in {escape(mention.where)}: “{escape(mention.excerpt)}”"
        parts.append(("Last mentioned", [said]))
    lines = [f"*{title}*"]
    blocks: list[Block] = [header(title)]
    for label, part in parts:
        if part:
            lines += [f"*{label}*", *part]
            blocks.append(section(f"*{label}*\n" + "\n".join(part)))
    return Reply(text="\n".join(lines), blocks=blocks, private=bool(money))
