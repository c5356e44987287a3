"""ccm-bot backup / restore: a round trip through SQLite's online backup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.backends import postgres_url

pytestmark = pytest.mark.skipif(
    postgres_url() is not None, reason="SQLite backups; PostgreSQL uses pg_dump (README)"
)


def _ccm(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CCM_"))}
    env["CCM_DATABASE_URL"] = url
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_backup_then_restore_brings_back_the_state(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    assert _ccm(url, "init", "--demo").returncode == 0
    copy = tmp_path / "backup.db"
    made = _ccm(url, "backup", str(copy))
    assert made.returncode == 0, made.stderr
    # Change things after the backup: they must be gone after the restore.
    _ccm(
        url,
        "chat",
        "--at",
        "2017-03-24T09:00",
        stdin="action Norway to write to Albania\ndone 13\n",
    )
    status_of_13 = {
        r["id"]: r["status"]
        for r in json.loads(_ccm(url, "export", "items", "--format", "json").stdout)
    }
    assert status_of_13[13] == "done"
    restored = _ccm(url, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    exported = _ccm(url, "export", "items", "--format", "json").stdout
    assert {r["id"]: r["status"] for r in json.loads(exported)}[13] == "open"
    assert "write to Albania" not in exported
    assert exported.count('"id"') == 22
    again = _ccm(url, "backup", str(copy))
    assert again.returncode == 1 and "exists already" in again.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    assert _ccm(url, "init").returncode == 0
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = _ccm(url, "restore", str(junk))
    assert result.returncode == 1
    assert "ccm-bot restore:" in result.stderr
