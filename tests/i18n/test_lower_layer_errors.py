"""Errors raised below the catalogs (storage, the minutes reader's child process) reach the
reader in their language, and stay English in logs and for English readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.isolated_read import IsolatedReadError, read_isolated
from handlers.i18n import _, use_language
from storage.backup import BackupError, restore
from storage.db import Database


def test_a_file_the_child_refuses_is_refused_in_the_readers_language() -> None:
    with use_language("es"), pytest.raises(IsolatedReadError, match=r"no es un archivo \.docx"):
        read_isolated(b"PK\x03\x04 not a zip at all", name="acta.docx")
    with pytest.raises(IsolatedReadError, match=r"is not a readable \.docx file"):
        read_isolated(b"PK\x03\x04 not a zip at all", name="minutes.docx")


def test_a_refused_restore_is_said_in_french_and_stays_english_as_text(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'live.db'}")
    with pytest.raises(BackupError) as refused:
        restore(database.engine, tmp_path / "missing.db")
    database.dispose()
    assert str(refused.value) == f"there is no backup at {tmp_path / 'missing.db'}"
    with use_language("fr"):
        said = refused.value.localized(_)
    assert said == f"il n’y a pas de sauvegarde à l’emplacement {tmp_path / 'missing.db'}"
