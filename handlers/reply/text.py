"""Text helpers shared by every command: escaping for Slack and normalising user input."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

MAX_COMMAND_CHARS = 4000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
# Slack's broadcast tokens: whatever a command forgot to escape, these never leave the bot raw.
_BROADCAST = re.compile(r"<(!(?:channel|here|everyone|subteam\^)[^<>]*)>", re.I)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def escape(text: str) -> str:
    """Escape the three characters Slack treats as markup, so user text can never ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clean(text: str) -> str:
    """Drop control characters and collapse white space: what users typed, minus the noise."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form used to compare names."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def shorten(text: str, limit: int) -> str:
    """Cut text to at most ``limit`` characters, marking the cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def defuse(value: Any) -> Any:
    """Escape @channel/@here/@everyone/user-group tokens anywhere in a reply (text or blocks)."""
    if isinstance(value, str):
        return _BROADCAST.sub(r"&lt;\1&gt;", value) if "<!" in value else value
    if isinstance(value, list):
        return [defuse(v) for v in value]
    if isinstance(value, dict):
        return {k: defuse(v) for k, v in value.items()}
    return value
