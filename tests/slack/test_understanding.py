"""Direct messages are read like /ccm; readings offered as buttons run when clicked."""

from __future__ import annotations

from typing import Any

from storage.models import ActionItem, Contribution
from tests.slack.conftest import Served

TS = "1490259600.000100"  # Thu 23 March 2017, 10:00 in Geneva


def dm(text: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "channel": "D1",
        "channel_type": "im",
        "user": "U1",
        "text": text,
        "ts": TS,
        **extra,
    }


def click(served: Served, value: str, *, index: int = 0) -> None:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "trigger_id": "T-3",
        "container": {"type": "message", "message_ts": "1490259601.000001", "channel_id": "D1"},
        "channel": {"id": "D1"},
        "message": {"ts": "1490259601.000001", "text": "x", "blocks": []},
        "actions": [
            {
                "block_id": "ccm_choice",
                "action_id": f"ccm_choice_{index}",
                "type": "button",
                "value": value,
            }
        ],
    }
    assert served.sender.interactive(payload).status == 200


def test_a_direct_message_is_answered_in_the_conversation(served: Served) -> None:
    assert served.sender.event(dm("status Italy")).status == 200
    posted = served.fake.of("chat.postMessage")
    assert len(posted) == 1 and posted[0].body["channel"] == "D1"
    assert "thread_ts" not in posted[0].body
    assert "Italy" in posted[0].body["text"]


def test_a_direct_message_in_words_is_read_like_a_command(served: Served) -> None:
    served.sender.event(dm("who coordinates victim assistance?"))
    text = served.fake.of("chat.postMessage")[0].body["text"]
    assert "Victim Assistance" in text and "/ccm who" in text


def test_a_statement_waits_for_confirm_and_the_button_stores_it(served: Served) -> None:
    served.sender.event(dm("Austria paid 25,000 CHF"))
    posted = served.fake.of("chat.postMessage")[0].body
    buttons = next(b for b in posted["blocks"] if b["type"] == "actions")["elements"]
    assert [b["text"]["text"] for b in buttons] == ["Confirm", "Cancel"]
    assert served.count(Contribution) == 0, "nothing is stored before Confirm"
    click(served, buttons[0]["value"])
    assert served.count(Contribution) == 1
    updated = served.fake.of("chat.update")
    assert updated and "Recorded Austria" in updated[0].body["text"]


def test_cancel_changes_nothing(served: Served) -> None:
    served.sender.event(dm("Italy will call the Albanian mission by next Wednesday"))
    click(served, "cancel", index=1)
    assert served.count(ActionItem) == 0
    assert "nothing was changed" in served.fake.of("chat.update")[0].body["text"]


def test_channel_messages_without_a_mention_are_still_ignored(served: Served) -> None:
    event = {**dm("status Italy"), "channel": "C1", "channel_type": "channel"}
    served.sender.event(event)
    assert served.fake.of("chat.postMessage") == []


def test_slash_command_in_words_confirms_through_the_response_url(served: Served) -> None:
    body = served.sender.command("Australia pledged 10'000 for 2017").json()
    buttons = next(b for b in body["blocks"] if b["type"] == "actions")["elements"]
    assert buttons[0]["value"] == "contribution Australia 10000 CHF 2017 pledged"
    assert served.count(Contribution) == 0
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "trigger_id": "T-4",
        "container": {
            "type": "message",
            "message_ts": "1",
            "channel_id": "C1",
            "is_ephemeral": True,
        },
        "channel": {"id": "C1"},
        "response_url": served.fake.response_url("confirm"),
        "actions": [{**buttons[0], "block_id": "ccm_choice", "action_ts": "1"}],
    }
    assert served.sender.interactive(payload).status == 200
    assert served.count(Contribution) == 1
    posted = served.fake.of("response/confirm")
    assert posted and posted[0].body["replace_original"] is True
    assert "pledged for 2017" in posted[0].body["text"]


def test_a_choice_runs_with_the_clickers_permissions(served: Served) -> None:
    """The button carries a command; whoever clicks it runs it as themselves (observers cannot write)."""
    from handlers.people.roster import set_role

    with served.deps.db.session(write=True) as session:
        set_role(session, user="U9", role="isu", name="Admin")
        set_role(session, user="U1", role="observer", name="Watcher")
    click(served, "contribution Austria 25000 CHF 2017 received")
    assert served.count(Contribution) == 0
    assert "nothing was" in served.fake.of("chat.update")[0].body["text"].lower()  # refused


def test_a_slash_command_that_starts_with_a_person_keeps_them_as_the_owner(served: Served) -> None:
    body = served.sender.command("<@U2|ana> will send the draft to Chile by 15 April").json()
    buttons = next(b for b in body["blocks"] if b["type"] == "actions")["elements"]
    assert buttons[0]["value"] == "action <@U2> to send the draft to Chile by 15 April"
