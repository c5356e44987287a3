"""One module per listener kind; register() wires them all (the catch-all last)."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions as actions
from bot.slack.listeners import commands as commands
from bot.slack.listeners import draft_edit as draft_edit
from bot.slack.listeners import events as events
from bot.slack.listeners import minutes as minutes
from bot.slack.listeners import minutes_date as minutes_date
from bot.slack.listeners import options as options
from bot.slack.listeners import shortcuts as shortcuts
from bot.slack.listeners import views as views
from bot.slack.runtime import Runtime


def register_listeners(app: App, runtime: Runtime) -> None:
    for kind in (
        commands,
        shortcuts,
        actions,
        options,
        views,
        minutes,
        minutes_date,
        draft_edit,
        events,
    ):
        kind.register(app, runtime)
