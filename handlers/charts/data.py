"""What each chart shows, read from the store as plain data (drawing is in draw.py).

Kept apart from matplotlib so the figures can be tested without pixels, and so the console's
first answer never pays for importing matplotlib.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from handlers.i18n import N_, _, state_label
from handlers.i18n.terms import term
from handlers.reference.areas import AREA_BY_KEY
from handlers.reference.as_of import completed_as_of, deadline_known
from storage.contributions import year_summary
from storage.models import ActionItem, Contribution, ItemEvent, Meeting, State, TreatyDeadline

NO_AREA = N_("No area")


@dataclass(frozen=True)
class StateMoney:
    name: str
    received_cents: int
    pledged_cents: int


@dataclass(frozen=True)
class ContributionFigures:
    year: int
    rows: list[StateMoney]  # ranked: most received (then pledged) first
    received_cents: int
    pledged_cents: int
    components: list[tuple[str, int]]  # reported totals by component, States not named
    paid_count: int
    parties: int
    unpaid: list[str] | None  # None: who has not paid cannot be known from what is recorded
    recorded: bool = True  # any payment at all for the year (else "not paid" says nothing)


def contribution_figures(session: Session, *, year: int) -> ContributionFigures:
    """Received and pledged per State for a year, with the totals and the States not paid.

    States are named in the reader's language (the figures are drawn for one reader)."""
    query = (
        select(State.iso3, State.short, Contribution.status, func.sum(Contribution.amount_cents))
        .join(State, col(State.iso3) == col(Contribution.state_iso3))
        .where(Contribution.year == year)
        .group_by(col(State.iso3), col(State.short), col(Contribution.status))
    )
    money: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for iso3, short, status, cents in session.exec(query):
        money[state_label(iso3, short)][0 if status == "received" else 1] += int(cents or 0)
    rows = sorted(
        (StateMoney(name, got, pledged) for name, (got, pledged) in money.items()),
        key=lambda row: (-row.received_cents, -row.pledged_cents, row.name),
    )
    summary = year_summary(session=session, year=year)
    return ContributionFigures(
        year=year,
        rows=rows,
        received_cents=summary.received_cents,
        pledged_cents=summary.pledged_cents,
        components=list(summary.components),
        paid_count=summary.paid_count,
        parties=len(summary.parties),
        unpaid=[state_label(s.iso3, s.short) for s in summary.unpaid]
        if summary.unpaid_known
        else None,
        recorded=bool(summary.paid or summary.reported_paid),
    )


@dataclass(frozen=True)
class Mark:
    """One dated point on the deadlines timeline."""

    row: str
    day: date
    kind: str  # article3, article4, extension, extension_request, article7
    done: bool = False
    label: str = ""


@dataclass(frozen=True)
class DeadlineFigures:
    today: date
    start: date
    end: date
    marks: list[Mark] = field(default_factory=list)
    annual_reports: list[date] = field(default_factory=list)  # Article 7: 30 April, every year


ARTICLE7_DAY = (4, 30)
INITIAL_REPORT_DAYS = 180  # Article 7(1): within 180 days of entry into force
EXTENSION_LEAD_MONTHS = 9  # a request is due nine months before the MSP that decides it


def _months_before(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(day.day, 28))


def _kind(kind: str) -> str:
    if kind.endswith("_extension"):
        return "extension"
    return kind


def deadline_figures(session: Session, *, today: date, years: int = 5) -> DeadlineFigures:
    """Article 3, 4 and 7 deadlines and extension requests from a month ago to ``years`` ahead."""
    start, end = today - timedelta(days=31), date(today.year + years, 12, 31)
    rows = session.exec(
        select(TreatyDeadline, State.short, col(State.ratified))
        .join(State, col(State.iso3) == col(TreatyDeadline.state_iso3))
        .where(col(TreatyDeadline.due) >= start, col(TreatyDeadline.due) <= end)
        .order_by(col(TreatyDeadline.due))
    ).all()
    msps = session.exec(select(Meeting).where(Meeting.kind == "msp")).all()
    originals = {
        (d.state_iso3, d.kind): d.due
        for d in session.exec(
            select(TreatyDeadline).where(col(TreatyDeadline.kind).in_(["article3", "article4"]))
        )
    }
    marks: list[Mark] = []
    for deadline, english, ratified in rows:
        short = state_label(deadline.state_iso3, english)
        if ratified is not None and ratified > today:
            continue  # a State that joins later: its deadlines are not known yet on ``today``
        first = originals.get((deadline.state_iso3, deadline.kind.removesuffix("_extension")))
        if not deadline_known(deadline, today, first):
            continue  # an extension decided after ``today``: not known yet
        kind = _kind(deadline.kind)
        done = completed_as_of(deadline, today)
        marks.append(Mark(short, deadline.due, kind, done))
        if done or kind not in ("article3", "article4", "extension"):
            continue
        deciding = [m.start.date() for m in msps if m.start.date() < deadline.due]
        if deciding and deadline.due <= max(deciding) + timedelta(days=366):
            request_by = _months_before(max(deciding), EXTENSION_LEAD_MONTHS)
            if start <= request_by <= end:
                marks.append(Mark(short, request_by, "extension_request"))
    joined = session.exec(
        select(State.iso3, State.short, col(State.entry_into_force)).where(
            col(State.entry_into_force) >= start - timedelta(days=INITIAL_REPORT_DAYS),
            col(State.ratified) <= today,
        )
    ).all()
    for iso3, english, in_force in joined:
        assert in_force is not None
        due = in_force + timedelta(days=INITIAL_REPORT_DAYS)
        if start <= due <= end:
            marks.append(
                Mark(state_label(iso3, english), due, "article7", due < today, "initial report")
            )
    annual = [
        date(year, *ARTICLE7_DAY)
        for year in range(start.year, end.year + 1)
        if start <= date(year, *ARTICLE7_DAY) <= end
    ]
    return DeadlineFigures(today=today, start=start, end=end, marks=marks, annual_reports=annual)


@dataclass(frozen=True)
class ItemSeries:
    days: list[date]
    open_by_area: dict[str, list[int]]
    overdue_by_area: dict[str, list[int]]


_STATUS_AFTER = {"done": "done", "reopen": "open", "delete": "deleted", "restore": "open"}


def _open_spans(
    created: datetime, changes: list[tuple[datetime, str]], end: datetime
) -> list[tuple[datetime, datetime]]:
    """The intervals [from, to) during which an item was open, replayed from its history."""
    spans: list[tuple[datetime, datetime]] = []
    status, since = "open", created
    for at, action in changes:
        after = _STATUS_AFTER.get(action, status)
        if at <= created:  # history older than the row (an import): it sets the first status
            status = after
            continue
        if after == status:
            continue
        if status == "open":
            spans.append((since, at))
        status, since = after, at
    if status == "open":
        spans.append((since, end))
    return spans


def item_series(session: Session, *, now: datetime, tz: ZoneInfo, points: int = 120) -> ItemSeries:
    """Open and overdue items per area at the end of each day sampled, replayed from history.

    Each item's status at a moment is replayed from its history (created, done, reopen,
    delete, restore); its due date is the current one (a due date moved later would make an
    older overdue count look smaller than it was). Each open interval adds to the days it
    covers through a difference array: linear in items plus days, not their product.
    """
    items = session.exec(select(ActionItem).where(ActionItem.status != "draft")).all()
    events: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    for event in session.exec(select(ItemEvent).order_by(col(ItemEvent.at), col(ItemEvent.id))):
        events[event.item_id].append((event.at, event.action))
    today = now.astimezone(tz).date()
    first = min((i.created_at.astimezone(tz).date() for i in items), default=today)
    span = max((today - first).days, 1)
    step = max(1, -(-span // (points - 1)))
    days = sorted({today - timedelta(days=step * n) for n in range(points)} | {today})
    days = [d for d in days if d >= first - timedelta(days=step)]
    # The moment each sampled day is counted at: its end, or now for today.
    moments = [
        min(now, datetime.combine(day + timedelta(days=1), datetime.min.time(), tz)) for day in days
    ]
    size = len(days)
    open_diff: dict[str, list[int]] = defaultdict(lambda: [0] * (size + 1))
    late_diff: dict[str, list[int]] = defaultdict(lambda: [0] * (size + 1))
    after = now + timedelta(days=1)
    for item in items:
        assert item.id is not None
        area = term(AREA_BY_KEY[item.area_key].name) if item.area_key in AREA_BY_KEY else _(NO_AREA)
        # Overdue on a day after its due date (the sampled day, not the moment).
        late_from = bisect_right(days, item.due) if item.due is not None else size
        for start, stop in _open_spans(item.created_at, events[item.id], after):
            lo, hi = bisect_left(moments, start), bisect_left(moments, stop)
            if lo >= hi:
                continue
            open_diff[area][lo] += 1
            open_diff[area][hi] -= 1
            if max(lo, late_from) < hi:
                late_diff[area][max(lo, late_from)] += 1
                late_diff[area][hi] -= 1
    open_by = {area: list(accumulate(diff))[:size] for area, diff in open_diff.items()}
    late_by = {area: list(accumulate(diff))[:size] for area, diff in late_diff.items()}
    for area in open_by:
        late_by.setdefault(area, [0] * size)
    return ItemSeries(days=days, open_by_area=open_by, overdue_by_area=late_by)
