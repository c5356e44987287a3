"""People on first contact, and who they are to Slack: name, time zone, locale, and the identity
facts (workspace owner or admin, guest, another organisation) that decide their rights.

The facts come from users.info and are cached briefly (FACTS_TTL_S): a demoted admin or a
deactivated guest loses their rights within minutes, without a Slack call on every command.
When Slack cannot say, the caller is treated as a guest: read only, fail closed. The time zone
lets reminders use the reader's clock; the locale (asked for with ``include_locale``) is the
reader's language until they choose one with `/ccm lang`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from handlers.i18n.reader import forget as forget_languages
from handlers.people.permissions import Caller
from storage.db import Database
from storage.models import Person

log = logging.getLogger(__name__)
FACTS_TTL_S = 300.0
FAILED_TTL_S = 30.0  # retry soon after Slack could not answer


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


def caller_from_profile(user: dict[str, Any], *, team_id: str | None) -> Caller:
    """users.info's `user` as identity facts (pure): who is trusted, who is a guest or outsider."""
    home = user.get("team_id")
    other_team = bool(team_id and home and home != team_id)
    teams = user.get("enterprise_user", {}).get("teams") if user.get("enterprise_user") else None
    if other_team and teams and team_id in teams:
        other_team = False  # an Enterprise Grid member of our workspace, homed elsewhere
    guest = bool(user.get("is_restricted") or user.get("is_ultra_restricted"))
    outsider = other_team or bool(user.get("is_stranger"))
    admin = bool(user.get("is_owner") or user.get("is_admin") or user.get("is_primary_owner"))
    active = not user.get("deleted") and not user.get("is_bot")
    return Caller(
        user=str(user.get("id")),
        workspace_admin=admin and active and not guest and not outsider,
        guest=guest or not active,
        outsider=outsider,
    )


class People:
    """Upserts a Person the first time a Slack user shows up, and caches identity facts."""

    def __init__(
        self,
        db: Database,
        client: WebClient,
        *,
        team_id: str | None = None,
        install_admins: frozenset[str] = frozenset(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._db = db
        self._client = client
        self._team_id = team_id
        self._install_admins = install_admins
        self._clock = clock
        self._known: set[str] = set()
        self._facts: dict[str, tuple[float, Caller]] = {}
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

    def caller(self, user_id: str, *, user_team: str | None = None) -> Caller:
        """Identity facts for ``user_id`` (cached); ``user_team`` is what the request itself said."""
        facts = self._cached(user_id)
        if facts is None:
            facts = self._fetch(user_id)
        if user_team and self._team_id and user_team != self._team_id:
            facts = Caller(user_id, guest=facts.guest, outsider=True)  # the request says so
        if user_id in self._install_admins:
            facts = Caller(
                user_id,
                workspace_admin=facts.workspace_admin,
                guest=facts.guest,
                outsider=facts.outsider,
                installer=True,
            )
        return facts

    def forget(self, user_id: str) -> None:
        with self._lock:
            self._facts.pop(user_id, None)

    def _cached(self, user_id: str) -> Caller | None:
        with self._lock:
            found = self._facts.get(user_id)
        if found is None or found[0] < self._clock():
            return None
        return found[1]

    def _fetch(self, user_id: str) -> Caller:
        try:
            self._profile(user_id)
        except (SlackApiError, OSError, KeyError, TypeError) as problem:
            log.warning("users.info failed for %s (%s): read only for now", user_id, problem)
            with self._lock:
                self._facts[user_id] = (self._clock() + FAILED_TTL_S, Caller(user_id, guest=True))
        return self._cached(user_id) or Caller(user_id, guest=True)

    def _profile(self, user_id: str) -> dict[str, Any]:
        """One users.info call feeds both the roster entry and the identity facts cache."""
        user = dict(self._client.users_info(user=user_id, include_locale=True)["user"])
        facts = caller_from_profile(user, team_id=self._team_id)
        with self._lock:
            self._facts[user_id] = (self._clock() + FACTS_TTL_S, facts)
        return user

    def _upsert(self, user_id: str) -> None:
        with self._db.session() as session:
            query = select(Person.id, Person.slack_locale).where(Person.slack_user_id == user_id)
            row = session.exec(query).first()
        if row is not None and row[1]:
            return  # known, with their locale cached: no call to Slack
        person = person_from_profile(self._profile(user_id))
        with self._db.session(write=True) as session:
            again = session.exec(select(Person).where(Person.slack_user_id == user_id)).first()
            if again is None:
                session.add(person)
            elif again.slack_locale is None and person.slack_locale:
                again.slack_locale = person.slack_locale  # someone added by hand: learn the locale
        forget_languages(self._db.url)  # the new locale counts from this person's next answer
