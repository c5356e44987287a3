"""The treaty-deadline watch: Article 4 deadlines within 12 months, and extension requests due.

An extension of an Article 3 or 4 deadline is decided by the last MSP before that deadline,
and the request is due nine months before that MSP (Iraq "must request an extension at least
nine months before the 11MSP"). Each notice is keyed by the deadline (and the MSP), so each is
posted once, when it first comes into view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from handlers.dates.reading import format_day
from handlers.reply.reply import Reply, section
from schedules.config import ScheduleConfig
from schedules.outbox import Outbox
from schedules.split import fallback, line_sections
from schedules.steps import add_months, local_at
from storage.db import Database
from storage.models import Meeting, State, TreatyDeadline

JOB = "treaty_watch"


@dataclass(frozen=True)
class Notice:
    key: str
    line: str
    on: date


def _article(kind: str) -> str:
    return "Article 3" if kind.startswith("article3") else "Article 4"


def find_notices(db: Database, *, today: date, config: ScheduleConfig) -> list[Notice]:
    """Every notice in view today, whether or not it was already posted."""
    with db.session() as session:
        rows = session.exec(
            select(TreatyDeadline, State.short)
            .join(State, col(State.iso3) == col(TreatyDeadline.state_iso3))
            .where(col(TreatyDeadline.completed).is_(False), col(TreatyDeadline.due) >= today)
            .where(
                col(TreatyDeadline.kind).startswith("article3")
                | col(TreatyDeadline.kind).startswith("article4")
            )
            .order_by(col(TreatyDeadline.due))
        ).all()
        msps = session.exec(
            select(Meeting).where(Meeting.kind == "msp").order_by(col(Meeting.start))
        ).all()
    notices: list[Notice] = []
    horizon = today + timedelta(days=config.treaty_horizon_days)
    for deadline, short in rows:
        if deadline.kind.startswith("article4") and deadline.due <= horizon:
            notices.append(
                Notice(
                    f"{JOB}:article4:{deadline.id}:{deadline.due.isoformat()}",
                    f"{short}: Article 4 clearance deadline {format_day(deadline.due)}",
                    deadline.due,
                )
            )
        deciding = [m for m in msps if m.start.date() < deadline.due]
        if not deciding or deciding[-1].start.date() < today:
            continue
        msp = deciding[-1]
        if deadline.due > add_months(msp.start.date(), 12):
            continue  # MSPs are yearly: a later one, not yet in the calendar, will decide it
        request_by = add_months(msp.start.date(), -config.extension_lead_months)
        if today >= request_by - timedelta(days=config.extension_notice_days):
            notices.append(
                Notice(
                    f"{JOB}:extension:{deadline.id}:{msp.id}",
                    f"{short}: an extension request for its {_article(deadline.kind)} deadline "
                    f"({format_day(deadline.due)}) is due by {format_day(request_by)}, "
                    f"nine months before the {msp.title}",
                    request_by,
                )
            )
    return notices


def treaty_watch(
    db: Database,
    outbox: Outbox,
    *,
    now: datetime,
    tz: ZoneInfo,
    channel: str | None,
    config: ScheduleConfig,
) -> None:
    """Post the notices that came into view since the last post, in one message."""
    today = now.astimezone(tz).date()
    if not channel or now < local_at(today, config.digest_time, tz):
        return
    notices = find_notices(db, today=today, config=config)
    pending = outbox.ledger.pending([n.key for n in notices])
    notices = [n for n in notices if n.key in pending]
    if not notices:
        return
    by_key = {n.key: n for n in notices}

    def render(won: set[str]) -> Reply:
        lines = [n.line for n in sorted((by_key[k] for k in won), key=lambda n: (n.on, n.key))]
        blocks = [section(":scales: *Treaty deadlines coming into view*")]
        blocks += line_sections("Deadlines and extension requests", lines)[:48]
        return Reply(text=fallback(blocks), blocks=blocks)

    outbox.send_batch(job=JOB, to=channel, keys=list(by_key), render=render)
