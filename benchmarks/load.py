"""Load on a real `ccm-bot serve` beside the floor of the stack, in the same run.

Run from the repository root:

    .venv/bin/python -m benchmarks.load [--requests 400] [--items 100000] [--rounds 8]
        [--concurrency 1,20] [--backends sqlite,postgresql] [--pg-url postgresql+psycopg://...]

Both servers run at once as child processes on the same database: `ccm-bot serve` and the
floor (benchmarks/floor.py: a bare Bolt app answering the same signed `/ccm status <State>` with
one indexed SQL query, under the same waitress server, thread count and signature layer). Each
concurrency level is measured in ``--rounds`` alternating slices (ccm-bot, floor, floor,
ccm-bot, ...), so that whatever else the machine is doing falls on both alike. Prints, per
server and concurrency, p50/p99/max of the time until the answer arrived (inline in the ack, or
posted to the fake response_url: both count), requests lost, throughput and peak RSS, and
ccm-bot's p99 / the floor's p99 (and p50 / p50), and each server's CPU time per request (read
from /proc: what other load on a shared machine does not inflate). Target: nothing lost, p99
ratio <= 3 at every concurrency.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from benchmarks.floor import STATES
from tests.crash.server import ServerProcess
from tests.slack.fake_slack import FakeSlack
from tests.slack.signed import Sender

WAIT_S = 30.0  # an answer later than this is lost (response_url lives 30 minutes; users less)


@dataclass
class Waiter(FakeSlack):
    """The fake Web API, plus an Event per response_url so waiting costs no polling."""

    arrived: dict[str, threading.Event] = field(default_factory=dict)

    def expect(self, name: str) -> threading.Event:
        with self._lock:
            return self.arrived.setdefault(name, threading.Event())

    def answer(
        self, method: str, body: dict[str, Any], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], Any]:
        result = super().answer(method, body, headers)
        if method.startswith("response/"):
            self.expect(method.removeprefix("response/")).set()
        if len(self.calls) > 10_000:  # keep the record from growing through a long run
            with self._lock:
                del self.calls[:5_000]
        return result


# -- the database ------------------------------------------------------------------------


def load_items(url: str, count: int) -> None:
    """Migrate, then bulk load ``count`` items as core_bench does (read_csv + store_rows)."""
    from benchmarks.core_bench import make_csv
    from bot.settings import Settings
    from bot.wiring import build_deps, prepare_database
    from handlers.items.transfer import read_csv, store_rows

    settings = Settings(database_url=url)
    db = prepare_database(settings, demo=False)
    deps = build_deps(settings, db=db)
    iso3s = [s.iso3 for s in deps.states.all()]
    rows = read_csv(make_csv(count, iso3s), directory=deps.states, now=datetime.now(UTC))
    with db.session(write=True) as session:
        store_rows(session, rows)
    db.analyze()
    db.dispose()


@contextmanager
def database(backend: str, pg_url: str, workdir: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{workdir / 'load.db'}"
        return
    name = f"ccm_load_{os.getpid()}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# -- the load ---------------------------------------------------------------------------------

Sample = tuple[float | None, bool]  # (seconds until the answer, or None if lost; inline?)


@dataclass
class Figures:
    sent: int
    lost: int
    inline: int
    rps: float
    p50: float
    p99: float
    worst: float
    cpu_ms: float = float("nan")  # the server's CPU time per answered request


def figures(samples: list[Sample], wall: float, cpu_s: float = float("nan")) -> Figures:
    times = sorted(t * 1000 for t, _ in samples if t is not None)
    nan = float("nan")
    return Figures(
        sent=len(samples),
        lost=len(samples) - len(times),
        inline=sum(1 for _, inline in samples if inline),
        rps=len(times) / wall if wall else nan,
        p50=statistics.median(times) if times else nan,
        p99=times[min(len(times) - 1, int(len(times) * 0.99))] if times else nan,
        worst=times[-1] if times else nan,
        cpu_ms=cpu_s * 1000 / len(times) if times else nan,
    )


def run_load(
    url: str, fake: Waiter, *, label: str, requests: int, concurrency: int
) -> tuple[list[Sample], float]:
    """``requests`` signed commands from ``concurrency`` threads; the samples and the wall time."""
    sender = Sender(url)

    def one(i: int) -> Sample:
        name = f"{label}-c{concurrency}-{i}-{time.monotonic_ns()}"
        arrived = fake.expect(name)
        start = time.perf_counter()
        try:
            answer = sender.command(
                f"status {STATES[i % len(STATES)]}", response_url=fake.response_url(name)
            )
        except OSError:
            return None, False
        if answer.status != 200:
            return None, False
        body = answer.json()
        if body and "Working on it" not in str(body.get("text", "")):
            return time.perf_counter() - start, True
        if arrived.wait(WAIT_S):  # answered later, through response_url
            return time.perf_counter() - start, False
        return None, False

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        samples = list(pool.map(one, range(requests)))
    return samples, time.perf_counter() - began


def cpu_ticks(pid: int) -> int:
    """User + system CPU time of a process so far, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wait_idle(pid: int, *, quiet_s: float = 1.0, timeout_s: float = 120.0) -> float:
    """Wait until the server has used (almost) no CPU for ``quiet_s``; returns seconds waited.

    `ccm-bot serve` runs the scheduler's first scan at start; with 100,000 items that is
    seconds of CPU, and measuring through it would charge it to the first requests.
    """
    began = time.monotonic()
    last, quiet_since = cpu_ticks(pid), time.monotonic()
    while time.monotonic() - began < timeout_s:
        time.sleep(0.1)
        now = cpu_ticks(pid)
        if now - last > 1:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_s:
            break
        last = now
    return time.monotonic() - began


def side_by_side(
    servers: dict[str, ServerProcess],
    fake: Waiter,
    *,
    backend: str,
    requests: int,
    rounds: int,
    concurrency: int,
) -> dict[str, Figures]:
    """Alternate slices of the load between the servers; one set of figures per server."""
    samples: dict[str, list[Sample]] = {label: [] for label in servers}
    walls = dict.fromkeys(servers, 0.0)
    cpu = dict.fromkeys(servers, 0.0)
    tick = os.sysconf("SC_CLK_TCK")
    order = list(servers)
    per_round = max(1, requests // rounds)
    for r in range(rounds):
        for label in order if r % 2 == 0 else reversed(order):
            ticks = cpu_ticks(servers[label].pid)
            got, wall = run_load(
                servers[label].url,
                fake,
                label=f"{backend}-{label}-r{r}",
                requests=per_round,
                concurrency=concurrency,
            )
            samples[label] += got
            walls[label] += wall
            cpu[label] += (cpu_ticks(servers[label].pid) - ticks) / tick
    return {label: figures(samples[label], walls[label], cpu[label]) for label in servers}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400, help="per server and concurrency")
    parser.add_argument("--rounds", type=int, default=8, help="alternating slices per level")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--concurrency", default="1,20")
    parser.add_argument("--backends", default="sqlite")
    parser.add_argument(
        "--pg-url",
        default=os.environ.get(
            "CCM_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    print(
        f"{args.items:,} items; {args.requests} signed `/ccm status <State>` per server and "
        f"concurrency, in {args.rounds} alternating slices; loopback HTTP; both servers are child "
        "processes (waitress, same threads) up at once; times in ms"
    )
    header = (
        f"{'backend':<10} {'server':<8} {'c':>3} {'sent':>5} {'lost':>4} {'inline':>6} "
        f"{'req/s':>7} {'p50':>7} {'p99':>7} {'max':>7} {'p99/floor':>9} {'p50/floor':>9} "
        f"{'cpu/req':>8} {'peak RSS':>9}"
    )
    failed = False
    fake = Waiter()
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory() as tmp, database(backend, args.pg_url, Path(tmp)) as url:
            began = time.perf_counter()
            load_items(url, args.items)
            print(
                f"\n[{backend}] loaded {args.items:,} items in {time.perf_counter() - began:.1f} s"
            )
            log = Path(tmp) / "serve.log"
            servers = {
                "ccm-bot": ServerProcess(url, fake.url, log),
                "floor": ServerProcess(
                    url, fake.url, log, argv=["-m", "benchmarks.floor", "--port", "{port}"]
                ),
            }
            try:
                for label, server in servers.items():
                    server.start(timeout=60)
                    busy = wait_idle(server.pid)
                    print(f"  {label}: busy for {busy:.1f} s after start, then measured")
                    run_load(server.url, fake, label=f"{label}-warm", requests=50, concurrency=4)
                results = {
                    c: side_by_side(
                        servers,
                        fake,
                        backend=backend,
                        requests=args.requests,
                        rounds=args.rounds,
                        concurrency=c,
                    )
                    for c in levels
                }
                rss = {label: server.peak_rss_kib() for label, server in servers.items()}
            finally:
                for server in servers.values():
                    server.stop()
            print(header)
            for label in servers:
                for c in levels:
                    f = results[c][label]
                    ratio = f.p99 / results[c]["floor"].p99
                    median = f.p50 / results[c]["floor"].p50
                    failed |= f.lost > 0 or (label == "ccm-bot" and ratio > 3)
                    print(
                        f"{backend:<10} {label:<8} {c:>3} {f.sent:>5} {f.lost:>4} {f.inline:>6} "
                        f"{f.rps:>7.0f} {f.p50:>7.1f} {f.p99:>7.1f} {f.worst:>7.1f} "
                        f"{ratio:>8.2f}x {median:>8.2f}x {f.cpu_ms:>5.1f} ms {rss[label] / 1024:>7.0f} MB"
                    )
    fake.stop()
    print("\ntarget met" if not failed else "\nTARGET MISSED (lost > 0, or p99 > 3x the floor)")
    return 0 if not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
