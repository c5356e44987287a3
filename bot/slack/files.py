"""Files shared in Slack: which ones are minutes, and their bytes, fetched with the bot token.

A message's ``files`` may be partial (``file_access: check_file_info``, or only an id): then
files.info completes it. Slack serves ``url_private_download`` only with
``Authorization: Bearer <bot token>`` (scope files:read); without it, it answers 200 with its
HTML login page, which must not be mistaken for minutes.
"""

from __future__ import annotations

import http.client
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlparse

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers.i18n import N_, _
from handlers.minutes.reading import MAX_BYTES

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf")
_BY_FILETYPE = {"text": ".txt", "markdown": ".md", "docx": ".docx", "pdf": ".pdf"}
TIMEOUT_S = 20
_CHUNK = 64 * 1024
FILES_BASE = "https://files.slack.com/"  # the only host that ever gets the bot token
_NOTHING = N_("Nothing was stored.")
log = logging.getLogger(__name__)


class FileRefused(ValueError):
    """The file cannot be imported; the message is the friendly reply (nothing was stored)."""


@dataclass(frozen=True)
class SharedFile:
    """What the import needs to know about one Slack file."""

    id: str
    name: str
    suffix: str
    size: int
    url: str


def files_of(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The file objects a message or app_mention event carries (empty when none)."""
    return [f for f in message.get("files") or [] if isinstance(f, dict) and f.get("id")]


def _suffix(raw: dict[str, Any]) -> str:
    suffix = PurePosixPath(str(raw.get("name") or "")).suffix.lower()
    return suffix if suffix in SUFFIXES else _BY_FILETYPE.get(str(raw.get("filetype") or ""), "")


def _complete(client: WebClient, raw: dict[str, Any]) -> dict[str, Any]:
    """files.info when the event's copy lacks the download URL (partial file objects)."""
    if raw.get("url_private_download") and raw.get("file_access") != "check_file_info":
        return raw
    try:
        return dict(client.files_info(file=str(raw["id"]))["file"])
    except (SlackApiError, KeyError) as problem:
        raise FileRefused(
            _(
                "I can't open that file (Slack says no: is the bot allowed to read files, "
                "scope files:read?). Nothing was stored."
            )
        ) from problem


def pick_minutes(client: WebClient, raws: list[dict[str, Any]]) -> SharedFile:
    """The first importable file among those shared, or a refusal that says why."""
    if not raws:
        raise FileRefused(
            _(
                "Attach the minutes (.txt, .md, .docx or .pdf) to the message that says "
                "`@ccm import`, or use the message shortcut *Import minutes* on a message with "
                "the file."
            )
        )
    names = []
    for raw in raws:
        full = _complete(client, raw)
        name = str(full.get("name") or full.get("title") or "minutes")
        names.append(name)
        if full.get("is_external") or full.get("mode") == "external":
            # A "remote file": its URL is whatever its creator chose (Google Drive, or not).
            raise FileRefused(
                _(
                    "{name} is a link to a file kept outside Slack; I only import files uploaded "
                    "to Slack. Download it and share the file itself."
                ).format(name=name)
                + " "
                + _(_NOTHING)
            )
        suffix = _suffix(full)
        if not suffix:
            continue
        size = int(full.get("size") or 0)
        if size > MAX_BYTES:
            raise FileRefused(_too_big(name))
        url = str(full.get("url_private_download") or full.get("url_private") or "")
        if not url:
            raise FileRefused(
                _("Slack gave me no download link for {name}. Nothing was stored.").format(
                    name=name
                )
            )
        return SharedFile(id=str(full["id"]), name=name, suffix=suffix, size=size, url=url)
    shown = ", ".join(names[:3])
    raise FileRefused(
        _(
            "I import minutes from .txt, .md, .docx or .pdf files; {names} is not one. "
            "Nothing was stored."
        ).format(names=shown)
    )


def _too_big(name: str) -> str:
    return _("{name} is larger than {size} MB; I can't import it. Nothing was stored.").format(
        name=name, size=MAX_BYTES // 1_000_000
    )


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: it could carry the bot token (or the request) anywhere."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        raise FileRefused(
            _("Slack did not hand over the file directly, so I did not follow it.")
            + " "
            + _(_NOTHING)
        )


def _opener() -> urllib.request.OpenerDirector:
    """HTTP(S) only: no file://, ftp:// or data: handlers, no proxy from the environment."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _NoRedirects(),
    ):
        opener.add_handler(handler)
    return opener


def check_url(url: str, *, files_base: str) -> None:
    """Only Slack's own file host gets the token: same scheme, host and port, under its path."""
    allowed, asked = urlparse(files_base), urlparse(url)
    same_origin = (
        asked.scheme == allowed.scheme
        and asked.hostname == allowed.hostname
        and asked.port == allowed.port
        and not asked.username
        and not asked.password
    )
    if not same_origin or not asked.path.startswith(allowed.path or "/"):
        raise FileRefused(
            _("That file is not stored in Slack (it points elsewhere), so I will not fetch it.")
            + " "
            + _(_NOTHING)
        )


def download(shared: SharedFile, *, token: str, files_base: str = FILES_BASE) -> bytes:
    """The file's bytes, at most MAX_BYTES (the cap holds even when ``size`` was wrong).

    The token goes only to ``files_base`` (https://files.slack.com/), never through a redirect;
    a failure says that the download failed and nothing about why (the log has the detail).
    """
    check_url(shared.url, files_base=files_base)
    request = urllib.request.Request(shared.url, headers={"Authorization": f"Bearer {token}"})
    try:
        with _opener().open(request, timeout=TIMEOUT_S) as response:
            if "text/html" in str(response.headers.get("Content-Type", "")):
                raise FileRefused(
                    _(
                        "Slack sent a login page instead of {name}: the bot needs the "
                        "files:read scope."
                    ).format(name=shared.name)
                    + " "
                    + _(_NOTHING)
                )
            data = bytearray()
            while chunk := response.read(_CHUNK):
                data += chunk
                if len(data) > MAX_BYTES:
                    raise FileRefused(_too_big(shared.name))
    except FileRefused:
        raise
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as problem:
        log.warning("download of Slack file %s failed: %r", shared.id, problem)
        raise FileRefused(
            _("I couldn't download {name} from Slack. Please try again later.").format(
                name=shared.name
            )
            + " "
            + _(_NOTHING)
        ) from problem
    return bytes(data)
