"""Run every job that is due as of one moment: what `jobs run` does and what each scan calls."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.i18n import use_language
from handlers.ports import Deps, Notifier
from schedules import sentlog
from schedules.config import ScheduleConfig
from schedules.contributions import contributions_reminder
from schedules.digests import pre_meeting_digests, weekly_digest
from schedules.outbox import DbLedger, DryLedger, Ledger, Outbox
from schedules.reminders import scan_reminders
from schedules.treaty import treaty_watch
from storage.db import Database

log = logging.getLogger(__name__)

Job = Callable[..., None]
REMINDER_JOBS: tuple[Job, ...] = (scan_reminders,)
CHANNEL_JOBS: tuple[Job, ...] = (
    weekly_digest,
    pre_meeting_digests,
    contributions_reminder,
    treaty_watch,
)
ALL_JOBS = REMINDER_JOBS + CHANNEL_JOBS


def sweep(db: Database, *, now: datetime, config: ScheduleConfig) -> int:
    """Release crashed claims older than the stale limit; the next scan sends them once."""
    with db.session(write=True) as session:
        released = sentlog.sweep(
            session, now=now, stale_after=timedelta(minutes=config.stale_minutes)
        )
    if released:
        log.warning("released %d stale sent-log claims for retry", released)
    return released


def run_due(
    deps: Deps,
    notifier: Notifier,
    *,
    now: datetime | None = None,
    config: ScheduleConfig | None = None,
    jobs: tuple[Job, ...] = ALL_JOBS,
    dry_run: bool = False,
) -> Outbox:
    """Sweep, then run ``jobs`` as of ``now``; a failing job is logged and the others still run."""
    config = config or ScheduleConfig()
    now = now or deps.clock()
    ledger: Ledger
    if dry_run:
        ledger = DryLedger(deps.db, max_attempts=config.max_attempts)
    else:
        sweep(deps.db, now=now, config=config)
        ledger = DbLedger(deps.db, now=now, max_attempts=config.max_attempts)
    outbox = Outbox(ledger=ledger, notifier=notifier)
    tz: ZoneInfo = deps.tz
    for job in jobs:
        try:
            # Channel posts speak the committee's language; reminders switch to each reader's.
            with use_language(deps.language):
                job(deps.db, outbox, now=now, tz=tz, channel=deps.digest_channel, config=config)
        except Exception:
            log.exception("scheduled job %s failed; the next scan retries it", job.__name__)
            outbox.failures += 1
    return outbox
