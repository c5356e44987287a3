"""state.withdrawn_on: when a withdrawal took effect (Lithuania, 2025)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 05:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("state", schema=None) as batch_op:
        batch_op.drop_column("withdrawn_on")
