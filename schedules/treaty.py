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
from handlers.i18n import _, state_label
from handlers.i18n.terms import term
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


def _extension_line(kind: str) -> str:
    if kind.startswith("article3"):
        return _(
            "{state}: an extension request for its Article 3 deadline ({due}) is due by "
            "{request_by}, nine months before the {msp}"
        )
    return _(
        "{state}: an extension request for its Article 4 deadline ({due}) is due by "
        "{request_by}, nine months before the {msp}"
    )


def find_notices(db: Database, *, today: date, config: ScheduleConfig) -> list[Notice]:
    """Every notice in view today, whether or not it was already posted."""
    with db.session() as session:
        rows = session.exec(
            select(TreatyDeadline, State.short, State.iso3)
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
    for deadline, english, iso3 in rows:
        short = state_label(iso3, english)
        if deadline.kind.startswith("article4") and deadline.due <= horizon:
            notices.append(
                Notice(
                    f"{JOB}:article4:{deadline.id}:{deadline.due.isoformat()}",
                    _("{state}: Article 4 clearance deadline {due}").format(
                        state=short, due=format_day(deadline.due)
                    ),
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
                    _extension_line(deadline.kind).format(
                        state=short,
                        due=format_day(deadline.due),
                        request_by=format_day(request_by),
                        msp=term(msp.title),
                    ),
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
        blocks = [section(":scales: *{}*".format(_("Treaty deadlines coming into view")))]
        blocks += line_sections(_("Deadlines and extension requests"), lines)[:48]
        return Reply(text=fallback(blocks), blocks=blocks)

    outbox.send_batch(job=JOB, to=channel, keys=list(by_key), render=render)
