"""SlackNotifier: DMs through conversations.open, ts returned, paced, 429 honoured."""

from __future__ import annotations

from bot.settings import Settings
from bot.slack.client import make_client
from bot.slack.notifier import SlackNotifier
from tests.slack.fake_slack import FakeSlack


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def notifier(fake: FakeSlack, time: FakeTime) -> SlackNotifier:
    client = make_client(Settings(slack_bot_token="xoxb-t", slack_api_url=fake.url))
    return SlackNotifier(client, clock=time.clock, sleep=time.sleep)


def test_user_ids_get_a_dm_opened_once(fake: FakeSlack) -> None:
    time = FakeTime()
    send = notifier(fake, time)
    ts = send.send(to="U2", text="Reminder", blocks=[])
    send.send(to="U2", text="Again", blocks=[])
    assert ts and ts.startswith("1490263200.")
    assert len(fake.of("conversations.open")) == 1
    assert [c.body["channel"] for c in fake.of("chat.postMessage")] == ["D2", "D2"]


def test_one_message_per_second_per_channel(fake: FakeSlack) -> None:
    time = FakeTime()
    send = notifier(fake, time)
    send.send(to="C1", text="a", blocks=[])
    send.send(to="C2", text="b", blocks=[])  # another channel: no wait
    send.send(to="C1", text="c", blocks=[])
    assert time.slept == [1.0]


def test_rate_limited_calls_are_retried_after_retry_after(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", status=429, retry_after=0, times=1)
    ts = notifier(fake, FakeTime()).send(to="C1", text="hello", blocks=[])
    assert ts is not None
    assert len(fake.of("chat.postMessage")) == 2


def test_long_messages_are_split(fake: FakeSlack) -> None:
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"line {i}"}} for i in range(120)
    ]
    notifier(fake, FakeTime()).send(to="C1", text="digest", blocks=blocks)
    sizes = [len(c.body["blocks"]) for c in fake.of("chat.postMessage")]
    assert sizes == [50, 50, 20]
