"""Who receives a reminder: the assignee, else the owning State's or area's people, else the channel.

Loaded once per scan into dictionaries, so resolving 100,000 items costs lookups, not queries.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, col, select

from handlers.i18n.choice import normalize
from schedules import sentlog
from storage.models import Coordinator, Person

SLACK_USER = re.compile(r"[UW][A-Z0-9]{2,}")


@dataclass(frozen=True)
class Recipient:
    """A Slack destination, its wall clock, whether it is a person (quiet hours apply), its language.

    ``lang`` is the person's own (``/ccm lang`` or Slack's locale); None means the committee's.
    """

    to: str
    tz: ZoneInfo
    direct: bool
    lang: str | None = field(default=None, compare=False)


def _cycle_rank(cycle: str) -> tuple[int, str]:
    """'10MSP' after '9MSP': the leading number decides, the text breaks ties."""
    digits = re.match(r"\d+", cycle)
    return (int(digits.group()) if digits else -1, cycle)


@dataclass
class Directory:
    """Everyone reachable, indexed the ways reminders look them up."""

    committee_tz: ZoneInfo
    channel: str | None
    by_user: dict[str, Recipient] = field(default_factory=dict)
    by_state: dict[str, list[Recipient]] = field(default_factory=lambda: defaultdict(list))
    by_role: dict[str, list[Recipient]] = field(default_factory=lambda: defaultdict(list))
    area_states: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    gone: set[str] = field(default_factory=set)
    person_states: dict[str, str | None] = field(default_factory=dict)  # of the gone

    @classmethod
    def load(cls, session: Session, *, committee_tz: ZoneInfo, channel: str | None) -> Directory:
        directory = cls(committee_tz=committee_tz, channel=channel)
        zones: dict[str | None, ZoneInfo] = {}
        gone = sentlog.unreachable(session)
        directory.gone = gone
        if channel in gone:
            directory.channel = None
        people = session.exec(select(Person).where(col(Person.slack_user_id).is_not(None)))
        for person in people:
            assert person.slack_user_id is not None
            if person.slack_user_id in gone:
                directory.person_states[person.slack_user_id] = person.state_iso3
                continue  # Slack says they are gone: their reminders go to the next in line
            if person.tz not in zones:
                zones[person.tz] = _zone(person.tz, committee_tz)
            lang = normalize(person.language) or normalize(person.slack_locale)
            recipient = Recipient(person.slack_user_id, zones[person.tz], direct=True, lang=lang)
            directory.by_user[person.slack_user_id] = recipient
            if person.state_iso3:
                directory.by_state[person.state_iso3].append(recipient)
            directory.by_role[person.role.lower()].append(recipient)
            isu = (person.organisation or "").strip().lower() in {"isu", "isu-ccm", "the isu"}
            if isu and recipient not in directory.by_role["isu"]:
                directory.by_role["isu"].append(recipient)
        rows = list(session.exec(select(Coordinator)))
        if rows:
            current = max((row.cycle for row in rows), key=_cycle_rank)
            for row in rows:
                if row.cycle == current:
                    directory.area_states[row.area_key].append(row.state_iso3)
        return directory

    def user(self, user_id: str) -> Recipient:
        """A Slack user, in their own zone when we know it, else the committee's."""
        return self.by_user.get(user_id) or Recipient(user_id, self.committee_tz, direct=True)

    def channel_recipient(self) -> list[Recipient]:
        if not self.channel:
            return []
        return [Recipient(self.channel, self.committee_tz, direct=False)]

    def for_states(self, iso3s: list[str]) -> list[Recipient]:
        found: dict[str, Recipient] = {}
        for iso3 in iso3s:
            for recipient in self.by_state.get(iso3, ()):
                found.setdefault(recipient.to, recipient)
        return list(found.values())

    def for_area(self, area_key: str | None) -> list[Recipient]:
        return self.for_states(self.area_states.get(area_key or "", []))

    def role(self, role: str) -> list[Recipient]:
        return list(self.by_role.get(role, []))

    def for_item(self, *, kind: str, ref: str | None, area_key: str | None) -> list[Recipient]:
        """Assignee, else the owning State's people, else the area's coordinators, else the channel."""
        chain: list[list[Recipient]] = []
        if kind == "person" and ref and SLACK_USER.fullmatch(ref):
            if ref not in self.gone:
                return [self.user(ref)]
            # Gone from Slack: their State's delegates, then the area's coordinators, the channel.
            state = self.person_states.get(ref)
            chain.append(self.for_states([state] if state else []))
        if kind in {"state", "states"} and ref:
            chain.append(self.for_states([part.strip() for part in ref.split(",")]))
        if kind == "area":
            chain.append(self.for_area(ref or area_key))
        if kind in {"presidency", "isu"}:
            chain.append(self.role(kind))
        chain.append(self.for_area(area_key))
        for recipients in chain:
            if recipients:
                return recipients
        return self.channel_recipient()


def _zone(name: str | None, default: ZoneInfo) -> ZoneInfo:
    """Slack's tz name for the person; an unknown or missing one falls back to Geneva."""
    if not name:
        return default
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return default
