"""How items look in a reply: one line each, plus the buttons Slack shows under an item."""

from __future__ import annotations

from datetime import date

from handlers.i18n import _, format_day, ngettext
from handlers.i18n.formats import source_shown
from handlers.i18n.notes import localize_stored
from handlers.i18n.phrases import owner_in_text
from handlers.i18n.terms import term
from handlers.reference.areas import AREA_BY_KEY
from handlers.reply.mrkdwn import day_token
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
        return _("no due date")
    text = _("due {day}").format(day=day_token(item.due, format_day(item.due)))
    if item.status != "open":
        return text
    days = (item.due - today).days
    if days < 0:
        late = ngettext("overdue {count} day", "overdue {count} days", -days).format(count=-days)
        return f"{text} · *{late}*"
    if days == 0:
        return "{} · *{}*".format(text, _("today"))
    if days <= 7:
        soon = ngettext("in {count} day", "in {count} days", days).format(count=days)
        return f"{text} · {soon}"
    return text


def owner_shown(item: ActionItem) -> str:
    """The owner as the reader says it: States, the Presidency, the ISU and an area's
    coordinators in the reader's language; people and free text as written."""
    return str(owner_in_text(item.owner_kind, item.owner_ref, item.owner, article=False))


def item_line(item: ActionItem, today: date) -> str:
    """One item in a list: id, owner, what, when (user text escaped once, here)."""
    status = "" if item.status == "open" else f" [{term(item.status)}]"
    what = escape(shorten(item.text, MAX_LINE_TEXT))
    return f"*#{item.id}*{status} {owner_shown(item)} — {what} · {due_phrase(item, today)}"


def item_detail(item: ActionItem, states: list[str], today: date) -> str:
    """Everything about one item, for status #id and confirmations."""
    lines = [item_line(item, today)]
    if item.due_note:
        lines.append(f"_{escape(localize_stored(item.due_note))}_")
    area = AREA_BY_KEY.get(item.area_key or "")
    facts = []
    if area:
        facts.append(_("Area: {area}").format(area=term(area.name)))
    if states:
        facts.append(_("States: {codes}").format(codes=", ".join(states)))
    if item.snoozed_until and item.status == "open":
        facts.append(_("snoozed until {day}").format(day=format_day(item.snoozed_until)))
    if item.source:
        source = escape(shorten(source_shown(item.source), 300))
        facts.append(_("Source: {source}").format(source=source))
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
                "text": {"type": "plain_text", "text": _("Done")},
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
                        (_("Snooze 1 day"), "1d"),
                        (_("Snooze 1 week"), "1w"),
                        (_("Snooze to next meeting"), "meeting"),
                    )
                ],
            },
            {
                "type": "button",
                "text": {"type": "plain_text", "text": _("Reassign")},
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
