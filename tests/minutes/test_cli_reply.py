"""The CLI (dry run and --confirm) and the Block Kit summary with its draft buttons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import func, select

from bot.minutes_cli import import_minutes
from bot.settings import Settings
from handlers.minutes import summary_reply
from handlers.minutes.model import MinutesExtract
from storage.db import Database
from storage.models import ActionItem
from tests.minutes.scoring import load, run

SEED = Path(load("seed000_expected.json")["document"])


def _items(url: str) -> int:
    db = Database(url)
    try:
        with db.session() as session:
            return int(session.exec(select(func.count()).select_from(ActionItem)).one())
    finally:
        db.dispose()


def test_dry_run_stores_nothing_then_confirm_stores_once(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=db.url)
    assert import_minutes(settings, path=SEED, as_json=True, confirm=False) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) >= {
        "meeting",
        "next_meeting",
        "attendees",
        "items",
        "contributions",
        "deadlines",
    }
    assert payload["next_meeting"]["start"] == "2017-04-25T10:00:00+02:00"
    assert payload["items"][0]["source"].endswith("section 4.1")
    assert _items(settings.database_url) == 0
    assert import_minutes(settings, path=SEED, as_json=False, confirm=True) == 0
    stored = _items(settings.database_url)
    assert stored == len(payload["items"])
    assert import_minutes(settings, path=SEED, as_json=False, confirm=True) == 0
    assert _items(settings.database_url) == stored
    assert "Stored." in capsys.readouterr().out


def test_missing_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'x.db'}")
    assert import_minutes(settings, path=tmp_path / "nope.pdf", as_json=False, confirm=False) == 2
    assert "cannot read" in capsys.readouterr().err


def test_summary_reply_buttons_and_escaping() -> None:
    found: MinutesExtract = run(load("seed000_expected.json"))
    ids = list(range(100, 100 + len(found.items)))
    reply = summary_reply(found, item_ids=ids)
    assert len(reply.blocks) <= 50
    actions = [b for b in reply.blocks if b["type"] == "actions"]
    first = actions[0]["elements"]
    assert [e["action_id"] for e in first] == ["draft_confirm", "draft_edit", "draft_discard"]
    assert {e["value"] for e in first} == {"100"}
    assert actions[-1]["elements"][0]["action_id"] == "draft_confirm_all"
    assert "Bosnia &amp; Herzegovina" not in reply.text or "&amp;" in reply.text
    assert "<" not in json.dumps(reply.blocks).replace("\\u003c", "")


def test_a_file_that_is_not_minutes_is_refused(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    junk = tmp_path / "passwd.txt"
    junk.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CCM_"))}
    env["CCM_DATABASE_URL"] = f"sqlite:///{tmp_path / 'x.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "import-minutes", str(junk)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "does not look like minutes" in result.stderr
