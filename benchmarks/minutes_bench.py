"""Time a minutes import (read, extract, store drafts, confirm) on a ~25 KB document, and print
precision and recall on both seeds.  Run: python -m benchmarks.minutes_bench"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.settings import Settings  # noqa: E402
from bot.wiring import prepare_database  # noqa: E402
from handlers.minutes import confirm, extract, read_document, store_drafts  # noqa: E402
from handlers.reference.states import StateDirectory  # noqa: E402
from tests.minutes.scoring import load, run, score  # noqa: E402

SEED = Path("/work/shared/seeds/000_d100ddb046d10195.txt")
TARGET_BYTES = 25_000
ZURICH = ZoneInfo("Europe/Zurich")


def big_document(folder: Path) -> Path:
    """The seed minutes, its discussion sections repeated (renumbered) to reach ~25 KB."""
    text = SEED.read_text(encoding="utf-8")
    head, _, tail = text.partition("10. Date of the Next CC Meeting")
    body = head.split("5.1 Victim Assistance", 1)[1]
    number = 11
    while len(head.encode()) < TARGET_BYTES:
        head += f"\n{number}. Further discussion\n\n{number}.1 Victim Assistance" + body[:4000]
        number += 1
    path = folder / "big_minutes.txt"
    path.write_text(head + "\n10. Date of the Next CC Meeting" + tail, encoding="utf-8")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = prepare_database(Settings(database_url=f"sqlite:///{folder / 'bench.db'}"))
        states = StateDirectory.default()
        path = big_document(folder)
        size = path.stat().st_size
        extract("warm up 1 May 2017", now=datetime.now(UTC), tz=ZURICH, states=states)
        started = time.perf_counter()
        found = extract(read_document(path), now=None, tz=ZURICH, states=states)
        extracted = time.perf_counter()
        now = datetime.now(UTC)
        with db.session(write=True) as session:
            ids = store_drafts(session, found, actor="bench", now=now)
            confirm(session, "all", actor="bench", now=now, day=found.meeting_day)
        stored = time.perf_counter()
        db.dispose()
    print(
        f"{size} bytes: extract {extracted - started:.2f} s, store+confirm "
        f"{stored - extracted:.2f} s, total {stored - started:.2f} s, {len(ids)} drafts"
    )
    for name in ("seed000_expected.json", "seed004_expected.json"):
        expected = load(name)
        result = score(run(expected), expected)
        print(result.line(name))
        for label, rows in (("missed", result.missed), ("false positive", result.unmatched)):
            for row in rows:
                print(f"  {label}: {row}")


if __name__ == "__main__":
    main()
