"""The first hour as a newcomer lives it: real processes, the demo at its own date."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.cli import build_parser
from handlers.commands.registry import COMMANDS
from storage.db import Database

CCM = [sys.executable, "-m", "bot"]
DEMO_AT = "2017-03-24T09:00"
README = Path(__file__).resolve().parents[2] / "README.md"


ROOT = Path(__file__).resolve().parents[2]


def _env(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CCM_"))}
    env.update(CCM_DATABASE_URL=url, PYTHONPATH=str(ROOT), **extra)
    return env


def _ccm(url: str, *args: str, stdin: str = "", **extra: str) -> subprocess.CompletedProcess[str]:
    # Run from a scratch folder: a chart typed in the console is written to the current folder.
    with tempfile.TemporaryDirectory() as scratch:
        return subprocess.run(
            [*CCM, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=_env(url, **extra),
            cwd=scratch,
            timeout=90,
        )


@pytest.fixture
def demo_url(demo_db: Database) -> str:
    url = demo_db.url
    demo_db.dispose()
    return url


def _actions(
    parser: argparse.ArgumentParser, path: str = "ccm-bot"
) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _actions(child, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction):
            found.append((f"{path} {action.dest}", action.help))
    return found


def test_every_cli_option_and_argument_has_a_help_text() -> None:
    missing = [name for name, text in _actions(build_parser()) if not text]
    assert missing == []


def test_version(tmp_path: Path) -> None:
    result = _ccm(f"sqlite:///{tmp_path / 'v.db'}", "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("ccm-bot ") and result.stdout.split()[1][0].isdigit()


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "mysql://someone@somewhere/ccm",
        "postgresql+psycopg://postgres@127.0.0.1:1/ccm",
        "sqlite:////no/such/folder/ccm.db",
    ],
)
def test_unusable_database_gives_one_line_naming_the_variable(url: str) -> None:
    result = _ccm(url, "chat", stdin="help\n")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "CCM_DATABASE_URL" in result.stderr


def test_password_is_not_printed() -> None:
    result = _ccm("postgresql+psycopg://ccm:s3cret@127.0.0.1:1/ccm", "init")
    assert "s3cret" not in result.stderr and "CCM_DATABASE_URL" in result.stderr


def test_console_says_database_and_now_then_skips_comments(demo_url: str) -> None:
    script = "# the morning after the meeting\n\n   \nitems overdue\n  # indented comment\n"
    result = _ccm(demo_url, "chat", "--at", DEMO_AT, stdin=script)
    first, *rest = result.stdout.splitlines()
    assert demo_url in first and "Fri 24 Mar 2017 09:00" in first
    out = "\n".join(rest)
    assert "didn't understand" not in out and "comment" not in out
    assert "Items: open, overdue" in out


def test_jsonl_keeps_stdout_pure_json(demo_url: str) -> None:
    result = _ccm(demo_url, "chat", "--jsonl", "--at", DEMO_AT, stdin="# note\nhelp\n")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] == "" for r in rows] == [True, False]
    assert "Fri 24 Mar 2017" in result.stderr


def test_help_lists_every_command_meetings_included(demo_url: str) -> None:
    rows = _ccm(demo_url, "chat", "--jsonl", "--at", DEMO_AT, stdin="help\n").stdout
    text = json.loads(rows.splitlines()[0])["text"]
    for spec in COMMANDS.values():
        assert f"`{spec.usage}`" in text, spec.name
    assert "`meetings`" in text and "`next meeting`" in text


def _readme_examples() -> list[str]:
    """The console lines the README offers a newcomer (`help`, `status Botswana`, ...)."""
    text = README.read_text(encoding="utf-8")
    start = text.index("Type `help`")
    sentence = text[start : text.index("\n\n", start)]
    return [w for w in sentence.split("`")[1::2] if w not in ("quit", "help")]


def test_each_readme_example_answers_something_on_the_demo(demo_url: str) -> None:
    lines = [*_readme_examples(), "items due this week", "items done", "next meeting"]
    assert "items overdue" in lines
    rows = _ccm(demo_url, "chat", "--jsonl", "--at", DEMO_AT, stdin="\n".join(lines) + "\n")
    for row in map(json.loads, rows.stdout.splitlines()):
        assert row["ok"], row
        assert "(0)" not in row["text"] and "_none_" not in row["text"], row["input"]


def test_demo_history_never_lies_after_now(demo_url: str) -> None:
    rows = _ccm(demo_url, "audit", "--limit", "100000", "--jsonl").stdout.splitlines()
    item_rows = [json.loads(r) for r in rows if '"actionitem"' in r]
    assert item_rows and max(r["at"] for r in item_rows) <= "2017-03-24T08:00:00+00:00"
    snoozed = json.loads(_ccm(demo_url, "export", "items", "--format", "json").stdout)
    states = {(r["status"], bool(r.get("snoozed_until"))) for r in snoozed}
    assert ("done", False) in states and ("open", True) in states


def test_chart_cli_writes_a_png(demo_url: str, tmp_path: Path) -> None:
    for kind in ("contributions", "deadlines", "items"):
        out = tmp_path / f"{kind}.png"
        result = _ccm(demo_url, "chart", kind, "--year", "2017", "--at", DEMO_AT, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(out.resolve())
        assert out.read_bytes().startswith(b"\x89PNG")
    bad = _ccm(demo_url, "chart", "pie", "--out", str(tmp_path / "x.png"))
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_calendar_url_is_stable_until_reset(demo_url: str) -> None:
    base = {"CCM_PUBLIC_URL": "https://ccm.example.org/"}
    first = _ccm(demo_url, "calendar-url", "--user", "U024BE7LH", **base).stdout.strip()
    assert first.startswith("https://ccm.example.org/calendar/") and first.endswith(".ics")
    assert _ccm(demo_url, "calendar-url", "--user", "U024BE7LH", **base).stdout.strip() == first
    again = _ccm(demo_url, "calendar-url", "--user", "U024BE7LH", "--reset", **base)
    assert again.stdout.strip() != first
    bad = _ccm(demo_url, "calendar-url", "--user", "U1", CCM_PUBLIC_URL="ccm.example.org")
    assert bad.returncode == 2 and "CCM_PUBLIC_URL" in bad.stderr


def test_ics_export_carries_meetings_with_their_place(demo_url: str) -> None:
    ics = _ccm(demo_url, "export", "items", "--format", "ics").stdout
    events = Calendar.from_ical(ics).walk("VEVENT")
    meetings = [e for e in events if str(e["UID"]).startswith("meeting-")]
    assert len(meetings) == 4
    assert any("Permanent Mission" in str(e.get("LOCATION", "")) for e in meetings)
    assert all("<@" not in str(e["SUMMARY"]) for e in events)


def test_console_chart_writes_the_file_and_prints_its_path(demo_url: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [*CCM, "chat", "--at", DEMO_AT],
        input="chart items\n",
        capture_output=True,
        text=True,
        env=_env(demo_url),
        cwd=tmp_path,
        timeout=90,
    )
    written = tmp_path / "ccm-items-2017-03-24.png"
    assert f"Chart written to {written}" in result.stdout
    assert written.read_bytes().startswith(b"\x89PNG")
