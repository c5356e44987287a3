"""`contribution` and `contributions`: the ISU's money, received kept apart from pledged."""

from __future__ import annotations

import re

from handlers.commands.registry import command
from handlers.dates.reading import DateError, format_day, parse_when
from handlers.dates.years import YEAR_IN_TEXT
from handlers.money import AmountError, find_amount, format_chf
from handlers.people.permissions import isu_admins, may_record_money
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape, shorten
from storage.contributions import summarize
from storage.models import Contribution

_YEAR = YEAR_IN_TEXT
_ON = re.compile(r"\bon\s+(.+)$", re.I)
USAGE = "`/ccm contribution <State> <amount> [CHF] [year] [pledged|received] [on <date>]`"


@command(
    "contribution",
    usage="contribution <State> <amount> [CHF] [year] [pledged|received] [on <date>]",
    examples=(
        "contribution Norway 25000 CHF 2017 received on 3 March 2017",
        "contribution Italy 12'500 pledged",
    ),
    aliases=("contribute", "paid"),
    writes=True,
    private=True,
)
def contribution(ctx: Ctx, args: str) -> Reply:
    """Record a State's contribution to the ISU."""
    if not may_record_money(ctx.actor):
        return error(
            f"Only the ISU records contributions; ask {isu_admins(ctx.session)}. Nothing was recorded."
        )
    text = args.strip()
    match = ctx.states.find_in_text(text)
    if not match:
        guess = ctx.states.suggest(text.split()[0], limit=1) if text.split() else []
        hint = f" Did you mean *{guess[0].short}*?" if guess else ""
        return error(
            f"Which State? I found none in “{escape(shorten(text, 100))}”.{hint} Try {USAGE}."
        )
    state = match[0].state
    rest = text[: match[0].start] + " " + text[match[0].end :]
    paid_on = None
    on = _ON.search(rest)
    if on:
        try:
            paid_on = parse_when(on[1], now=ctx.now, tz=ctx.tz, deadline=False).due
        except DateError as problem:
            return error(f"{escape(str(problem))} Nothing was recorded.")
        rest = rest[: on.start()]
    year_match = _YEAR.search(rest)
    year = int(year_match[1]) if year_match else (paid_on.year if paid_on else ctx.today.year)
    if year_match:
        rest = rest[: year_match.start()] + rest[year_match.end() :]
    status = "pledged" if re.search(r"\bpledge", rest, re.I) else "received"
    try:
        cents = find_amount(re.sub(r"\b(?:CHF|Fr\.|SFr\.?)\s*", " ", rest, flags=re.I)).cents
    except AmountError as problem:
        return error(f"I understood {state.short} {year} {status}: {problem} Try {USAGE}.")
    if cents <= 0:
        return error(
            f"I understood {state.short} {year} {status}, but the amount is zero. Try {USAGE}."
        )
    if cents > 100_000_000_00:
        return error(
            f"{format_chf(cents)} looks wrong (over CHF 100 million). Nothing was recorded."
        )
    row = Contribution(
        state_iso3=state.iso3,
        year=year,
        amount_cents=cents,
        status=status,
        on=paid_on,
        created_at=ctx.now,
        source=ctx.source,
    )
    ctx.session.add(row)
    when = f" on {format_day(paid_on)}" if paid_on else ""
    reply = f"💰 Recorded {state.short}: {format_chf(cents)} {status} for {year}{when}."
    return Reply(text=reply, blocks=[section(reply)])


@command(
    "contributions",
    usage="contributions [year]",
    examples=("contributions", "contributions 2017"),
    aliases=("finances", "money", "funding"),
    private=True,
)
def contributions(ctx: Ctx, args: str) -> Reply:
    """Totals received and pledged for a year, who has paid and who has not."""
    year_match = _YEAR.search(args)
    if args.strip() and not year_match:
        return error(
            f"I couldn't read a year in “{escape(shorten(args, 60))}”. Try `/ccm contributions 2017`."
        )
    year = int(year_match[1]) if year_match else ctx.today.year
    reference = ctx.reference
    summary = summarize(
        year=year, contributions=reference.contributions, states=reference.states.values()
    )
    lines = [f"*Received:* {format_chf(summary.received_cents)}"]
    if summary.reported_received_cents and summary.named_received_cents:
        lines.append(
            f"   of which {format_chf(summary.reported_received_cents)} as totals reported in the "
            f"minutes and {format_chf(summary.named_received_cents)} recorded State by State "
            "(a State's payment may already be inside a reported total)"
        )
    lines += [
        f"*Pledged (not yet received):* {format_chf(summary.pledged_cents)}",
        f"*States Parties paid:* {summary.paid_count} of {len(summary.parties)} States Parties in {year}",
    ]
    if summary.components:
        parts = "; ".join(f"{c}: {format_chf(v)}" for c, v in summary.components)
        lines.append(f"Received by component: {parts}")
    unpaid = [s.short for s in summary.unpaid]
    if not summary.paid and not summary.reported_paid:
        lines.append("_No payments recorded for this year._")
    elif not summary.unpaid_known:
        lines.append(
            f"_Who has not paid is unknown: the minutes report {summary.reported_paid} payers but "
            f"name {len(summary.paid)}. Record payments by State (`/ccm contribution ...`)._"
        )
    elif unpaid:
        more = "…" if len(unpaid) > 60 else ""
        lines.append(f"*Not paid yet ({len(unpaid)}):* " + ", ".join(unpaid[:60]) + more)
    title = f"Contributions {year}"
    body = "\n".join(lines)
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


@command(
    "pledge",
    usage="pledge <State> <amount> [year]",
    examples=("pledge Italy 12'500 2017",),
    writes=True,
    private=True,
)
def pledge(ctx: Ctx, args: str) -> Reply:
    """Record a pledge (money announced, not yet received)."""
    return contribution(ctx, f"{args} pledged")
