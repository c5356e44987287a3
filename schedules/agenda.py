"""The pre-meeting digest: the weekly digest's picture plus each area's open items as the agenda."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from handlers.dates.reading import format_day
from handlers.digest import build_digest
from handlers.i18n import N_, _
from handlers.i18n.terms import term
from handlers.items.render import item_line
from handlers.reference.areas import AREA_BY_KEY, AREAS
from handlers.reply.reply import Block, Reply, divider, header
from schedules.split import line_sections
from storage.items import OPEN
from storage.models import ActionItem, Meeting

PER_AREA = 15


def agenda_blocks(session: Session, *, today: date) -> tuple[list[Block], list[str]]:
    """Open items per area, soonest due first (undated last): the meeting's working agenda."""
    counts = dict(
        session.exec(
            select(ActionItem.area_key, func.count())
            .where(ActionItem.status == OPEN)
            .group_by(ActionItem.area_key)
        ).all()
    )
    agenda = _("Working agenda: open items per area")
    blocks: list[Block] = [divider(), header(agenda)]
    text: list[str] = [f"*{agenda}*"]
    order: list[tuple[str | None, str]] = [(a.key, a.name) for a in AREAS if a.key in counts]
    order += [(k, k) for k in counts if k is not None and k not in AREA_BY_KEY]
    order += [(None, N_("No area"))] if None in counts else []
    for key, name in order:
        items = session.exec(
            select(ActionItem)
            .where(ActionItem.status == OPEN, ActionItem.area_key == key)
            .order_by(col(ActionItem.due).is_(None), col(ActionItem.due), col(ActionItem.id))
            .limit(PER_AREA)
        ).all()
        lines = [item_line(item, today) for item in items]
        if counts[key] > len(items):
            more = _("…and {count} more: `/ccm status {area}`").format(
                count=counts[key] - len(items), area=name
            )
            lines.append(f"_{more}_")
        heading = f"{term(name)} ({counts[key]})"
        blocks += line_sections(heading, lines)
        text.append(f"*{heading}*\n" + "\n".join(lines))
    return blocks, text


def pre_meeting_digest(
    session: Session,
    *,
    meeting: Meeting,
    now: datetime,
    tz: ZoneInfo,
    since: datetime | None,
    money: bool = True,
) -> Reply:
    """build_digest for the picture, then the agenda; its closing hint stays last."""
    start = meeting.start.astimezone(tz)
    title = _("Before the {meeting} of {day}").format(
        meeting=term(meeting.title), day=format_day(start.date())
    )
    digest = build_digest(session=session, now=now, tz=tz, since=since, title=title, money=money)
    blocks, text = agenda_blocks(session, today=now.astimezone(tz).date())
    closing = (
        digest.blocks[-1:] if digest.blocks[-1:] and digest.blocks[-1]["type"] == "context" else []
    )
    body = digest.blocks[: len(digest.blocks) - len(closing)]
    return Reply(text="\n\n".join([digest.text, *text]), blocks=[*body, *blocks, *closing])
