"""Buttons: Done, Snooze (1d, 1w, a date), Reassign (modal) update the message in place."""

from __future__ import annotations

import json
from typing import Any

from tests.slack.conftest import Served

MSG_TS = "1490263200.000009"


def log_item(served: Served) -> list[dict[str, Any]]:
    """An item and the blocks of the message that shows it (what Slack would echo back)."""
    body = served.sender.command("action Italy to follow up with Albania by 15 April").json()
    return [{"type": "section", "text": {"type": "mrkdwn", "text": "Digest"}}, *body["blocks"]]


def press(
    served: Served, blocks: list[dict[str, Any]], action: dict[str, Any], *, ephemeral: bool = False
) -> Any:
    """A signed block_actions click; an ephemeral message carries no copy of itself."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "trigger_id": "T-2",
        "container": {
            "type": "message",
            "message_ts": MSG_TS,
            "channel_id": "C1",
            "is_ephemeral": ephemeral,
        },
        "channel": {"id": "C1"},
        "response_url": served.fake.response_url("eph" if ephemeral else "btn"),
        "actions": [{"block_id": "item_1", "action_ts": "1", **action}],
    }
    if not ephemeral:
        payload["message"] = {"ts": MSG_TS, "text": "x", "blocks": blocks}
    return served.sender.interactive(payload)


def test_done_marks_done_and_updates_only_that_item(served: Served) -> None:
    blocks = log_item(served)
    assert (
        press(served, blocks, {"action_id": "item_done", "type": "button", "value": "1"}).status
        == 200
    )
    assert served.item(1).status == "done"
    update = served.fake.of("chat.update")
    assert len(update) == 1 and update[0].body["channel"] == "C1" and update[0].body["ts"] == MSG_TS
    new = update[0].body["blocks"]
    assert new[0]["text"]["text"] == "Digest"  # the rest of the message is kept
    assert "marked done" in new[1]["text"]["text"]
    assert not any(b.get("block_id") == "item_1" for b in new)  # no buttons on a done item
    assert "<@U1>" in json.dumps(new)


def test_done_twice_tells_the_presser_and_changes_nothing(served: Served) -> None:
    blocks = log_item(served)
    press(served, blocks, {"action_id": "item_done", "type": "button", "value": "1"})
    press(served, blocks, {"action_id": "item_done", "type": "button", "value": "1"})
    assert len(served.fake.of("chat.update")) == 1
    told = served.fake.of("response/btn")
    assert (
        told
        and told[0].body["response_type"] == "ephemeral"
        and "nothing changed" in told[0].body["text"]
    )


def test_snooze_one_day_and_one_week(served: Served) -> None:
    blocks = log_item(served)
    press(
        served,
        blocks,
        {"action_id": "item_snooze", "type": "overflow", "selected_option": {"value": "1:1d"}},
    )
    assert str(served.item(1).snoozed_until) == "2017-03-24"
    press(
        served,
        blocks,
        {"action_id": "item_snooze", "type": "overflow", "selected_option": {"value": "1:1w"}},
    )
    assert str(served.item(1).snoozed_until) == "2017-03-30"
    assert len(served.fake.of("chat.update")) == 2
    assert any(
        b.get("block_id") == "item_1" for b in served.fake.of("chat.update")[1].body["blocks"]
    )


def test_snooze_to_a_picked_date(served: Served) -> None:
    blocks = log_item(served)
    press(
        served,
        blocks,
        {"action_id": "item_snooze_date", "type": "datepicker", "selected_date": "2017-04-05"},
    )
    assert str(served.item(1).snoozed_until) == "2017-04-05"


def test_reassign_opens_a_modal_and_the_submission_reassigns(served: Served) -> None:
    blocks = log_item(served)
    press(served, blocks, {"action_id": "item_reassign", "type": "button", "value": "1"})
    view = served.fake.of("views.open")[0].body["view"]
    assert view["callback_id"] == "reassign_item"
    metadata = json.loads(view["private_metadata"])
    assert metadata["item"] == 1 and metadata["channel"] == "C1"
    submit = {
        "type": "view_submission",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "view": {
            "type": "modal",
            "id": "V2",
            "callback_id": "reassign_item",
            "private_metadata": view["private_metadata"],
            "state": {
                "values": {"person": {"value": {"type": "users_select", "selected_user": "U2"}}}
            },
        },
    }
    assert served.sender.interactive(submit).status == 200
    item = served.item(1)
    assert (item.owner_kind, item.owner_ref) == ("person", "U2")
    update = served.fake.of("chat.update")
    assert len(update) == 1 and "reassigned" in update[0].body["text"]


def test_reassign_to_a_state_and_state_search(served: Served) -> None:
    log_item(served)
    options = served.sender.interactive(
        {
            "type": "block_suggestion",
            "action_id": "reassign_state",
            "block_id": "state",
            "value": "norw",
            "team": {"id": "T0CCM"},
            "user": {"id": "U1"},
            "view": {"type": "modal", "id": "V2", "callback_id": "reassign_item"},
        }
    ).json()
    assert options["options"][0]["value"] == "NOR"
    submit = {
        "type": "view_submission",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "view": {
            "type": "modal",
            "id": "V2",
            "callback_id": "reassign_item",
            "private_metadata": json.dumps({"item": 1, "home": True}),
            "state": {
                "values": {
                    "state": {
                        "reassign_state": {
                            "type": "external_select",
                            "selected_option": {"value": "NOR"},
                        }
                    }
                }
            },
        },
    }
    assert served.sender.interactive(submit).status == 200
    assert served.item(1).owner == "Norway"
    assert served.fake.of("views.publish")  # pressed on Home: Home is republished


def test_reassign_with_nothing_chosen_is_an_error_on_the_person_block(served: Served) -> None:
    log_item(served)
    submit = {
        "type": "view_submission",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "view": {
            "type": "modal",
            "id": "V2",
            "callback_id": "reassign_item",
            "private_metadata": json.dumps({"item": 1}),
            "state": {"values": {}},
        },
    }
    body = served.sender.interactive(submit).json()
    assert body["response_action"] == "errors" and set(body["errors"]) == {"person"}
    assert served.item(1).owner == "Italy"


def test_buttons_on_an_ephemeral_message_replace_it_through_response_url(served: Served) -> None:
    blocks = log_item(served)
    press(
        served, blocks, {"action_id": "item_done", "type": "button", "value": "1"}, ephemeral=True
    )
    posted = served.fake.of("response/eph")
    assert len(posted) == 1 and posted[0].body["replace_original"] is True
    assert served.fake.of("chat.update") == []
    del blocks
