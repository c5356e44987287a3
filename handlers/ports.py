"""The ports the domain needs from outside: a clock, a database, somewhere to send messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, Protocol, runtime_checkable
from zoneinfo import ZoneInfo

from sqlmodel import Session

from handlers.people.permissions import Actor, Caller, actor_for
from handlers.reference.states import StateDirectory
from storage.db import Database
from storage.reference import Reference, ReferenceCache, load_reference

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, timezone-aware in UTC: the only clock production uses."""
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    """A clock stopped at ``moment`` (for ``--at``, scripts and tests)."""
    if moment.tzinfo is None:
        raise ValueError("a fixed clock needs a timezone-aware moment")
    return lambda: moment


class Notifier(Protocol):
    """Where scheduled jobs send messages: Slack in production, a recorder in tests."""

    def send(self, *, to: str, text: str, blocks: list[dict[str, Any]]) -> str | None: ...


class Undeliverable(RuntimeError):
    """Slack refused a send for good (user_not_found, account_inactive, channel_not_found...):
    retrying cannot help. ``recipient_gone``: the destination itself is unreachable, so its
    messages should go to the next person in line."""

    def __init__(self, code: str, *, recipient_gone: bool) -> None:
        super().__init__(code)
        self.code = code
        self.recipient_gone = recipient_gone


@runtime_checkable
class ChannelFacts(Protocol):
    """A notifier that can tell whether a channel is shared with another organisation."""

    def shares_outside(self, channel: str) -> bool: ...


def shared_outside(notifier: object, channel: str) -> bool:
    """True when ``channel`` is read by another organisation (money must not go there)."""
    return isinstance(notifier, ChannelFacts) and notifier.shares_outside(channel)


@dataclass
class Deps:
    """Everything a command or job needs, handed in so tests control each piece."""

    db: Database
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Zurich"))
    clock: Clock = system_clock
    states: StateDirectory = field(default_factory=StateDirectory.default)
    digest_channel: str | None = None
    public_url: str | None = None  # CCM_PUBLIC_URL: where people reach `serve` (calendar feeds)
    language: str = "en"  # the committee's default (CCM_LANGUAGE): channel digests use it
    # CCM_ADMINS: Slack user ids trusted to change things before the roster names an ISU admin.
    install_admins: frozenset[str] = frozenset()


@dataclass
class Ctx:
    """One command's world: its session, its moment, who asked."""

    session: Session
    now: datetime
    tz: ZoneInfo
    user: str
    states: StateDirectory
    source: str | None = None
    public_url: str | None = None
    lang: str = "en"  # the reader's language; replies are written in it (see handlers.i18n)
    caller: Caller | None = None  # what the transport knows; None: a plain member
    reference_cache: ReferenceCache | None = None  # the process's; None reads them afresh

    @cached_property
    def reference(self) -> Reference:
        """States, treaty deadlines, coordinators, contributions: from memory when possible."""
        if self.reference_cache is None:
            return load_reference(self.session)
        return self.reference_cache.get(self.session)

    @property
    def sees_private(self) -> bool:
        """Contributions, history, roster: hidden only from guests and outsiders the roster
        does not name (no query at all for everyone else)."""
        who = self.caller
        if who is None or not (who.guest or who.outsider):
            return True
        return self.actor.sees_private

    @cached_property
    def actor(self) -> Actor:
        """Who is asking, with their role from the roster (looked up once per command)."""
        return actor_for(self.session, self.user, self.caller)

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.tz)

    @property
    def today(self) -> date:
        return self.local_now.date()
