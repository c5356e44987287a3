"""APScheduler wiring: a few static interval and cron jobs that only trigger database scans.

No job per item and no persistent job store: what is due lives in the database, and the
sent-log makes each send happen once, so a restart, a misfire or a coalesced run is harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from handlers.ports import Deps, Notifier
from schedules.config import WEEKDAYS, ScheduleConfig
from schedules.jobs import CHANNEL_JOBS, REMINDER_JOBS, Job, run_due, sweep
from schedules.leader import Leadership, leader_for

log = logging.getLogger(__name__)


@dataclass
class SchedulerHandle:
    """What `serve` keeps: shutting down stops the scans and gives up the lead."""

    scheduler: BackgroundScheduler
    leader: Leadership

    def shutdown(self, wait: bool = True) -> None:
        self.scheduler.shutdown(wait=wait)
        self.leader.release()


def _scan(
    deps: Deps,
    notifier: Notifier,
    leader: Leadership,
    config: ScheduleConfig,
    jobs: tuple[Job, ...],
) -> Callable[[], None]:
    def scan() -> None:
        if not leader.acquire():
            return  # another replica leads; we try again at the next scan
        run_due(deps, notifier, config=config, jobs=jobs)

    return scan


def build_scheduler(
    deps: Deps,
    notifier: Notifier,
    *,
    config: ScheduleConfig | None = None,
    leader: Leadership | None = None,
) -> SchedulerHandle:
    """The scheduler with its jobs added, not started (tests inspect its triggers)."""
    config = config or ScheduleConfig()
    leader = leader or leader_for(deps.db)
    scheduler = BackgroundScheduler(
        jobstores={"default": MemoryJobStore()},
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": config.misfire_grace_seconds,
        },
        timezone=deps.tz,
    )
    first = datetime.now(deps.tz)
    every = IntervalTrigger(minutes=config.scan_minutes, timezone=deps.tz)
    reminders = _scan(deps, notifier, leader, config, REMINDER_JOBS)
    channel = _scan(deps, notifier, leader, config, CHANNEL_JOBS)

    def add(func: Callable[[], None], trigger: object, **kwargs: object) -> None:
        # Explicit per job (not only job_defaults) so the choice is visible before start().
        scheduler.add_job(
            func,
            trigger,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=config.misfire_grace_seconds,
            **kwargs,
        )

    add(reminders, every, id="ccm-reminders", next_run_time=first)
    add(channel, every, id="ccm-channel-jobs", next_run_time=first)
    # On the hour too, so a digest at 09:00 goes at 09:00 rather than up to a scan later.
    at = config.digest_time
    add(
        channel,
        CronTrigger(
            day_of_week=WEEKDAYS[config.digest_weekday],
            hour=at.hour,
            minute=at.minute,
            timezone=deps.tz,
        ),
        id="ccm-weekly-digest",
    )

    def sweeper() -> None:
        if leader.acquire():
            sweep(deps.db, now=deps.clock(), config=config)

    add(
        sweeper,
        IntervalTrigger(minutes=config.sweep_minutes, timezone=deps.tz),
        id="ccm-sweeper",
    )
    return SchedulerHandle(scheduler=scheduler, leader=leader)


def start_scheduler(
    deps: Deps,
    notifier: Notifier,
    *,
    config: ScheduleConfig | None = None,
    leader: Leadership | None = None,
) -> SchedulerHandle:
    """Start the scans in a background thread; call .shutdown() on the result to stop."""
    handle = build_scheduler(deps, notifier, config=config, leader=leader)
    handle.scheduler.start()
    log.info("scheduler started: %s", [job.id for job in handle.scheduler.get_jobs()])
    return handle
