"""The `ccm-bot` console script as operators and scripts use it: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.db import Database

CCM = [sys.executable, "-m", "bot"]


def _env(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CCM_"))}
    env.update(CCM_DATABASE_URL=url, **extra)
    return env


def _ccm(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CCM, *args], input=stdin, capture_output=True, text=True, env=_env(url), timeout=60
    )


@pytest.fixture
def demo_url(demo_db: Database) -> str:
    url = demo_db.url
    demo_db.dispose()
    return url


def test_init_creates_and_is_idempotent(empty_db_url: str) -> None:
    first = _ccm(empty_db_url, "init", "--demo")
    assert first.returncode == 0, first.stderr
    assert "Demo data loaded" in first.stdout
    audit_before = _ccm(empty_db_url, "audit", "--limit", "100000", "--jsonl").stdout
    second = _ccm(empty_db_url, "init", "--demo")
    assert second.returncode == 0
    # A reload that changes nothing writes nothing to the audit log.
    assert _ccm(empty_db_url, "audit", "--limit", "100000", "--jsonl").stdout == audit_before
    export = _ccm(empty_db_url, "export", "items", "--format", "json")
    assert len(json.loads(export.stdout)) == 22  # the demo was not loaded twice


def test_chat_jsonl_from_a_pipe(demo_url: str) -> None:
    lines = "status Botswana\naction Italy to follow up with Albania by 15/04\n\nstatus Botswna\nquit\nstatus Italy\n"
    result = _ccm(
        demo_url, "chat", "--jsonl", "--at", "2017-03-24T09:00", "--user", "U42", stdin=lines
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    # One object per input line (the blank one answered empty, not run), up to "quit".
    assert [row["input"] for row in rows] == [
        "status Botswana",
        "action Italy to follow up with Albania by 15/04",
        "",
        "status Botswna",
    ]
    assert rows[0]["text"].startswith("*Botswana (BWA) — State Party*")
    assert isinstance(rows[0]["blocks"], list) and rows[0]["blocks"][0]["type"] == "header"
    assert "due Sat 15 Apr 2017" in rows[1]["text"]
    assert rows[2] == {"input": "", "text": "", "blocks": [], "ok": True}
    assert "did you mean *Botswana*" in rows[3]["text"] and rows[3]["ok"] is False


def test_chat_plain_output_is_readable(demo_url: str) -> None:
    result = _ccm(demo_url, "chat", "--at", "2017-03-24T09:00", stdin="next meeting\n")
    assert "Tue 25 Apr 2017 10:00–11:30" in result.stdout
    assert "<!date" not in result.stdout and "&amp;" not in result.stdout


def test_export_import_round_trip_and_bad_file(
    demo_url: str, empty_db_url: str, tmp_path: Path
) -> None:
    exported = tmp_path / "items.csv"
    assert _ccm(demo_url, "export", "items", "--format", "csv", "-o", str(exported)).returncode == 0
    other = empty_db_url
    assert _ccm(other, "init").returncode == 0
    imported = _ccm(other, "import-items", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 22 items" in imported.stdout
    audit = [json.loads(line) for line in _ccm(other, "audit", "--jsonl").stdout.splitlines()]
    assert audit[0]["action"] == "import" and audit[0]["after"]["created"] == 22
    assert (
        _ccm(other, "export", "items", "--format", "json").stdout
        == _ccm(demo_url, "export", "items", "--format", "json").stdout
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("text,owner,due\nfine,Italy,2017-04-01\nbroken,Italy,soon\n", encoding="utf-8")
    refused = _ccm(other, "import-items", str(bad))
    assert refused.returncode == 1
    assert "line 3" in refused.stderr and "Nothing was imported" in refused.stderr
    assert len(json.loads(_ccm(other, "export", "items", "--format", "json").stdout)) == 22


def test_bad_settings_give_one_line(tmp_path: Path) -> None:
    env = _env(f"sqlite:///{tmp_path / 'unused.db'}", CCM_TIMEZONE="Mars/Olympus")
    result = subprocess.run([*CCM, "init"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "CCM_TIMEZONE" in result.stderr


def test_bad_schedule_setting_names_the_choices(tmp_path: Path) -> None:
    env = _env(f"sqlite:///{tmp_path / 'unused.db'}", CCM_DIGEST_WEEKDAY="funday")
    result = subprocess.run([*CCM, "init"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert "CCM_DIGEST_WEEKDAY" in result.stderr and "mon, tue" in result.stderr
