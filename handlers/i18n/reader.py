"""The reader's language from the roster: `/ccm lang` first, then the Slack profile's locale."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from handlers.i18n.choice import choose
from storage.models import Person

_SLACK_ID = re.compile(r"[UW][A-Z0-9]{2,}")


def _person(session: Session, user: str) -> Person | None:
    query = select(Person).where((Person.slack_user_id == user) | (Person.name == user))
    return session.exec(query.limit(1)).first()


def language_of(session: Session, user: str, *, default: str) -> str:
    """One small read: the person's stored choice, else their Slack locale, else ``default``."""
    query = (
        select(Person.language, Person.slack_locale)
        .where((Person.slack_user_id == user) | (Person.name == user))
        .limit(1)
    )
    row = session.exec(query).first() if user else None
    stored, slack_locale = (row[0], row[1]) if row else (None, None)
    return choose(stored=stored, slack_locale=slack_locale, default=default)


def set_language(session: Session, user: str, lang: str | None) -> Person:
    """Store (or, with None, forget) a person's choice; someone new joins the roster as a member."""
    person = _person(session, user)
    if person is None:
        slack_id = user if _SLACK_ID.fullmatch(user) else None
        person = Person(slack_user_id=slack_id, name=user)
    person.language = lang
    session.add(person)
    session.flush()
    return person
