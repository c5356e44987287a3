"""App Home: published when opened, and again after the user changes something."""

from __future__ import annotations

import json

from tests.slack.conftest import Served


def test_home_opened_publishes_my_items_overdue_first(served: Served) -> None:
    served.sender.command("action me to send the letters by 15 April")
    served.sender.command("action me to call Albania by 1 March 2017")  # already overdue
    served.sender.command("action Italy to follow up by 24 March")  # due this week, not mine
    served.sender.command("meeting add 20 April 2017 10:00 at Geneva")
    served.settle()
    served.fake.calls.clear()
    answer = served.sender.event(
        {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"}
    )
    assert answer.status == 200
    published = served.fake.of("views.publish")
    assert len(published) == 1 and published[0].body["user_id"] == "U1"
    view = published[0].body["view"]
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    text = json.dumps(view)
    assert text.index("#2") < text.index("#1")  # overdue first
    assert "overdue" in text and "<!date^" in text
    assert "#3" in text  # due this week, whoever owns it
    assert "CC meeting" in text
    assert {"home_log_item", "home_refresh", "item_done"} <= {
        e.get("action_id") for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]
    }


def test_messages_tab_does_not_publish(served: Served) -> None:
    served.sender.event(
        {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "messages"}
    )
    assert served.fake.of("views.publish") == []


def test_a_change_republishes_home(served: Served) -> None:
    served.sender.command("action me to send the letters by 15 April")
    published = served.fake.wait_for("views.publish")
    assert published[0].body["user_id"] == "U1"


def test_home_quick_action_opens_an_empty_log_modal(served: Served) -> None:
    served.sender.interactive(
        {
            "type": "block_actions",
            "team": {"id": "T0CCM"},
            "user": {"id": "U1"},
            "trigger_id": "T-9",
            "container": {"type": "view", "view_id": "V0001"},
            "view": {"id": "V0001", "type": "home"},
            "actions": [
                {
                    "action_id": "home_log_item",
                    "block_id": "home_actions",
                    "type": "button",
                    "action_ts": "1",
                }
            ],
        }
    )
    view = served.fake.of("views.open")[0].body["view"]
    assert view["callback_id"] == "log_action_item"
