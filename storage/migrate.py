"""Create or upgrade the schema with Alembic: the only way ccm-bot changes a database's shape."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


_REVISION = re.compile(r"^revision(?::\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision(?::[^=]*)?=\s*[\"']([^\"']+)[\"']", re.M)


def head_revisions() -> set[str]:
    """The newest revisions, read from the migration files' text (no Alembic import).

    A merge migration (a tuple of down revisions) is not parsed: the heads then look
    different from the database's, and :func:`upgrade` simply asks Alembic.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if found := _REVISION.search(text):
            revisions.add(found[1])
        if found := _DOWN.search(text):
            parents.add(found[1])
    return revisions - parents


def up_to_date(engine: Engine) -> bool:
    """Is the database at the newest revision already? One small query."""
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            current = {str(row[0]) for row in rows}
    except DBAPIError:
        return False  # no alembic_version table yet: a new database
    return bool(current) and current == head_revisions()


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest), whatever state it is in.

    At the newest revision already (every start but the first after an update), Alembic is
    not even imported: it costs a third of a second of the console's first answer.
    """
    if revision == "head" and up_to_date(engine):
        return
    from alembic import command

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
