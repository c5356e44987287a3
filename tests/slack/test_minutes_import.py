"""Minutes import over the real protocol: a file with `@ccm import` or the 'Import minutes'
shortcut becomes drafts; Confirm / Discard / Edit / Confirm all patch the summary in place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from storage.models import ActionItem, Meeting, ProcessedEvent
from tests.minutes.docs import write_docx
from tests.slack.conftest import Served
from tests.slack.fake_slack import BOT_USER, TEAM
from tests.slack.signed import Answer

TS = "1490259600.000100"  # Thu 23 March 2017, 10:00 in Geneva: the seed meeting's morning
FIXTURE = Path(__file__).parents[1] / "minutes" / "fixtures" / "seed000_expected.json"
SEED = Path(json.loads(FIXTURE.read_text())["document"])
RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}


def mention(files: list[dict[str, Any]], *, ts: str = TS, text: str = "import") -> dict[str, Any]:
    return {
        "type": "app_mention",
        "channel": "C1",
        "user": "U1",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "event_ts": ts,
        "files": files,
    }


def seed_file(served: Served, file_id: str = "F1") -> dict[str, Any]:
    return served.fake.add_file(file_id, "CC minutes 23 March 2017.txt", SEED.read_bytes())


def statuses(served: Served) -> dict[int, str]:
    with served.deps.db.session() as session:
        return {i.id or 0: i.status for i in session.exec(select(ActionItem))}


def summary(served: Served) -> list[dict[str, Any]]:
    """The blocks of the import's answer (one message for the seed: 45 blocks)."""
    posted = served.fake.wait_for("chat.postMessage")
    assert len(posted) == 1
    return list(posted[0].body["blocks"])


def draft_rows(blocks: list[dict[str, Any]]) -> list[int]:
    ids = [str(b.get("block_id", "")).removeprefix("draft_") for b in blocks]
    return [int(i) for i in ids if i.isdigit()]


def press(
    served: Served, blocks: list[dict[str, Any]], action_id: str, value: str, *, user: str = "U1"
) -> Answer:
    summary_ts = served.fake.of("chat.postMessage")[0].body.get("ts") or "1490263200.000001"
    payload = {
        "type": "block_actions",
        "team": {"id": TEAM},
        "user": {"id": user},
        "trigger_id": "T-9",
        "container": {"type": "message", "message_ts": summary_ts, "channel_id": "C1"},
        "channel": {"id": "C1"},
        "message": {"ts": summary_ts, "thread_ts": TS, "text": "x", "blocks": blocks},
        "response_url": served.fake.response_url("imp"),
        "actions": [{"action_id": action_id, "type": "button", "value": value, "action_ts": "1"}],
    }
    return served.sender.interactive(payload)


def imported(served: Served) -> list[dict[str, Any]]:
    assert served.sender.event(mention([seed_file(served)]), event_id="EvImp").status == 200
    return summary(served)


def test_mention_with_a_file_answers_drafts_in_the_thread_and_nothing_goes_live(
    served: Served,
) -> None:
    blocks = imported(served)
    posted = served.fake.of("chat.postMessage")[0].body
    assert posted["channel"] == "C1" and posted["thread_ts"] == TS
    assert len(draft_rows(blocks)) >= 15
    confirm_all = next(b for b in blocks if b.get("block_id") == "draft_all")["elements"][0]
    assert confirm_all["action_id"] == "draft_confirm_all" and confirm_all["value"] == "2017-03-23"
    download = [c for c in served.fake.calls if c.method.startswith("files-pri/")]
    assert len(download) == 1 and download[0].headers["Authorization"] == "Bearer xoxb-test"
    assert set(statuses(served).values()) == {"draft"} and len(statuses(served)) >= 15
    with served.deps.db.session() as session:
        assert session.exec(select(Meeting)).first() is None  # not even the next meeting
    listing = served.sender.command("items").json()["text"]
    assert "ratification seminar" not in listing


def test_a_retried_event_or_its_message_twin_imports_nothing_new(served: Served) -> None:
    event = mention([seed_file(served)])
    served.sender.event(event, event_id="EvImp")
    served.fake.wait_for("chat.postMessage")  # acknowledged at once, imported by the worker
    served.settle()
    before = served.counts()
    assert served.sender.event(event, event_id="EvImp", headers=RETRY).status == 200
    twin = {**event, "type": "message", "subtype": "file_share", "channel_type": "channel"}
    assert served.sender.event(twin, event_id="EvTwin").status == 200
    assert served.counts() == before and served.count(ProcessedEvent) == 1
    assert len(served.fake.of("chat.postMessage")) == 1


def test_the_same_minutes_shared_again_reuse_the_same_drafts(served: Served) -> None:
    served.sender.event(mention([seed_file(served)]), event_id="EvA")
    first = draft_rows(summary(served))
    count = served.count(ActionItem)
    later = "1490346000.000200"  # the next day, another message, the same file
    served.sender.event(mention([seed_file(served, "F2")], ts=later), event_id="EvB")
    again = served.fake.wait_for("chat.postMessage", 2)[1].body["blocks"]
    assert draft_rows(again) == first and served.count(ActionItem) == count


def test_confirm_discard_then_confirm_all(served: Served) -> None:
    blocks = imported(served)
    first, second, *_ = draft_rows(blocks)
    assert press(served, blocks, "draft_confirm", str(first)).status == 200
    assert statuses(served)[first] == "open"
    update = served.fake.wait_for("chat.update")[0].body
    assert update["channel"] == "C1" and update["ts"] == "1490263200.000001"
    blocks = update["blocks"]
    assert first not in draft_rows(blocks) and second in draft_rows(blocks)
    assert any(b.get("block_id") == f"item_{first}" for b in blocks)  # live: Done, Snooze…
    assert "Confirmed by <@U1>" in json.dumps(blocks)

    press(served, blocks, "draft_discard", str(second))
    assert statuses(served)[second] == "deleted"
    blocks = served.fake.wait_for("chat.update", 2)[1].body["blocks"]
    assert second not in draft_rows(blocks) and "Discarded by <@U1>" in json.dumps(blocks)

    press(served, blocks, "draft_confirm_all", "2017-03-23")
    blocks = served.fake.wait_for("chat.update", 3)[2].body["blocks"]
    assert draft_rows(blocks) == [] and "confirmed all drafts" in json.dumps(blocks)
    assert "not live" not in json.dumps(blocks) and len(blocks) <= 50
    assert set(statuses(served).values()) == {"open", "deleted"}
    listing = served.sender.command("items").json()["text"]
    assert f"open ({len(statuses(served)) - 1})" in listing and f"*#{second}*" not in listing
    assert "25" in served.sender.command("next meeting").json()["text"]  # Tue 25 April 2017
    assert "CHF 143,935.07" in served.sender.command("contributions 2017").json()["text"]

    press(served, blocks, "draft_confirm", str(first))  # a stale button: told, nothing changes
    assert "not a draft" in served.fake.of("response/imp")[-1].body["text"]


def test_edit_opens_the_draft_and_a_bad_date_is_an_error_on_the_due_field(
    served: Served,
) -> None:
    blocks = imported(served)
    target = draft_rows(blocks)[0]
    press(served, blocks, "draft_edit", str(target))
    view = served.fake.wait_for("views.open")[0].body["view"]
    fields = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert view["callback_id"] == "edit_draft"
    assert fields["owner"]["initial_value"] == served.item(target).owner
    assert fields["what"]["initial_value"] == served.item(target).text

    def submit(**values: str) -> Answer:
        state = {k: {"value": {"type": "plain_text_input", "value": v}} for k, v in values.items()}
        submitted = {**view, "id": "V1", "state": {"values": state}}
        payload = {"type": "view_submission", "team": {"id": TEAM}, "user": {"id": "U1"}}
        return served.sender.interactive({**payload, "view": submitted})

    bad = submit(owner="Italy", what="call Albania", due="the 45th of Smarch", states="")
    assert bad.json()["response_action"] == "errors" and set(bad.json()["errors"]) == {"due"}
    assert served.item(target).text != "call Albania"

    good = submit(owner="Italy", what="call Albania & <Chile>", due="end of April", states="")
    assert good.status == 200 and good.body in ("", "null")
    item = served.item(target)
    assert (item.status, item.owner, item.text) == ("draft", "Italy", "call Albania & <Chile>")
    assert item.due is not None and item.due.isoformat() == "2017-04-30"
    update = served.fake.wait_for("chat.update")[0].body["blocks"]
    row = json.dumps(update)
    assert "call Albania &amp; &lt;Chile&gt;" in row and "&amp;amp;" not in row  # escaped once
    assert target in draft_rows(update)  # still a draft, buttons kept


def test_shortcut_on_a_message_with_a_docx_imports_it(served: Served, tmp_path: Path) -> None:
    data = write_docx(tmp_path / "minutes.docx").read_bytes()
    served.fake.add_file("FD", "CC minutes 2 March 2020.docx", data)
    payload = {
        "type": "message_action",
        "callback_id": "import_minutes",
        "trigger_id": "T-1",
        "team": {"id": TEAM},
        "user": {"id": "U1"},
        "channel": {"id": "C1"},
        # A partial file object, as Slack sometimes sends: files.info completes it.
        "message": {
            "type": "message",
            "user": "U3",
            "text": "",
            "ts": TS,
            "files": [{"id": "FD", "file_access": "check_file_info"}],
        },
        "response_url": "",
    }
    assert served.sender.interactive(payload).status == 200
    blocks = served.fake.wait_for("chat.postMessage")[0].body["blocks"]
    assert served.fake.of("files.info")[0].body["file"] == "FD"
    assert draft_rows(blocks) and set(statuses(served).values()) == {"draft"}
    assert "2 Mar 2020" in json.dumps(blocks) or "2 March 2020" in json.dumps(blocks)


@pytest.mark.parametrize(
    ("name", "content", "size", "says"),
    [
        ("minutes.txt", b"x", 6_000_000, "larger than 5 MB"),  # refused before downloading
        ("minutes.txt", b"x" * 5_000_001, 1_000, "larger than 5 MB"),  # size lied: cap holds
        ("photo.png", b"\x89PNG", None, "not one"),
        ("minutes.pdf", b"not a pdf at all", None, "not a readable PDF"),
    ],
)
def test_a_file_that_is_too_big_or_not_minutes_gets_a_friendly_reply(
    served: Served, name: str, content: bytes, size: int | None, says: str
) -> None:
    raw = served.fake.add_file("FX", name, content, size=size)
    assert served.sender.event(mention([raw])).status == 200
    text = served.fake.wait_for("chat.postMessage")[0].body["text"]
    assert says in text and "Nothing was stored" in text
    assert served.count(ActionItem) == 0


def test_import_without_a_file_says_how(served: Served) -> None:
    served.sender.event(mention([]))
    assert "Attach the minutes" in served.fake.wait_for("chat.postMessage")[0].body["text"]
    assert served.count(ActionItem) == 0


def test_a_forged_signature_is_refused_and_nothing_is_stored(served: Served) -> None:
    answer = served.sender.event(mention([seed_file(served)]), secret="not-the-secret")
    assert answer.status == 401
    assert served.counts()["ActionItem"] == 0 and served.count(ProcessedEvent) == 0
    assert served.fake.calls == []


def test_only_the_isu_confirms_a_whole_import_and_observers_decide_nothing(
    served: Served,
) -> None:
    blocks = imported(served)
    served.sender.command("roster add <@U9> isu", user="U1")  # open mode until an ISU admin
    served.sender.command("roster add <@U7> observer ICRC", user="U9")
    press(served, blocks, "draft_confirm_all", "2017-03-23", user="U1")
    assert "only the ISU" in served.fake.of("response/imp")[-1].body["text"]
    press(served, blocks, "draft_discard", str(draft_rows(blocks)[0]), user="U7")
    assert "Observers" in served.fake.of("response/imp")[-1].body["text"]
    assert set(statuses(served).values()) == {"draft"}
    assert served.fake.of("chat.update") == []
    press(served, blocks, "draft_confirm_all", "2017-03-23", user="U9")
    assert set(statuses(served).values()) == {"open"}
