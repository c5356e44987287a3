"""Every table of the committee's store, in one module so relationships never import in circles."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


def _ts(*, nullable: bool = False, index: bool = False) -> datetime:
    """A timezone-aware timestamp column (a fresh Column per use, as SQLAlchemy requires)."""
    column: Column[datetime] = Column(UTCDateTime(), nullable=nullable, index=index)
    return Field(default=None, sa_column=column)  # type: ignore[no-any-return]


class State(SQLModel, table=True):
    """A State with its CCM status; facts carry the source they came from."""

    iso3: str = Field(primary_key=True, max_length=3)
    name: str
    short: str
    ccm_status: str = Field(default="not party", index=True)
    signed: date | None = None
    ratified: date | None = None
    instrument: str | None = None
    entry_into_force: date | None = None
    withdrawn_on: date | None = None
    article3: str | None = None
    article4: str | None = None
    source: str | None = None


class ThematicArea(SQLModel, table=True):
    """A thematic area of the Committee's work (Universalization, Victim Assistance, ...)."""

    key: str = Field(primary_key=True)
    name: str


class Coordinator(SQLModel, table=True):
    """A State coordinating an area during one MSP cycle (e.g. '7MSP')."""

    __table_args__ = (UniqueConstraint("area_key", "state_iso3", "cycle"),)
    id: int | None = Field(default=None, primary_key=True)
    area_key: str = Field(foreign_key="thematicarea.key", index=True)
    state_iso3: str = Field(foreign_key="state.iso3", index=True)
    cycle: str


class Person(SQLModel, table=True):
    """Someone the bot can remind: a Slack user with a State or organisation and a time zone.

    Identity is ``slack_user_id`` alone (unique); ``name`` is for display and never matched.
    """

    id: int | None = Field(default=None, primary_key=True)
    slack_user_id: str | None = Field(default=None, unique=True)
    name: str
    state_iso3: str | None = Field(default=None, foreign_key="state.iso3")
    organisation: str | None = None
    role: str = "member"
    tz: str | None = None
    # Output language: `/ccm lang` sets ``language``; ``slack_locale`` caches users.info's locale.
    language: str | None = Field(default=None, max_length=8)
    slack_locale: str | None = Field(default=None, max_length=16)
    # An admin named them in the roster (a guest or outsider listed there is no longer an observer).
    listed: bool = False
    # Set by migration 0006 when the stored name reads like a State, an area or a user id.
    name_clash: str | None = None


class ActionItem(SQLModel, table=True):
    """A commitment: who does what by when, where it was said, and whether it is done."""

    __table_args__ = (
        Index("ix_actionitem_status_due", "status", "due"),
        Index("ix_actionitem_owner_status", "owner_kind", "owner_ref", "status"),
        Index("ix_actionitem_area_status", "area_key", "status"),
        # Covering for "a State's open items, soonest first": the join from itemstate reads
        # (id, status, due) here instead of whole rows, and only the shown rows are fetched.
        Index("ix_actionitem_id_status_due", "id", "status", "due"),
    )
    id: int | None = Field(default=None, primary_key=True)
    text: str
    owner: str
    owner_kind: str
    owner_ref: str | None = None
    area_key: str | None = Field(default=None, foreign_key="thematicarea.key")
    due: date | None = None
    due_at: datetime | None = _ts(nullable=True)
    due_note: str | None = None
    status: str = "open"
    snoozed_until: date | None = None
    created_at: datetime = _ts()
    updated_at: datetime = _ts()
    created_by: str | None = None
    source: str | None = None
    section: str | None = None
    import_key: str | None = Field(default=None, unique=True, index=True)


class ItemState(SQLModel, table=True):
    """An item's related States, one row each, so 'everything about Botswana' is one index scan."""

    __table_args__ = (Index("ix_itemstate_iso3_item", "iso3", "item_id"),)
    item_id: int = Field(foreign_key="actionitem.id", primary_key=True, ondelete="CASCADE")
    iso3: str = Field(primary_key=True, max_length=3)


class ItemEvent(SQLModel, table=True):
    """The change history of an item: who did what to it, and when."""

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="actionitem.id", index=True, ondelete="CASCADE")
    at: datetime = _ts()
    actor: str
    action: str
    detail: str = ""


class Meeting(SQLModel, table=True):
    """A CC meeting, MSP, intersessional or seminar."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="cc", index=True)
    title: str
    start: datetime = _ts(index=True)
    end: datetime | None = _ts(nullable=True)
    place: str | None = None
    import_key: str | None = Field(default=None, unique=True, index=True)


class Contribution(SQLModel, table=True):
    """Money for the ISU: amounts in cents, pledged apart from received."""

    __table_args__ = (Index("ix_contribution_year_status", "year", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    state_iso3: str | None = Field(default=None, foreign_key="state.iso3", index=True)
    year: int
    # 64-bit: CHF 21,474,836.47 is the most a 32-bit count of cents holds.
    amount_cents: int = Field(sa_column=Column(BigInteger(), nullable=False))
    currency: str = "CHF"
    status: str = "received"
    on: date | None = None
    component: str | None = None
    note: str | None = None
    source: str | None = None
    created_at: datetime = _ts()
    import_key: str | None = Field(default=None, unique=True, index=True)


class TreatyDeadline(SQLModel, table=True):
    """A treaty obligation's date: Article 3 or 4 deadline, extension, Article 7 report."""

    id: int | None = Field(default=None, primary_key=True)
    state_iso3: str = Field(foreign_key="state.iso3", index=True)
    kind: str
    due: date = Field(index=True)
    completed: bool = False
    note: str | None = None
    source: str | None = None
    import_key: str | None = Field(default=None, unique=True, index=True)


class ReferenceStamp(SQLModel, table=True):
    """One row whose version moves with every change to the reference facts (States, treaty
    deadlines, coordinators, contributions), so that each process knows when to reload them."""

    id: int = Field(default=1, primary_key=True)
    version: int = 0


class StateMention(SQLModel, table=True):
    """Where a State was last talked about (an item, a command, a minutes section)."""

    __table_args__ = (Index("ix_statemention_iso3_at", "iso3", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    iso3: str = Field(max_length=3)
    at: datetime = _ts()
    where: str
    excerpt: str


class ProcessedEvent(SQLModel, table=True):
    """A Slack event already handled: dedupe on event_id and on (channel, ts), across restarts."""

    __table_args__ = (UniqueConstraint("channel", "ts", name="uq_processedevent_channel_ts"),)
    event_id: str = Field(primary_key=True)
    channel: str | None = None
    ts: str | None = None
    item_id: int | None = None
    at: datetime = _ts()


class SentLog(SQLModel, table=True):
    """A message the scheduler claimed: claimed first, then sent, then marked — so never twice."""

    __table_args__ = (
        # The sweeper looks only at claims never marked sent; last_sent only at sent ones. Each
        # row is in one of the two partial indexes, so a claim writes two index entries and a
        # mark moves one: a catch-up claims and marks ~100,000 keys (migration 0011).
        Index(
            "ix_sentlog_unsent",
            "claimed_at",
            sqlite_where=text("sent_at IS NULL"),
            postgresql_where=text("sent_at IS NULL"),
        ),
        Index(
            "ix_sentlog_job_sent",
            "job",
            "sent_at",
            sqlite_where=text("sent_at IS NOT NULL"),
            postgresql_where=text("sent_at IS NOT NULL"),
        ),
    )

    key: str = Field(primary_key=True)
    job: str
    recipient: str
    claimed_at: datetime = _ts()
    sent_at: datetime | None = _ts(nullable=True)
    attempts: int = 0
    error: str | None = None


class MinutesImport(SQLModel, table=True):
    """One imported minutes document (keyed by its meeting date, not its file name) and the
    figures (meetings, contributions, deadlines) held back as drafts until someone confirms."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True)
    document: str
    meeting_day: date
    status: str = "draft"
    payload: str = "{}"
    imported_at: datetime = _ts()
    updated_at: datetime = _ts()


class AuditLog(SQLModel, table=True):
    """Every change to the records: who, when, what, and the values before and after (JSON)."""

    __table_args__ = (Index("ix_auditlog_entity", "entity", "entity_id"),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _ts(index=True)
    actor: str = Field(index=True)
    action: str
    entity: str
    entity_id: str = ""
    before: str | None = None
    after: str | None = None


class CalendarToken(SQLModel, table=True):
    """A person's private calendar feed address: a random secret, one live per person.

    Revoking deletes the row, so the old address answers 404 at once.
    """

    id: int | None = Field(default=None, primary_key=True)
    user: str = Field(unique=True, index=True)
    secret: str = Field(unique=True, index=True, max_length=64)
    created_at: datetime = _ts()
