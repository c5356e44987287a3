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
from handlers.i18n import N_, _, current_language, state_label
from handlers.i18n.formats import format_month, labelled, mention_place
from handlers.i18n.terms import term
from handlers.items.render import item_line
from handlers.money import format_chf
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY
from handlers.reference.as_of import completed_as_of, deadline_known, state_as_of
from handlers.reference.load import REFERENCE_AS_OF
from handlers.reference.states import StateName
from handlers.reply.reply import Block, Reply, context, header, section
from handlers.reply.text import escape
from storage.items import items_for_state
from storage.models import State, StateMention, TreatyDeadline

MAX_LINES = 10
ACTION_STATUS_MORE = "status_more"
KIND_LABELS = {
    "article3": N_("Article 3 stockpile destruction deadline"),
    "article3_extension": N_("Article 3 extended deadline"),
    "article4": N_("Article 4 clearance deadline"),
    "article4_extension": N_("Article 4 extended deadline"),
    "extension_request": N_("Extension request due"),
    "article7": N_("Article 7 report due"),
}
# One card line per obligation: an extension replaces the deadline it extends.
_OBLIGATION = {
    "article3": N_("Article 3 (stockpiles)"),
    "article3_extension": N_("Article 3 (stockpiles)"),
    "article4": N_("Article 4 (clearance)"),
    "article4_extension": N_("Article 4 (clearance)"),
    "extension_request": N_("Extension request"),
    "article7": N_("Article 7 report"),
}


def kind_label(kind: str) -> str:
    """A treaty deadline's kind, in the reader's language."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def _title(name: StateName, state: State | None) -> str:
    status = term(state.ccm_status if state else "not party")
    return f"{state_label(name.iso3, name.short)} ({name.iso3}) — {status}"


def _dates_line(state: State) -> str | None:
    facts = []
    if state.signed:
        facts.append(_("Signed {day}").format(day=format_day(state.signed)))
    if state.ratified:
        kind = term(state.instrument or "ratification")
        facts.append(f"{kind[:1].upper()}{kind[1:]} {format_day(state.ratified)}")
    if state.entry_into_force:
        facts.append(_("in force for it from {day}").format(day=format_day(state.entry_into_force)))
    if state.withdrawn_on:
        facts.append(_("withdrawal effective {day}").format(day=format_day(state.withdrawn_on)))
    return " · ".join(facts) or None


def _known(ctx: Ctx, iso3: str) -> tuple[State | None, list[TreatyDeadline]]:
    """The State and its deadlines as they stood on ``ctx.today``: nothing later shown as done
    (the demo's 24 March 2017 does not know of Botswana's 2018 completion)."""
    stored = ctx.reference.states.get(iso3)
    deadlines = ctx.reference.deadlines_by_state.get(iso3, [])
    originals = {d.kind: d.due for d in deadlines if d.kind in ("article3", "article4")}
    known = [
        d
        for d in deadlines
        if deadline_known(d, ctx.today, originals.get(d.kind.removesuffix("_extension")))
    ]
    return (state_as_of(stored, ctx.today) if stored else None), known


def _standing(deadline: TreatyDeadline, today: date) -> str:
    if completed_as_of(deadline, today):
        return _("met/superseded")
    return _("passed") if deadline.due < today else _("ahead")


def _obligation_lines(deadlines: list[TreatyDeadline], today: date) -> list[str]:
    """The current deadline of each obligation, once, with how many times it moved."""
    chains: defaultdict[str, list[TreatyDeadline]] = defaultdict(list)
    for deadline in deadlines:
        obligation = _OBLIGATION.get(deadline.kind)
        chains[_(obligation) if obligation else deadline.kind].append(deadline)
    lines = []
    for label, chain in chains.items():
        current = max(chain, key=lambda d: d.due)
        moved = len(chain) - 1
        extended = (
            " ({})".format(
                _("extended {count}×, first {day}").format(
                    count=moved, day=format_day(chain[0].due)
                )
            )
            if moved
            else ""
        )
        line = _("{label}: {day} — {state}").format(
            label=label, day=format_day(current.due), state=_standing(current, today)
        )
        lines.append(line + extended)
    return lines


def _article7_line(state: State, deadlines: list[TreatyDeadline], today: date) -> str | None:
    """The next Article 7 report a State Party owes, unless a recorded deadline says it."""
    if state.ccm_status != "State Party" or not state.entry_into_force:
        return None
    if any(d.kind == "article7" for d in deadlines):
        return None
    initial = state.entry_into_force + timedelta(days=180)
    if initial >= today:
        return _("Article 7 report: initial report due {day}").format(day=format_day(initial))
    annual = date(today.year, 4, 30)
    annual = annual if annual >= today else date(today.year + 1, 4, 30)
    return _("Article 7 report: annual update due {day}").format(day=format_day(annual))


def _roles(ctx: Ctx, iso3: str) -> list[str]:
    return [
        f"{term(AREA_BY_KEY[c.area_key].name)} ({c.cycle})"
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
        labelled(str(year), f"{format_chf(cents, currency)} {term(status)}")
        for (year, status, currency), cents in ordered
    ]


def _last_mention(ctx: Ctx, iso3: str) -> StateMention | None:
    query = (
        select(StateMention).where(StateMention.iso3 == iso3).order_by(col(StateMention.at).desc())
    )
    return ctx.session.exec(query.limit(1)).first()


def source_note(text: str) -> str:
    """The reference data's research notes are English: say so to a French or Spanish reader."""
    if current_language() == "en":
        return escape(text)
    return _("“{text}” (source notes, in English)").format(text=escape(text))


def _more_button(name: StateName) -> Block:
    return {
        "type": "actions",
        "block_id": f"status_more_{name.iso3}",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": _("More")},
                "action_id": ACTION_STATUS_MORE,
                "value": name.iso3,
            }
        ],
    }


def state_card(ctx: Ctx, name: StateName) -> Reply:
    """At most ten lines: who they are, each treaty deadline once, roles, money, items."""
    state, deadlines = _known(ctx, name.iso3)
    title = _title(name, state)
    facts: list[str] = []
    if state:
        facts += [line for line in (_dates_line(state),) if line]
        facts += _obligation_lines(deadlines, ctx.today)
        facts += [line for line in (_article7_line(state, deadlines, ctx.today),) if line]
    roles = _roles(ctx, name.iso3)
    if roles:
        facts.append(_("Coordinates: {areas}").format(areas=", ".join(roles)))
    money = _money_lines(ctx, name.iso3)
    if money:
        more_years = " ({})".format(_("more years: “more”")) if money[1:] else ""
        facts.append(_("Contributions {money}").format(money=money[0]) + more_years)
    items, total = items_for_state(session=ctx.session, iso3=name.iso3, limit=MAX_LINES)
    mention = _last_mention(ctx, name.iso3)
    footer = _footer(ctx, name, state, mention)
    room = MAX_LINES - 3 - len(facts)  # title, the items' heading, the footer
    shown = items[: max(room, 0)]
    rest = total - len(shown)
    heading = "*{}*".format(_("Open action items ({count})").format(count=total)) + (
        " — " + _("{count} more below “more”").format(count=rest) if rest else ""
    )
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
        source = (
            _("Source: {source}, facts as of {day}; unverified")
            if "REC" in state.source
            else _("Source: {source}, facts as of {day}")
        )
        parts.append(source.format(source=state.source, day=format_month(REFERENCE_AS_OF)))
    if mention:
        when = format_day(mention.at.astimezone(ctx.tz).date())
        where = escape(mention_place(mention.where))
        parts.append(_("last mentioned {day} in {where}").format(day=when, where=where))
    parts.append(_("the rest: `status {state} more`").format(state=name.short))
    return "_" + " · ".join(parts) + "_"


def state_more(ctx: Ctx, name: StateName) -> Reply:
    """What the card leaves out: treaty notes, every deadline with its source, all money."""
    state, known = _known(ctx, name.iso3)
    title = _("{title}: more").format(title=_title(name, state))
    parts: list[tuple[str, list[str]]] = []
    if state:
        notes = []
        if state.article3:
            notes.append(
                _("Article 3 (stockpiles): {facts}").format(facts=source_note(state.article3))
            )
        if state.article4:
            notes.append(
                _("Article 4 (clearance): {facts}").format(facts=source_note(state.article4))
            )
        if state.source:
            notes.append(
                _("Source: {source} (ccm_states.csv, facts as of {day})").format(
                    source=state.source, day=format_month(REFERENCE_AS_OF)
                )
            )
        parts.append((_("Treaty notes"), notes))
    deadlines = [
        _("{label}: {day} — {state}").format(
            label=kind_label(d.kind), day=format_day(d.due), state=_standing(d, ctx.today)
        )
        + (
            " _({})_".format(_("source: {source}").format(source=escape(d.source)))
            if d.source
            else ""
        )
        for d in known
    ]
    money = _money_lines(ctx, name.iso3)
    parts += [
        (_("Every treaty deadline"), deadlines),
        (_("Coordinates"), _roles(ctx, name.iso3)),
        (_("Contributions"), money),
    ]
    items, total = items_for_state(session=ctx.session, iso3=name.iso3, limit=MAX_LINES)
    listing = [item_line(item, ctx.today) for item in items]
    if total > len(items):
        listing.append(
            _("…and {count} more: `/ccm items {state}`").format(
                count=total - len(items), state=name.short
            )
        )
    parts.append((_("Open action items ({count})").format(count=total), listing))
    mention = _last_mention(ctx, name.iso3)
    if mention:
        said = _("{day} in {where}: “{excerpt}”").format(
            day=format_day(mention.at.astimezone(ctx.tz).date()),
            where=escape(mention_place(mention.where)),
            excerpt=escape(mention.excerpt),
        )
        parts.append((_("Last mentioned"), [said]))
    lines = [f"*{title}*"]
    blocks: list[Block] = [header(title)]
    for label, part in parts:
        if part:
            lines += [f"*{label}*", *part]
            blocks.append(section(f"*{label}*\n" + "\n".join(part)))
    return Reply(text="\n".join(lines), blocks=blocks, private=bool(money))
