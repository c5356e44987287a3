"""The one thing every command returns: a plain-text fallback plus Block Kit blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Block = dict[str, Any]


@dataclass(frozen=True)
class Upload:
    """A file a reply carries (a chart): Slack uploads it, the console writes it to disk."""

    filename: str
    content: bytes = field(repr=False)
    title: str
    alt_text: str


@dataclass(frozen=True)
class Choice:
    """A reading offered back: a button in Slack, a numbered line in the console.

    ``command`` is the `/ccm` line the choice runs (empty: cancel); ``confirm`` marks the one
    a "y" answers in the console.
    """

    label: str
    command: str
    confirm: bool = False


CHOICE_ACTION = "ccm_choice"


@dataclass(frozen=True)
class Reply:
    """What a command answers; ``public`` asks the transport to post it in the channel."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    ok: bool = True
    public: bool = False
    item_id: int | None = None
    failed: bool = False  # a crash, not a refusal: the caller may want the whole event retried
    upload: Upload | None = None
    # Sent to the asker alone, in a direct message (a private address); ``text`` says so in place.
    direct: str | None = None
    lang: str | None = None  # the language it was written in, for what a transport adds to it
    # Shows contributions, the audit trail or the roster: never posted where guests or other
    # organisations read (a Slack Connect channel); the transport answers privately instead.
    private: bool = False
    choices: tuple[Choice, ...] = ()  # readings to pick from, or Confirm / Cancel


def section(markdown: str) -> Block:
    """A mrkdwn section, cut to Slack's 3000-character limit."""
    text = markdown if len(markdown) <= 3000 else markdown[:2999] + "…"
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def sections(markdown: str, *, limit: int = 3000) -> list[Block]:
    """Long mrkdwn as several sections, cut at line ends so nothing is lost to the limit."""
    chunks: list[str] = []
    current = ""
    for line in markdown.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = line
        while len(current) > limit:
            chunks.append(current[:limit])
            current = current[limit:]
    chunks.append(current)
    return [section(chunk) for chunk in chunks if chunk]


def header(plain: str) -> Block:
    """A header block (plain text, 150 characters at most)."""
    return {"type": "header", "text": {"type": "plain_text", "text": plain[:150], "emoji": True}}


def context(markdown: str) -> Block:
    """A small grey line under a section: sources, hints."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": markdown[:3000]}]}


def divider() -> Block:
    return {"type": "divider"}


def simple(text: str, *, ok: bool = True) -> Reply:
    """A one-section reply whose fallback text is the same markdown."""
    return Reply(text=text, blocks=[section(text)], ok=ok)


def error(text: str) -> Reply:
    """A refusal: nothing was changed, and the text says how to fix the command."""
    return simple(text, ok=False)


def choice_block(choices: tuple[Choice, ...]) -> Block:
    """Buttons for ``choices``; each carries the command it runs (a click runs it as the clicker)."""
    buttons = []
    for index, choice in enumerate(choices[:5]):
        button: Block = {
            "type": "button",
            "action_id": f"{CHOICE_ACTION}_{index}",
            "text": {"type": "plain_text", "text": choice.label[:75], "emoji": True},
            "value": (choice.command or "cancel")[:2000],
        }
        if choice.confirm:
            button["style"] = "primary"
        buttons.append(button)
    return {"type": "actions", "block_id": CHOICE_ACTION, "elements": buttons}
