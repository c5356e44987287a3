"""Slack surfaces (Home, modals, buttons' answers) in the language of the person looking at them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from handlers.i18n import use_language
from handlers.i18n.reader import language_of
from handlers.ports import Deps


def reader_language(deps: Deps, user: str | None) -> str:
    """The user's language (their choice, else their Slack locale), else the committee's."""
    if not user:
        return deps.language
    with deps.db.session() as session:
        return language_of(session, user, default=deps.language)


@contextmanager
def speaking_to(deps: Deps, user: str | None) -> Iterator[str]:
    """Write everything inside in ``user``'s language (a context variable: per thread)."""
    with use_language(reader_language(deps, user)) as lang:
        yield lang
