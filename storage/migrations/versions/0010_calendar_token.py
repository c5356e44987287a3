"""calendartoken: the private calendar feed address of each person

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from storage.types import UTCDateTime

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendartoken",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("secret", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_calendartoken_user"), "calendartoken", ["user"], unique=True)
    op.create_index(op.f("ix_calendartoken_secret"), "calendartoken", ["secret"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_calendartoken_secret"), table_name="calendartoken")
    op.drop_index(op.f("ix_calendartoken_user"), table_name="calendartoken")
    op.drop_table("calendartoken")
