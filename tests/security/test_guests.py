"""Part 3: guests and people of other workspaces observe; money never reaches a shared channel."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.slack.client import make_client
from bot.slack.notifier import SlackNotifier
from handlers.ports import Deps
from schedules.config import ScheduleConfig
from schedules.digests import weekly_digest
from schedules.outbox import DbLedger, Outbox
from tests.security.conftest import (
    ADMIN,
    GUEST,
    OUTSIDERS,
    SHARED,
    Served,
    ask,
    changed,
    name_admin,
    snapshot,
)
from tests.slack.conftest import settings_for
from tests.slack.fake_slack import FakeSlack


def _with_money(served: Served) -> None:
    name_admin(served)
    assert (
        "Recorded" in ask(served, "contribution Norway 25000 CHF 2017 received", user=ADMIN)["text"]
    )
    ask(served, "action Norway to write to Albania by 15 April", user=ADMIN)


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_guests_and_outsiders_read_but_never_money_audit_or_roster(
    served: Served, know: object, outsider: str
) -> None:
    _with_money(served)
    know(outsider)  # type: ignore[operator]
    before = snapshot(served.deps.db)
    status = ask(served, "status Norway", user=outsider)["text"]
    assert "Norway" in status and "CHF" not in status and "Contributions" not in status
    assert "History" not in ask(served, "status #1", user=outsider)["text"]
    for private in ("contributions 2017", "history #1", "roster", "digest"):
        text = ask(served, private, user=outsider)["text"]
        assert "25,000" not in text and "25'000" not in text and "CHF" not in text, private
    for write in ("action Italy to call Albania", "done 1", "note 1 hello", "contribution Italy 5"):
        assert "nothing" in ask(served, write, user=outsider)["text"].lower(), write
    assert not changed(before, snapshot(served.deps.db))


def test_members_still_see_the_money(served: Served) -> None:
    _with_money(served)
    assert "Contributions" in ask(served, "status Norway", user=ADMIN)["text"]


def test_the_request_itself_can_say_another_workspace(served: Served, know: object) -> None:
    """A Slack Connect command carries user_team: an outsider even if users.info is vague."""
    _with_money(served)
    answer = served.sender.form(
        {
            "team_id": "T0CCM",
            "user_team": "T0OTHER",
            "channel_id": SHARED,
            "user_id": "UCONNECT1",
            "command": "/ccm",
            "text": "contributions 2017",
            "response_url": "",
            "trigger_id": "1.2.3",
        }
    )
    assert "members only" in answer.json()["text"]


def test_a_guest_named_in_the_roster_is_a_member(served: Served, know: object) -> None:
    name_admin(served)
    know(GUEST)  # type: ignore[operator]
    ask(served, f"roster add <@{GUEST}> member", user=ADMIN)
    assert "Logged" in ask(served, "action Italy to call Albania", user=GUEST)["text"]


def test_money_is_never_posted_in_a_shared_channel(served: Served) -> None:
    _with_money(served)
    inside = served.sender.command("public contributions 2017", user=ADMIN, channel="C1").json()
    assert inside["response_type"] == "in_channel"
    shared = served.sender.command("public contributions 2017", user=ADMIN, channel=SHARED).json()
    assert shared["response_type"] == "ephemeral" and "Shown only to you" in shared["text"]
    plain = served.sender.command("public status Italy", user=ADMIN, channel=SHARED).json()
    assert plain["response_type"] == "in_channel"  # no money in it: may be shared


def test_money_asked_in_a_shared_thread_is_answered_privately(served: Served) -> None:
    _with_money(served)
    event = {
        "type": "app_mention",
        "channel": SHARED,
        "user": ADMIN,
        "text": "<@UBOT> contributions 2017",
        "ts": "1490259600.000200",
        "event_ts": "1490259600.000200",
    }
    assert served.sender.event(event).status == 200
    served.fake.wait_for("chat.postEphemeral")
    assert not [c for c in served.fake.of("chat.postMessage") if c.body.get("channel") == SHARED]


@pytest.mark.parametrize(("channel", "money"), [("C1", True), (SHARED, False)])
def test_the_digest_leaves_money_out_of_a_shared_channel(
    fake: FakeSlack, deps: Deps, served: Served, channel: str, money: bool
) -> None:
    _with_money(served)
    notifier = SlackNotifier(make_client(settings_for(fake, deps.db)), min_interval_s=0)
    now = datetime(2017, 3, 27, 8, 30, tzinfo=UTC)  # Monday 10:30 in Geneva
    outbox = Outbox(ledger=DbLedger(deps.db, now=now, max_attempts=8), notifier=notifier)
    weekly_digest(deps.db, outbox, now=now, tz=deps.tz, channel=channel, config=ScheduleConfig())
    posted = [c for c in fake.of("chat.postMessage") if c.body.get("channel") == channel]
    assert posted
    assert ("Contributions 2017" in posted[0].body["text"]) is money


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_understood_questions_keep_the_same_gates(served: Served, outsider: str) -> None:
    """Plain words reach the same commands: who has not paid is still money."""
    _with_money(served)
    assert "members only" in ask(served, "unpaid 2017", user=outsider)["text"]
    for line in ("who hasn't paid in 2017?", "how much did Norway pay", "contributions of 2017"):
        text = ask(served, line, user=outsider)["text"]
        assert "25,000.00" not in text and "CHF" not in text, (line, text)


@pytest.mark.parametrize(
    "words", ["public who hasn't paid in 2017?", "public contributions of 2017"]
)
def test_money_asked_in_words_is_never_posted_in_a_shared_channel(
    served: Served, words: str
) -> None:
    """A question read in words keeps the mark of the command it became: the answer about
    money goes to the asker alone where another organisation reads."""
    _with_money(served)
    shared = served.sender.command(words, user=ADMIN, channel=SHARED).json()
    assert shared["response_type"] == "ephemeral", shared["text"]
    assert "Shown only to you" in shared["text"]
