"""Questions people ask in words, as commands: who has not paid, who owes an Article 7 report,
which treaty deadlines fall when (filtered by Article, State and period)."""

from __future__ import annotations

import re
from datetime import date

from sqlmodel import col, select

from handlers.commands.registry import command
from handlers.commands.status import KIND_LABELS
from handlers.dates.periods import period_bounds
from handlers.dates.reading import format_day
from handlers.i18n import _, format_long_day, state_label
from handlers.i18n.formats import labelled
from handlers.ports import Ctx
from handlers.reference.areas import find_area
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape, shorten
from storage.contributions import parties_in, year_summary
from storage.models import TreatyDeadline

_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_ARTICLE = re.compile(r"\b(?:article|art\.?|art[ií]culo)\s*([347])\b", re.I)
LIMIT = 40


def _year_of(ctx: Ctx, args: str) -> int:
    found = _YEAR.search(args)
    return int(found[1]) if found else ctx.today.year


@command(
    "unpaid",
    usage="unpaid [year]",
    examples=("unpaid", "unpaid 2017"),
    aliases=("impayes", "impagos"),
    private=True,  # who has paid is money: members only, never in a shared channel (issue 12)
)
def unpaid(ctx: Ctx, args: str) -> Reply:
    """States Parties with no contribution received for a year (default: this year)."""
    year = _year_of(ctx, args)
    summary = year_summary(session=ctx.session, year=year)
    title = _("Not paid for {year}").format(year=year)
    if not summary.unpaid_known:
        body = _(
            "The minutes report {reported} States Parties as paid for {year} but name only "
            "{named}, so who has not paid is not known yet. Record payments by State "
            "(`/ccm contribution Norway 25'000 CHF received`) and ask again."
        ).format(reported=summary.reported_paid, year=year, named=len(summary.paid))
        return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])
    names = sorted(state_label(s.iso3, s.name) for s in summary.unpaid)
    body = (
        _(
            "{count} of {parties} States Parties have no contribution recorded as received "
            "for {year}:"
        ).format(count=len(names), parties=len(summary.parties), year=year)
        + "\n"
        + ", ".join(names)
        if names
        else _("Every State Party has paid for {year}. 🎉").format(year=year)
    )
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


@command(
    "article7",
    usage="article7 [State ...] [year]",
    examples=("article7", "article7 2017", "article7 Botswana"),
    aliases=("art7", "transparency-reports"),
)
def article7(ctx: Ctx, args: str) -> Reply:
    """States Parties whose Article 7 report for a year (due 30 April) is not recorded as received."""
    year = _year_of(ctx, args)
    received = set(
        ctx.session.exec(
            select(TreatyDeadline.state_iso3).where(
                TreatyDeadline.kind == "article7",
                TreatyDeadline.due == date(year, 4, 30),
                col(TreatyDeadline.completed).is_(True),
            )
        )
    )
    parties = parties_in(session=ctx.session, year=year)
    asked = list(dict.fromkeys(m.state.iso3 for m in ctx.states.find_in_text(args)))
    if asked:  # "did Botswana send its article 7 report?": that State's answer, not the list
        return _article7_of(ctx, asked, year, received, {s.iso3 for s in parties})
    owing = sorted(state_label(s.iso3, s.name) for s in parties if s.iso3 not in received)
    title = _("Article 7 reports {year} (due {day})").format(
        year=year, day=format_long_day(date(year, 4, 30))
    )
    if not owing:
        body = _("Every State Party's report for {year} is recorded as received.").format(year=year)
    else:
        body = (
            _("{count} of {parties} States Parties have no report recorded as received:").format(
                count=len(owing), parties=len(parties)
            )
            + "\n"
            + ", ".join(owing)
            + "\n_"
            + _("Record one with `/ccm report <State> article 7 {year}`.").format(year=year)
            + "_"
        )
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


def _article7_of(
    ctx: Ctx, asked: list[str], year: int, received: set[str], parties: set[str]
) -> Reply:
    title = _("Article 7 reports {year} (due {day})").format(
        year=year, day=format_long_day(date(year, 4, 30))
    )
    lines = []
    for iso3 in asked:
        state = ctx.states.get(iso3)
        name = state_label(iso3, state.name if state else iso3)
        if iso3 not in parties:
            lines.append(
                _("{state}: not a State Party in {year}, so no report is due.").format(
                    state=name, year=year
                )
            )
        elif iso3 in received:
            lines.append(_("{state}: report recorded as received. ✅").format(state=name))
        else:
            lines.append(
                _("{state}: no report recorded as received yet.").format(state=name)
                + " _"
                + _("When it arrives: `/ccm report {state} article 7 {year}`.").format(
                    state=escape(state.short if state else iso3), year=year
                )
                + "_"
            )
    body = "\n".join(lines)
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


_KINDS: dict[str, tuple[str, ...]] = {
    "3": ("article3", "article3_extension"),
    "4": ("article4", "article4_extension"),
    "7": ("article7",),
}


@command(
    "treaty",
    usage="treaty [article 3|4|7] [State] [period]",
    examples=("treaty article 4 2019", "treaty Lao PDR article 4", "treaty Peru this year"),
    aliases=("obligations", "treaty-deadlines"),
)
def treaty(ctx: Ctx, args: str) -> Reply:
    """Treaty deadlines (Articles 3, 4 and 7, extensions), filtered by Article, State and period."""
    text = args.strip()
    kinds: tuple[str, ...] = ()
    rest = text
    if m := _ARTICLE.search(text):
        kinds = _KINDS[m[1]]
        rest = rest[: m.start()] + " " + rest[m.end() :]
    elif (area := find_area(text)) is not None and area.key in {"clearance", "stockpile"}:
        kinds = _KINDS["4" if area.key == "clearance" else "3"]
    matches = ctx.states.find_in_text(rest)
    for match in sorted(matches, key=lambda found: -found.start):
        rest = rest[: match.start] + " " + rest[match.end :]
    rest = re.sub(
        r"\b(?:deadlines?|clearance|stockpiles?|destruction|in|for|of|the|due)\b",
        " ",
        rest,
        flags=re.I,
    )
    rest = " ".join(rest.split()).strip(" ,.?")
    bounds = period_bounds(rest, now=ctx.now, tz=ctx.tz) if rest else None
    if rest and bounds is None:
        return error(
            _(
                "I couldn't read “{text}” as a period. Try `/ccm treaty article 4 2019` or "
                "`/ccm treaty Lao PDR`."
            ).format(text=escape(shorten(rest, 60)))
        )
    query = select(TreatyDeadline).order_by(col(TreatyDeadline.due))
    if kinds:
        query = query.where(col(TreatyDeadline.kind).in_(kinds))
    if matches:
        query = query.where(col(TreatyDeadline.state_iso3).in_([m.state.iso3 for m in matches]))
    if bounds:
        query = query.where(
            col(TreatyDeadline.due) >= bounds[0], col(TreatyDeadline.due) <= bounds[1]
        )
    elif not matches:
        query = query.where(col(TreatyDeadline.due) >= ctx.today)
    rows = list(ctx.session.exec(query.limit(LIMIT + 1)))
    described = [_("Article {number}").format(number=m[1]) if (m := _ARTICLE.search(text)) else ""]
    described += [state_label(m.state.iso3, m.state.short) for m in matches]
    if bounds:
        described.append(f"{format_day(bounds[0])} – {format_day(bounds[1])}")
    elif not matches:
        described.append(_("from today"))
    title = _("Treaty deadlines: {filters}").format(filters=", ".join(d for d in described if d))
    lines = [_line(ctx, d) for d in rows[:LIMIT]]
    body = "\n".join(lines) or "_{}_".format(_("none recorded"))
    if len(rows) > LIMIT:
        body += "\n" + _("…and more: narrow it down with a State or a year.")
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


def _line(ctx: Ctx, deadline: TreatyDeadline) -> str:
    name = ctx.states.get(deadline.state_iso3)
    who = state_label(name.iso3, name.short) if name else deadline.state_iso3
    label = _(KIND_LABELS[deadline.kind]) if deadline.kind in KIND_LABELS else deadline.kind
    state = (
        _("met/superseded")
        if deadline.completed
        else (_("passed") if deadline.due < ctx.today else _("ahead"))
    )
    return f"{format_day(deadline.due)} · {labelled(who, label)} — {state}"
