"""The reader's language from the roster: `/ccm lang` first, then the Slack profile's locale.

Every command needs it, so each process keeps the roster's languages in memory (people with a
choice or a known locale: a small map), read again at most every ``CHECK_EVERY_S`` seconds and
at once after this process changes one. A choice made through another replica is seen within
that delay; the command that makes a choice answers in it straight away.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field

from sqlalchemy.engine import make_url
from sqlmodel import Session, col, or_, select

from handlers.i18n.choice import choose
from storage.models import Person

_SLACK_ID = re.compile(r"[UW][A-Z0-9]{2,}")
CHECK_EVERY_S = 2.0
Known = tuple[str | None, str | None]  # (chosen language, Slack locale)


@dataclass
class _Languages:
    by_user: dict[str, Known] = field(default_factory=dict)
    loaded_at: float = float("-inf")


_caches: dict[str, _Languages] = {}
_lock = threading.Lock()


def _key(session: Session) -> str:
    return str(session.get_bind().engine.url)


def _load(session: Session) -> dict[str, Known]:
    query = select(Person.slack_user_id, Person.name, Person.language, Person.slack_locale).where(
        or_(col(Person.language).is_not(None), col(Person.slack_locale).is_not(None))
    )
    found: dict[str, Known] = {}
    for slack_id, name, language, locale in session.exec(query):
        found.setdefault(name, (language, locale))
        if slack_id:
            found[slack_id] = (language, locale)  # an id wins over a homonym's name
    return found


def language_of(session: Session, user: str, *, default: str) -> str:
    """The person's stored choice, else their Slack locale, else ``default`` (from memory)."""
    key, now = _key(session), time.monotonic()
    with _lock:
        cache = _caches.setdefault(key, _Languages())
        fresh = now - cache.loaded_at < CHECK_EVERY_S
    if not fresh:
        loaded = _load(session)
        with _lock:
            cache.by_user, cache.loaded_at = loaded, now
    stored, slack_locale = cache.by_user.get(user, (None, None))
    return choose(stored=stored, slack_locale=slack_locale, default=default)


def forget(url: str) -> None:
    """Someone's language or locale changed in this process: read them again next time."""
    with _lock:
        cache = _caches.get(str(make_url(url)))
        if cache is not None:
            cache.loaded_at = float("-inf")


def _person(session: Session, user: str) -> Person | None:
    query = select(Person).where((Person.slack_user_id == user) | (Person.name == user))
    return session.exec(query.limit(1)).first()


def set_language(session: Session, user: str, lang: str | None) -> Person:
    """Store (or, with None, forget) a person's choice; someone new joins the roster as a member."""
    person = _person(session, user)
    if person is None:
        slack_id = user if _SLACK_ID.fullmatch(user) else None
        person = Person(slack_user_id=slack_id, name=user)
    person.language = lang
    session.add(person)
    session.flush()
    key = _key(session)
    with _lock:  # write through: this process answers in the new language at once
        cache = _caches.setdefault(key, _Languages())
        cache.by_user[user] = (lang, person.slack_locale)
    return person
