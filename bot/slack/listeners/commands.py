"""`/ccm ...`: answered inline in the ack when ready within the budget, else via response_url."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.slack.blocks import Message, split_reply
from bot.slack.inbound import from_slack, split_visibility
from bot.slack.runtime import Runtime
from bot.slack.speak import reader_language
from handlers.commands.router import handle
from handlers.i18n import _, use_language
from handlers.reply.reply import Reply

log = logging.getLogger(__name__)
MAX_RESPONSES = 5  # a response_url takes 5 posts in 30 minutes


def _run(runtime: Runtime, text: str, user: str) -> Reply:
    runtime.people.ensure(user)
    return handle(runtime.deps, text, user=user)


def _response_type(reply: Reply, public: bool) -> str:
    # A refusal stays private even when `public` was asked: nobody needs to see a typo.
    return "in_channel" if (public or reply.public) and reply.ok else "ephemeral"


def _deliver_later(
    future: Future[Reply], respond: Respond, public: bool, lang: str | None = None
) -> None:
    try:
        reply = future.result()
    except Exception:
        log.exception("slow /ccm command failed")
        with use_language(lang):
            respond(text=_("Something went wrong on my side; nothing was changed."))
        return
    kind = _response_type(reply, public)
    for message in split_reply(reply, max_messages=MAX_RESPONSES):
        respond(text=message.text, blocks=message.blocks, response_type=kind)


def _respond_all(respond: Respond, messages: list[Message], kind: str) -> None:
    for message in messages:
        respond(text=message.text, blocks=message.blocks, response_type=kind)


def register(app: App, runtime: Runtime) -> None:
    @app.command("/ccm")
    def ccm(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        """Run the command off the request thread, so the ack is due in 3 s whatever it costs."""
        public, text = split_visibility(from_slack(body.get("text")))
        user = str(body.get("user_id") or "")
        future = runtime.submit(_run, runtime, text, user)
        try:
            reply = future.result(timeout=runtime.ack_budget_s)
        except FutureTimeout:
            lang = reader_language(runtime.deps, user)
            with use_language(lang):
                ack(text=_("⏳ Working on it…"), response_type="ephemeral")
            future.add_done_callback(lambda done: _deliver_later(done, respond, public, lang))
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
