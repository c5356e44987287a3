"""referencestamp; lighter sent-log indexes

referencestamp: a version that moves with every change to the reference facts. Each process
keeps States, treaty deadlines, coordinators and contributions in memory and compares this
stamp with its snapshot's, so a second replica notices a change made elsewhere.

sentlog: ix_sentlog_job goes (ix_sentlog_job_sent starts with job) and ix_sentlog_job_sent
holds only sent rows, so claiming and marking the ~100,000 keys of a catch-up scan writes
fewer index entries.

actionitem: ix_actionitem_id_status_due covers "a State's open items, soonest first", so
`status <State>` sorts small index entries and fetches only the rows it shows.

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
    with op.batch_alter_table("actionitem", schema=None) as batch_op:
        batch_op.create_index("ix_actionitem_id_status_due", ["id", "status", "due"], unique=False)
    with op.batch_alter_table("sentlog", schema=None) as batch_op:
        batch_op.drop_index("ix_sentlog_job")
        batch_op.drop_index("ix_sentlog_job_sent")
        batch_op.create_index(
            "ix_sentlog_job_sent",
            ["job", "sent_at"],
            unique=False,
            sqlite_where=sa.text("sent_at IS NOT NULL"),
            postgresql_where=sa.text("sent_at IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("sentlog", schema=None) as batch_op:
        batch_op.drop_index("ix_sentlog_job_sent")
        batch_op.create_index("ix_sentlog_job_sent", ["job", "sent_at"], unique=False)
        batch_op.create_index("ix_sentlog_job", ["job"], unique=False)
    with op.batch_alter_table("actionitem", schema=None) as batch_op:
        batch_op.drop_index("ix_actionitem_id_status_due")
    op.drop_table("referencestamp")
