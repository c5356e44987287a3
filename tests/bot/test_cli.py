"""The `ccm-bot` console script as operators and scripts use it: real processes, real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CCM = [sys.executable, "-m", "bot"]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CCM_"))}
    env.update(CCM_DATABASE_URL=f"sqlite:///{tmp_path / 'ccm.db'}", **extra)
    return env


def _ccm(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CCM, *args], input=stdin, capture_output=True, text=True, env=_env(tmp_path), timeout=60
    )


@pytest.fixture
def demo_dir(tmp_path: Path, demo_template_db: Path) -> Path:
    shutil.copy(demo_template_db, tmp_path / "ccm.db")
    return tmp_path


def test_init_creates_and_is_idempotent(tmp_path: Path) -> None:
    first = _ccm(tmp_path, "init", "--demo")
    assert first.returncode == 0, first.stderr
    assert "Demo data loaded" in first.stdout
    second = _ccm(tmp_path, "init", "--demo")
    assert second.returncode == 0
    export = _ccm(tmp_path, "export", "items", "--format", "json")
    assert len(json.loads(export.stdout)) == 17  # the demo was not loaded twice


def test_chat_jsonl_from_a_pipe(demo_dir: Path) -> None:
    lines = "status Botswana\naction Italy to follow up with Albania by 15/04\n\nstatus Botswna\n"
    result = _ccm(
        demo_dir, "chat", "--jsonl", "--at", "2017-03-24T09:00", "--user", "U42", stdin=lines
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["input"] for row in rows] == [
        "status Botswana",
        "action Italy to follow up with Albania by 15/04",
        "status Botswna",
    ]
    assert rows[0]["text"].startswith("*Botswana (BWA) — State Party*")
    assert isinstance(rows[0]["blocks"], list) and rows[0]["blocks"][0]["type"] == "header"
    assert "due Sat 15 Apr 2017" in rows[1]["text"]
    assert "did you mean *Botswana*" in rows[2]["text"]


def test_chat_plain_output_is_readable(demo_dir: Path) -> None:
    result = _ccm(demo_dir, "chat", "--at", "2017-03-24T09:00", stdin="next meeting\n")
    assert "Tue 25 Apr 2017 10:00–11:30" in result.stdout
    assert "<!date" not in result.stdout and "&amp;" not in result.stdout


def test_export_import_round_trip_and_bad_file(
    demo_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    exported = demo_dir / "items.csv"
    assert _ccm(demo_dir, "export", "items", "--format", "csv", "-o", str(exported)).returncode == 0
    other = tmp_path_factory.mktemp("other")
    assert _ccm(other, "init").returncode == 0
    imported = _ccm(other, "import-items", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 17 items" in imported.stdout
    assert (
        _ccm(other, "export", "items", "--format", "json").stdout
        == _ccm(demo_dir, "export", "items", "--format", "json").stdout
    )
    bad = other / "bad.csv"
    bad.write_text("text,owner,due\nfine,Italy,2017-04-01\nbroken,Italy,soon\n", encoding="utf-8")
    refused = _ccm(other, "import-items", str(bad))
    assert refused.returncode == 1
    assert "line 3" in refused.stderr and "Nothing was imported" in refused.stderr
    assert len(json.loads(_ccm(other, "export", "items", "--format", "json").stdout)) == 17


def test_bad_settings_give_one_line(tmp_path: Path) -> None:
    env = _env(tmp_path, CCM_TIMEZONE="Mars/Olympus")
    result = subprocess.run([*CCM, "init"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "CCM_TIMEZONE" in result.stderr
