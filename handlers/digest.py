"""The digest: what the Committee should know this week, built once for preview and scheduler."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from handlers.dates.reading import format_day
from handlers.i18n import N_, _, state_label
from handlers.i18n.formats import labelled
from handlers.i18n.terms import deadline_kind, term
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
    title: str = N_("Weekly digest"),
    reference: Reference | None = None,
    money: bool = True,
) -> Reply:
    """A digest as of ``now``; ``since`` (default a week ago) bounds 'done since last digest'.

    ``title`` is an English message id (marked with ``N_``): it is shown in the reader's language.
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
        _("{label}: {count}").format(
            label=term(AREA_BY_KEY[key].name) if key in AREA_BY_KEY else _("No area"), count=count
        )
        for key, count in sorted(per_area, key=lambda row: -row[1])
    ]
    sections.append((_("Open items per thematic area"), "\n".join(area_lines) or _("_none_")))

    overdue = _items(session, (ActionItem.status == OPEN, col(ActionItem.due) < today))
    sections.append((_("Overdue ({count})").format(count=overdue[1]), _lines(overdue[0], today)))
    soon = _items(
        session,
        (
            ActionItem.status == OPEN,
            col(ActionItem.due) >= today,
            col(ActionItem.due) <= today + timedelta(days=14),
        ),
    )
    sections.append(
        (_("Due in the next 14 days ({count})").format(count=soon[1]), _lines(soon[0], today))
    )
    # Closed since: the time of the 'done' event, not of the last touch (a later note on an
    # old item must not bring it back into the digest).
    closed = select(ItemEvent.item_id).where(ItemEvent.action == "done", col(ItemEvent.at) >= since)
    done = _items(session, (ActionItem.status == DONE, col(ActionItem.id).in_(closed)), newest=True)
    sections.append(
        (
            _("Done since {day} ({count})").format(
                day=format_day(since.astimezone(tz).date()), count=done[1]
            ),
            _lines(done[0], today),
        )
    )

    meeting = next_meeting(session=session, after=now)
    if meeting:
        start = meeting.start.astimezone(tz)
        place = f" · {escape(meeting.place)}" if meeting.place else ""
        token = date_token(meeting.start, f"{format_day(start.date())} {start:%H:%M}")
        sections.append((_("Next meeting"), f"{escape(term(meeting.title))} · {token}{place}"))

    horizon = today + timedelta(days=365)
    treaty = [
        (d, facts.states[d.state_iso3].short, d.state_iso3)
        for d in facts.deadlines
        if today <= d.due <= horizon and not d.completed and d.state_iso3 in facts.states
    ][:SHOWN]
    treaty_lines = [
        f"{format_day(d.due)} · {labelled(state_label(iso3, short), deadline_kind(d.kind))}"
        for d, short, iso3 in treaty
    ]
    sections.append(
        (_("Treaty deadlines in the next 12 months"), "\n".join(treaty_lines) or _("_none_"))
    )

    if money:  # left out where guests or other organisations read (a shared channel)
        sections.append(
            (_("Contributions {year}").format(year=today.year), _money(facts, today.year))
        )
    return _assemble(title=f"{_(title)} — {format_day(today)}", sections=sections)


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
    return "\n".join(item_line(item, today) for item in items) or _("_none_")


def _money(facts: Reference, year: int) -> str:
    summary = summarize(year=year, contributions=facts.contributions, states=facts.states.values())
    return _(
        "Received {received} · pledged {pledged} · States Parties paid: {paid} of {parties}"
    ).format(
        received=format_chf(summary.received_cents),
        pledged=format_chf(summary.pledged_cents),
        paid=summary.paid_count,
        parties=len(summary.parties),
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
    blocks.append(context(_("Preview with `/ccm digest`; details with `/ccm items overdue`.")))
    return Reply(text="\n\n".join(text_parts), blocks=blocks)
