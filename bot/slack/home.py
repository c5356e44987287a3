"""Publish a user's Home tab: read what it shows in one session, then views.publish."""

from __future__ import annotations

from datetime import timedelta

from slack_sdk import WebClient
from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.slack.home_view import MAX_MINE, home_view
from handlers.i18n import use_language
from handlers.i18n.reader import language_of
from handlers.ports import Deps
from storage.items import OPEN
from storage.meetings import next_meeting
from storage.models import ActionItem

WEEK_LIMIT = 20


def _mine(session: Session, user: str) -> tuple[list[ActionItem], int]:
    where = (
        ActionItem.status == OPEN,
        ActionItem.owner_kind == "person",
        ActionItem.owner_ref == user,
    )
    total = session.exec(select(func.count()).select_from(ActionItem).where(*where)).one()
    # Overdue first falls out of due order; undated items go last.
    order = (col(ActionItem.due).is_(None), col(ActionItem.due), col(ActionItem.id))
    return list(
        session.exec(select(ActionItem).where(*where).order_by(*order).limit(MAX_MINE))
    ), total


def build_home(deps: Deps, user: str) -> dict[str, object]:
    """The Home view for ``user`` as of the deps' clock."""
    now = deps.clock()
    today = now.astimezone(deps.tz).date()
    sunday = today + timedelta(days=6 - today.weekday())
    with deps.db.session() as session:
        mine, total = _mine(session, user)
        week_query = (
            select(ActionItem)
            .where(ActionItem.status == OPEN, col(ActionItem.due) >= today)
            .where(col(ActionItem.due) <= sunday)
            .order_by(col(ActionItem.due), col(ActionItem.id))
        )
        week = list(session.exec(week_query.limit(WEEK_LIMIT)))
        meeting = next_meeting(session=session, after=now)
        lang = language_of(session, user, default=deps.language)
    with use_language(lang):  # Home speaks its reader's language
        return home_view(
            mine=mine, mine_total=total, week=week, meeting=meeting, today=today, tz=deps.tz
        )


def publish_home(client: WebClient, deps: Deps, user: str) -> None:
    client.views_publish(user_id=user, view=build_home(deps, user))
