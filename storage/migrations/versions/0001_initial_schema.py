"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 04:46:05.877277
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("start", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("end", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_start"), ["start"], unique=False)

    op.create_table(
        "processedevent",
        sa.Column("event_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("ts", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
        sa.UniqueConstraint("channel", "ts", name="uq_processedevent_channel_ts"),
    )
    op.create_table(
        "sentlog",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("job", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("recipient", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("claimed_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("sentlog", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sentlog_job"), ["job"], unique=False)

    op.create_table(
        "state",
        sa.Column("iso3", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("short", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("ccm_status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("signed", sa.Date(), nullable=True),
        sa.Column("ratified", sa.Date(), nullable=True),
        sa.Column("instrument", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("entry_into_force", sa.Date(), nullable=True),
        sa.Column("article3", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("article4", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("iso3"),
    )
    with op.batch_alter_table("state", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_state_ccm_status"), ["ccm_status"], unique=False)

    op.create_table(
        "statemention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("iso3", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("where", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("excerpt", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statemention", schema=None) as batch_op:
        batch_op.create_index("ix_statemention_iso3_at", ["iso3", "at"], unique=False)

    op.create_table(
        "thematicarea",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "actionitem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("owner_kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("owner_ref", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("area_key", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("due_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("due_note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(
            ["area_key"],
            ["thematicarea.key"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actionitem", schema=None) as batch_op:
        batch_op.create_index("ix_actionitem_area_status", ["area_key", "status"], unique=False)
        batch_op.create_index(
            "ix_actionitem_owner_status", ["owner_kind", "owner_ref", "status"], unique=False
        )
        batch_op.create_index("ix_actionitem_status_due", ["status", "due"], unique=False)

    op.create_table(
        "contribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state_iso3", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("on", sa.Date(), nullable=True),
        sa.Column("component", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["state_iso3"],
            ["state.iso3"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contribution_state_iso3"), ["state_iso3"], unique=False
        )
        batch_op.create_index("ix_contribution_year_status", ["year", "status"], unique=False)

    op.create_table(
        "coordinator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("state_iso3", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("cycle", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_key"],
            ["thematicarea.key"],
        ),
        sa.ForeignKeyConstraint(
            ["state_iso3"],
            ["state.iso3"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("area_key", "state_iso3", "cycle"),
    )
    with op.batch_alter_table("coordinator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coordinator_area_key"), ["area_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_coordinator_state_iso3"), ["state_iso3"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slack_user_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("state_iso3", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("tz", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(
            ["state_iso3"],
            ["state.iso3"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slack_user_id"),
    )
    op.create_table(
        "treatydeadline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state_iso3", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(
            ["state_iso3"],
            ["state.iso3"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("treatydeadline", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_treatydeadline_due"), ["due"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_treatydeadline_state_iso3"), ["state_iso3"], unique=False
        )

    op.create_table(
        "itemevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["actionitem.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("itemevent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_itemevent_item_id"), ["item_id"], unique=False)

    op.create_table(
        "itemstate",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("iso3", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["actionitem.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_id", "iso3"),
    )
    with op.batch_alter_table("itemstate", schema=None) as batch_op:
        batch_op.create_index("ix_itemstate_iso3_item", ["iso3", "item_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("itemstate", schema=None) as batch_op:
        batch_op.drop_index("ix_itemstate_iso3_item")

    op.drop_table("itemstate")
    with op.batch_alter_table("itemevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_itemevent_item_id"))

    op.drop_table("itemevent")
    with op.batch_alter_table("treatydeadline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_treatydeadline_state_iso3"))
        batch_op.drop_index(batch_op.f("ix_treatydeadline_due"))

    op.drop_table("treatydeadline")
    op.drop_table("person")
    with op.batch_alter_table("coordinator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coordinator_state_iso3"))
        batch_op.drop_index(batch_op.f("ix_coordinator_area_key"))

    op.drop_table("coordinator")
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.drop_index("ix_contribution_year_status")
        batch_op.drop_index(batch_op.f("ix_contribution_state_iso3"))

    op.drop_table("contribution")
    with op.batch_alter_table("actionitem", schema=None) as batch_op:
        batch_op.drop_index("ix_actionitem_status_due")
        batch_op.drop_index("ix_actionitem_owner_status")
        batch_op.drop_index("ix_actionitem_area_status")

    op.drop_table("actionitem")
    op.drop_table("thematicarea")
    with op.batch_alter_table("statemention", schema=None) as batch_op:
        batch_op.drop_index("ix_statemention_iso3_at")

    op.drop_table("statemention")
    with op.batch_alter_table("state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_state_ccm_status"))

    op.drop_table("state")
    with op.batch_alter_table("sentlog", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sentlog_job"))

    op.drop_table("sentlog")
    op.drop_table("processedevent")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_start"))
        batch_op.drop_index(batch_op.f("ix_meeting_kind"))

    op.drop_table("meeting")
