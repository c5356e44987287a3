"""People on first contact: name, time zone and locale from users.info.

The time zone lets reminders use the reader's clock; the locale (asked for with
``include_locale``) is the reader's language until they choose one with `/ccm lang`.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from handlers.i18n.reader import forget
from storage.db import Database
from storage.models import Person

log = logging.getLogger(__name__)


def person_from_profile(user: dict[str, Any]) -> Person:
    """users.info's `user` object as a Person (pure; Slack's fields vary by plan and privacy)."""
    profile = user.get("profile") or {}
    name = (
        profile.get("real_name")
        or user.get("real_name")
        or profile.get("display_name")
        or user.get("name")
        or str(user.get("id"))
    )
    locale = user.get("locale")
    return Person(
        slack_user_id=str(user["id"]),
        name=str(name),
        tz=user.get("tz") or None,
        slack_locale=str(locale)[:16] if locale else None,
    )


class People:
    """Upserts a Person the first time a Slack user shows up; remembers who it has seen."""

    def __init__(self, db: Database, client: WebClient) -> None:
        self._db = db
        self._client = client
        self._known: set[str] = set()
        self._lock = threading.Lock()

    def ensure(self, user_id: str | None) -> None:
        """Never raises: a missing profile must not cost anyone their command."""
        if not user_id or user_id[:1] not in ("U", "W"):
            return
        with self._lock:
            if user_id in self._known:
                return
        try:
            self._upsert(user_id)
        except (SlackApiError, OSError, IntegrityError) as problem:
            log.warning("could not record Slack user %s: %s", user_id, problem)
            return
        with self._lock:
            self._known.add(user_id)

    def _upsert(self, user_id: str) -> None:
        with self._db.session() as session:
            query = select(Person.id, Person.slack_locale).where(Person.slack_user_id == user_id)
            row = session.exec(query).first()
        if row is not None and row[1]:
            return  # known, with their locale cached: no call to Slack
        info = self._client.users_info(user=user_id, include_locale=True)
        person = person_from_profile(info["user"])
        with self._db.session(write=True) as session:
            again = session.exec(select(Person).where(Person.slack_user_id == user_id)).first()
            if again is None:
                session.add(person)
            elif again.slack_locale is None and person.slack_locale:
                again.slack_locale = person.slack_locale  # someone added by hand: learn the locale
        forget(self._db.url)  # the new locale counts from this person's next answer
