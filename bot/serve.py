"""`ccm-bot serve`: the Slack app over Socket Mode or HTTP (waitress), plus the scheduler."""

from __future__ import annotations

import logging
import sys
from typing import Any

from sqlalchemy import text

from bot.settings import Settings, SettingsError
from bot.slack.client import SlackSetupError, make_client
from handlers.ports import Deps

log = logging.getLogger(__name__)
HTTP_THREADS = 16


def _fail(message: str) -> int:
    print(f"ccm-bot: {message}", file=sys.stderr)
    return 2


def _healthy(deps: Deps) -> bool:
    try:
        with deps.db.session() as session:
            session.exec(text("SELECT 1"))  # type: ignore[call-overload]
        return True
    except Exception:
        log.exception("health check failed")
        return False


def make_wsgi(app: Any, settings: Settings, deps: Deps) -> Any:
    """/slack/events and /healthz (SlackWsgi), behind the calendar feeds (/calendar/<secret>.ics)."""
    from bot.calendar_http import CalendarFeeds
    from bot.slack.wsgi import SlackWsgi

    slack = SlackWsgi(
        app, signing_secret=settings.slack_signing_secret or "", healthy=lambda: _healthy(deps)
    )
    return CalendarFeeds(slack, deps)


def serve(settings: Settings, port: int, *, host: str = "0.0.0.0") -> int:
    """Run until interrupted; exit code 2 with one line when credentials are missing or refused."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if not settings.slack_bot_token:
        return _fail(
            "SLACK_BOT_TOKEN is not set; copy the Bot User OAuth Token (xoxb-…) from your Slack app."
        )
    if not settings.slack_bot_token.startswith("xoxb-"):
        return _fail("SLACK_BOT_TOKEN should start with xoxb- (the Bot User OAuth Token).")
    if settings.slack_app_token and not settings.slack_app_token.startswith("xapp-"):
        return _fail(
            "SLACK_APP_TOKEN should start with xapp- (an app-level token with connections:write)."
        )
    from bot.slack.app import create_app, runtime_of
    from bot.slack.notifier import SlackNotifier
    from bot.wiring import build_deps
    from handlers.dates.reading import warm_up

    try:
        deps = build_deps(settings)
        client = make_client(settings)
        app = create_app(settings, deps, client=client)
    except (SlackSetupError, SettingsError) as problem:
        return _fail(str(problem))
    warm_up()  # the first date parse costs ~1 s: pay it before the first 3-second deadline
    from schedules.runner import start_scheduler

    scheduler = start_scheduler(
        deps, SlackNotifier(make_client(settings)), config=settings.schedule
    )
    try:
        if settings.slack_app_token:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            log.info("connecting to Slack in Socket Mode")
            SocketModeHandler(app, settings.slack_app_token).start()  # type: ignore[no-untyped-call]
        else:
            import waitress

            log.info("listening on http://%s:%d/slack/events", host, port)
            waitress.serve(
                make_wsgi(app, settings, deps), host=host, port=port, threads=HTTP_THREADS
            )
    except KeyboardInterrupt:
        pass
    finally:
        scheduler.shutdown()
        runtime_of(app).shutdown()
    return 0
