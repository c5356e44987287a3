"""The import summary over the real protocol: what was not found is said, the meeting date is
set in a modal before confirming (the minutes are read again against it), and a long PDF
shows a "reading…" message updated with chat.update before it becomes the summary."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import select

from storage.models import ActionItem, MinutesImport
from tests.minutes.corpus import build, pdf_bytes, source_of
from tests.slack.conftest import Served
from tests.slack.fake_slack import TEAM
from tests.slack.signed import Answer
from tests.slack.test_minutes_import import TS, draft_rows, mention, press

UNDATED = b"""Working group on stockpile destruction - notes

Present: Norway, Chile, ICRC
(no list of apologies)

1. Reporting
ACTION: Chile to circulate its updated destruction plan within two weeks.
ACTION: Norway to share the template by the next meeting.

2. Next meeting
To be confirmed.
"""


def _summary(served: Served) -> list[dict[str, Any]]:
    served.sender.event(
        mention([served.fake.add_file("FU", "wg notes.txt", UNDATED)]), event_id="Ev1"
    )
    return list(served.fake.wait_for("chat.postMessage")[0].body["blocks"])


def _button(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    block = next(b for b in blocks if b.get("block_id") == "minutes_date")
    return dict(block["elements"][0])


def _submit(served: Served, meta: str, day: str) -> Answer:
    state = {"day": {"day": {"type": "datepicker", "selected_date": day}}}
    view = {
        "id": "V9",
        "type": "modal",
        "callback_id": "minutes_date",
        "private_metadata": meta,
        "state": {"values": state},
    }
    payload = {"type": "view_submission", "team": {"id": TEAM}, "user": {"id": "U1"}, "view": view}
    return served.sender.interactive(payload)


def test_an_undated_import_says_what_it_did_not_find_and_asks_for_the_date(served: Served) -> None:
    blocks = _summary(served)
    text = json.dumps(blocks)
    assert "no next meeting found" not in text  # the summary line says "Next meeting: not found"
    assert "Next meeting:* not found" in text
    assert "no meeting date found" in text
    button = _button(blocks)
    assert button["text"]["text"] == "Set meeting date" and button.get("style") == "primary"
    assert button["value"] == "2017-03-23"  # filed under the day of the import until corrected


def test_setting_the_date_reads_the_minutes_again_against_it(served: Served) -> None:
    blocks = _summary(served)
    before = draft_rows(blocks)
    assert press(served, blocks, "minutes_set_date", _button(blocks)["value"]).status == 200
    opened = served.fake.wait_for("views.open")[0].body
    view = opened["view"] if isinstance(opened["view"], dict) else json.loads(opened["view"])
    assert view["callback_id"] == "minutes_date"
    assert "initial_date" not in view["blocks"][0]["element"]  # nothing to propose

    bad = _submit(served, view["private_metadata"], "")
    assert bad.json()["response_action"] == "errors"
    good = _submit(served, view["private_metadata"], "2012-03-27")
    assert good.status == 200 and good.body in ("", "null")

    update = served.fake.wait_for("chat.update")[-1].body
    assert update["channel"] == "C1"
    redrawn = json.dumps(update["blocks"])
    assert "27 Mar 2012" in redrawn and "no meeting date found" not in redrawn
    confirm_all = next(b for b in update["blocks"] if b.get("block_id") == "draft_all")
    assert confirm_all["elements"][0]["value"] == "2012-03-27"
    with served.deps.db.session() as session:
        items = list(session.exec(select(ActionItem)))
        live = {i.owner: i for i in items if i.status == "draft"}
        assert {i.id for i in items if i.status == "deleted"} == set(before)
        assert live["Chile"].due is not None and live["Chile"].due.isoformat() == "2012-04-10"
        keys = [r.key for r in session.exec(select(MinutesImport))]
    assert keys == ["cc:2012-03-27"]
    assert set(draft_rows(update["blocks"])).isdisjoint(before)


def test_a_long_pdf_shows_a_reading_message_that_becomes_the_summary(served: Served) -> None:
    data = pdf_bytes(source_of("working_group").read_text(encoding="utf-8"), repeat=45)
    served.fake.add_file("FP", "working group.pdf", data)
    served.sender.event(mention([{"id": "FP"}]), event_id="EvPdf")
    posted = served.fake.wait_for("chat.postMessage")[0].body
    assert posted["text"].startswith("📄 Reading working group.pdf… page 1 of ")
    assert posted["thread_ts"] == TS
    updates = served.fake.wait_for("chat.update", 2)
    served.settle()
    last = served.fake.of("chat.update")[-1].body
    assert "Minutes import" in json.dumps(last["blocks"]) and draft_rows(last["blocks"])
    assert any("page" in u.body["text"] and "of" in u.body["text"] for u in updates[:-1])
    assert len(served.fake.of("chat.postMessage")) == 1  # no second message: it was replaced
    assert build("working_group")[1] == "working_group.pdf"
