"""`contribution` and `contributions`: the ISU's money, received kept apart from pledged."""

from __future__ import annotations

import re
from datetime import timedelta

from handlers.commands.registry import command
from handlers.dates.reading import DateError, format_day, parse_when
from handlers.dates.vocab import add_months
from handlers.dates.years import YEAR_IN_TEXT
from handlers.i18n import _, state_label
from handlers.i18n.formats import labelled
from handlers.i18n.phrases import fill, state_in_text
from handlers.i18n.terms import term
from handlers.money import AmountError, find_amount, format_chf, number_spans
from handlers.people.permissions import isu_admins, may_record_money
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape, shorten
from storage.contributions import summarize
from storage.models import Contribution

_YEAR = YEAR_IN_TEXT
# the day it came in: "on 2 March", and as French and Spanish write it, "le 2/3", "el 2/3"
_NEAR = timedelta(days=60)
_YEAR_SAID = re.compile(r"\d{4}|\d[/.]\d{1,2}[/.]\d{2}")
_ON = re.compile(r"\bon\s+(.+)$|\b(?:le|el)\s+(\d.*)$", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:CHF|Fr\.|SFr\.?|€|EUR|USD|\$)\s*$", re.I)
_CURRENCY_AFTER = re.compile(r"^\s*(?:CHF|Fr\.|SFr\b|€|EUR\b|USD\b|(?:swiss\s+)?francs?\b)", re.I)


def _year_of(text: str, this_year: int) -> re.Match[str] | None:
    """The year among the numbers that look like one: not the one the currency marks as the
    amount ("2000 CHF 2017", "CHF 2000 for 2017": CHF 2,000 for 2017); of the rest, the one
    nearest this year ("pledge Togo 2000 2017"), the later on a tie."""
    found = list(_YEAR.finditer(text))
    numbers = number_spans(text)
    marked = [(s, e) for s, e in numbers if _CURRENCY_AFTER.match(text[e:])] or [
        (s, e) for s, e in numbers if _CURRENCY_BEFORE.search(text[:s])
    ]  # "2000 CHF 2017": the currency follows the amount; "CHF 2000 for 2017": it leads
    amount = marked[0] if marked else None
    free = [m for m in found if m.span() != amount]
    if not free:
        return None
    return min(reversed(free), key=lambda m: abs(int(m[1]) - this_year))


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
            _("Only the ISU records contributions; ask {admins}. Nothing was recorded.").format(
                admins=isu_admins(ctx.session)
            )
        )
    text = args.strip()
    # "contribution belge 2017 reçue": the adjective names the State when no name does
    match = ctx.states.find_in_text(text) or ctx.states.find_in_text(text, demonyms=True)
    if not match:
        guess = ctx.states.suggest(text.split()[0], limit=1) if text.split() else []
        hint = (
            " "
            + _("Did you mean *{state}*?").format(state=state_label(guess[0].iso3, guess[0].short))
            if guess
            else ""
        )
        which = _("Which State? I found none in “{text}”.").format(text=escape(shorten(text, 100)))
        return error(f"{which}{hint} " + _("Try {usage}.").format(usage=USAGE))
    state = match[0].state
    rest = text[: match[0].start] + " " + text[match[0].end :]
    paid_on = None
    on = _ON.search(rest)
    if on:
        try:
            said = on[1] or on[2]
            paid_on = parse_when(said, now=ctx.now, tz=ctx.tz, deadline=False).due
            if paid_on > ctx.today + _NEAR and not _YEAR_SAID.search(said):
                # money came in on "2/3" said on 24 March: this 2 March, never the next one
                # (a day a few weeks ahead is kept as said: "received on 27 March")
                paid_on = add_months(paid_on, -12)
        except DateError as problem:
            return error(f"{escape(str(problem))} " + _("Nothing was recorded."))
        rest = rest[: on.start()]
    year_match = _year_of(rest, ctx.today.year)
    year = int(year_match[1]) if year_match else (paid_on.year if paid_on else ctx.today.year)
    if year_match:
        rest = rest[: year_match.start()] + rest[year_match.end() :]
    status = "pledged" if re.search(r"\bpledge", rest, re.I) else "received"
    try:
        cents = find_amount(re.sub(r"\b(?:CHF|Fr\.|SFr\.?)\s*", " ", rest, flags=re.I)).cents
    except AmountError as problem:
        understood = f"{state_label(state.iso3, state.short)} {year} {term(status)}"
        return error(
            _("I understood {understood}: {problem} Try {usage}.").format(
                understood=understood, problem=problem, usage=USAGE
            )
        )
    if cents <= 0:
        return error(
            _("I understood {understood}, but the amount is zero. Try {usage}.").format(
                understood=f"{state_label(state.iso3, state.short)} {year} {term(status)}",
                usage=USAGE,
            )
        )
    if cents > 100_000_000_00:
        return error(
            _("{amount} looks wrong (over {limit}). Nothing was recorded.").format(
                amount=format_chf(cents), limit=format_chf(100_000_000_00)
            )
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
    name, amount = state_in_text(state.iso3, state.short), format_chf(cents)
    if paid_on:
        reply = fill(
            _("💰 Recorded {state}: {amount} {status} for {year} on {day}."),
            state=name,
            amount=amount,
            status=term(status),
            year=year,
            day=format_day(paid_on),
        )
    else:
        reply = fill(
            _("💰 Recorded {state}: {amount} {status} for {year}."),
            state=name,
            amount=amount,
            status=term(status),
            year=year,
        )
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
            _("I couldn't read a year in “{text}”. Try `/ccm contributions 2017`.").format(
                text=escape(shorten(args, 60))
            )
        )
    year = int(year_match[1]) if year_match else ctx.today.year
    reference = ctx.reference
    summary = summarize(
        year=year, contributions=reference.contributions, states=reference.states.values()
    )
    lines = ["*{}* {}".format(_("Received:"), format_chf(summary.received_cents))]
    if summary.reported_received_cents and summary.named_received_cents:
        lines.append(
            "   "
            + _(
                "of which {reported} as totals reported in the minutes and {named} recorded "
                "State by State (a State's payment may already be inside a reported total)"
            ).format(
                reported=format_chf(summary.reported_received_cents),
                named=format_chf(summary.named_received_cents),
            )
        )
    lines += [
        "*{}* {}".format(_("Pledged (not yet received):"), format_chf(summary.pledged_cents)),
        "*{}* {}".format(
            _("States Parties paid:"),
            _("{paid} of {parties} States Parties in {year}").format(
                paid=summary.paid_count, parties=len(summary.parties), year=year
            ),
        ),
    ]
    if summary.components:
        parts = "; ".join(labelled(c, format_chf(v)) for c, v in summary.components)
        lines.append(_("Received by component: {parts}").format(parts=parts))
    unpaid = [state_label(s.iso3, s.short) for s in summary.unpaid]
    if not summary.paid and not summary.reported_paid:
        lines.append("_{}_".format(_("No payments recorded for this year.")))
    elif not summary.unpaid_known:
        lines.append(
            "_{}_".format(
                _(
                    "Who has not paid is unknown: the minutes report {reported} payers but name "
                    "{named}. Record payments by State (`/ccm contribution ...`)."
                ).format(reported=summary.reported_paid, named=len(summary.paid))
            )
        )
    elif unpaid:
        more = "…" if len(unpaid) > 60 else ""
        label = _("Not paid yet ({count}):").format(count=len(unpaid))
        lines.append(f"*{label}* " + ", ".join(unpaid[:60]) + more)
    title = _("Contributions {year}").format(year=year)
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
