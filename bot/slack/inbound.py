"""What Slack sends, turned into what the handlers expect: plain text and an aware moment."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_NAMED_USER = re.compile(r"<@([UW][A-Z0-9]+)\|[^>]*>")
_VISIBILITY = re.compile(r"^\s*(public|share)\b[\s:,]*", re.I)


def from_slack(text: str | None) -> str:
    """Undo Slack's own escaping once, so the handlers (which escape on echo) escape exactly once.

    Slack sends a typed ``<`` as ``&lt;`` in events, slash commands and shortcuts; handing that
    on as is would come back as ``&amp;lt;``. Mention tokens (``<@U1>``, ``<!channel>``) stay
    markup: the handlers escape what they echo, so they can never ping anyone.
    """
    raw = _NAMED_USER.sub(r"<@\1>", text or "")
    return raw.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def without_mention(text: str, bot_user_id: str | None) -> str:
    """Drop the bot's own mention wherever it is: `ACTION: ... @ccm` is still a capture."""
    if not bot_user_id:
        return text
    return re.sub(rf"\s*<@{re.escape(bot_user_id)}(?:\|[^>]*)?>\s*", " ", text).strip()


def split_visibility(text: str) -> tuple[bool, str]:
    """`/ccm public status Italy`: (True, 'status Italy'); anything else stays ephemeral."""
    match = _VISIBILITY.match(text)
    if not match:
        return False, text
    return True, text[match.end() :]


def moment_of(ts: str | None) -> datetime | None:
    """A message's ts as an aware UTC moment: relative dates resolve against when it was said."""
    try:
        return datetime.fromtimestamp(float(ts), UTC) if ts else None
    except (TypeError, ValueError, OverflowError):
        return None
