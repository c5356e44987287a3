"""Search-as-you-type for the State picker in the Reassign modal (too many States for a list)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.slack.modals import STATE_SEARCH, state_options
from bot.slack.runtime import Runtime
from bot.slack.speak import speaking_to
from handlers.i18n import state_label
from handlers.reply.text import fold


def find_states(runtime: Runtime, query: str) -> list[tuple[str, str]]:
    """Names starting with the query first, then containing it, then the core's fuzzy guesses."""
    wanted = fold(query)
    named = [(s.iso3, state_label(s.iso3, s.short)) for s in runtime.deps.states.all()]
    starts = [pair for pair in named if fold(pair[1]).startswith(wanted)]
    inside = [pair for pair in named if wanted in fold(pair[1]) and pair not in starts]
    exact = runtime.deps.states.lookup(query)
    guesses = [
        (s.iso3, state_label(s.iso3, s.short)) for s in runtime.deps.states.suggest(query, limit=5)
    ]
    first = [(exact.iso3, state_label(exact.iso3, exact.short))] if exact else []
    return list(dict.fromkeys([*first, *starts, *inside, *guesses]))


def register(app: App, runtime: Runtime) -> None:
    @app.options(STATE_SEARCH)
    def states(ack: Ack, payload: dict[str, Any]) -> None:
        user = str((payload.get("user") or {}).get("id") or "")
        with speaking_to(runtime.deps, user):  # State names in the reader's language
            ack(options=state_options(find_states(runtime, str(payload.get("value") or ""))))
