"""Slack's mrkdwn conventions as plain strings (no Slack SDK): dates, people, escaping back."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, time

from handlers.reply.text import escape

_DATE_TOKEN = re.compile(r"<!date\^\d+\^[^|>]*\|([^>]*)>")
_MENTION = re.compile(r"<@[UW][A-Z0-9]{2,}>")
_ITALIC = re.compile(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)")
_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")


def date_token(moment: datetime, fallback: str, *, fmt: str = "{date_short_pretty} {time}") -> str:
    """A date every reader sees in their own time zone; ``fallback`` where tokens don't render."""
    return f"<!date^{int(moment.timestamp())}^{fmt}|{fallback}>"


def day_token(day: date, fallback: str) -> str:
    """A calendar day each reader sees in their own locale ("Friday, March 31st, 2017").

    Anchored at 12:00 UTC, which is the same calendar day from UTC-11 to UTC+11: every CCM
    capital reads the day that was meant, never the one before or after.
    """
    noon = datetime.combine(day, time(12, 0), tzinfo=UTC)
    return date_token(noon, fallback, fmt="{date_long_pretty}")


def user_ref(user_id: str) -> str:
    """A Slack user id as a mention; anything else as it is."""
    return f"<@{user_id}>" if re.fullmatch(r"[UW][A-Z0-9]{2,}", user_id) else user_id


def owner_text(label: str) -> str:
    """An owner as shown: a mention we built ourselves stays a mention; any other text is escaped."""
    return label if _MENTION.fullmatch(label) else escape(label)


def to_plain(mrkdwn: str) -> str:
    """What a terminal should show for a Slack message: tokens to fallbacks, entities undone."""
    text = _DATE_TOKEN.sub(r"\1", mrkdwn)
    text = _LINK.sub(r"\2 (\1)", text)
    text = _ITALIC.sub(r"\1", text.replace("*", ""))
    return html.unescape(text)
