"""Correct an import's meeting date before confirming: the minutes are read again against the
new date (relative due dates, dates without a year), the old drafts are discarded and the new
ones filed under the new day. Nothing confirmed is ever touched."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from handlers.i18n import _, format_long_day
from handlers.minutes.drafts import discard, store_drafts
from handlers.minutes.extract import extract
from handlers.minutes.model import MinutesExtract
from handlers.reference.states import StateDirectory
from storage.models import MinutesImport


class RedateRefused(ValueError):
    """Why the date cannot be changed (for the user); nothing was changed."""


@dataclass(frozen=True)
class Redated:
    found: MinutesExtract
    ids: list[int]


def redate(
    session: Session,
    *,
    old_day: date,
    new_day: date,
    tz: ZoneInfo,
    states: StateDirectory,
    actor: str,
    now: datetime,
) -> Redated:
    """Re-read the draft import filed under ``old_day`` as a meeting held on ``new_day``."""
    record = session.exec(
        select(MinutesImport).where(MinutesImport.key == f"cc:{old_day.isoformat()}")
    ).first()
    if record is None:
        raise RedateRefused(_("I no longer have this import; share the file again to import it."))
    if record.status == "confirmed":
        raise RedateRefused(_("This import is already confirmed; its date can no longer change."))
    payload: dict[str, Any] = json.loads(record.payload or "{}")
    text = payload.get("text")
    if not isinstance(text, str):
        raise RedateRefused(_("This import was stored without its text; share the file again."))
    if new_day != old_day:
        clash = session.exec(
            select(MinutesImport).where(MinutesImport.key == f"cc:{new_day.isoformat()}")
        ).first()
        if clash is not None and clash.status == "confirmed":
            raise RedateRefused(
                _("Minutes of {day} are already imported and confirmed; nothing changed.").format(
                    day=format_long_day(new_day)
                )
            )
    found = extract(
        text, now=now, tz=tz, states=states, document=record.document, meeting_day=new_day
    )
    if new_day != old_day:
        discard(session, "all", actor=actor, now=now, day=old_day)
        session.delete(record)
        session.flush()
    ids = store_drafts(session, found, actor=actor, now=now, text=text)
    return Redated(found=found, ids=ids)
