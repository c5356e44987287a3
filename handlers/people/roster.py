"""The roster: who holds which role, kept in Person rows (bootstrapped from the CLI, then in Slack)."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func
from sqlmodel import Session, col, select

from handlers.i18n import N_, _
from handlers.people.permissions import ROLE_LABELS, ROLES
from handlers.reply.text import escape
from storage.models import Person

_ROLE_WORDS = {
    "isu": "isu",
    "isu-admin": "isu",
    "isu_admin": "isu",
    "admin": "isu",
    "secretariat": "isu",
    "presidency": "presidency",
    "president": "presidency",
    "coordinator": "coordinator",
    "coordinators": "coordinator",
    "member": "member",
    "observer": "observer",
}
_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")


_LAST_ADMIN = N_(
    "That is the last ISU admin: name another one first (`roster add @someone isu`), "
    "so the bot never falls back to having no admin."
)


class RosterError(ValueError):
    """A roster change that cannot be made; the message says why."""


def role_from_word(word: str) -> str:
    role = _ROLE_WORDS.get(word.lower().strip())
    if role is None:
        raise RosterError(
            _("“{word}” is not a role; use one of: {roles}.").format(
                word=escape(word), roles=", ".join(ROLES)
            )
        )
    return role


_USER_ID = re.compile(r"[UW][A-Z0-9]+")
_TYPED_ID = re.compile(r"[UW][A-Z0-9]{8,}")  # as Slack issues them; "UK" is a word, not an id


def is_user_id(word: str) -> bool:
    return _USER_ID.fullmatch(word) is not None


def user_key(word: str, *, me: str | None = None) -> str | None:
    """A Slack mention, a typed member id or "me" as a user id; None for a name, which the
    roster refuses: a name is chosen by its holder and identifies nobody."""
    match = _MENTION.match(word.strip())
    if match:
        return match[1]
    if me and word.strip().lower() in {"me", "myself"}:
        return me
    return word.strip() if _TYPED_ID.fullmatch(word.strip()) else None


def find_person(session: Session, user: str) -> Person | None:
    """The roster entry of a Slack user id (never looked up by name)."""
    if not is_user_id(user):
        return None
    return session.exec(select(Person).where(Person.slack_user_id == user)).first()


def _admins(session: Session) -> int:
    query = select(func.count()).select_from(Person).where(Person.role == "isu")
    return int(session.exec(query).one())


def set_role(
    session: Session,
    *,
    user: str,
    role: str,
    state_iso3: str | None = None,
    organisation: str | None = None,
    name: str | None = None,
    tz: str | None = None,
) -> tuple[Person, str | None]:
    """Create or update a roster entry; returns the person and their previous role."""
    if not is_user_id(user):
        raise RosterError(
            f"“{escape(user)}” is not a Slack user: name people with a mention (@name) or a "
            "user id (U…), never by their name."
        )
    if role not in ROLES:
        raise RosterError(
            _("“{word}” is not a role; use one of: {roles}.").format(
                word=escape(role), roles=", ".join(ROLES)
            )
        )
    if tz is not None:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError) as problem:
            raise RosterError(
                _("“{tz}” is not a time zone; use an IANA name such as Europe/Zurich.").format(
                    tz=escape(tz)
                )
            ) from problem
    if role == "coordinator" and not (
        state_iso3 or (find_person(session, user) or Person(name="")).state_iso3
    ):
        raise RosterError(
            _("A coordinator speaks for a State: add the State, e.g. `coordinator Italy`.")
        )
    person = find_person(session, user)
    previous = person.role if person else None
    if person is not None and previous == "isu" and role != "isu" and _admins(session) <= 1:
        raise RosterError(_LAST_ADMIN)
    if person is None:
        person = Person(slack_user_id=user, name=name or user)
    person.role = role
    person.listed = True
    if state_iso3:
        person.state_iso3 = state_iso3
    if organisation:
        person.organisation = organisation
    if name:
        person.name = name
    if tz:
        person.tz = tz
    session.add(person)
    session.flush()
    return person, previous


def remove(session: Session, *, user: str) -> Person:
    """Take someone's role away (they become a member); people are never deleted: history refers to them."""
    person = find_person(session, user)
    if person is None or (person.role == "member" and not person.listed):
        raise RosterError(
            _("{who} holds no role on the roster; nothing changed.").format(who=escape(user))
        )
    if person.role == "isu" and _admins(session) <= 1:
        raise RosterError(_(_LAST_ADMIN))
    person.role = "member"
    person.listed = False
    session.add(person)
    return person


def entries(session: Session) -> list[Person]:
    """Everyone the roster knows, members included, grouped by role."""
    query = select(Person).order_by(col(Person.role), col(Person.name))
    return list(session.exec(query))


def describe(person: Person) -> str:
    where = person.state_iso3 or person.organisation or ""
    role = _(ROLE_LABELS[person.role]) if person.role in ROLE_LABELS else person.role
    return f"{role}{f' ({where})' if where else ''}"
