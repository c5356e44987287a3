"""The Web API client: pointed at SLACK_API_URL, retrying rate limits, and who we are."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.settings import Settings
from handlers.i18n import _

TIMEOUT_S = 10


class SlackSetupError(RuntimeError):
    """Slack refused our credentials or could not be reached; the message is one line to act on."""


@dataclass(frozen=True)
class Identity:
    """What auth.test says about the token: needed to ignore our own messages."""

    team_id: str | None
    bot_user_id: str | None
    bot_id: str | None
    enterprise_id: str | None = None


def make_client(settings: Settings, *, token: str | None = None) -> WebClient:
    """A WebClient that honours Retry-After (the default retries connection errors only)."""
    base_url = settings.slack_api_url
    return WebClient(
        token=token or settings.slack_bot_token,
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        timeout=TIMEOUT_S,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=1),
            RateLimitErrorRetryHandler(max_retry_count=2),
        ],
    )


def identify(client: WebClient) -> Identity:
    """auth.test once at start-up; a bad token becomes a SlackSetupError, not a traceback."""
    try:
        answer = client.auth_test()
    except SlackApiError as problem:
        code = problem.response.get("error", "unknown_error")
        raise SlackSetupError(
            _(
                "Slack refused SLACK_BOT_TOKEN ({code}); copy the Bot User OAuth Token (xoxb-…) "
                "from your app's OAuth & Permissions page."
            ).format(code=code)
        ) from problem
    except OSError as problem:
        raise SlackSetupError(
            _(
                "Cannot reach Slack at {url} ({problem}); check SLACK_API_URL and the network."
            ).format(url=client.base_url, problem=problem)
        ) from problem
    return Identity(
        team_id=answer.get("team_id"),
        bot_user_id=answer.get("user_id"),
        bot_id=answer.get("bot_id"),
        enterprise_id=answer.get("enterprise_id"),
    )
