"""The console answers a confirmation with y/n and a choice with its number."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import datetime

from sqlmodel import select

from bot.console import run_lines
from handlers.ports import Deps
from storage.db import Database
from storage.models import ActionItem, Contribution
from tests.conftest import ZURICH

AT = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


def _chat(deps: Deps, *lines: str) -> list[dict[str, object]]:
    out = io.StringIO()
    run_lines(deps, [f"{line}\n" for line in lines], user="U42", at=AT, jsonl=True, out=out)
    return [json.loads(row) for row in out.getvalue().splitlines()]


def test_y_confirms_a_statement_and_nothing_is_stored_before(demo_deps: Deps) -> None:
    rows = _chat(demo_deps, "Austria paid 25,000 CHF")
    assert rows[0]["choices"] == [
        {"label": "Confirm", "command": "contribution Austria 25000 CHF 2017 received"},
        {"label": "Cancel", "command": ""},
    ]
    with demo_deps.db.session() as session:
        assert (
            session.exec(select(Contribution).where(Contribution.state_iso3 == "AUT")).first()
            is None
        )
    rows = _chat(demo_deps, "Austria paid 25,000 CHF", "y")
    assert "Recorded Austria: CHF 25,000.00 received for 2017" in str(rows[1]["text"])
    with demo_deps.db.session() as session:
        paid = session.exec(select(Contribution).where(Contribution.state_iso3 == "AUT")).one()
        assert paid.amount_cents == 2_500_000 and paid.status == "received"


def test_n_cancels_and_a_later_y_confirms_nothing(demo_deps: Deps) -> None:
    rows = _chat(demo_deps, "Italy will call the Albanian mission by next Wednesday", "n", "y")
    assert "nothing was changed" in str(rows[1]["text"])
    with demo_deps.db.session() as session:
        assert len(session.exec(select(ActionItem)).all()) == 17


def test_a_number_picks_one_of_the_readings(demo_deps: Deps) -> None:
    rows = _chat(demo_deps, "qwerty zxcvb")  # nothing fits: the closest commands are offered
    choices = rows[0].get("choices")
    assert isinstance(choices, list) and len(choices) >= 2, rows[0]["text"]
    first = choices[0]
    assert isinstance(first, dict)
    picked = _chat(demo_deps, "qwerty zxcvb", "1")[1]
    direct = _chat(demo_deps, str(first["command"]))[0]
    assert picked["ok"] is True and picked["text"] == direct["text"]


def test_python_m_bot_cli_runs_the_console(demo_db: Database) -> None:
    url = demo_db.url
    demo_db.dispose()
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--at", "2017-03-24T09:00"],
        input="when is the next CC meeting?\n",
        capture_output=True,
        text=True,
        env={"CCM_DATABASE_URL": url, "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert "Tue 25 Apr 2017" in result.stdout, result.stderr
