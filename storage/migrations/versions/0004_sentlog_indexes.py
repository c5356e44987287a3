"""sent-log indexes for the sweeper and last_sent

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 05:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sentlog", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sentlog_unsent",
            ["claimed_at"],
            unique=False,
            sqlite_where=sa.text("sent_at IS NULL"),
            postgresql_where=sa.text("sent_at IS NULL"),
        )
        batch_op.create_index("ix_sentlog_job_sent", ["job", "sent_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sentlog", schema=None) as batch_op:
        batch_op.drop_index("ix_sentlog_job_sent")
        batch_op.drop_index("ix_sentlog_unsent")
