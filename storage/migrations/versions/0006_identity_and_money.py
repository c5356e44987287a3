"""identity by Slack id: person.listed, person.name_clash (flagged); 64-bit cents

Names are no longer identities, so a stored name that reads like a State, an area, an owner
word or a user id is flagged (``name_clash``) for an admin to look at: it was a way to take
over items before. Contributions move to 64-bit cents (PostgreSQL's INTEGER stops at
CHF 21,474,836.47).

Revision ID: 0006
Revises: 0011 (re-pointed at main's head when merging)
Create Date: 2026-11-29 17:10:00
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_USER_ID = re.compile(r"^<?@?[UW][A-Z0-9]{2,}(\|[^>]*)?>?$")
_OWNER_WORDS = {
    "isu",
    "the isu",
    "isu-ccm",
    "secretariat",
    "the secretariat",
    "president",
    "the president",
    "presidency",
    "the presidency",
    "chair",
    "the chair",
    "me",
}


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain).strip().lower()


def clash(name: str, states: dict[str, str], areas: dict[str, str]) -> str | None:
    """Why a stored name could be read as something other than a person (None when it can't)."""
    raw = (name or "").strip()
    folded = _fold(raw)
    if _USER_ID.match(raw):
        return "user id"
    if folded in _OWNER_WORDS:
        return f"owner word: {folded}"
    if folded.removeprefix("the ") in states:
        return f"State: {states[folded.removeprefix('the ')]}"
    if folded in areas or folded.removesuffix(" coordinators") in areas:
        return f"area: {areas.get(folded) or areas[folded.removesuffix(' coordinators')]}"
    return None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("listed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("name_clash", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.alter_column(
            "amount_cents", existing_type=sa.Integer(), type_=sa.BigInteger(), nullable=False
        )
    bind = op.get_bind()
    # Anyone holding a role above member was put there by an admin: they count as listed.
    bind.execute(sa.text("UPDATE person SET listed = :yes WHERE role <> 'member'"), {"yes": True})
    states: dict[str, str] = {}
    for iso3, name, short in bind.execute(sa.text("SELECT iso3, name, short FROM state")):
        for word in (iso3, name, short):
            if word:
                states[_fold(word)] = iso3
    areas = {
        _fold(word): key
        for key, name in bind.execute(sa.text("SELECT key, name FROM thematicarea"))
        for word in (key.replace("_", " "), name)
    }
    ids = {row[0] for row in bind.execute(sa.text("SELECT slack_user_id FROM person")) if row[0]}
    rows = list(bind.execute(sa.text("SELECT id, name FROM person")))
    for person_id, name in rows:
        why = clash(name, states, areas)
        if why is None and (name or "").strip() in ids:
            why = "another person's user id"
        if why:
            bind.execute(
                sa.text("UPDATE person SET name_clash = :why WHERE id = :id"),
                {"why": why[:200], "id": person_id},
            )


def downgrade() -> None:
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.alter_column(
            "amount_cents", existing_type=sa.BigInteger(), type_=sa.Integer(), nullable=False
        )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("name_clash")
        batch_op.drop_column("listed")
