"""The floor of the stack: the least a Bolt app can do for `/ccm status <State>`.

A bare Bolt app under the same waitress server and signature layer as `ccm-bot serve`,
answering in the ack with one indexed SQL query (how many open items the State has). Whatever
ccm-bot takes beyond this is ours to explain. `python -m benchmarks.floor --port N` serves it
with the environment `ccm-bot serve` reads (CCM_DATABASE_URL, SLACK_*).
"""

from __future__ import annotations

import argparse
from typing import Any

from slack_bolt import Ack, App
from slack_bolt.authorization import AuthorizeResult
from sqlalchemy import text

from bot.settings import Settings
from handlers.ports import Deps
from tests.slack.signed import SECRET

# The States asked about, in turn; all of them have items in the load's data.
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

_COUNT = text(
    "SELECT count(*) FROM itemstate JOIN actionitem ON actionitem.id = itemstate.item_id "
    "WHERE itemstate.iso3 = :iso3 AND actionitem.status = 'open'"
)


def floor_app(settings: Settings, deps: Deps) -> App:
    """One indexed query, answered in the ack (process_before_response, as ccm-bot serves)."""
    app = App(
        signing_secret=SECRET,
        authorize=lambda: AuthorizeResult(
            enterprise_id=None,
            team_id="T0CCM",
            bot_token="xoxb-x",
            bot_user_id="UBOT",
            bot_id="BBOT",
        ),
        process_before_response=True,
        token_verification_enabled=False,
    )
    app.client.base_url = settings.slack_api_url

    @app.command("/ccm")
    def ccm(ack: Ack, body: dict[str, Any]) -> None:
        name = str(body.get("text", "")).removeprefix("status ").strip()
        state = deps.states.lookup(name)
        with deps.db.session() as session:
            n = session.execute(_COUNT, {"iso3": state.iso3 if state else ""}).scalar_one()
        ack(text=f"{name}: {n} open items", response_type="ephemeral")

    return app


def main() -> int:
    import waitress

    from bot.serve import HTTP_THREADS
    from bot.slack.wsgi import SlackWsgi
    from bot.wiring import build_deps

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    port = parser.parse_args().port
    settings = Settings.from_env()
    app = floor_app(settings, build_deps(settings))
    wsgi = SlackWsgi(app, signing_secret=SECRET, healthy=lambda: True)
    waitress.serve(wsgi, host="127.0.0.1", port=port, threads=HTTP_THREADS, _quiet=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
