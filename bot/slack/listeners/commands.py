"""`/ccm ...`: answered inline in the ack when ready within the budget, else via response_url."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import replace
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import Message, split_reply
from bot.slack.deliver import dm_channel, send_direct, upload_chart
from bot.slack.inbound import from_slack, split_visibility
from bot.slack.runtime import Runtime
from bot.slack.speak import reader_language
from handlers.commands.router import handle
from handlers.i18n import N_, _, use_language
from handlers.reply.reply import Reply, context

log = logging.getLogger(__name__)
MAX_RESPONSES = 5  # a response_url takes 5 posts in 30 minutes


def _run(
    runtime: Runtime, text: str, user: str, team: str | None, public: bool, channel: str
) -> tuple[Reply, bool]:
    runtime.people.ensure(user)
    reply = handle(runtime.deps, text, user=user, caller=runtime.caller(user, team=team))
    return _keep_inside(runtime, reply, public, channel)


PRIVATE_NOTE = N_(
    "_Shown only to you: this channel is shared with another organisation, and contributions, "
    "history and the roster stay within the committee._"
)


def _response_type(reply: Reply, public: bool) -> str:
    # A refusal stays private even when `public` was asked: nobody needs to see a typo.
    return "in_channel" if (public or reply.public) and reply.ok else "ephemeral"


def _carried(runtime: Runtime, reply: Reply, body: dict[str, Any], respond: Respond) -> None:
    """After the answer: upload its chart into the conversation, send its private line by DM.

    A chart of money (``reply.private``) never goes where another organisation reads: it goes
    to the asker's DM instead."""
    user = str(body.get("user_id") or "")
    try:
        if reply.upload is not None:
            channel = str(body.get("channel_id") or "")
            outside = reply.private and runtime.channels.shares_outside(channel)
            where = dm_channel(runtime.client, user) if outside else channel
            note = upload_chart(runtime.client, reply.upload, channel=where, user=user)
            if outside:
                note = _(
                    "This conversation includes another organisation, "
                    "so I sent the chart to you in a direct message."
                )
            if note:
                respond(text=note, response_type="ephemeral")
        if reply.direct is not None:
            send_direct(runtime.client, user, reply.direct)
    except SlackApiError as problem:
        log.warning("could not deliver a /ccm attachment: %s", problem.response.get("error"))
        respond(
            text=_(
                "I couldn't send that to Slack just now; nothing was changed. Please try again."
            ),
            response_type="ephemeral",
        )


def _keep_inside(runtime: Runtime, reply: Reply, public: bool, channel: str) -> tuple[Reply, bool]:
    """Money, audit and roster never go in_channel where another organisation reads."""
    wants_channel = (public or reply.public) and reply.ok
    if not (wants_channel and reply.private and runtime.channels.shares_outside(channel)):
        return reply, public
    with use_language(reply.lang):
        private_note = _(PRIVATE_NOTE)
    note = context(private_note)
    kept = replace(reply, public=False, text=f"{reply.text}\n{private_note}")
    return replace(kept, blocks=[*reply.blocks, note]), False


def _deliver_later(
    future: Future[tuple[Reply, bool]],
    respond: Respond,
    runtime: Runtime,
    body: dict[str, Any],
    lang: str | None = None,
) -> None:
    try:
        reply, public = future.result()
    except Exception:
        log.exception("slow /ccm command failed")
        with use_language(lang):
            respond(text=_("Something went wrong on my side; nothing was changed."))
        return
    kind = _response_type(reply, public)
    try:
        for message in split_reply(reply, max_messages=MAX_RESPONSES):
            respond(text=message.text, blocks=message.blocks, response_type=kind)
    finally:
        if reply.ok:  # the chart or the DM goes out even if response_url failed
            with use_language(reply.lang):
                _carried(runtime, reply, body, respond)


def _respond_all(respond: Respond, messages: list[Message], kind: str) -> None:
    for message in messages:
        respond(text=message.text, blocks=message.blocks, response_type=kind)


def register(app: App, runtime: Runtime) -> None:
    @app.command("/ccm")
    def ccm(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        """Run the command off the request thread, so the ack is due in 3 s whatever it costs."""
        public, text = split_visibility(from_slack(body.get("text")))
        user = str(body.get("user_id") or "")
        team = body.get("user_team") or None  # Slack Connect: the typer's own workspace
        channel = str(body.get("channel_id") or "")
        future = runtime.submit(_run, runtime, text, user, team, public, channel)
        try:
            reply, public = future.result(timeout=runtime.ack_budget_s)
        except FutureTimeout:
            lang = reader_language(runtime.deps, user)
            with use_language(lang):
                ack(text=_("⏳ Working on it…"), response_type="ephemeral")
            future.add_done_callback(
                lambda done: _deliver_later(done, respond, runtime, body, lang)
            )
            return
        kind = _response_type(reply, public)
        messages = split_reply(reply, max_messages=MAX_RESPONSES)
        if len(messages) == 1:
            ack(text=messages[0].text, blocks=messages[0].blocks, response_type=kind)
        else:
            # The ack body holds one message: ack now (this listener runs before the HTTP
            # response is sent), and post the parts through response_url, in order, after it.
            ack()
            runtime.submit(_respond_all, respond, messages, kind)
        if reply.ok and reply.item_id is not None:
            runtime.refresh_home(user)
        if reply.ok and (reply.upload is not None or reply.direct is not None):
            runtime.submit(_carried, runtime, reply, body, respond)
