"""Block Kit for messages, as pure functions: split to Slack's limits, patch item rows in place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from handlers.i18n import _, current_language, use_language
from handlers.reply.mrkdwn import date_token
from handlers.reply.reply import Reply, context, section

Block = dict[str, Any]

MAX_BLOCKS = 50  # per message; a modal or the Home tab takes 100
MAX_TEXT = 3000  # per section text
MAX_FALLBACK = 3000  # the notification / screen-reader text; Slack allows more, nobody reads it
ACTION_SNOOZE_DATE = "item_snooze_date"


@dataclass(frozen=True)
class Message:
    """One Slack message: the plain fallback ``text`` and its blocks."""

    text: str
    blocks: list[Block]


def _split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Cut at line breaks (then anywhere) so no section goes over the limit and none is lost."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current or not parts:
        parts.append(current)
    return parts


def _within_limits(block: Block) -> list[Block]:
    text = block.get("text")
    if block.get("type") != "section" or not isinstance(text, dict):
        return [block]
    body = str(text.get("text", ""))
    if len(body) <= MAX_TEXT:
        return [block]
    pieces = _split_text(body)
    first = {**block, "text": {**text, "text": pieces[0]}}
    rest = [{"type": "section", "text": {**text, "text": piece}} for piece in pieces[1:]]
    return [first, *rest]


def _fallback(blocks: list[Block]) -> str:
    texts = [str(b["text"].get("text", "")) for b in blocks if isinstance(b.get("text"), dict)]
    joined = "\n".join(t for t in texts if t)
    return joined[: MAX_FALLBACK - 1] + "…" if len(joined) > MAX_FALLBACK else joined


def split_reply(reply: Reply, *, max_messages: int | None = None) -> list[Message]:
    """A reply as one or more messages within Block Kit limits, each with its own fallback."""
    with use_language(reply.lang or current_language()):
        return _split(reply, max_messages=max_messages)


def _split(reply: Reply, *, max_messages: int | None) -> list[Message]:
    blocks = with_date_picker([piece for b in reply.blocks for piece in _within_limits(b)])
    if not blocks:
        return [Message(text=reply.text[:MAX_FALLBACK], blocks=[])]
    chunks = [blocks[i : i + MAX_BLOCKS] for i in range(0, len(blocks), MAX_BLOCKS)]
    if max_messages is not None and len(chunks) > max_messages:
        chunks = chunks[:max_messages]
        note = "_{}_".format(
            _("…cut here: the answer is longer than Slack can show. Narrow the question.")
        )
        chunks[-1] = [*chunks[-1][: MAX_BLOCKS - 1], section_block(note)]
    if len(chunks) == 1 and len(reply.text) <= MAX_FALLBACK:
        return [Message(text=reply.text, blocks=chunks[0])]
    return [
        Message(text=_fallback(chunk) or reply.text[:MAX_FALLBACK], blocks=chunk)
        for chunk in chunks
    ]


# The core's builders, under the names the listeners use.
section_block = section
context_block = context


def with_date_picker(blocks: list[Block]) -> list[Block]:
    """Add 'snooze until a date' to each item's button row (the core's overflow has fixed steps)."""
    out: list[Block] = []
    for block in blocks:
        block_id = str(block.get("block_id", ""))
        elements = block.get("elements", [])
        if (
            block.get("type") == "actions"
            and block_id.startswith("item_")
            and not any(e.get("action_id") == ACTION_SNOOZE_DATE for e in elements)
        ):
            picker = {
                "type": "datepicker",
                "action_id": ACTION_SNOOZE_DATE,
                "placeholder": {"type": "plain_text", "text": _("Snooze until…")},
            }
            block = {**block, "elements": [*elements, picker]}
        out.append(block)
    return out


def item_id_of(block_id: str | None) -> int | None:
    """The item an actions block belongs to: the core names them `item_<id>`."""
    if not block_id or not block_id.startswith("item_"):
        return None
    tail = block_id.removeprefix("item_")
    return int(tail) if tail.isdigit() else None


def replace_item(blocks: list[Block], item_id: int, new: list[Block]) -> list[Block] | None:
    """Swap one item's section and buttons for ``new``, keeping the rest of a digest or list."""
    for index, block in enumerate(blocks):
        if block.get("type") == "actions" and block.get("block_id") == f"item_{item_id}":
            # The item is its section, any context lines under it, then its buttons.
            start = index
            while start > 0 and blocks[start - 1].get("type") == "context":
                start -= 1
            if start > 0 and blocks[start - 1].get("type") == "section":
                start -= 1
            return [*blocks[:start], *new, *blocks[index + 1 :]]
    return None


def acted(user: str, now: datetime, fallback: str) -> Block:
    """Who pressed the button and when, each reader in their own time zone."""
    return context_block(
        _("by {user} · {when}").format(user=f"<@{user}>", when=date_token(now, fallback))
    )
