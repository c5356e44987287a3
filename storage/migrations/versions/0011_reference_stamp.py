"""referencestamp: a version that moves with every change to the reference facts

Each process keeps States, treaty deadlines, coordinators and contributions in memory and
compares this stamp with its snapshot's, so a second replica notices a change made elsewhere.

Revision ID: 0011
Revises: 0005
Create Date: 2026-11-29 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    stamp = op.create_table(
        "referencestamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(stamp, [{"id": 1, "version": 1}])


def downgrade() -> None:
    op.drop_table("referencestamp")
