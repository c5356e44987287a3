"""`GET /calendar/<secret>.ics` in front of the Slack endpoint: the private feeds calendars poll.

Outlook and Google fetch the address without any header we could check, so the secret in
the path is the credential: unknown or revoked secrets get the same 404 as any other path.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from handlers.calendar import build_feed, owner_of
from handlers.i18n import use_language
from handlers.i18n.reader import language_of
from handlers.ports import Deps

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

log = logging.getLogger(__name__)
_FEED = re.compile(r"^/calendar/([^/]{1,100})\.ics$")
CONTENT_TYPE = "text/calendar; charset=utf-8"


class CalendarFeeds:
    """WSGI: answer feed paths from the store, hand every other request to ``inner``."""

    def __init__(self, inner: Callable[..., Iterable[bytes]], deps: Deps) -> None:
        self._inner = inner
        self._deps = deps

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        match = _FEED.match(environ.get("PATH_INFO", ""))
        if match is None:
            return self._inner(environ, start_response)
        status, headers, body = self._feed(environ, match[1])
        start_response(
            f"{status} {HTTPStatus(status).phrase}", [*headers, ("Content-Length", str(len(body)))]
        )
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    def _feed(self, environ: Any, secret: str) -> tuple[int, list[tuple[str, str]], bytes]:
        text = [("Content-Type", "text/plain; charset=utf-8")]
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return 405, [*text, ("Allow", "GET, HEAD")], b"GET only\n"
        try:
            with self._deps.db.session() as session:
                user = owner_of(session, secret)
                if user is None:
                    return 404, text, b"not found\n"
                # Written in the feed owner's language: their choice, Slack locale, else CCM_LANGUAGE.
                with use_language(language_of(session, user, default=self._deps.language)):
                    body = build_feed(session, user=user, now=self._deps.clock())
        except Exception:
            log.exception("calendar feed failed")
            return 503, [*text, ("Retry-After", "60")], b"calendar unavailable\n"
        headers = [
            ("Content-Type", CONTENT_TYPE),
            ("Content-Disposition", 'inline; filename="ccm.ics"'),
            ("Cache-Control", "private, max-age=300"),
            ("X-Robots-Tag", "noindex"),
        ]
        return 200, headers, body
