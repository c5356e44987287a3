"""CCM_DIGEST_CHART=1: the weekly digest is followed by the items chart, uploaded once."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.settings import Settings
from bot.slack.client import make_client
from bot.slack.notifier import SlackNotifier
from handlers.ports import Deps
from schedules.config import ScheduleConfig
from schedules.digests import WEEKLY, weekly_digest
from schedules.jobs import run_due
from tests.slack.fake_slack import FakeSlack

MONDAY = datetime(2017, 3, 27, 9, 5, tzinfo=ZoneInfo("Europe/Zurich"))


def _notifier(fake: FakeSlack) -> SlackNotifier:
    client = make_client(Settings(slack_bot_token="xoxb-test", slack_api_url=fake.url))
    return SlackNotifier(client, min_interval_s=0)


def test_weekly_digest_carries_the_items_chart_once(demo_deps: Deps, fake: FakeSlack) -> None:
    deps = replace(demo_deps, digest_channel="C0DIGEST")
    config = ScheduleConfig.from_env({"CCM_DIGEST_CHART": "1"})
    notifier = _notifier(fake)
    outbox = run_due(deps, notifier, now=MONDAY, config=config, jobs=(weekly_digest,))
    assert [m.job for m in outbox.sent] == [WEEKLY, "weekly_digest_chart"]
    methods = fake.methods()
    assert methods.index("chat.postMessage") < methods.index("files.getUploadURLExternal")
    (upload,) = fake.uploads.values()
    assert upload["bytes"].startswith(b"\x89PNG")
    assert upload["completed"]["channel_id"] == "C0DIGEST"
    assert "overdue" in upload["alt_txt"]
    again = run_due(deps, notifier, now=MONDAY, config=config, jobs=(weekly_digest,))
    assert again.sent == [] and len(fake.uploads) == 1


def test_without_the_setting_no_chart(demo_deps: Deps, fake: FakeSlack) -> None:
    deps = replace(demo_deps, digest_channel="C0DIGEST")
    outbox = run_due(
        deps, _notifier(fake), now=MONDAY, config=ScheduleConfig(), jobs=(weekly_digest,)
    )
    assert [m.job for m in outbox.sent] == [WEEKLY]
    assert fake.uploads == {}


def test_bad_setting_is_refused() -> None:
    import pytest

    from schedules.config import ConfigError

    with pytest.raises(ConfigError, match="CCM_DIGEST_CHART"):
        ScheduleConfig.from_env({"CCM_DIGEST_CHART": "maybe"})
