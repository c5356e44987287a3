"""The App Home tab as a pure function of what it shows (100 blocks at most, Slack's limit)."""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from bot.slack.blocks import Block, context_block, section_block, with_date_picker
from handlers.dates.reading import format_day
from handlers.i18n import _
from handlers.i18n.terms import term
from handlers.items.render import item_buttons, owner_shown
from handlers.reply.mrkdwn import date_token, day_token
from handlers.reply.text import escape, shorten
from storage.models import ActionItem, Meeting

MAX_HOME_BLOCKS = 100
MAX_MINE = 15
ACTION_HOME_LOG = "home_log_item"
ACTION_HOME_REFRESH = "home_refresh"


def home_line(item: ActionItem, today: date, tz: ZoneInfo) -> str:
    """One item on Home: user text escaped once here, dates as tokens."""
    what = escape(shorten(item.text, 200))
    if item.due is None:
        when = _("no due date")
    elif item.due < today:
        when = _("*overdue* since {day}").format(day=day_token(item.due, format_day(item.due)))
    else:
        when = _("due {day}").format(day=day_token(item.due, format_day(item.due)))
    return f"*#{item.id}* {owner_shown(item)} — {what} · {when}"


def _header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": text[:150]}}


def home_view(
    *,
    mine: list[ActionItem],
    mine_total: int,
    week: list[ActionItem],
    meeting: Meeting | None,
    today: date,
    tz: ZoneInfo,
) -> dict[str, Any]:
    """Mine (overdue first) with buttons, due this week, the next meeting, quick actions."""
    blocks: list[Block] = [
        _header(_("Your action items")),
        {
            "type": "actions",
            "block_id": "home_actions",
            "elements": [
                {
                    "type": "button",
                    "style": "primary",
                    "text": {"type": "plain_text", "text": _("Log an action item")},
                    "action_id": ACTION_HOME_LOG,
                },
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": _("Refresh")},
                    "action_id": ACTION_HOME_REFRESH,
                },
            ],
        },
    ]
    if not mine:
        blocks.append(section_block(_("Nothing open in your name. :tada:")))
    for item in mine[:MAX_MINE]:
        blocks += with_date_picker([section_block(home_line(item, today, tz)), item_buttons(item)])
    if mine_total > MAX_MINE:
        more = _("…and {count} more: `/ccm items mine`.").format(count=mine_total - MAX_MINE)
        blocks.append(context_block(more))
    blocks += [{"type": "divider"}, _header(_("Due this week"))]
    lines = "\n".join(home_line(item, today, tz) for item in week) or "_{}_".format(
        _("Nothing due this week.")
    )
    blocks.append(section_block(lines))
    blocks += [{"type": "divider"}, _header(_("Next meeting"))]
    if meeting is None:
        blocks.append(
            section_block(
                "_{}_ {}".format(
                    _("No meeting scheduled."), _("Add one: `/ccm meeting add <when>`.")
                )
            )
        )
    else:
        local = meeting.start.astimezone(tz)
        where = f" · {escape(meeting.place)}" if meeting.place else ""
        fallback = f"{format_day(local.date())} {local:%H:%M}"
        blocks.append(
            section_block(
                f"*{escape(term(meeting.title))}* · {date_token(meeting.start, fallback)}{where}"
            )
        )
    blocks.append(context_block(_("Type `/ccm help` anywhere for every command.")))
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}
