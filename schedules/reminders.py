"""Deadline reminders: one scan finds every (item, recipient) whose step is due, then sends.

The query reads only columns, and only open items due within the longest lead time, so a
scan over 100,000 items touches the few thousand that could be due. Items assigned to one
Slack user whose current step that user already received are left out in SQL (a primary-key
lookup in the sent-log per item), so when most items are overdue and already reminded, a scan
loads only what may still be pending. Each recipient gets one message per scan (a summary when
several items are due), sent in their own local morning.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Integer, String, and_, case, cast, func, literal, or_
from sqlalchemy import select as columns
from sqlmodel import col, select

from handlers.i18n import current_language, use_language
from handlers.reply.reply import Reply
from schedules import sentlog
from schedules.config import ScheduleConfig
from schedules.outbox import Outbox
from schedules.recipients import Directory, Recipient
from schedules.reminder_message import Due, reminder_reply, shown
from schedules.steps import OVERDUE, Step, before_name, dm_allowed, latest_step, local_at
from storage.db import Database
from storage.items import IN_CHUNK, OPEN, states_of
from storage.models import ActionItem

JOB = "reminder"
CLAIM_CHUNK = 50  # recipients per claim transaction: sent in well under the stale limit
Candidate = tuple[str, int, Step, date]  # key, item id, step, due date


def reminder_key(item_id: int, due: date, step: Step, to: str) -> str:
    """The due date is in the key: moving a deadline starts a fresh series of reminders."""
    return f"{JOB}:{item_id}:{due.isoformat()}:{step.name}:{to}"


def _open_hours(recipient: Recipient, now: datetime, config: ScheduleConfig) -> date | None:
    """The recipient's local date if a reminder may reach them now, else None."""
    local = now.astimezone(recipient.tz)
    if now < local_at(local.date(), config.reminder_time, recipient.tz):
        return None  # not their morning yet
    if recipient.direct and not dm_allowed(
        local,
        quiet_start=config.quiet_start,
        quiet_end=config.quiet_end,
        skip_weekends=config.skip_weekends,
    ):
        return None
    return local.date()


def _days_overdue(today: date, dialect: str) -> Any | None:
    """SQL for ``today - due`` in whole days (negative before the due date)."""
    due = col(ActionItem.due)
    if dialect == "sqlite":  # dates are stored as 'YYYY-MM-DD'
        return cast(func.julianday(today.isoformat()) - func.julianday(due), Integer)
    if dialect == "postgresql":
        return cast(literal(today, Date) - due, Integer)
    return None


def _sql_key(today: date, dialect: str, config: ScheduleConfig) -> Any | None:
    """SQL for reminder_key(item, due, latest_step(today), owner_ref); NULL before any step.

    The same rule as ``latest_step``: the smallest lead time whose day has come, superseded by
    the overdue step once a full period has passed. Bounds are dates computed here, so only
    the overdue period number needs date arithmetic in SQL.
    """
    days = _days_overdue(today, dialect)
    if days is None:
        return None
    due = col(ActionItem.due)
    every = config.overdue_every_days
    whens: list[tuple[Any, Any]] = []
    if every > 0:
        weeks = cast(days // every, String)  # days >= every > 0: floor is truncation
        whens.append((due <= today - timedelta(days=every), literal(OVERDUE, String) + weeks))
    for lead in sorted(set(config.reminder_days_before)):
        whens.append((due <= today + timedelta(days=lead), literal(before_name(lead), String)))
    if not whens:
        return None
    due_text = cast(due, String) if dialect == "sqlite" else func.to_char(due, "YYYY-MM-DD")
    sep = literal(":", String)
    return (
        literal(f"{JOB}:", String)
        + cast(col(ActionItem.id), String)
        + sep
        + due_text
        + sep
        + case(*whens, else_=None)
        + sep
        + col(ActionItem.owner_ref)
    )


def _slack_user(dialect: str) -> Any:
    """SQL for ``SLACK_USER.fullmatch(owner_ref)``: only then is owner_ref the one recipient."""
    ref = col(ActionItem.owner_ref)
    alnum = "0-9ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if dialect == "sqlite":
        return and_(
            ref.op("GLOB")(f"[UW][{alnum}][{alnum}]*"),
            ~func.substr(ref, 2).op("GLOB")(f"*[^{alnum}]*"),
        )
    return ref.op("~")(f"^[UW][{alnum}]{{2,}}$")


def _already_sent(dialect: str, todays: set[date], config: ScheduleConfig) -> Any | None:
    """SQL true for items owned by one Slack user whose current step was sent to them.

    ``todays`` holds the local dates of every such owner who may receive a reminder now; the
    item is skipped only when the step of each of those dates was sent, so whichever date is
    the owner's, find_due would have produced a key the sent-log has settled. With no open
    owner at all, find_due would skip every such item anyway.
    """
    keys = [_sql_key(today, dialect, config) for today in sorted(todays)]
    if dialect not in {"sqlite", "postgresql"} or any(key is None for key in keys):
        return None
    return and_(
        col(ActionItem.owner_kind) == "person",
        col(ActionItem.owner_ref).is_not(None),
        _slack_user(dialect),
        *[sentlog.sent(key) for key in keys],
    )


def find_due(
    db: Database, *, now: datetime, tz: ZoneInfo, channel: str | None, config: ScheduleConfig
) -> dict[Recipient, list[Candidate]]:
    """Every (recipient, key) whose reminder step has come, before asking the sent-log."""
    lead = max([0, *config.reminder_days_before])
    horizon = (now + timedelta(days=1)).date() + timedelta(days=lead)  # UTC+14 is a day ahead
    query = columns(
        col(ActionItem.id),
        col(ActionItem.due),
        col(ActionItem.owner_kind),
        col(ActionItem.owner_ref),
        col(ActionItem.area_key),
        col(ActionItem.snoozed_until),
    ).where(
        col(ActionItem.status) == OPEN,
        col(ActionItem.due).is_not(None),
        col(ActionItem.due) <= horizon,
        or_(col(ActionItem.snoozed_until).is_(None), col(ActionItem.snoozed_until) <= horizon),
    )
    found: dict[Recipient, list[Candidate]] = defaultdict(list)
    with db.session() as session:
        directory = Directory.load(session, committee_tz=tz, channel=channel)
        # Items assigned to one person whose current step they already got are skipped in
        # SQL: on most scans that is nearly every item, and none of them could be pending.
        zones = {r.tz for r in directory.by_user.values()} | {tz}
        opened = (_open_hours(Recipient("", zone, direct=True), now, config) for zone in zones)
        dialect = session.get_bind().dialect.name
        skip = _already_sent(dialect, {day for day in opened if day is not None}, config)
        if skip is not None:
            query = query.where(case((skip, 0), else_=1) == 1)
        rows = session.execute(query).all()
    today_of: dict[Recipient, date | None] = {}
    steps: dict[tuple[date, date], Step | None] = {}
    owners: dict[tuple[str, str | None, str | None], list[Recipient]] = {}
    for item_id, due, kind, ref, area, snoozed in rows:
        assert item_id is not None and due is not None
        owner = (kind, ref, area)
        if owner not in owners:
            owners[owner] = directory.for_item(kind=kind, ref=ref, area_key=area)
        for recipient in owners[owner]:
            if recipient not in today_of:
                today_of[recipient] = _open_hours(recipient, now, config)
            today = today_of[recipient]
            if today is None or (snoozed is not None and snoozed > today):
                continue
            if (due, today) not in steps:  # a few hundred distinct days among 100,000 items
                steps[due, today] = latest_step(
                    due=due,
                    today=today,
                    days_before=config.reminder_days_before,
                    overdue_every=config.overdue_every_days,
                )
            step = steps[due, today]
            if step is not None:
                key = reminder_key(item_id, due, step, recipient.to)
                found[recipient].append((key, item_id, step, due))
    return found


def _load_items(db: Database, ids: list[int]) -> tuple[dict[int, ActionItem], dict[int, list[str]]]:
    """The items a message will show, and their States (a few queries per 5,000 ids)."""
    with db.session() as session:
        items = {
            item.id: item
            for start in range(0, len(ids), IN_CHUNK)
            for item in session.exec(
                select(ActionItem).where(col(ActionItem.id).in_(ids[start : start + IN_CHUNK]))
            )
            if item.id is not None
        }
        return items, states_of(session=session, item_ids=ids)


REROUTES = 3  # a reminder whose recipient is gone tries the next in line, this many times


def scan_reminders(
    db: Database,
    outbox: Outbox,
    *,
    now: datetime,
    tz: ZoneInfo,
    channel: str | None,
    config: ScheduleConfig,
) -> None:
    """Send each due reminder once: one message per recipient, buttons under the first items.

    After a gap (the bot was down), a person may have hundreds of items due: every key is
    claimed and marked in a few set-based statements per chunk of recipients, but only the
    items the message can show (``shown``) are loaded and rendered; the rest are counted.
    When Slack says a recipient is gone (account_inactive, user_not_found...), the scan runs
    again at once: the directory now skips them, so their reminders reach the next in line.
    """
    for _ in range(REROUTES):
        gone = len(outbox.gone)
        _scan(db, outbox, now=now, tz=tz, channel=channel, config=config)
        outbox.flush_marks()
        if len(outbox.gone) == gone:
            return


def _scan(
    db: Database,
    outbox: Outbox,
    *,
    now: datetime,
    tz: ZoneInfo,
    channel: str | None,
    config: ScheduleConfig,
) -> None:
    found = find_due(db, now=now, tz=tz, channel=channel, config=config)
    pending = outbox.ledger.pending([c[0] for cands in found.values() for c in cands])
    todo = {
        r: sorted((c for c in cands if c[0] in pending), key=_soonest) for r, cands in found.items()
    }
    todo = {r: cands for r, cands in todo.items() if cands}
    recipients = list(todo)
    for start in range(0, len(recipients), CLAIM_CHUNK):
        chunk = recipients[start : start + CLAIM_CHUNK]
        owners = {c[0]: r.to for r in chunk for c in todo[r]}
        won = outbox.claim_many(job=JOB, recipients=owners)
        shown_ids = sorted({c[1] for r in chunk for c in _first_won(todo[r], won, r, now)})
        items, states = _load_items(db, shown_ids)
        try:
            for recipient in chunk:
                _send(outbox, recipient, todo[recipient], won, items, states, now=now)
        finally:
            outbox.flush_marks()  # before the next claim: a chunk never outlives its window


def _soonest(candidate: Candidate) -> tuple[date, int]:
    return candidate[3], candidate[1]


def _late(cands: list[Candidate], today: date) -> bool:
    """Did a step come while the bot was away (it fired before the recipient's today)?"""
    return any(c[2].fires_on < today for c in cands)


def _first_won(
    cands: list[Candidate], won: set[str], recipient: Recipient, now: datetime
) -> list[Candidate]:
    mine = [c for c in cands if c[0] in won]
    return mine[: shown(late=_late(mine, now.astimezone(recipient.tz).date()))]


def _send(
    outbox: Outbox,
    recipient: Recipient,
    cands: list[Candidate],
    won: set[str],
    items: dict[int, ActionItem],
    states: dict[int, list[str]],
    *,
    now: datetime,
) -> None:
    today = now.astimezone(recipient.tz).date()
    keys = [c[0] for c in cands]

    def render(won: set[str]) -> Reply:
        mine = [c for c in cands if c[0] in won]
        late = _late(mine, today)
        dues = [
            Due(key=key, item=items[item_id], states=states.get(item_id, []), step=step)
            for key, item_id, step, _ in mine[: shown(late=late)]
            if item_id in items
        ]
        return reminder_reply(
            dues, today=today, direct=recipient.direct, hidden=len(mine) - len(dues), late=late
        )

    # Each reminder in its reader's language (what Slack adds to it too); a channel gets the
    # committee's.
    with use_language(recipient.lang or current_language()):
        outbox.send_claimed(job=JOB, to=recipient.to, won=won, keys=keys, render=render)
