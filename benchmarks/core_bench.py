"""Core figures: import 100,000 items, status/items latency, console start-up.

Run: .venv/bin/python -m benchmarks.core_bench [--items 100000]
Targets (issue "Core"): status <State> and items overdue < 20 ms median in-process;
import-items of 100,000 rows < 15 s; console start + first answer < 1.5 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.settings import Settings
from bot.wiring import build_deps, prepare_database
from handlers.commands.router import handle
from handlers.items.transfer import FIELDS, read_csv, store_rows
from handlers.people.permissions import Caller

OPERATOR = Caller("U1", operator=True)  # the console: may do everything before an admin exists

AREAS = ["universalization", "victim_assistance", "clearance", "stockpile", "cooperation", None]


def make_csv(count: int, iso3s: list[str]) -> str:
    rng = random.Random(7)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    start = date(2016, 1, 1)
    for n in range(count):
        owner = rng.choice(iso3s)
        related = {owner, rng.choice(iso3s)}
        writer.writerow(
            {
                "text": f"follow up on commitment {n} with partners",
                "owner": owner,
                "owner_kind": "state",
                "owner_ref": owner,
                "states": " ".join(sorted(related)),
                "area": rng.choice(AREAS) or "",
                "due": (start + timedelta(days=rng.randrange(0, 900))).isoformat(),
                "status": rng.choice(["open", "open", "open", "done"]),
                "created_at": "2016-01-01T09:00:00+00:00",
                "updated_at": "2016-01-01T09:00:00+00:00",
            }
        )
    return out.getvalue()


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ccm-bench-"))
    url = f"sqlite:///{workdir / 'bench.db'}"
    settings = Settings(database_url=url)
    db = prepare_database(settings, demo=True)
    deps = build_deps(settings, db=db)
    iso3s = [s.iso3 for s in deps.states.all()]
    print(f"States in store: {len(iso3s)}")
    data = make_csv(args.items, iso3s)
    csv_path = workdir / "items.csv"
    csv_path.write_text(data, encoding="utf-8")

    began = time.perf_counter()
    rows = read_csv(
        csv_path.read_text(encoding="utf-8"), directory=deps.states, now=datetime.now(UTC)
    )
    with db.session(write=True) as session:
        store_rows(session, rows)
    db.analyze()  # as `ccm-bot import-items` does
    import_s = time.perf_counter() - began
    print(f"import-items {args.items:,} rows: {import_s:.2f} s (target < 15 s)")

    now = datetime(2017, 3, 24, 8, 0, tzinfo=UTC)
    for command in (
        "status Botswana",
        "status Lao PDR",
        "items overdue",
        "items Botswana",
        "deadlines next 30 days",
        "digest",
    ):
        handle(deps, command, user="U1", now=now, caller=OPERATOR)  # warm
        samples = timed(lambda c=command: handle(deps, c, user="U1", now=now, caller=OPERATOR), 30)
        print(
            f"{command!r:28} median {statistics.median(samples):6.1f} ms  p90 {sorted(samples)[26]:6.1f} ms"
        )

    env = {**os.environ, "CCM_DATABASE_URL": url}
    cli = [sys.executable, "-m", "bot", "chat", "--at", "2017-03-24T09:00"]
    starts = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run(
            cli, input="status Botswana\n", capture_output=True, text=True, env=env, check=True
        )
        starts.append(time.perf_counter() - began)
    print(
        f"console start + first answer: median {statistics.median(starts):.2f} s (target < 1.5 s)"
    )


if __name__ == "__main__":
    main()
