"""`ccm-bot serve`: the Slack app over Socket Mode or HTTP (waitress), plus the scheduler."""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any

from sqlalchemy import text

from bot.settings import Settings, SettingsError
from bot.slack.client import SlackSetupError, make_client
from handlers.i18n import N_, _
from handlers.ports import Deps

log = logging.getLogger(__name__)
HTTP_THREADS = 16
DEFAULT_HOST = "127.0.0.1"  # behind the HTTPS proxy; `--host 0.0.0.0` to listen on every address
# Half-open or idle connections are dropped after this many seconds (Slack sends its request
# at once): 101 silent sockets must not stall the server.
IDLE_TIMEOUT_S = 10
CONNECTION_LIMIT = 1000


def waitress_options() -> dict[str, Any]:
    """waitress' limits, applied before the WSGI app sees a request.

    waitress reads (and buffers) the whole body before calling the app, so the app's own
    Content-Length check comes too late: ``max_request_body_size`` refuses it while reading.
    """
    from bot.slack.wsgi import MAX_BODY

    return {
        "threads": HTTP_THREADS,
        "channel_timeout": IDLE_TIMEOUT_S,
        "connection_limit": CONNECTION_LIMIT,
        "max_request_body_size": MAX_BODY,
        "max_request_header_size": 64 * 1024,
        "asyncore_use_poll": True,  # select() stops at 1024 descriptors
        "cleanup_interval": 5,
    }


WARN_EVERY_S = 3600.0


def keep_warning(deps: Deps, stop: threading.Event, *, every_s: float = WARN_EVERY_S) -> None:
    """While no ISU admin exists, say so again every hour (in the log), until ``stop``."""
    while not stop.wait(every_s):
        try:
            if not warn_without_admin(deps, quiet=True):
                return
        except Exception:
            log.exception("could not check the roster for an ISU admin")


def warn_without_admin(deps: Deps, *, quiet: bool = False) -> bool:
    """Say loudly, at start, that nobody but workspace admins can change anything yet."""
    from handlers.people.permissions import roster_is_empty

    with deps.db.session() as session:
        empty = roster_is_empty(session)
    if empty:
        message = N_(
            "no ISU admin is named yet: only workspace owners and admins (and CCM_ADMINS) may "
            "change anything. Name one: `ccm-bot init --admin U…` or `/ccm roster add @someone isu`."
        )
        log.warning(message)  # the log stays English; the operator's terminal, CCM_LANGUAGE
        if not quiet:
            print("ccm-bot: " + _("warning: {message}").format(message=_(message)), file=sys.stderr)
    return empty


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


def serve(settings: Settings, port: int, *, host: str = DEFAULT_HOST) -> int:
    """Run until interrupted; exit code 2 with one line when credentials are missing or refused."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if not settings.slack_bot_token:
        return _fail(
            _(
                "SLACK_BOT_TOKEN is not set; copy the Bot User OAuth Token (xoxb-…) from your "
                "Slack app."
            )
        )
    if not settings.slack_bot_token.startswith("xoxb-"):
        return _fail(_("SLACK_BOT_TOKEN should start with xoxb- (the Bot User OAuth Token)."))
    if settings.slack_app_token and not settings.slack_app_token.startswith("xapp-"):
        return _fail(
            _(
                "SLACK_APP_TOKEN should start with xapp- (an app-level token with connections:write)."
            )
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
    stop_warning = threading.Event()
    if warn_without_admin(deps):
        threading.Thread(
            target=keep_warning, args=(deps, stop_warning), daemon=True, name="ccm-no-admin"
        ).start()
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
                make_wsgi(app, settings, deps), host=host, port=port, **waitress_options()
            )
    except KeyboardInterrupt:
        pass
    finally:
        stop_warning.set()
        scheduler.shutdown()
        runtime_of(app).shutdown()
    return 0
