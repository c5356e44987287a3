"""What an import extracts from one minutes document: plain data, no database, no Slack."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from handlers.i18n import _, format_long_day
from handlers.i18n.formats import weekday_name
from handlers.people.owners import Owner


@dataclass(frozen=True)
class WeekdayConflict:
    """ "Wednesday 14 June" in minutes of 2019, where 14 June is a Friday: kept as data (what was
    written, the day read), said in the reader's language only when shown."""

    written: str
    day: date

    def text(self) -> str:
        return _(
            "“{written}” does not match the year {year} ({day} is a {weekday}); "
            "check the meeting date."
        ).format(
            written=self.written,
            year=self.day.year,
            day=format_long_day(self.day),
            weekday=weekday_name(self.day.weekday()),
        )


@dataclass(frozen=True)
class MeetingInfo:
    """A meeting named in the minutes: the one held, or the next one."""

    start: datetime
    end: datetime | None
    place: str | None
    conflict: WeekdayConflict | None = None  # a doubt worth showing, as data

    @property
    def note(self) -> str | None:
        """The doubt, in the reader's language (None when there is none)."""
        return self.conflict.text() if self.conflict else None


@dataclass(frozen=True)
class Attendee:
    """A delegation: a State (``iso3`` set) or an organisation, with the people listed under it."""

    name: str
    kind: str  # "state", "organisation" or "person" (someone listed without a delegation)
    iso3: str | None = None
    people: tuple[str, ...] = ()
    role: str | None = None
    written: str | None = None  # as the document wrote it ("Cluster Munition Coalition")


@dataclass(frozen=True)
class DraftItem:
    """A commitment read from one sentence; nothing is live until someone confirms it."""

    section: str
    text: str
    owner: Owner
    states: tuple[str, ...]
    area_key: str | None
    due: date | None
    due_note: str | None
    sentence: str


@dataclass(frozen=True)
class DraftContribution:
    """A contribution figure: one State's payment, a year's total, or one component of it."""

    section: str
    year: int
    amount_cents: int
    currency: str
    status: str  # "received" or "pledged"
    state_iso3: str | None = None
    component: str | None = None
    total: bool = False
    states_paid: int | None = None
    sentence: str = ""


@dataclass(frozen=True)
class DraftDeadline:
    """A treaty deadline mentioned in passing ("its Article 4 deadline of 1 November 2023")."""

    section: str
    state_iso3: str
    kind: str  # "article4", "article4_extension" (as in the reference data)
    due: date
    extended: bool
    sentence: str


@dataclass(frozen=True)
class Decision:
    """What the meeting decided, where the minutes say so; searchable once imported."""

    section: str
    text: str
    states: tuple[str, ...] = ()
    area_key: str | None = None


@dataclass
class MinutesExtract:
    """Everything one document yields, ready to show (summary, JSON) or to store as drafts."""

    document: str = "minutes"
    meeting: MeetingInfo | None = None
    next_meeting: MeetingInfo | None = None
    attendees: list[Attendee] = field(default_factory=list)
    apologies: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    items: list[DraftItem] = field(default_factory=list)
    contributions: list[DraftContribution] = field(default_factory=list)
    deadlines: list[DraftDeadline] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    title: str = ""

    @property
    def meeting_day(self) -> date | None:
        return self.meeting.start.date() if self.meeting else None
