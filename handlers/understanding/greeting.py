"""A greeting or a thank-you, answered in kind and in the reader's language."""

from __future__ import annotations

import re

from handlers.dates.vocab import same_length_fold
from handlers.i18n import _
from handlers.reply.reply import Reply, section

_THANKS = re.compile(
    r"(?<!no )(?<!non )\b(?:thank|thanks|thx|ty|cheers|merci|gracias|muchas gracias)\b"
)


def greeting(line: str) -> Reply:
    """A greeting or a thank-you gets one back, in the reader's language, and a hint."""
    if _THANKS.search(same_length_fold(line)):
        text = _("You're welcome! Anything else? `help` lists what I can do.")
    else:
        text = _(
            "Hello! Ask me things like “what's overdue?” or “when is the next meeting?” — "
            "`help` lists everything."
        )
    return Reply(text=text, blocks=[section(text)])
