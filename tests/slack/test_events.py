"""Chat: `@ccm <command>` in threads, `ACTION:` capture, exactly-once across retries and twins."""

from __future__ import annotations

from typing import Any

import pytest

from storage.models import ActionItem, ProcessedEvent
from tests.slack.conftest import Served
from tests.slack.fake_slack import BOT_ID, BOT_USER

TS = "1490259600.000100"  # Thu 23 March 2017, 10:00 in Geneva


def message(text: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "channel": "C1",
        "channel_type": "channel",
        "user": "U1",
        "text": text,
        "ts": TS,
        **extra,
    }


def test_mention_answers_in_the_thread(served: Served) -> None:
    event = {**message(f"<@{BOT_USER}> status Italy"), "type": "app_mention"}
    assert served.sender.event(event).status == 200
    posted = served.fake.of("chat.postMessage")
    assert len(posted) == 1
    assert posted[0].body["thread_ts"] == TS and posted[0].body["channel"] == "C1"
    assert "Italy" in posted[0].body["text"]
    assert served.count(ActionItem) == 0


def test_mention_inside_a_thread_answers_in_that_thread(served: Served) -> None:
    event = {**message(f"<@{BOT_USER}> help", thread_ts="1490259000.000001"), "type": "app_mention"}
    served.sender.event(event)
    assert served.fake.of("chat.postMessage")[0].body["thread_ts"] == "1490259000.000001"


def test_action_line_is_logged_with_its_permalink_and_confirmed_in_thread(served: Served) -> None:
    served.sender.event(message("ACTION: Switzerland to send letters to GICHD by end of March"))
    item = served.item(1)
    assert (
        item.owner == "Switzerland"
        and item.due is not None
        and item.due.isoformat() == "2017-03-31"
    )
    assert item.source == "https://ccm.slack.com/archives/C1/p1490259600000100"
    assert served.fake.of("chat.getPermalink")[0].body["message_ts"] == TS
    posted = served.fake.of("chat.postMessage")
    assert len(posted) == 1 and posted[0].body["thread_ts"] == TS
    actions = [b for b in posted[0].body["blocks"] if b["type"] == "actions"]
    assert actions and actions[0]["block_id"] == "item_1"


@pytest.mark.parametrize(
    ("line", "owner", "due"),
    [
        ("ACCIÓN: Perú para enviar el informe antes del 15 de abril", "Peru", "2017-04-15"),
        (
            "TÂCHE : la Nouvelle-Zélande de transmettre les exemples d'ici fin avril",
            "New Zealand",
            "2017-04-30",
        ),
        ("tarea: Colombia enviar nota a Chile el 10 de abril", "Colombia", "2017-04-10"),
    ],
)
def test_action_lines_in_french_and_spanish_are_logged(
    served: Served, line: str, owner: str, due: str
) -> None:
    served.sender.event(message(line))
    item = served.item(1)
    assert item.owner == owner and item.due is not None and item.due.isoformat() == due
    assert not item.text.lower().startswith(("para", "de ", "pour"))


def test_relative_dates_resolve_against_when_the_message_was_written(served: Served) -> None:
    served.sender.event(message("TODO: Italy to call Albania in two weeks"))
    assert served.item(1).due is not None and served.item(1).due.isoformat() == "2017-04-06"


def test_a_retried_event_is_logged_once(served: Served) -> None:
    event = message("ACTION: Italy to follow up with Albania by 15 April")
    assert served.sender.event(event, event_id="EvA").status == 200
    assert (
        served.sender.event(
            event,
            event_id="EvA",
            headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
        ).status
        == 200
    )
    assert served.count(ActionItem) == 1
    assert served.count(ProcessedEvent) == 1
    assert len(served.fake.of("chat.postMessage")) == 1


def test_the_same_message_as_mention_and_message_is_logged_once(served: Served) -> None:
    text = f"ACTION: Italy to follow up with Albania by 15 April <@{BOT_USER}>"
    served.sender.event({**message(text), "type": "app_mention"}, event_id="EvMention")
    served.sender.event(message(text), event_id="EvMessage")
    assert served.count(ActionItem) == 1
    with served.deps.db.session() as session:
        rows = list(session.exec(__import__("sqlmodel").select(ProcessedEvent)))
    assert [(r.event_id, r.channel, r.ts, r.item_id) for r in rows] == [("EvMention", "C1", TS, 1)]
    assert len(served.fake.of("chat.postMessage")) == 1


def test_ordinary_chat_and_bots_are_ignored(served: Served) -> None:
    before = served.counts()
    served.sender.event(message("we should meet soon"))
    served.sender.event(message("ACTION: Italy to do it by May", bot_id="B999"))
    served.sender.event(message("ACTION: Italy to do it by May", subtype="bot_message"))
    served.sender.event(message("ACTION: Italy to do it by May", user=BOT_USER, bot_id=BOT_ID))
    served.sender.event(message("ACTION: Italy to do it by May", subtype="message_changed"))
    assert served.counts() == before
    assert served.fake.calls == []


def test_an_event_without_listener_still_gets_200(served: Served) -> None:
    answer = served.sender.event({"type": "reaction_added", "user": "U1", "reaction": "+1"})
    assert answer.status == 200


def test_a_refused_capture_answers_once_and_stores_nothing(served: Served) -> None:
    event = message("ACTION: Narnia to do things by May")
    served.sender.event(event, event_id="EvR")
    served.sender.event(event, event_id="EvR", headers={"X-Slack-Retry-Num": "1"})
    assert served.count(ActionItem) == 0
    posted = served.fake.of("chat.postMessage")
    assert len(posted) == 1 and "owns" in posted[0].body["text"]


def test_if_the_answer_cannot_be_posted_the_item_is_still_there(served: Served) -> None:
    served.fake.fail("chat.postMessage", status=200, error="channel_not_found", times=5)
    assert served.sender.event(message("ACTION: Italy to follow up by 15 April")).status == 200
    assert served.count(ActionItem) == 1


def test_a_crash_fails_the_event_so_slacks_retry_logs_it(served: Served, monkeypatch: Any) -> None:
    import handlers.commands.action as action

    real = action.create_item
    calls = {"n": 0}

    def flaky(**kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("disk on fire")
        return real(**kwargs)

    monkeypatch.setattr(action, "create_item", flaky)
    event = message("ACTION: Italy to follow up with Albania by 15 April")
    first = served.sender.event(event, event_id="EvC")
    assert first.status == 500  # not acknowledged: Slack will deliver it again
    assert served.count(ActionItem) == 0 and served.count(ProcessedEvent) == 0
    assert served.fake.of("chat.postMessage") == []
    retry = served.sender.event(event, event_id="EvC", headers={"X-Slack-Retry-Num": "1"})
    assert retry.status == 200
    assert served.count(ActionItem) == 1 and served.count(ProcessedEvent) == 1
    assert len(served.fake.of("chat.postMessage")) == 1
