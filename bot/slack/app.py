"""The Bolt app factory: one App per call, authorised by one auth.test, never at import time."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from slack_bolt import App
from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack.channels import Channels
from bot.slack.client import SlackSetupError, identify, make_client
from bot.slack.listeners import register_listeners
from bot.slack.people import People
from bot.slack.runtime import Runtime
from handlers.i18n import _
from handlers.ports import Deps

log = logging.getLogger(__name__)
_OAUTH_ENV = ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")
_ENV_LOCK = threading.Lock()
_RUNTIMES: WeakKeyDictionary[App, Runtime] = WeakKeyDictionary()


@contextmanager
def _single_workspace() -> Iterator[None]:
    """With SLACK_CLIENT_ID and _SECRET set, App() silently switches to OAuth; hide them meanwhile."""
    with _ENV_LOCK:
        saved = {name: os.environ.pop(name) for name in _OAUTH_ENV if name in os.environ}
        if saved:
            log.warning(
                "ignoring %s: ccm-bot serves one workspace with a bot token", ", ".join(saved)
            )
        try:
            yield
        finally:
            os.environ.update(saved)


def create_app(settings: Settings, deps: Deps, *, client: WebClient | None = None) -> App:
    """Build the app; raises SlackSetupError (one line) when a credential is missing or refused."""
    if not settings.slack_bot_token and client is None:
        raise SlackSetupError(
            _("SLACK_BOT_TOKEN is not set; copy the Bot User OAuth Token (xoxb-…).")
        )
    socket_mode = bool(settings.slack_app_token)
    if not socket_mode and not settings.slack_signing_secret:
        raise SlackSetupError(
            _("SLACK_SIGNING_SECRET is not set; copy it from your app's Basic Information page.")
        )
    client = client or make_client(settings)
    identity = identify(client)  # the only auth.test: requests are authorised from this result
    token = client.token or settings.slack_bot_token

    def authorize() -> AuthorizeResult:
        return AuthorizeResult(
            enterprise_id=identity.enterprise_id,
            team_id=identity.team_id,
            bot_user_id=identity.bot_user_id,
            bot_id=identity.bot_id,
            bot_token=token,
        )

    with _single_workspace():
        app = App(
            name="ccm-bot",
            client=client,
            signing_secret=settings.slack_signing_secret or "socket-mode",
            authorize=authorize,
            # Events are acknowledged only after their item is committed (crash safety), and
            # no ack polling: /ccm bounds its own latency (see listeners/commands.py).
            process_before_response=True,
            request_verification_enabled=not socket_mode,
            token_verification_enabled=False,
            ignoring_self_events_enabled=True,
        )
    runtime = Runtime(
        files_base=settings.slack_files_url,
        deps=deps,
        client=client,
        identity=identity,
        people=People(
            deps.db, client, team_id=identity.team_id, install_admins=deps.install_admins
        ),
        channels=Channels(client),
    )
    register_listeners(app, runtime)
    _RUNTIMES[app] = runtime
    return app


def runtime_of(app: App) -> Runtime:
    """The shared state behind an app built here (for shutdown and tests)."""
    return _RUNTIMES[app]
