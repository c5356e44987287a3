"""Backups of the store: SQLite's online backup API (consistent while the bot runs).

PostgreSQL is backed up with its own tools (pg_dump / pg_restore): see the README.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from storage.explained import N_, Explained


class BackupError(Explained, RuntimeError):
    """The backup or restore could not be made; the message says why (in the operator's
    language through ``localized``)."""


def _sqlite_path(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite":
        raise BackupError(
            N_(
                "`ccm-bot backup` copies SQLite stores; for PostgreSQL use "
                "`pg_dump --format=custom` and `pg_restore` (see the README)."
            )
        )
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError(N_("an in-memory database cannot be backed up"))
    return Path(database)


def backup(engine: Engine, target: Path) -> int:
    """Copy the live database page by page into ``target``; returns its size in bytes."""
    source_path = _sqlite_path(engine)
    if not source_path.exists():
        raise BackupError(N_("there is no database at {path}"), path=source_path)
    if target.exists():
        raise BackupError(N_("{path} exists already; choose a new file name"), path=target)
    try:  # the copy holds what the store holds: for its owner only, from its first byte
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as problem:
        why = problem.strerror or problem
        raise BackupError(
            N_("cannot create {path}: {problem}"), path=target, problem=why
        ) from problem
    source, copy = sqlite3.connect(source_path), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target.stat().st_size


def restore(engine: Engine, source: Path) -> None:
    """Replace the database's content with a backup's, through the same online API."""
    target_path = _sqlite_path(engine)
    if not source.exists():
        raise BackupError(N_("there is no backup at {path}"), path=source)
    backup_db = sqlite3.connect(source)
    try:
        _check_backup(backup_db, source)
        engine.dispose()
        live = sqlite3.connect(target_path)
        try:
            backup_db.backup(live)
        finally:
            live.close()
    finally:
        backup_db.close()


def _check_backup(connection: sqlite3.Connection, source: Path) -> None:
    """Refuse anything that is not an intact ccm-bot database before touching the live one."""
    try:
        check = connection.execute("PRAGMA integrity_check").fetchone()
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as problem:
        raise BackupError(
            N_("{path} is not a ccm-bot backup ({problem})"), path=source, problem=problem
        ) from problem
    if check != ("ok",) or "actionitem" not in tables:
        raise BackupError(
            N_("{path} is not a ccm-bot backup (integrity check: {check})"),
            path=source,
            check=check,
        )
