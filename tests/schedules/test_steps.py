"""The pure rules: reminder steps, weekly firing, quiet hours, DST wall times, env config."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from schedules.config import ConfigError, ScheduleConfig
from schedules.steps import add_months, dm_allowed, latest_step, latest_weekly, local_at
from tests.schedules.conftest import ZURICH

DUE = date(2017, 4, 12)


@pytest.mark.parametrize(
    ("today", "name", "fires"),
    [
        (date(2017, 4, 4), None, None),
        (date(2017, 4, 5), "d-7", date(2017, 4, 5)),
        (date(2017, 4, 10), "d-7", date(2017, 4, 5)),
        (date(2017, 4, 11), "d-1", date(2017, 4, 11)),
        (date(2017, 4, 12), "d0", DUE),
        (date(2017, 4, 18), "d0", DUE),
        (date(2017, 4, 19), "overdue-1", date(2017, 4, 19)),
        (date(2017, 5, 2), "overdue-2", date(2017, 4, 26)),
    ],
)
def test_latest_step(today: date, name: str | None, fires: date | None) -> None:
    step = latest_step(due=DUE, today=today, days_before=(7, 1, 0), overdue_every=7)
    assert (step.name if step else None) == name
    assert (step.fires_on if step else None) == fires


def test_steps_are_configurable() -> None:
    step = latest_step(due=DUE, today=date(2017, 3, 29), days_before=(14,), overdue_every=0)
    assert step is not None and step.name == "d-14"
    assert latest_step(due=DUE, today=date(2017, 6, 1), days_before=(14,), overdue_every=0) == step


def test_weekly_firing_keeps_local_time_across_dst() -> None:
    # Monday 27 March 2017 is the day after the spring change: 09:00 is 07:00 UTC, not 08:00.
    before = datetime(2017, 3, 27, 6, 59, tzinfo=UTC)
    after = datetime(2017, 3, 27, 7, 0, tzinfo=UTC)
    assert latest_weekly(before, weekday=0, at=time(9), tz=ZURICH) == date(2017, 3, 20)
    assert latest_weekly(after, weekday=0, at=time(9), tz=ZURICH) == date(2017, 3, 27)


def test_wall_times_that_do_not_exist_or_happen_twice_map_to_one_instant() -> None:
    spring = local_at(date(2017, 3, 26), time(2, 30), ZURICH)
    autumn = local_at(date(2017, 10, 29), time(2, 30), ZURICH)
    assert spring.astimezone(UTC) == datetime(2017, 3, 26, 1, 30, tzinfo=UTC)
    assert autumn.astimezone(UTC) == datetime(2017, 10, 29, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("local", "allowed"),
    [
        (datetime(2017, 4, 12, 9, 0), True),
        (datetime(2017, 4, 12, 7, 59), False),
        (datetime(2017, 4, 12, 20, 0), False),
        (datetime(2017, 4, 15, 10, 0), False),  # Saturday
    ],
)
def test_quiet_hours_and_weekends(local: datetime, allowed: bool) -> None:
    kwargs = {"quiet_start": time(20), "quiet_end": time(8), "skip_weekends": True}
    assert dm_allowed(local.replace(tzinfo=ZURICH), **kwargs) is allowed  # type: ignore[arg-type]


def test_add_months_clamps() -> None:
    assert add_months(date(2017, 8, 31), -9) == date(2016, 11, 30)


def test_config_from_env() -> None:
    config = ScheduleConfig.from_env(
        {
            "CCM_REMINDER_STEPS": "14, 3,0",
            "CCM_QUIET_HOURS": "21:00-07:30",
            "CCM_DIGEST_WEEKDAY": "Friday",
            "CCM_DIGEST_TIME": "16",
            "CCM_CONTRIBUTIONS_DUE": "05-31",
        }
    )
    assert config.reminder_days_before == (14, 3, 0)
    assert (config.quiet_start, config.quiet_end) == (time(21), time(7, 30))
    assert (config.digest_weekday, config.digest_time) == (4, time(16))
    with pytest.raises(ConfigError, match="CCM_DIGEST_TIME"):
        ScheduleConfig.from_env({"CCM_DIGEST_TIME": "noon"})
