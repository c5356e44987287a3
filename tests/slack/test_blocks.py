"""Block Kit builders as pure functions: limits, in-place patching, text handling."""

from __future__ import annotations

from bot.slack.blocks import MAX_BLOCKS, MAX_TEXT, replace_item, split_reply
from bot.slack.inbound import from_slack, split_visibility, without_mention
from handlers.reply.reply import Reply


def section(text: str) -> dict[str, object]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_long_section_text_is_split_not_cut() -> None:
    text = "\n".join(f"line {i:04d} " + "x" * 90 for i in range(100))
    messages = split_reply(Reply(text=text, blocks=[section(text)]))
    texts = [b["text"]["text"] for m in messages for b in m.blocks]
    assert all(len(t) <= MAX_TEXT for t in texts)
    assert "\n".join(texts) == text


def test_many_blocks_become_several_messages_each_with_a_fallback() -> None:
    reply = Reply(text="x" * 5000, blocks=[section(f"row {i}") for i in range(120)])
    messages = split_reply(reply)
    assert [len(m.blocks) for m in messages] == [50, 50, 20]
    assert all(m.text and len(m.text) <= 3000 for m in messages)


def test_too_long_answers_are_capped_with_a_note() -> None:
    messages = split_reply(
        Reply(text="t", blocks=[section(f"r{i}") for i in range(400)]), max_messages=5
    )
    assert len(messages) == 5 and len(messages[-1].blocks) == MAX_BLOCKS
    assert "cut here" in messages[-1].blocks[-1]["text"]["text"]


def test_replace_item_keeps_the_rest_of_the_message() -> None:
    blocks = [
        section("head"),
        section("item 7"),
        {"type": "context", "elements": []},
        {"type": "actions", "block_id": "item_7", "elements": []},
        section("tail"),
    ]
    out = replace_item(blocks, 7, [section("done")])
    assert out == [section("head"), section("done"), section("tail")]
    assert replace_item(blocks, 8, []) is None


def test_inbound_text() -> None:
    assert from_slack("a &lt;b&gt; &amp;amp; <@U1|ana>") == "a <b> &amp; <@U1>"
    assert split_visibility("public status Italy") == (True, "status Italy")
    assert split_visibility("publication status") == (False, "publication status")
    assert without_mention("ACTION: x <@UBOT> y", "UBOT") == "ACTION: x y"
