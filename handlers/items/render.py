"""How items look in a reply: one line each, plus the buttons Slack shows under an item."""

from __future__ import annotations

from datetime import date

from handlers.dates.reading import format_day
from handlers.reference.areas import AREA_BY_KEY
from handlers.reply.mrkdwn import day_token, owner_text
from handlers.reply.reply import Block, section
from handlers.reply.text import escape, shorten
from storage.models import ActionItem

ACTION_DONE = "item_done"
ACTION_SNOOZE = "item_snooze"
ACTION_REASSIGN = "item_reassign"
MAX_LINE_TEXT = 300


def due_phrase(item: ActionItem, today: date) -> str:
    """'due Fri 31 Mar 2017', with how late or how soon when it matters."""
    if item.due is None:
        return "no due date"
    text = f"due {day_token(item.due, format_day(item.due))}"
    if item.status != "open":
        return text
    days = (item.due - today).days
    if days < 0:
        return f"{text} · *overdue {-days} day{'s' if days != -1 else ''}*"
    if days == 0:
        return f"{text} · *today*"
    if days <= 7:
        return f"{text} · in {days} day{'s' if days != 1 else ''}"
    return text


def item_line(item: ActionItem, today: date) -> str:
    """One item in a list: id, owner, what, when (user text escaped once, here)."""
    status = "" if item.status == "open" else f" [{item.status}]"
    what = escape(shorten(item.text, MAX_LINE_TEXT))
    return f"*#{item.id}*{status} {owner_text(item.owner)} — {what} · {due_phrase(item, today)}"


def item_detail(item: ActionItem, states: list[str], today: date) -> str:
    """Everything about one item, for status #id and confirmations."""
    lines = [item_line(item, today)]
    if item.due_note:
        lines.append(f"_{escape(item.due_note)}_")
    area = AREA_BY_KEY.get(item.area_key or "")
    facts = []
    if area:
        facts.append(f"Area: {area.name}")
    if states:
        facts.append("States: " + ", ".join(states))
    if item.snoozed_until and item.status == "open":
        facts.append(f"snoozed until {format_day(item.snoozed_until)}")
    if item.source:
        facts.append(f"Source: {escape(shorten(item.source, 300))}")
    if facts:
        lines.append(" · ".join(facts))
    return "\n".join(lines)


def item_buttons(item: ActionItem) -> Block:
    """Done / Snooze / Reassign under an item; the value carries the item id."""
    value = str(item.id)
    return {
        "type": "actions",
        "block_id": f"item_{item.id}",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Done"},
                "style": "primary",
                "action_id": ACTION_DONE,
                "value": value,
            },
            {
                "type": "overflow",
                "action_id": ACTION_SNOOZE,
                "options": [
                    {"text": {"type": "plain_text", "text": label}, "value": f"{value}:{when}"}
                    for label, when in (
                        ("Snooze 1 day", "1d"),
                        ("Snooze 1 week", "1w"),
                        ("Snooze to next meeting", "meeting"),
                    )
                ],
            },
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Reassign"},
                "action_id": ACTION_REASSIGN,
                "value": value,
            },
        ],
    }


def item_blocks(item: ActionItem, states: list[str], today: date) -> list[Block]:
    blocks = [section(item_detail(item, states, today))]
    if item.status == "open":
        blocks.append(item_buttons(item))
    return blocks
