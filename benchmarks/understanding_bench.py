"""Reading a line: the time it adds, with every State and 100,000 items in the store.

Run from the repository root:

    .venv/bin/python -m benchmarks.understanding_bench [--items 100000] [--baseline /work/main]

Prints, over every line of the judged corpora (tests/understanding/corpus_*.tsv):
the median and p95 of ``read`` + the intent judgement per line (what reading adds before a
command runs), the one-off cost of fitting the matcher from the example bank at first use, and
the console's start + first answer for a command word and for a line in words (against the
tree at --baseline, if given, for the command word). Target: reading adds <= 2 ms median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.core_bench import make_csv
from bot.settings import Settings
from bot.wiring import build_deps, prepare_database
from handlers.items.transfer import read_csv, store_rows
from handlers.ports import Ctx
from handlers.understanding import intents
from handlers.understanding.commitments import promises
from handlers.understanding.described import described_item
from handlers.understanding.judge import judge
from handlers.understanding.understand import interpret, masker, reading_of

CORPORA = Path(__file__).parents[1] / "tests" / "understanding"


def _lines() -> list[str]:
    lines = []
    for path in sorted(CORPORA.glob("corpus_*.tsv")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.startswith("#"):
                lines.append(raw.split("\t")[2])
    return lines


_DESCRIBED = (
    "the draft minutes went out this morning, mark it done",
    "C'est fait pour la prévision documentaire",
    "the courtesy calls are all done",
)


def _judge(ctx: Ctx, line: str, mask: intents.Masker) -> None:
    reading = reading_of(ctx, line)
    judge(reading, mask, promised=promises(ctx, reading))


def _console(url: str, line: str, tree: str) -> float:
    env = {**os.environ, "CCM_DATABASE_URL": url, "PYTHONPATH": tree}
    cli = [sys.executable, "-m", "bot", "chat", "--at", "2017-03-24T09:00"]
    samples = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run(cli, input=f"{line}\n", capture_output=True, text=True, env=env, check=True)
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--baseline", default=None, help="another checkout to compare start-up")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ccm-nlu-bench-"))
    url = f"sqlite:///{workdir / 'bench.db'}"
    settings = Settings(database_url=url)
    db = prepare_database(settings, demo=True)
    deps = build_deps(settings, db=db)
    iso3s = [s.iso3 for s in deps.states.all()]
    rows = read_csv(
        make_csv(args.items, iso3s), directory=deps.states, now=datetime.now().astimezone()
    )
    with db.session(write=True) as session:
        store_rows(session, rows)
    db.analyze()
    print(f"States: {len(iso3s)}, items: {args.items:,}")

    lines = _lines()
    now = datetime(2017, 3, 24, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))
    mask = masker(deps.states)
    began = time.perf_counter()
    intents.matcher(mask)
    print(
        f"fitting the matcher at first use ({len(intents.load_bank())} examples): {(time.perf_counter() - began) * 1000:.0f} ms"
    )
    samples, cpu = [], []
    with db.session() as session:
        ctx = Ctx(session=session, now=now, tz=deps.tz, user="U1", states=deps.states)
        for line in lines:  # warm: dateparser's language data, caches
            _judge(ctx, line, mask)
        for _round in range(3):
            for line in lines:
                t, c = time.perf_counter(), time.process_time()
                _judge(ctx, line, mask)
                samples.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
    samples.sort()
    print(
        f"CPU time of this process per line (steadier on a busy machine): median "
        f"{statistics.median(cpu):.2f} ms, p95 {sorted(cpu)[int(len(cpu) * 0.95)]:.2f} ms"
    )
    print(
        f"read + judge per line ({len(lines)} lines x 3): median {statistics.median(samples):.2f} ms, "
        f"p95 {samples[int(len(samples) * 0.95)]:.2f} ms, max {samples[-1]:.2f} ms (target <= 2 ms median)"
    )
    whole, named = [], []
    with db.session() as session:
        ctx = Ctx(session=session, now=now, tz=deps.tz, user="U1", states=deps.states)
        for line in lines:
            t = time.perf_counter()
            interpret(ctx, line)
            whole.append((time.perf_counter() - t) * 1000)
        for line in _DESCRIBED:
            t = time.perf_counter()
            described_item(ctx, reading_of(ctx, line))
            named.append((time.perf_counter() - t) * 1000)
    whole.sort()
    print(
        f"whole reading per line (clauses, context, items named in words): median "
        f"{statistics.median(whole):.2f} ms, p95 {whole[int(len(whole) * 0.95)]:.2f} ms"
    )
    print(
        f"finding an item by its words among the open ones ({len(_DESCRIBED)} lines): median "
        f"{statistics.median(named):.1f} ms (only for a change in words without a number)"
    )
    here = str(Path(__file__).parents[1])
    print(
        f"console start + first answer, `status Botswana`: {_console(url, 'status Botswana', here):.2f} s"
    )
    if args.baseline:
        print(f"  same on {args.baseline}: {_console(url, 'status Botswana', args.baseline):.2f} s")
    print(
        "console start + first answer, `when is the next CC meeting?` (fits the matcher): "
        f"{_console(url, 'when is the next CC meeting?', here):.2f} s"
    )


if __name__ == "__main__":
    main()
