"""The State status card over signed HTTP: ten lines, and a "More" button answering the rest."""

from __future__ import annotations

from typing import Any

from tests.slack.conftest import Served


def _card(served: Served, state: str) -> dict[str, Any]:
    answer = served.sender.command(f"status {state}")
    assert answer.status == 200
    body: dict[str, Any] = answer.json()
    return body


def test_card_carries_a_more_button_that_answers_with_the_rest(served: Served) -> None:
    card = _card(served, "Chile")
    assert card["text"].count("\n") + 1 <= 10
    buttons = [
        element
        for block in card["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
    ]
    more = next(b for b in buttons if b["action_id"] == "status_more")
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "trigger_id": "T-3",
        "container": {"type": "message", "message_ts": "1.2", "channel_id": "C1"},
        "channel": {"id": "C1"},
        "response_url": served.fake.response_url("more"),
        "message": {"ts": "1.2", "text": card["text"], "blocks": card["blocks"]},
        "actions": [{"block_id": "status_more_CHL", "action_ts": "1", **more}],
    }
    assert served.sender.interactive(payload).status == 200
    sent = served.fake.of("response/more")
    assert len(sent) == 1
    rest = sent[0].body
    assert rest["response_type"] == "ephemeral" and rest["replace_original"] is False
    # what the card leaves out: the treaty notes as the reference data words them, and
    # every deadline of the Article 4 chain with its source
    assert "Treaty notes" in rest["text"]
    assert rest["text"].count("Article 4 extended deadline") >= 3
    assert "source:" in rest["text"]
    assert not served.fake.of("chat.update")  # the card itself stays as it was


def test_a_forged_more_value_is_ignored(served: Served) -> None:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "trigger_id": "T-4",
        "container": {"type": "message", "message_ts": "1.2", "channel_id": "C1"},
        "channel": {"id": "C1"},
        "response_url": served.fake.response_url("forged"),
        "actions": [
            {
                "block_id": "status_more_X",
                "action_ts": "1",
                "action_id": "status_more",
                "type": "button",
                "value": "done 1; status",
            }
        ],
    }
    assert served.sender.interactive(payload).status == 200
    assert not served.fake.of("response/forged")
