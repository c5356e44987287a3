"""First-day figures: chart drawing time and size, feed build time and size, console first answer.

Run: .venv/bin/python -m benchmarks.firsthour_bench [--items 2000]
On the demo data plus ``--items`` synthetic items spread over two years with a history of
closes and reopenings, so the items chart replays a realistic history.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.settings import Settings
from bot.wiring import build_deps
from handlers.calendar import build_feed
from handlers.charts import make_chart
from storage.items import add_event, create_item
from storage.models import ActionItem

ZURICH = ZoneInfo("Europe/Zurich")
AREAS = ["universalization", "victim_assistance", "clearance", "stockpile", "cooperation", None]
USER = "U024BE7LH"


def _seed(deps: object, count: int, now: datetime) -> None:
    rng = random.Random(14)
    db = deps.db  # type: ignore[attr-defined]
    with db.session(write=True, actor="bench") as session:
        for n in range(count):
            created = now - timedelta(days=rng.randint(1, 730), hours=rng.randint(0, 23))
            item = ActionItem(
                text=f"synthetic commitment {n}",
                owner=f"<@{USER}>" if n % 10 == 0 else "Italy",
                owner_kind="person" if n % 10 == 0 else "state",
                owner_ref=USER if n % 10 == 0 else "ITA",
                area_key=rng.choice(AREAS),
                due=(created + timedelta(days=rng.randint(5, 120))).date(),
                created_at=created,
            )
            create_item(session=session, item=item, states=("ITA",), actor="bench", now=created)
            if rng.random() < 0.6:
                closed = created + timedelta(days=rng.randint(1, 150))
                if closed < now:
                    item.status = "done"
                    assert item.id is not None
                    add_event(
                        session=session, item_id=item.id, actor="bench", action="done", now=closed
                    )


def _timed(func: object, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=2000, help="synthetic items to add")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        settings = Settings(database_url=url)
        from bot.wiring import prepare_database

        prepare_database(settings, demo=True)
        deps = build_deps(settings)
        now = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH).astimezone(UTC)
        _seed(deps, args.items, now)
        print(f"demo + {args.items} synthetic items, median of {args.runs} runs")
        start = time.perf_counter()
        import matplotlib  # noqa: F401  (first import, as the first chart of a process pays it)

        print(
            f"matplotlib import (paid once, by the first chart): {time.perf_counter() - start:.2f} s"
        )
        for kind in ("contributions", "deadlines", "items"):
            with deps.db.session() as session:
                median, upload = _timed(
                    lambda kind=kind: make_chart(session, kind, now=now, tz=ZURICH, year=2017),
                    args.runs,
                )
            size = len(upload.content)  # type: ignore[attr-defined]
            alt = len(upload.alt_text)  # type: ignore[attr-defined]
            print(
                f"chart {kind:<13} {median * 1000:7.0f} ms  {size / 1024:6.1f} KiB  alt text {alt} chars"
            )
        with deps.db.session() as session:
            median, feed = _timed(lambda: build_feed(session, user=USER, now=now), args.runs)
        events = feed.count(b"BEGIN:VEVENT")  # type: ignore[attr-defined]
        print(
            f"calendar feed      {median * 1000:7.0f} ms  {len(feed) / 1024:6.1f} KiB  {events} events"
        )  # type: ignore[arg-type]
        code = (
            "import sys,time;t=time.perf_counter();from bot.cli import main;"
            "sys.argv=['ccm-bot','chat','--at','2017-03-24T09:00'];import io;sys.stdin=io.StringIO('help\\n');"
            "import os;os.environ['CCM_DATABASE_URL']=" + repr(url) + ";main();"
            "print('FIRST', time.perf_counter()-t, 'matplotlib' in sys.modules, file=sys.stderr)"
        )
        firsts = []
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
            )
            line = [ln for ln in done.stderr.splitlines() if ln.startswith("FIRST")][-1].split()
            firsts.append(float(line[1]))
            loaded = line[2]
        print(
            f"console start + first answer: {statistics.median(firsts):.2f} s "
            f"(matplotlib loaded: {loaded})"
        )


if __name__ == "__main__":
    main()
