"""Scheduler knobs in one frozen dataclass, with defaults that match the committee's habits."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import time
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ConfigError(ValueError):
    """A scheduler setting cannot be read; the message names the variable and an example."""


@dataclass(frozen=True)
class ScheduleConfig:
    """When jobs fire and how hard delivery tries; every field has an env var (see from_env)."""

    reminder_days_before: tuple[int, ...] = (7, 1, 0)
    overdue_every_days: int = 7
    reminder_time: time = time(9, 0)
    quiet_start: time = time(20, 0)
    quiet_end: time = time(8, 0)
    skip_weekends: bool = True
    digest_weekday: int = 0
    digest_time: time = time(9, 0)
    pre_meeting_days: int = 3
    pre_meeting_time: time = time(9, 0)
    contributions_due: tuple[int, int] = (5, 31)
    treaty_horizon_days: int = 365
    extension_lead_months: int = 9
    extension_notice_days: int = 90
    catch_up_hours: int = 48
    scan_minutes: int = 15
    sweep_minutes: int = 5
    stale_minutes: int = 15
    max_attempts: int = 8
    misfire_grace_seconds: int = 600
    digest_chart: bool = False  # the weekly digest also posts the items chart

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ScheduleConfig:
        """Read CCM_* variables; unset or empty ones keep the default."""
        config = cls()
        readers: dict[str, tuple[str, Callable[[str], Any]]] = {
            "CCM_REMINDER_STEPS": ("reminder_days_before", _steps),
            "CCM_REMINDER_OVERDUE_EVERY_DAYS": ("overdue_every_days", int),
            "CCM_REMINDER_TIME": ("reminder_time", _time),
            "CCM_QUIET_HOURS": ("quiet_start", _quiet),
            "CCM_QUIET_WEEKENDS": ("skip_weekends", _flag),
            "CCM_DIGEST_WEEKDAY": ("digest_weekday", _weekday),
            "CCM_DIGEST_TIME": ("digest_time", _time),
            "CCM_DIGEST_CHART": ("digest_chart", _strict_flag),
            "CCM_PRE_MEETING_DAYS": ("pre_meeting_days", int),
            "CCM_PRE_MEETING_TIME": ("pre_meeting_time", _time),
            "CCM_CONTRIBUTIONS_DUE": ("contributions_due", _month_day),
            "CCM_CATCH_UP_HOURS": ("catch_up_hours", int),
            "CCM_SCAN_MINUTES": ("scan_minutes", int),
            "CCM_STALE_CLAIM_MINUTES": ("stale_minutes", int),
            "CCM_SEND_MAX_ATTEMPTS": ("max_attempts", int),
        }
        for name, (attr, read) in readers.items():
            raw = env.get(name, "").strip()
            if not raw:
                continue
            try:
                value = read(raw)
            except (ValueError, KeyError) as problem:
                raise ConfigError(f"{name}={raw!r} cannot be read: {problem}") from problem
            if attr == "quiet_start":
                start, end = value
                config = replace(config, quiet_start=start, quiet_end=end)
            else:
                config = replace(config, **{attr: value})
        return config


def _steps(raw: str) -> tuple[int, ...]:
    return tuple(sorted({int(part) for part in raw.split(",") if part.strip()}, reverse=True))


def _time(raw: str) -> time:
    return time.fromisoformat(raw if len(raw) > 2 else f"{int(raw):02d}:00")


def _quiet(raw: str) -> tuple[time, time]:
    if raw.lower() in {"off", "none", "0"}:
        return time(0, 0), time(0, 0)
    start, end = raw.split("-")
    return _time(start.strip()), _time(end.strip())


def _flag(raw: str) -> bool:
    return raw.lower() in {"1", "true", "yes", "on"}


def _strict_flag(raw: str) -> bool:
    if raw.lower() not in {"1", "true", "yes", "on", "0", "false", "no", "off"}:
        raise ValueError("use 1 (on) or 0 (off)")
    return _flag(raw)


def _weekday(raw: str) -> int:
    key = raw.strip().lower()[:3]
    if key not in WEEKDAYS:
        raise ValueError(f"use a weekday name: {', '.join(WEEKDAYS)}")
    return WEEKDAYS.index(key)


def _month_day(raw: str) -> tuple[int, int]:
    month, day = (int(part) for part in raw.split("-"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError("use MM-DD, e.g. 05-31")
    return month, day
