"""Fit a Reply into Slack's limits: 50 blocks per message, 3000 characters per text."""

from __future__ import annotations

from handlers.reply.mrkdwn import to_plain
from handlers.reply.reply import Block, Reply, section

MAX_BLOCKS = 50
MAX_TEXT = 3000


def line_sections(heading: str, lines: list[str]) -> list[Block]:
    """A heading and its lines as as many sections as needed, cut between lines, never inside."""
    blocks: list[Block] = []
    current = f"*{heading}*"
    for line in lines or ["_none_"]:
        line = line if len(line) <= MAX_TEXT - 100 else line[: MAX_TEXT - 101] + "…"
        if len(current) + 1 + len(line) > MAX_TEXT:
            blocks.append(section(current))
            current = f"*{heading}* (continued)"
        current += "\n" + line
    blocks.append(section(current))
    return blocks


def _block_text(block: Block) -> str:
    text = block.get("text")
    if isinstance(text, dict):
        return str(text.get("text", ""))
    if block.get("type") == "context":
        return " ".join(str(e.get("text", "")) for e in block.get("elements", []))
    return ""


def fallback(blocks: list[Block]) -> str:
    """The notification text for a part: its blocks' text, cut to Slack's limit."""
    text = "\n\n".join(part for part in (_block_text(b) for b in blocks) if part)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def split_reply(reply: Reply) -> list[Reply]:
    """One Reply per Slack message; a message that already fits comes back unchanged."""
    fits = len(reply.blocks) <= MAX_BLOCKS and len(reply.text) <= MAX_TEXT
    if fits and all(len(_block_text(b)) <= MAX_TEXT for b in reply.blocks):
        return [reply]
    blocks: list[Block] = []
    for block in reply.blocks:
        text = _block_text(block)
        if block.get("type") == "section" and len(text) > MAX_TEXT:
            heading, _, body = text.partition("\n")
            blocks += line_sections(heading.strip("*"), body.splitlines())
        else:
            blocks.append(block)
    parts = [blocks[i : i + MAX_BLOCKS] for i in range(0, len(blocks), MAX_BLOCKS)] or [[]]
    total = len(parts)
    replies = []
    for number, part in enumerate(parts, 1):
        text = fallback(part) or to_plain(reply.text)[:MAX_TEXT]
        if total > 1:
            text = f"({number}/{total}) {text}"[:MAX_TEXT]
        replies.append(Reply(text=text, blocks=part, public=reply.public))
    return replies
