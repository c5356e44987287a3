"""The import summary's "Set meeting date" button: a date picker in a modal; on save the minutes
are read again against that date (handlers.minutes.redate) and the summary is redrawn in place.
Needed when the minutes name no date (relative due dates would otherwise be read against the
day of the import) or when the importer sees the wrong one."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from slack_bolt import Ack, App
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import split_reply
from bot.slack.minutes_flow import scoped_confirm_all
from bot.slack.modals import View, metadata_of, submitted
from bot.slack.origin import origin_of, tell
from bot.slack.runtime import Runtime
from bot.slack.speak import speaking_to
from handlers.i18n import _
from handlers.minutes.redate import RedateRefused, redate
from handlers.minutes.reply import SET_DATE, summary_reply
from handlers.people.permissions import actor_for, may_write, read_only_reason

log = logging.getLogger(__name__)
DATE_VIEW = "minutes_date"


def date_modal(day: date | None, *, metadata: dict[str, Any]) -> View:
    picker: dict[str, Any] = {"type": "datepicker", "action_id": "day"}
    if day is not None:
        picker["initial_date"] = day.isoformat()
    return {
        "type": "modal",
        "callback_id": DATE_VIEW,
        "title": {"type": "plain_text", "text": _("Meeting date")[:24]},
        "submit": {"type": "plain_text", "text": _("Read again")},
        "close": {"type": "plain_text", "text": _("Cancel")},
        "private_metadata": json.dumps(metadata),
        "blocks": [
            {
                "type": "input",
                "block_id": "day",
                "label": {"type": "plain_text", "text": _("The day the meeting was held")},
                "element": picker,
            },
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": _(
                            "The minutes are read again against this date (dates without a "
                            "year, relative due dates); drafts not yet confirmed are replaced."
                        ),
                    }
                ],
            },
        ],
    }


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def open_picker(runtime: Runtime, body: dict[str, Any], value: str) -> None:
    user, origin = str(body["user"]["id"]), origin_of(body)
    caller = runtime.caller_of(body)
    with runtime.deps.db.session() as session:
        actor = actor_for(session, user, caller)
        refusal = None if may_write(actor) else read_only_reason(session, actor)
    if refusal is not None:
        tell(runtime, origin, refusal, user=user)
        return
    filed = _day(value)
    if filed is None:
        tell(runtime, origin, _("This button names no import; nothing changed."), user=user)
        return
    blocks = origin.blocks
    # The summary's date button is "primary" exactly when no date was found (any language).
    found_date = not any(
        b.get("block_id") == "minutes_date" and (b.get("elements") or [{}])[0].get("style")
        for b in blocks
    )
    meta = {"channel": origin.channel, "ts": origin.ts, "filed": filed.isoformat()}
    runtime.client.views_open(
        trigger_id=body["trigger_id"], view=date_modal(filed if found_date else None, metadata=meta)
    )


def save_date(runtime: Runtime, body: dict[str, Any], view: dict[str, Any]) -> dict[str, str]:
    """Read the minutes again as held on the chosen day; errors go back on the field."""
    user, meta = str(body["user"]["id"]), metadata_of(view)
    new_day, old_day = _day(submitted(view).get("day", "")), _day(str(meta.get("filed", "")))
    if new_day is None:
        return {"day": _("Pick the day the meeting was held.")}
    if old_day is None:
        return {"day": _("This form names no import; nothing changed.")}
    deps, now = runtime.deps, runtime.deps.clock()
    caller = runtime.caller_of(body)
    try:
        with deps.db.session(write=True, actor=user, now=now) as session:
            actor = actor_for(session, user, caller)
            if not may_write(actor):
                return {"day": read_only_reason(session, actor)}
            done = redate(
                session,
                old_day=old_day,
                new_day=new_day,
                tz=deps.tz,
                states=deps.states,
                actor=user,
                now=now,
            )
    except RedateRefused as problem:
        return {"day": str(problem)}
    reply = summary_reply(done.found, item_ids=done.ids)
    first = split_reply(reply)[0]
    blocks = scoped_confirm_all(first.blocks, new_day)
    channel, ts = meta.get("channel"), meta.get("ts")
    if channel and ts:
        try:
            runtime.client.chat_update(channel=channel, ts=ts, text=first.text, blocks=blocks)
        except SlackApiError as problem:
            log.error("could not redraw the import summary: %s", problem)
    return {}


def register(app: App, runtime: Runtime) -> None:
    @app.action(SET_DATE)
    def on_set_date(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        with speaking_to(runtime.deps, str(body["user"]["id"])):
            open_picker(runtime, body, str(action.get("value", "")))

    @app.view(DATE_VIEW)
    def on_date(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        with speaking_to(runtime.deps, str(body["user"]["id"])):
            errors = save_date(runtime, body, view)
        if errors:
            ack(response_action="errors", errors=errors)
        else:
            ack()
