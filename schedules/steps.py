"""Pure functions of "now": which reminder step is due, when a weekly or dated job fires.

Nothing here reads a clock or a database, so every rule (DST, weekends, quiet hours) is a
plain function a test can call with any moment. Jobs key their sends by *local date*, never
by instant: a local time that happens twice (autumn) or never (spring) still maps to one day.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Step:
    """A reminder step: 'd-7', 'd-1', 'd0', 'overdue-1', ... and the local day it fires."""

    name: str
    fires_on: date


def before_name(days: int) -> str:
    """The step ``days`` before the due date: 'd-7', 'd-1', 'd0' (negative: 'd+3', after it)."""
    return "d0" if days == 0 else f"d{-days:+d}"


OVERDUE = "overdue-"  # + the number of periods: 'overdue-1', 'overdue-2', ...


def latest_step(
    *, due: date, today: date, days_before: Iterable[int], overdue_every: int
) -> Step | None:
    """The newest step whose day has come; older missed steps are superseded, never sent late."""
    best: Step | None = None
    for days in sorted(set(days_before), reverse=True):
        fires = due - timedelta(days=days)
        if fires <= today:
            best = Step(before_name(days), fires)
    if overdue_every > 0 and today > due:
        weeks = (today - due).days // overdue_every
        if weeks >= 1:
            best = Step(f"{OVERDUE}{weeks}", due + timedelta(days=weeks * overdue_every))
    return best


def local_at(day: date, at: time, tz: ZoneInfo) -> datetime:
    """``day`` at wall-clock ``at`` in ``tz``.

    zoneinfo resolves a wall time that does not exist (02:30 on the last Sunday of March) with
    the offset before the jump, i.e. one hour later in real time, and an ambiguous one (02:30 on
    the last Sunday of October) as its first occurrence: either way exactly one instant.
    """
    return datetime.combine(day, at, tzinfo=tz)


def latest_weekly(now: datetime, *, weekday: int, at: time, tz: ZoneInfo) -> date:
    """The local date of the most recent weekly firing at or before ``now``."""
    today = now.astimezone(tz).date()
    day = today - timedelta(days=(today.weekday() - weekday) % 7)
    if local_at(day, at, tz) > now:
        day -= timedelta(days=7)
    return day


def in_quiet_hours(moment: time, *, start: time, end: time) -> bool:
    """Quiet hours may wrap midnight (20:00-08:00); start == end means none."""
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def dm_allowed(local: datetime, *, quiet_start: time, quiet_end: time, skip_weekends: bool) -> bool:
    """May a direct message reach someone whose wall clock reads ``local``?"""
    if skip_weekends and local.weekday() >= 5:
        return False
    return not in_quiet_hours(local.time(), start=quiet_start, end=quiet_end)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's end (31 Aug - 9 months = 30 Nov)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
