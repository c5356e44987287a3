"""APScheduler wiring (static jobs, explicit ids, coalesce) and `ccm-bot jobs run`."""

from __future__ import annotations

import io
import json
import time
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.triggers.cron import CronTrigger

from bot.jobs_cli import run_jobs
from bot.settings import Settings
from bot.wiring import prepare_database
from schedules.leader import AlwaysLeader
from schedules.runner import build_scheduler, start_scheduler
from storage.db import Database
from tests.schedules.conftest import ANNA, Clock, RecordingNotifier, seed_world, world_deps

D_MINUS_7 = datetime(2017, 4, 5, 7, 0, tzinfo=UTC)  # Anna's first reminder, 09:00 in Geneva


def test_the_scheduler_has_a_few_static_jobs(db: Database) -> None:
    handle = build_scheduler(
        world_deps(db, Clock()), RecordingNotifier(Clock()), leader=AlwaysLeader()
    )
    jobs = {job.id: job for job in handle.scheduler.get_jobs()}
    assert set(jobs) == {"ccm-reminders", "ccm-channel-jobs", "ccm-weekly-digest", "ccm-sweeper"}
    assert all(job.coalesce and job.misfire_grace_time == 600 for job in jobs.values())
    weekly = jobs["ccm-weekly-digest"].trigger
    assert isinstance(weekly, CronTrigger)
    after_dst = weekly.get_next_fire_time(None, datetime(2017, 3, 24, tzinfo=UTC))
    assert after_dst is not None and after_dst.astimezone(UTC) == datetime(
        2017, 3, 27, 7, tzinfo=UTC
    )


def test_start_scheduler_scans_at_once_and_shuts_down(db: Database) -> None:
    ids = seed_world(db)
    clock = Clock(now=D_MINUS_7)
    notifier = RecordingNotifier(clock)
    handle = start_scheduler(world_deps(db, clock), notifier)
    try:
        deadline = time.monotonic() + 10
        while not any(s.to == ANNA for s in notifier.sent) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        handle.shutdown()
    assert [s.item_ids for s in notifier.sent if s.to == ANNA] == [[ids["anna"]]]


def _settings(path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{path}", digest_channel="C_DIGEST")


def test_jobs_run_prints_jsonl_once_and_dry_runs_mark_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name in ("SLACK_BOT_TOKEN", "CCM_REMINDER_STEPS"):
        monkeypatch.delenv(name, raising=False)
    settings = _settings(tmp_path / "ccm.db")
    seed_world(prepare_database(settings))

    def run(**kwargs: bool) -> list[dict[str, object]]:
        out = io.StringIO()
        assert run_jobs(settings, at=D_MINUS_7, jsonl=True, out=out, **kwargs) == 0
        return [json.loads(line) for line in out.getvalue().splitlines()]

    dry = run(dry_run=True)
    assert dry == run(dry_run=True)  # a dry run records nothing
    first = run()
    assert [m["job"] for m in first] == [m["job"] for m in dry]
    assert {"reminder", "treaty_watch"} <= {m["job"] for m in first}
    assert all(set(m) == {"job", "to", "text", "blocks"} for m in first)
    assert any(m["to"] == ANNA for m in first)
    assert run() == []  # the second run finds everything sent
