"""'Log as action item': modal prefilled by the core's parsers; submit validated field by field."""

from __future__ import annotations

import json
from typing import Any

from storage.models import ActionItem
from tests.slack.conftest import Served

TS = "1490259600.000100"


def shortcut(text: str) -> dict[str, Any]:
    return {
        "type": "message_action",
        "callback_id": "log_action_item",
        "trigger_id": "T-1",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "channel": {"id": "C1"},
        "message": {"type": "message", "user": "U3", "text": text, "ts": TS},
        "response_url": "",
    }


def submission(values: dict[str, dict[str, Any]], metadata: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "view_submission",
        "team": {"id": "T0CCM"},
        "user": {"id": "U1"},
        "view": {
            "type": "modal",
            "id": "V1",
            "callback_id": "log_action_item",
            "private_metadata": json.dumps(metadata),
            "state": {"values": {block: {"value": v} for block, v in values.items()}},
        },
    }


def text_values(**fields: str) -> dict[str, dict[str, Any]]:
    return {name: {"type": "plain_text_input", "value": value} for name, value in fields.items()}


META = {"channel": "C1", "ts": TS, "thread_ts": TS}


def test_shortcut_opens_a_prefilled_modal(served: Served) -> None:
    answer = served.sender.interactive(
        shortcut("ACTION: Italy to follow up with Albania on universalization by 15 April")
    )
    assert answer.status == 200
    opened = served.fake.of("views.open")
    assert len(opened) == 1 and opened[0].body["trigger_id"] == "T-1"
    view = opened[0].body["view"]
    blocks = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert blocks["owner"]["initial_value"] == "Italy"
    assert blocks["what"]["initial_value"] == "follow up with Albania on universalization"
    assert blocks["due"]["initial_value"] == "15 April 2017"
    assert blocks["states"]["initial_value"] == "Italy, Albania"
    assert blocks["area"]["initial_option"]["value"] == "universalization"
    assert json.loads(view["private_metadata"])["ts"] == TS
    assert served.count(ActionItem) == 0


def test_unparseable_date_is_an_error_on_the_due_block(served: Served) -> None:
    values = text_values(owner="Italy", what="follow up", due="the 45th of Smarch", states="")
    answer = served.sender.interactive(submission(values, META))
    assert answer.status == 200
    body = answer.json()
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {"due"}
    assert served.count(ActionItem) == 0
    assert served.fake.of("chat.postMessage") == []


def test_unknown_owner_and_state_are_errors_on_their_blocks(served: Served) -> None:
    values = text_values(owner="Narnia", what="follow up", due="", states="Albnia")
    body = served.sender.interactive(submission(values, META)).json()
    assert set(body["errors"]) == {"owner", "states"}
    assert "Albania" in body["errors"]["states"]
    assert "*" not in body["errors"]["owner"]


def test_valid_submission_stores_and_confirms_in_the_thread(served: Served) -> None:
    values = text_values(
        owner="Italy", what="follow up with Albania", due="end of April", states="Albania, Chile"
    )
    values["area"] = {"type": "static_select", "selected_option": {"value": "universalization"}}
    answer = served.sender.interactive(submission(values, META))
    assert answer.status == 200 and answer.body in ("", "null")
    item = served.item(1)
    assert item.due is not None and item.due.isoformat() == "2017-04-30"
    assert item.area_key == "universalization"
    assert item.source == "https://ccm.slack.com/archives/C1/p1490259600000100"
    from storage.items import states_of

    with served.deps.db.session() as session:
        assert sorted(states_of(session=session, item_ids=[1])[1]) == ["ALB", "CHL", "ITA"]
    posted = served.fake.of("chat.postMessage")
    assert (
        len(posted) == 1 and posted[0].body["channel"] == "C1" and posted[0].body["thread_ts"] == TS
    )
    assert any(b.get("block_id") == "item_1" for b in posted[0].body["blocks"])
