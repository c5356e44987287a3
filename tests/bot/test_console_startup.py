"""The console's first answer does not pay for libraries the command does not use.

Timing a subprocess on a shared machine is noise; what makes the first answer fast is which
modules get imported, and that is deterministic: `status Botswana` imports neither the date
parser, nor fuzzy matching, nor Alembic (the schema is current), nor the document readers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from storage.db import Database

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("dateparser", "rapidfuzz", "alembic", "docx", "pypdf", "icalendar", "matplotlib")
PROBE = """
import io, json, sys
sys.stdin = io.StringIO(sys.argv[1] + "\\n")
from bot.cli import main
out = io.StringIO()
real, sys.stdout = sys.stdout, out
code = main(["chat", "--at", "2017-03-24T09:00"])
sys.stdout = real
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def _chat(line: str, url: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CCM_"))}
    env |= {"CCM_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, line],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_status_answers_without_heavy_imports(demo_db: Database) -> None:
    if not demo_db.url.startswith("sqlite"):
        return  # the same code path; one backend is enough for an import check
    first = _chat("status Botswana", demo_db.url)
    assert first["code"] == 0 and "Botswana (BWA)" in str(first["out"])
    loaded = {m.split(".")[0] for m in first["modules"]}  # type: ignore[attr-defined]
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
