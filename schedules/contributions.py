"""The contributions reminder: after the set date, tell the ISU which States Parties have not paid."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.dates.reading import format_day
from handlers.i18n import _, current_language, ngettext, state_label, use_language
from handlers.ports import shared_outside
from handlers.reply.reply import Reply, context, section
from schedules.config import ScheduleConfig
from schedules.outbox import Outbox
from schedules.recipients import Directory, Recipient
from schedules.split import line_sections
from schedules.steps import dm_allowed, local_at
from storage.contributions import year_summary
from storage.db import Database

JOB = "contributions_reminder"


def unpaid_states(db: Database, *, year: int) -> list[str]:
    """States Parties in ``year`` with no contribution received by name (same rule as the
    `contributions` command: payers only reported as a total are not known by name)."""
    with db.session() as session:
        unpaid = year_summary(session=session, year=year).unpaid
        return [state_label(state.iso3, state.short) for state in unpaid]


def _reachable(recipient: Recipient, now: datetime, config: ScheduleConfig) -> bool:
    local = now.astimezone(recipient.tz)
    if now < local_at(local.date(), config.reminder_time, recipient.tz):
        return False
    return not recipient.direct or dm_allowed(
        local,
        quiet_start=config.quiet_start,
        quiet_end=config.quiet_end,
        skip_weekends=config.skip_weekends,
    )


def contributions_reminder(
    db: Database,
    outbox: Outbox,
    *,
    now: datetime,
    tz: ZoneInfo,
    channel: str | None,
    config: ScheduleConfig,
) -> None:
    """Once a year, the day after the date: to ISU people (role or organisation), else the channel."""
    year = now.astimezone(tz).year
    month, day = config.contributions_due
    by = date(year, month, min(day, 28) if month == 2 else day)
    if now < local_at(by + timedelta(days=1), config.reminder_time, tz):
        return
    with db.session() as session:
        directory = Directory.load(session, committee_tz=tz, channel=channel)
    recipients = directory.role("isu") or [
        r for r in directory.channel_recipient() if not shared_outside(outbox.notifier, r.to)
    ]  # who has not paid is never posted where another organisation reads
    todo = [r for r in recipients if _reachable(r, now, config)]
    keys = {r.to: f"{JOB}:{year}:{r.to}" for r in todo}
    pending = outbox.ledger.pending(list(keys.values()))
    todo = [r for r in todo if keys[r.to] in pending]
    if not todo:
        return
    if not unpaid_states(db, year=year):
        return
    for recipient in todo:
        with use_language(recipient.lang or current_language()):  # each ISU reader's language
            reply = _unpaid_reply(unpaid_states(db, year=year), year=year, by=by)
            outbox.send_once(job=JOB, to=recipient.to, key=keys[recipient.to], reply=reply)


def _unpaid_reply(unpaid: list[str], *, year: int, by: date) -> Reply:
    intro = ":moneybag: " + ngettext(
        "{count} State Party had not paid its {year} contribution by {day}.",
        "{count} States Parties had not paid their {year} contribution by {day}.",
        len(unpaid),
    ).format(count=len(unpaid), year=year, day=format_day(by))
    blocks = [section(intro), *line_sections(_("Not received yet"), unpaid)]
    blocks.append(
        context(_("Reminder letters go from the ISU; record payments with `/ccm contributions`."))
    )
    return Reply(text=f"{intro} " + ", ".join(unpaid), blocks=blocks)
