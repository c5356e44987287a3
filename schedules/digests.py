"""The weekly digest and the pre-meeting digest: posted to the committee channel, once each.

Keys are local dates: 'weekly_digest:2017-03-27' is the digest of Monday 27 March in Geneva,
whatever the UTC offset that day. A digest missed while the bot was down goes out on the
next scan, unless it is older than catch_up_hours (the next one is then closer than it).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from handlers.digest import build_digest
from handlers.ports import shared_outside
from handlers.reply.reply import Reply, divider
from handlers.reply.reply import sections as split_sections
from handlers.reply.text import escape
from schedules import sentlog
from schedules.agenda import pre_meeting_digest
from schedules.config import ScheduleConfig
from schedules.outbox import Outbox
from schedules.steps import latest_weekly, local_at
from storage.db import Database
from storage.meetings import last_meeting
from storage.models import Meeting

UNDELIVERED_SHOWN = 10
WEEKLY = "weekly_digest"
PRE_MEETING = "pre_meeting_digest"


def weekly_digest(
    db: Database,
    outbox: Outbox,
    *,
    now: datetime,
    tz: ZoneInfo,
    channel: str | None,
    config: ScheduleConfig,
) -> None:
    """This week's digest, once, at the committee's local time (default Monday 09:00)."""
    if not channel:
        return
    day = latest_weekly(now, weekday=config.digest_weekday, at=config.digest_time, tz=tz)
    fired = local_at(day, config.digest_time, tz)
    key = f"{WEEKLY}:{day.isoformat()}"
    if now - fired > timedelta(hours=config.catch_up_hours) or not outbox.ledger.unfinished(key):
        return
    with db.session() as session:
        since = sentlog.last_sent(session, job=WEEKLY)
        money = not shared_outside(outbox.notifier, channel)
        reply = build_digest(session=session, now=now, tz=tz, since=since, money=money)
        reply = with_undelivered(session, reply, since=since, config=config)
    outbox.send_once(job=WEEKLY, to=channel, key=key, reply=reply)


def with_undelivered(
    session: Session, reply: Reply, *, since: datetime | None, config: ScheduleConfig
) -> Reply:
    """The digest says which messages never went out since the last one (and why)."""
    lost = sentlog.given_up(session, max_attempts=config.max_attempts, since=since)
    if not lost:
        return reply
    lines = [
        f"{row.job} to {mention(row.recipient)}: {escape((row.error or '').removeprefix(sentlog.PERMANENT))}"
        for row in lost[:UNDELIVERED_SHOWN]
    ]
    if len(lost) > UNDELIVERED_SHOWN:
        lines.append(f"…and {len(lost) - UNDELIVERED_SHOWN} more (`ccm-bot audit` / the sent-log)")
    body = f"*Not delivered ({len(lost)})*\n" + "\n".join(lines)
    blocks = [*reply.blocks, divider(), *split_sections(body)]
    return replace(reply, text=f"{reply.text}\n{body}", blocks=blocks)


def mention(to: str) -> str:
    """A channel as a link; a person by id, unpinged (the message may be about them)."""
    return f"`{escape(to)}`" if to[:1] in ("U", "W") else f"<#{escape(to)}>"


def pre_meeting_digests(
    db: Database,
    outbox: Outbox,
    *,
    now: datetime,
    tz: ZoneInfo,
    channel: str | None,
    config: ScheduleConfig,
) -> None:
    """For each coming CC meeting: a digest ``pre_meeting_days`` before, at the set time."""
    if not channel:
        return
    horizon = now + timedelta(days=config.pre_meeting_days + 1)
    with db.session() as session:
        meetings = session.exec(
            select(Meeting)
            .where(Meeting.kind == "cc", col(Meeting.start) > now, col(Meeting.start) <= horizon)
            .order_by(col(Meeting.start))
        ).all()
    for meeting in meetings:
        start_day = meeting.start.astimezone(tz).date()
        fire_day = start_day - timedelta(days=config.pre_meeting_days)
        if now < local_at(fire_day, config.pre_meeting_time, tz):
            continue
        key = f"{PRE_MEETING}:{meeting.id}:{start_day.isoformat()}"
        if not outbox.ledger.unfinished(key):
            continue
        with db.session() as session:
            previous = last_meeting(session=session, before=meeting.start)
            since = previous.start if previous else None
            money = not shared_outside(outbox.notifier, channel)
            reply = pre_meeting_digest(
                session, meeting=meeting, now=now, tz=tz, since=since, money=money
            )
            reply = with_undelivered(session, reply, since=since, config=config)
        outbox.send_once(job=PRE_MEETING, to=channel, key=key, reply=reply)
