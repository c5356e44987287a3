"""Settings, read once from the environment and passed to whatever needs them."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.i18n.choice import normalize
from schedules.config import ConfigError, ScheduleConfig
from storage.db import DEFAULT_URL

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_SLACK_FILES_URL = "https://files.slack.com/"  # the only host that gets the bot token


class SettingsError(ValueError):
    """A setting is missing or wrong; the message is one line an operator can act on."""


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_URL
    timezone: str = "Europe/Zurich"
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_files_url: str = DEFAULT_SLACK_FILES_URL
    digest_channel: str | None = None
    public_url: str | None = None
    language: str = "en"
    admins: frozenset[str] = frozenset()
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        source = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = source.get(name, "").strip()
            return value or None

        settings = cls(
            database_url=_database_url(get("CCM_DATABASE_URL") or DEFAULT_URL),
            timezone=get("CCM_TIMEZONE") or "Europe/Zurich",
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            slack_api_url=get("SLACK_API_URL") or DEFAULT_SLACK_API_URL,
            slack_files_url=get("SLACK_FILES_URL") or DEFAULT_SLACK_FILES_URL,
            digest_channel=get("CCM_DIGEST_CHANNEL"),
            public_url=_public_url(get("CCM_PUBLIC_URL")),
            language=_language(get("CCM_LANGUAGE")),
            admins=parse_admins(get("CCM_ADMINS")),
            schedule=_schedule(source),
        )
        settings.tz  # noqa: B018  (fail early on a bad time zone)
        return settings

    @property
    def tz(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as problem:
            raise SettingsError(
                f"CCM_TIMEZONE={self.timezone!r} is not a time zone; use an IANA name such as Europe/Zurich."
            ) from problem


def _language(value: str | None) -> str:
    """CCM_LANGUAGE: the committee's default language; a typo stops the start, it is not ignored."""
    if value is None:
        return "en"
    code = normalize(value)
    if code is None:
        raise SettingsError(
            f"CCM_LANGUAGE={value!r} is not a language the bot speaks; use en, fr or es."
        )
    return code


def parse_admins(raw: str | None) -> frozenset[str]:
    """CCM_ADMINS: Slack user ids (U…/W…), comma- or space-separated; a name is refused."""
    words = [w.strip() for w in re.split(r"[,\s]+", raw or "") if w.strip()]
    bad = [w for w in words if not re.fullmatch(r"[UW][A-Z0-9]+", w)]
    if bad:
        raise SettingsError(
            f"CCM_ADMINS={raw!r}: {bad[0]!r} is not a Slack user id (U… or W…; copy it from the "
            "person's profile, ⋮ → Copy member ID)."
        )
    return frozenset(words)


def _schedule(env: Mapping[str, str]) -> ScheduleConfig:
    try:
        return ScheduleConfig.from_env(env)
    except ConfigError as problem:
        raise SettingsError(str(problem)) from problem


def _public_url(value: str | None) -> str | None:
    """CCM_PUBLIC_URL: the bot's address as people's calendars reach it (https://…)."""
    if value is None:
        return None
    parsed = urlsplit(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or parsed.query:
        raise SettingsError(
            f"CCM_PUBLIC_URL={value!r} is not a web address; use the bot's public address, "
            "e.g. https://ccm.example.org"
        )
    return value.rstrip("/")


def _database_url(value: str) -> str:
    """Refuse, in one line, a URL SQLAlchemy cannot read or whose driver is not installed."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        url = make_url(value)
        dialect = url.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError) as problem:
        raise SettingsError(
            f"CCM_DATABASE_URL={value!r} is not a database URL I can use; "
            "e.g. sqlite:///ccm.db or postgresql+psycopg://user@host/db"
        ) from problem
    try:
        dialect.import_dbapi()
    except ImportError as problem:
        shown = url.render_as_string(hide_password=True)
        raise SettingsError(
            f"CCM_DATABASE_URL={shown!r}: its driver ({problem.name or url.drivername}) is not "
            "installed; ccm-bot runs on sqlite:///FILE or postgresql+psycopg://user@host/db"
        ) from problem
    return value
