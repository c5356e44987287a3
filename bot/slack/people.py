"""People on first contact: name and time zone from users.info, so reminders use the reader's clock."""

from __future__ import annotations

import logging
import threading
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

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
    return Person(slack_user_id=str(user["id"]), name=str(name), tz=user.get("tz") or None)


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
            query = select(Person.id).where(Person.slack_user_id == user_id)
            if session.exec(query).first() is not None:
                return
        info = self._client.users_info(user=user_id)
        person = person_from_profile(info["user"])
        with self._db.session(write=True) as session:
            again = select(Person).where(Person.slack_user_id == user_id)
            if session.exec(again).first() is None:
                session.add(person)
