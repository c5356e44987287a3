"""Contribution totals for a year: received apart from pledged, who has paid."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.models import Contribution, State

_REPORTED = re.compile(r"^(\d+) States")


@dataclass(frozen=True)
class YearSummary:
    year: int
    received_cents: int
    pledged_cents: int
    paid: frozenset[str]
    reported_paid: int
    parties: tuple[State, ...]
    components: tuple[tuple[str, int], ...]

    @property
    def paid_count(self) -> int:
        """States named as paid, or the count the minutes reported when only totals are known."""
        return max(len(self.paid), self.reported_paid)

    @property
    def unpaid(self) -> list[State]:
        return [state for state in self.parties if state.iso3 not in self.paid]


def year_summary(*, session: Session, year: int) -> YearSummary:
    totals = dict(
        session.exec(
            select(Contribution.status, func.sum(Contribution.amount_cents))
            .where(Contribution.year == year)
            .group_by(Contribution.status)
        ).all()
    )
    components = session.exec(
        select(Contribution.component, func.sum(Contribution.amount_cents))
        .where(
            Contribution.year == year,
            Contribution.status == "received",
            col(Contribution.component).is_not(None),
        )
        .group_by(Contribution.component)
        .order_by(Contribution.component)
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
    parties = session.exec(
        select(State).where(State.ccm_status == "State Party").order_by(col(State.short))
    ).all()
    return YearSummary(
        year=year,
        received_cents=int(totals.get("received", 0) or 0),
        pledged_cents=int(totals.get("pledged", 0) or 0),
        paid=frozenset(iso3 for iso3 in paid if iso3),
        reported_paid=max(reported, default=0),
        parties=tuple(parties),
        components=tuple((str(c), int(v)) for c, v in components),
    )
