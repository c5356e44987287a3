"""The digest: what the Committee should know this week, built once for preview and scheduler."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from handlers.dates.reading import format_day
from handlers.items.render import item_line
from handlers.money import format_chf
from handlers.reference.areas import AREA_BY_KEY
from handlers.reply.mrkdwn import date_token
from handlers.reply.reply import Block, Reply, context, divider, header
from handlers.reply.reply import sections as split_sections
from handlers.reply.text import escape
from storage.contributions import summarize
from storage.items import DONE, OPEN
from storage.meetings import next_meeting
from storage.models import ActionItem, ItemEvent
from storage.reference import Reference, load_reference

SHOWN = 10
MAX_BLOCKS = 50


def build_digest(
    *,
    session: Session,
    now: datetime,
    tz: ZoneInfo,
    since: datetime | None = None,
    title: str = "Weekly digest",
    reference: Reference | None = None,
    money: bool = True,
) -> Reply:
    """A digest as of ``now``; ``since`` (default a week ago) bounds 'done since last digest'.

    ``reference`` is the process's snapshot of the reference facts (read afresh without it).
    """
    facts = reference or load_reference(session)
    today = now.astimezone(tz).date()
    since = since or now - timedelta(days=7)
    sections: list[tuple[str, str]] = []

    per_area = session.exec(
        select(ActionItem.area_key, func.count())
        .where(ActionItem.status == OPEN)
        .group_by(ActionItem.area_key)
    ).all()
    area_lines = [
        f"{AREA_BY_KEY[key].name if key in AREA_BY_KEY else 'No area'}: {count}"
        for key, count in sorted(per_area, key=lambda row: -row[1])
    ]
    sections.append(("Open items per thematic area", "\n".join(area_lines) or "_none_"))

    overdue = _items(session, (ActionItem.status == OPEN, col(ActionItem.due) < today))
    sections.append((f"Overdue ({overdue[1]})", _lines(overdue[0], today)))
    soon = _items(
        session,
        (
            ActionItem.status == OPEN,
            col(ActionItem.due) >= today,
            col(ActionItem.due) <= today + timedelta(days=14),
        ),
    )
    sections.append((f"Due in the next 14 days ({soon[1]})", _lines(soon[0], today)))
    # Closed since: the time of the 'done' event, not of the last touch (a later note on an
    # old item must not bring it back into the digest).
    closed = select(ItemEvent.item_id).where(ItemEvent.action == "done", col(ItemEvent.at) >= since)
    done = _items(session, (ActionItem.status == DONE, col(ActionItem.id).in_(closed)), newest=True)
    sections.append(
        (
            f"Done since {format_day(since.astimezone(tz).date())} ({done[1]})",
            _lines(done[0], today),
        )
    )

    meeting = next_meeting(session=session, after=now)
    if meeting:
        start = meeting.start.astimezone(tz)
        place = f" · {escape(meeting.place)}" if meeting.place else ""
        token = date_token(meeting.start, f"{format_day(start.date())} {start:%H:%M}")
        sections.append(("Next meeting", f"{escape(meeting.title)} · {token}{place}"))

    horizon = today + timedelta(days=365)
    treaty = [
        (d, facts.states[d.state_iso3].short)
        for d in facts.deadlines
        if today <= d.due <= horizon and not d.completed and d.state_iso3 in facts.states
    ][:SHOWN]
    treaty_lines = [
        f"{format_day(d.due)} · {short}: {d.kind.replace('_', ' ')}" for d, short in treaty
    ]
    sections.append(("Treaty deadlines in the next 12 months", "\n".join(treaty_lines) or "_none_"))

    if money:  # left out where guests or other organisations read (a shared channel)
        sections.append((f"Contributions {today.year}", _money(facts, today.year)))
    return _assemble(title=f"{title} — {format_day(today)}", sections=sections)


def _items(
    session: Session, where: tuple[object, ...], *, newest: bool = False
) -> tuple[list[ActionItem], int]:
    """The first SHOWN items and how many there are, in one statement (the count rides along)."""
    total = select(func.count()).select_from(ActionItem).where(*where).scalar_subquery()  # type: ignore[arg-type]
    order = (
        (col(ActionItem.updated_at).desc(),)
        if newest
        else (col(ActionItem.due), col(ActionItem.id))
    )
    query = select(ActionItem, total).where(*where).order_by(*order).limit(SHOWN)  # type: ignore[arg-type]
    rows = list(session.exec(query))
    return [item for item, _ in rows], int(rows[0][1]) if rows else 0


def _lines(items: list[ActionItem], today: date) -> str:
    return "\n".join(item_line(item, today) for item in items) or "_none_"


def _money(facts: Reference, year: int) -> str:
    summary = summarize(year=year, contributions=facts.contributions, states=facts.states.values())
    return (
        f"Received {format_chf(summary.received_cents)} · pledged {format_chf(summary.pledged_cents)}"
        f" · States Parties paid: {summary.paid_count} of {len(summary.parties)}"
    )


def _assemble(*, title: str, sections: list[tuple[str, str]]) -> Reply:
    """Header, then each section (split at line ends past 3000 characters), then a hint.

    The preview stays within one message's 50 blocks; the scheduler splits long digests
    into several messages itself.
    """
    blocks: list[Block] = [header(title)]
    text_parts = [f"*{title}*"]
    for heading, body in sections:
        blocks += [divider(), *split_sections(f"*{heading}*\n{body}")]
        text_parts.append(f"*{heading}*\n{body}")
    blocks = blocks[: MAX_BLOCKS - 1]
    blocks.append(context("Preview with `/ccm digest`; details with `/ccm items overdue`."))
    return Reply(text="\n\n".join(text_parts), blocks=blocks)
