"""Drawing the charts with matplotlib's Agg backend, imported only when a chart is asked for.

matplotlib costs about a second to import: the console's and Slack's first answer must not
pay for it, so every function here imports it inside.
"""

from __future__ import annotations

import io
import textwrap
from datetime import date
from typing import TYPE_CHECKING, Any

from handlers.charts.data import ContributionFigures, DeadlineFigures, ItemSeries
from handlers.i18n import N_, _, format_number, ngettext
from handlers.i18n.formats import format_long_day, format_month_year, format_short_day
from handlers.money import format_chf

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_ROWS = 30
KIND_STYLE: dict[str, tuple[str, str, str]] = {
    # kind: (marker, colour, legend label)
    "article3": ("s", "#1f77b4", N_("Article 3 stockpile destruction")),
    "article4": ("D", "#2ca02c", N_("Article 4 clearance")),
    "extension": ("D", "#9467bd", N_("Extended deadline (Art. 3/4)")),
    "extension_request": ("v", "#ff7f0e", N_("Extension request due")),
    "article7": ("o", "#8c564b", N_("Article 7 report")),
}


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def _png(figure: Figure) -> bytes:
    # A Figure with its own Agg canvas never touches pyplot's global state (thread safe).
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _num(day: date) -> float:
    """A day as matplotlib's date number (its stubs want floats, not dates)."""
    from matplotlib.dates import date2num

    return float(date2num(day))  # type: ignore[no-untyped-call]


def _chf(cents: float, _pos: Any = None) -> str:
    return format_number(round(cents / 100))


def contributions_png(figures: ContributionFigures) -> bytes:
    """Ranked horizontal bars, received beside pledged, totals in the title, who has not paid."""
    from matplotlib.ticker import FuncFormatter

    rows = figures.rows[:MAX_ROWS]
    bars = [(r.name, r.received_cents, r.pledged_cents) for r in rows]
    if not bars and figures.components:
        ranked = sorted(figures.components, key=lambda c: -c[1])
        bars = [(_("Reported total {what}").format(what=c), cents, 0) for c, cents in ranked]
    unpaid = _unpaid_line(figures)
    text_lines = unpaid.count("\n") + 1
    bar_height = 1.6 + 0.32 * max(len(bars), 3)
    figure = _figure(9, bar_height + 0.5 + 0.17 * text_lines)
    # Two rows: the bars, then the States that have not paid (an axes of text, so the
    # layout engine gives it room instead of letting it run over the x-axis label).
    axes, notes = figure.subplots(
        2, 1, gridspec_kw={"height_ratios": [bar_height, 0.2 + 0.17 * text_lines]}
    )
    notes.axis("off")
    notes.text(0, 1, unpaid, fontsize=8, va="top", ha="left", transform=notes.transAxes)
    names = [b[0] for b in bars][::-1]
    received = [b[1] for b in bars][::-1]
    pledged = [b[2] for b in bars][::-1]
    axes.barh(names, received, color="#2a7ab0", label=_("Received"))
    if any(pledged):
        axes.barh(names, pledged, left=received, color="#f2b134", hatch="//", label=_("Pledged"))
    for y, (got, promised) in enumerate(zip(received, pledged, strict=True)):
        axes.text(got + promised, y, f" {_chf(got + promised)}", va="center", fontsize=8)
    if not bars:
        axes.text(
            0.5,
            0.5,
            _("No contributions recorded for {year}").format(year=figures.year),
            ha="center",
            transform=axes.transAxes,
        )
        axes.set_yticks([])
        axes.set_xticks([])
    axes.xaxis.set_major_formatter(FuncFormatter(_chf))
    axes.set_xlabel("CHF")
    widest = max(
        (got + promised for got, promised in zip(received, pledged, strict=True)), default=0
    )
    axes.set_xlim(0, max(widest, 1) * 1.15)  # room for the amount written after each bar
    if bars:
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    more = (
        " " + _("(top {shown} of {total})").format(shown=MAX_ROWS, total=len(figures.rows))
        if len(figures.rows) > MAX_ROWS
        else ""
    )
    axes.set_title(
        _("ISU contributions {year}").format(year=figures.year)
        + more
        + "\n"
        + _(
            "Received {received} · pledged {pledged} · {paid} of {parties} States Parties paid"
        ).format(
            received=format_chf(figures.received_cents),
            pledged=format_chf(figures.pledged_cents),
            paid=figures.paid_count,
            parties=figures.parties,
        ),
        loc="left",
    )
    return _png(figure)


def _unpaid_line(figures: ContributionFigures) -> str:
    if not figures.recorded:
        text = _("No payment recorded for {year}: record them with /ccm contribution.").format(
            year=figures.year
        )
    elif figures.unpaid is None:
        text = _(
            "Not paid: unknown. The minutes report {paid} payers without naming "
            "them; record payments by State to see who has not paid."
        ).format(paid=figures.paid_count)
    elif not figures.unpaid:
        text = _("Every State Party has paid.")
    else:
        text = _("Not paid yet ({count}): ").format(count=len(figures.unpaid)) + ", ".join(
            figures.unpaid
        )
    return "\n".join(textwrap.wrap(text, 140))


def contributions_alt(figures: ContributionFigures) -> str:
    top = ", ".join(
        f"{r.name} {format_chf(r.received_cents)}"
        + (
            " " + _("(+{amount} pledged)").format(amount=format_chf(r.pledged_cents))
            if r.pledged_cents
            else ""
        )
        for r in figures.rows[:5]
    )
    head = _(
        "Bar chart of ISU contributions in {year}: received {received}, "
        "pledged {pledged}, {paid} of {parties} States Parties paid."
    ).format(
        year=figures.year,
        received=format_chf(figures.received_cents),
        pledged=format_chf(figures.pledged_cents),
        paid=figures.paid_count,
        parties=figures.parties,
    )
    ranked = " " + (
        _("Largest: {top}.").format(top=top) if top else _("No payment recorded State by State.")
    )
    if not figures.recorded:
        unpaid = ""
    elif figures.unpaid is None:
        unpaid = " " + _("Who has not paid is unknown.")
    else:
        unpaid = (
            " "
            + _("{count} States Parties have not paid: {names}").format(
                count=len(figures.unpaid), names=", ".join(figures.unpaid[:10])
            )
            + ("…" if len(figures.unpaid) > 10 else ".")
        )
    return head + ranked + unpaid


def deadlines_png(figures: DeadlineFigures) -> bytes:
    """One row per State, a marker per deadline; today a red line; Article 7 annual dates shaded."""
    from matplotlib.dates import YearLocator

    rows = _rows(figures)
    figure = _figure(10, 2.0 + 0.3 * max(len(rows), 4))
    axes = figure.add_subplot()
    position = {name: len(rows) - 1 - index for index, name in enumerate(rows)}
    for kind, (marker, colour, label) in KIND_STYLE.items():
        marks = [m for m in figures.marks if m.kind == kind and m.row in position]
        if not marks:
            continue
        axes.scatter(
            [_num(m.day) for m in marks],
            [position[m.row] for m in marks],
            marker=marker,
            s=46,
            label=_(label),
            edgecolors=colour,
            facecolors=["none" if m.done else colour for m in marks],
            zorder=3,
        )
    for day in figures.annual_reports:
        axes.axvline(_num(day), color="#8c564b", alpha=0.25, linewidth=1, linestyle=":")
    if figures.annual_reports:
        axes.plot(
            [],
            [],
            color="#8c564b",
            alpha=0.5,
            linestyle=":",
            label=_("Article 7 annual reports (30 April)"),
        )
    axes.xaxis_date()
    axes.axvline(_num(figures.today), color="#d62728", linewidth=1.6, zorder=4)
    axes.annotate(
        _("today") + f"\n{format_short_day(figures.today)}",
        (_num(figures.today), -0.75),
        color="#d62728",
        fontsize=8,
        ha="left",
        va="bottom",
        xytext=(3, 0),
        textcoords="offset points",
    )
    axes.set_yticks(range(len(rows)), rows[::-1] if rows else [])
    axes.set_ylim(-0.8, max(len(rows), 1) - 0.2)
    axes.set_xlim(_num(figures.start), _num(figures.end))
    axes.xaxis.set_major_locator(YearLocator())  # type: ignore[no-untyped-call]
    axes.grid(axis="x", alpha=0.3)
    if not rows:
        axes.text(
            0.5,
            0.5,
            _("No Article 3 or 4 deadline in these years"),
            ha="center",
            transform=axes.transAxes,
        )
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, fontsize=8, frameon=False)
    axes.set_title(
        _("Treaty deadlines {start}–{end} (hollow: met or superseded)").format(
            start=figures.start.year, end=figures.end.year
        ),
        loc="left",
    )
    return _png(figure)


def _rows(figures: DeadlineFigures) -> list[str]:
    first: dict[str, tuple[int, Any]] = {}
    for mark in figures.marks:
        key = (0 if mark.day >= figures.today and not mark.done else 1, mark.day)
        first[mark.row] = min(first.get(mark.row, key), key)
    return sorted(first, key=lambda row: first[row])[:MAX_ROWS]


def deadlines_alt(figures: DeadlineFigures) -> str:
    coming = sorted(
        (m for m in figures.marks if m.day >= figures.today and not m.done), key=lambda m: m.day
    )
    label = {k: _(v[2]) for k, v in KIND_STYLE.items()}
    listed = "; ".join(
        _("{state}: {deadline}").format(
            state=m.row, deadline=f"{label[m.kind]} {format_long_day(m.day, padded=True)}"
        )
        for m in coming[:8]
    )
    head = _(
        "Timeline of treaty deadlines from {start} to {end}, today {today} marked. {count} coming"
    ).format(
        start=format_month_year(figures.start),
        end=figures.end.year,
        today=format_long_day(figures.today, padded=True),
        count=len(coming),
    )
    return head + (_(", the first: {listed}.").format(listed=listed) if listed else ".")


def items_png(series: ItemSeries) -> bytes:
    """Open items per area stacked over time, with the overdue total drawn on top."""
    figure = _figure(10, 5)
    axes = figure.add_subplot()
    areas = sorted(series.open_by_area, key=lambda a: -series.open_by_area[a][-1])
    # Steps: each sample holds until the next; the last one is drawn to the end of its day.
    days = [_num(day) for day in series.days]
    days.append(days[-1] + 1 if days else 0.0)
    axes.xaxis_date()
    if areas:
        stacks = [[*series.open_by_area[a], series.open_by_area[a][-1]] for a in areas]
        axes.stackplot(days, stacks, labels=areas, alpha=0.85, step="post")
        overdue = [
            sum(v[i] for v in series.overdue_by_area.values()) for i in range(len(series.days))
        ]
        overdue.append(overdue[-1])
        axes.plot(
            days,
            overdue,
            color="black",
            linestyle="--",
            linewidth=2.2,
            drawstyle="steps-post",
            label=_("Overdue (all areas)"),
        )
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    else:
        axes.text(0.5, 0.5, _("No items yet"), ha="center", transform=axes.transAxes)
    axes.set_ylabel(_("items"))
    axes.set_ylim(bottom=0)
    axes.grid(axis="y", alpha=0.3)
    figure.autofmt_xdate()
    last = series.days[-1] if series.days else None
    axes.set_title(
        _("Open and overdue action items per area, to {day}").format(day=format_short_day(last))
        if last
        else _("Action items"),
        loc="left",
    )
    return _png(figure)


def items_alt(series: ItemSeries) -> str:
    if not series.days:
        return _("Chart of action items: there are none yet.")
    now = {a: v[-1] for a, v in series.open_by_area.items() if v[-1]}
    late = {a: v[-1] for a, v in series.overdue_by_area.items() if v[-1]}
    parts = ", ".join(
        ngettext(
            "{area} {count} ({late} overdue)", "{area} {count} ({late} overdue)", late.get(a, 0)
        ).format(area=a, count=n, late=late.get(a, 0))
        for a, n in sorted(now.items(), key=lambda x: -x[1])
    )
    head = _(
        "Stacked area chart of open action items per area from {start} to {end}, "
        "with the overdue total as a dashed black line. Now {open} open, {late} overdue"
    ).format(
        start=format_long_day(series.days[0], padded=True),
        end=format_long_day(series.days[-1], padded=True),
        open=sum(now.values()),
        late=sum(late.values()),
    )
    return head + (f": {parts}." if parts else ".")
