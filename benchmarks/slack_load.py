"""Load on the real Slack path: signed `/ccm status <State>` over loopback HTTP, 20,000 items.

Run from the repository root:  python -m benchmarks.slack_load [--requests 400]

Prints, per concurrency (1 and 20), how long until each answer arrived (inline in the ack,
or at the fake response_url), p50/p99, and how many were lost, beside two floors served by the
same waitress + signature layer: a minimal Bolt app answering with one indexed SQL query
(process_before_response=True), and the same with Bolt's default (ack polling).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import waitress
from slack_bolt import Ack, App
from slack_bolt.authorization import AuthorizeResult
from sqlalchemy import insert, text

from bot.serve import make_wsgi
from bot.settings import Settings
from bot.slack.app import create_app, runtime_of
from bot.slack.wsgi import SlackWsgi
from bot.wiring import build_deps
from handlers.dates.reading import warm_up
from handlers.ports import Deps
from storage.models import ActionItem, ItemState
from tests.slack.fake_slack import FakeSlack
from tests.slack.signed import SECRET, Sender

STATES = [
    "Botswana",
    "Italy",
    "Albania",
    "Chile",
    "Lao PDR",
    "Iraq",
    "Norway",
    "Switzerland",
    "Croatia",
    "Germany",
    "Mexico",
    "Ghana",
    "Peru",
    "Japan",
    "Spain",
    "Austria",
]


def seed(deps: Deps, count: int) -> None:
    iso3s = [s.iso3 for s in deps.states.all()]
    now = deps.clock()
    rows = [
        {
            "id": i,
            "text": f"follow up on item {i}",
            "owner": "Italy",
            "owner_kind": "state",
            "owner_ref": "ITA",
            "status": "open" if i % 3 else "done",
            "created_at": now,
            "updated_at": now,
            "due": now.date().replace(day=1 + i % 28),
        }
        for i in range(1, count + 1)
    ]
    links = [{"item_id": i, "iso3": iso3s[i % len(iso3s)]} for i in range(1, count + 1)]
    with deps.db.session(write=True) as session:
        session.execute(insert(ActionItem), rows)
        session.execute(insert(ItemState), links)


def floor_app(settings: Settings, deps: Deps, *, process_before_response: bool) -> App:
    """The least a Bolt app can do for the same question: one indexed query, answer in the ack."""
    app = App(
        signing_secret=SECRET,
        authorize=lambda: AuthorizeResult(
            enterprise_id=None,
            team_id="T0CCM",
            bot_token="xoxb-x",
            bot_user_id="UBOT",
            bot_id="BBOT",
        ),
        process_before_response=process_before_response,
        token_verification_enabled=False,
    )
    app.client.base_url = settings.slack_api_url

    @app.command("/ccm")
    def ccm(ack: Ack, body: dict[str, Any]) -> None:
        name = str(body.get("text", "")).removeprefix("status ").strip()
        state = deps.states.lookup(name)
        with deps.db.session() as session:
            n = session.execute(
                text(
                    "SELECT count(*) FROM itemstate JOIN actionitem ON actionitem.id = itemstate.item_id "
                    "WHERE itemstate.iso3 = :iso3 AND actionitem.status = 'open'"
                ),
                {"iso3": state.iso3 if state else ""},
            ).scalar_one()
        ack(text=f"{name}: {n} open items", response_type="ephemeral")

    return app


def serve(wsgi: Any) -> tuple[Any, threading.Thread, str]:
    server = waitress.create_server(
        wsgi, host="127.0.0.1", port=0, threads=24, connection_limit=200
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.effective_port}/slack/events"


def stop(server: Any, thread: threading.Thread) -> None:
    server.trigger.pull_trigger(server._map.clear)
    thread.join(timeout=5)
    server.task_dispatcher.shutdown()
    server.socket.close()


def load(url: str, fake: FakeSlack, *, requests: int, concurrency: int) -> dict[str, float]:
    sender = Sender(url)

    def one(i: int) -> float | None:
        name = f"req{concurrency}-{i}"
        start = time.perf_counter()
        answer = sender.command(
            f"status {STATES[i % len(STATES)]}", response_url=fake.response_url(name)
        )
        if answer.status != 200:
            return None
        body = answer.json()
        if body and "Working on it" not in str(body.get("text", "")):
            return time.perf_counter() - start
        deadline = time.monotonic() + 30  # answer comes later, through response_url
        while time.monotonic() < deadline:
            if fake.of(f"response/{name}"):
                return time.perf_counter() - start
            time.sleep(0.002)
        return None

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(one, range(requests)))
    wall = time.perf_counter() - began
    times = sorted(r * 1000 for r in results if r is not None)
    return {
        "sent": requests,
        "lost": requests - len(times),
        "p50": statistics.median(times),
        "p99": times[min(len(times) - 1, int(len(times) * 0.99))],
        "max": times[-1],
        "rps": len(times) / wall,
    }


def report(label: str, run: Callable[[int], dict[str, float]]) -> None:
    for concurrency in (1, 20):
        r = run(concurrency)
        print(
            f"{label:<44} c={concurrency:<3} sent={r['sent']:<5.0f} lost={r['lost']:<3.0f} "
            f"p50={r['p50']:7.1f} ms  p99={r['p99']:7.1f} ms  max={r['max']:7.1f} ms  {r['rps']:6.0f} req/s"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--items", type=int, default=20_000)
    args = parser.parse_args()
    fake = FakeSlack()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            database_url=f"sqlite:///{tmp}/bench.db",
            slack_bot_token="xoxb-bench",
            slack_signing_secret=SECRET,
            slack_api_url=fake.url,
        )
        deps = build_deps(settings)
        seed(deps, args.items)
        warm_up()
        print(
            f"{args.items:,} items; {args.requests} signed `/ccm status <State>` per run; loopback HTTP"
        )
        app = create_app(settings, deps)
        server, thread, url = serve(make_wsgi(app, settings, deps))
        report(
            "ccm-bot (inline ack, response_url fallback)",
            lambda c: load(url, fake, requests=args.requests, concurrency=c),
        )
        stop(server, thread)
        runtime_of(app).shutdown()
        for pbr, label in (
            (True, "floor: Bolt + 1 SQL query"),
            (False, "floor: same, Bolt default (ack polling)"),
        ):
            floor = floor_app(settings, deps, process_before_response=pbr)
            server, thread, url = serve(
                SlackWsgi(floor, signing_secret=SECRET, healthy=lambda: True)
            )
            report(label, lambda c, u=url: load(u, fake, requests=args.requests, concurrency=c))
            stop(server, thread)
        deps.db.dispose()
    fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
