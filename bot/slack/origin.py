"""Where a button was pressed, and how to update that place in place after the change."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.slack.blocks import Block, acted, replace_item, with_date_picker
from bot.slack.home import publish_home
from bot.slack.runtime import Runtime
from handlers.i18n import _
from handlers.reply.reply import Reply

log = logging.getLogger(__name__)
MAX_METADATA = 3000  # private_metadata limit: the message blocks ride along only if they fit


@dataclass(frozen=True)
class Origin:
    """A message (channel+ts, or an ephemeral one reachable by response_url) or the Home tab."""

    channel: str | None = None
    ts: str | None = None
    response_url: str | None = None
    home: bool = False
    ephemeral: bool = False
    blocks: list[Block] = field(default_factory=list)

    def to_metadata(self) -> dict[str, Any]:
        data = asdict(self)
        if len(json.dumps(data)) > MAX_METADATA - 200:
            data["blocks"] = []
        return data

    @classmethod
    def from_metadata(cls, data: dict[str, Any]) -> Origin:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def origin_of(body: dict[str, Any]) -> Origin:
    """Read a block_actions payload: container says message, ephemeral message or view."""
    container = body.get("container") or {}
    if container.get("type") == "view":
        return Origin(home=True)
    message = body.get("message") or {}
    return Origin(
        channel=container.get("channel_id") or (body.get("channel") or {}).get("id"),
        ts=container.get("message_ts") or message.get("ts"),
        response_url=body.get("response_url"),
        ephemeral=bool(container.get("is_ephemeral")),
        blocks=list(message.get("blocks") or []),
    )


def show_change(runtime: Runtime, origin: Origin, reply: Reply, *, item_id: int, user: str) -> None:
    """Replace just that item's rows in the message (or the whole answer), or republish Home."""
    if origin.home:
        publish_home(runtime.client, runtime.deps, user)
        return
    fresh = [*with_date_picker(reply.blocks), acted(user, runtime.deps.clock(), _("just now"))]
    blocks = replace_item(origin.blocks, item_id, fresh) or fresh
    try:
        if origin.ts and origin.channel and not origin.ephemeral:
            runtime.client.chat_update(
                channel=origin.channel, ts=origin.ts, text=reply.text, blocks=blocks
            )
        elif origin.response_url:
            WebhookClient(origin.response_url).send(
                text=reply.text, blocks=blocks, replace_original=True
            )
    except SlackApiError as problem:
        log.error("could not update the message for #%s: %s", item_id, problem)
    runtime.refresh_home(user)


def tell(runtime: Runtime, origin: Origin, text: str, *, user: str) -> None:
    """A refusal ('#12 is done; nothing changed') only the presser sees."""
    try:
        if origin.response_url:
            WebhookClient(origin.response_url).send(
                text=text, response_type="ephemeral", replace_original=False
            )
        elif origin.channel:
            runtime.client.chat_postEphemeral(channel=origin.channel, user=user, text=text)
        elif origin.home:
            publish_home(runtime.client, runtime.deps, user)
    except SlackApiError as problem:
        log.error("could not tell %s: %s", user, problem)
