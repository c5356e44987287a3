"""Contribution totals for a year: received apart from pledged, named payers apart from totals.

Minutes often report only totals ("28 States Parties had paid CHF 143,935.07"), stored as rows
without a State. Those totals and the payments recorded State by State are kept apart: a
named payment may already be inside a reported total, so they are shown side by side, and the
list of who has not paid is only given when it can be known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from storage.models import Contribution, State

_REPORTED = re.compile(r"^(\d+) States")


@dataclass(frozen=True)
class YearSummary:
    year: int
    named_received_cents: int
    reported_received_cents: int
    pledged_cents: int
    paid: frozenset[str]
    reported_paid: int
    parties: tuple[State, ...]
    components: tuple[tuple[str, int], ...]

    @property
    def received_cents(self) -> int:
        return self.named_received_cents + self.reported_received_cents

    @property
    def paid_count(self) -> int:
        """States named as paid, or the count the minutes reported when only totals are known."""
        return max(len(self.paid), self.reported_paid)

    @property
    def unpaid_known(self) -> bool:
        """Who has not paid is known only when every reported payer is named."""
        return len(self.paid) >= self.reported_paid

    @property
    def unpaid(self) -> list[State]:
        return [state for state in self.parties if state.iso3 not in self.paid]


def _is_party(state: State, year: int) -> bool:
    """A State Party during ``year``: joined by its end, not withdrawn before it began."""
    return (
        state.ccm_status in ("State Party", "withdrawn")
        and state.ratified is not None
        and state.ratified <= date(year, 12, 31)
        and (state.withdrawn_on is None or state.withdrawn_on > date(year, 1, 1))
    )


def summarize(
    *, year: int, contributions: Iterable[Contribution], states: Iterable[State]
) -> YearSummary:
    """The year's summary from rows already in memory (the reference snapshot): no query."""
    rows = [row for row in contributions if row.year == year]
    received = [row for row in rows if row.status == "received"]
    components: dict[str, int] = {}
    for row in received:
        if row.component is not None:
            components[row.component] = components.get(row.component, 0) + row.amount_cents
    reported = [
        int(m[1])
        for row in received
        if not row.state_iso3 and row.note and (m := _REPORTED.match(row.note))
    ]
    return YearSummary(
        year=year,
        named_received_cents=sum(r.amount_cents for r in received if r.state_iso3),
        reported_received_cents=sum(r.amount_cents for r in received if not r.state_iso3),
        pledged_cents=sum(r.amount_cents for r in rows if r.status == "pledged"),
        paid=frozenset(r.state_iso3 for r in received if r.state_iso3),
        reported_paid=max(reported, default=0),
        parties=tuple(sorted((s for s in states if _is_party(s, year)), key=lambda s: s.short)),
        components=tuple(sorted(components.items())),
    )


def parties_in(*, session: Session, year: int) -> list[State]:
    """States Parties during ``year``: joined by its end, not withdrawn before it began."""
    query = (
        select(State)
        .where(
            col(State.ccm_status).in_(["State Party", "withdrawn"]),
            col(State.ratified) <= date(year, 12, 31),
            or_(col(State.withdrawn_on).is_(None), col(State.withdrawn_on) > date(year, 1, 1)),
        )
        .order_by(col(State.short))
    )
    return list(session.exec(query))


def _sum(session: Session, year: int, status: str, *, named: bool | None = None) -> int:
    query = select(func.sum(Contribution.amount_cents)).where(
        Contribution.year == year, Contribution.status == status
    )
    if named is not None:
        state = col(Contribution.state_iso3)
        query = query.where(state.is_not(None) if named else state.is_(None))
    return int(session.exec(query).one() or 0)


def year_summary(*, session: Session, year: int) -> YearSummary:
    components = session.exec(
        select(Contribution.component, func.sum(Contribution.amount_cents))
        .where(
            Contribution.year == year,
            Contribution.status == "received",
            col(Contribution.component).is_not(None),
        )
        .group_by(col(Contribution.component))
        .order_by(col(Contribution.component))
    ).all()
    paid = session.exec(
        select(Contribution.state_iso3).where(
            Contribution.year == year,
            Contribution.status == "received",
            col(Contribution.state_iso3).is_not(None),
        )
    ).all()
    notes = session.exec(
        select(Contribution.note).where(
            Contribution.year == year,
            Contribution.status == "received",
            col(Contribution.state_iso3).is_(None),
        )
    ).all()
    reported = [int(m[1]) for note in notes if note and (m := _REPORTED.match(note))]
    return YearSummary(
        year=year,
        named_received_cents=_sum(session, year, "received", named=True),
        reported_received_cents=_sum(session, year, "received", named=False),
        pledged_cents=_sum(session, year, "pledged"),
        paid=frozenset(iso3 for iso3 in paid if iso3),
        reported_paid=max(reported, default=0),
        parties=tuple(parties_in(session=session, year=year)),
        components=tuple((str(c), int(v)) for c, v in components),
    )
