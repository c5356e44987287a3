"""What a reply carries besides its text: a chart to upload, a private line to send by DM."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers.i18n import _
from handlers.reply.reply import Upload

log = logging.getLogger(__name__)
# The bot cannot post where it is not a member: the chart then goes to the asker's DM.
NOT_HERE = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}


def dm_channel(client: WebClient, user: str) -> str:
    opened = client.conversations_open(users=user)
    return str(opened["channel"]["id"])


def upload_chart(
    client: WebClient, upload: Upload, *, channel: str, user: str, thread_ts: str | None = None
) -> str | None:
    """Upload into the conversation (files_upload_v2, with alt text); returns a note for the
    asker when it had to go to their DM instead, else None."""

    def send(where: str, thread: str | None = None) -> None:
        client.files_upload_v2(
            channel=where,
            content=upload.content,
            filename=upload.filename,
            title=upload.title,
            alt_txt=upload.alt_text[:1000],  # Slack's limit for alt text
            thread_ts=thread,
        )

    try:
        send(channel, thread_ts)
        return None
    except SlackApiError as problem:
        code = problem.response.get("error", "")
        if code not in NOT_HERE:
            raise
    send(dm_channel(client, user))
    return _(
        "I can't post files in this conversation (invite me with `/invite @ccm`), "
        "so I sent the chart to you in a direct message."
    )


def send_direct(client: WebClient, user: str, text: str) -> None:
    client.chat_postMessage(channel=dm_channel(client, user), text=text, unfurl_links=False)
