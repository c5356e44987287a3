"""`ccm-bot chat`: the same command handlers as Slack, on a terminal or a pipe."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

from handlers.commands.router import handle
from handlers.i18n import _, use_language
from handlers.ports import Deps
from handlers.reply.mrkdwn import to_plain
from handlers.reply.reply import Reply

PROMPT = "ccm> "


def _render(reply: Reply) -> str:
    return to_plain(reply.text)


QUIT = {"quit", "exit", ":q"}


def run_lines(
    deps: Deps,
    lines: Iterable[str],
    *,
    user: str,
    at: datetime | None,
    jsonl: bool,
    out: TextIO,
    lang: str | None = None,
) -> int:
    """Answer each line until the input ends or says quit; returns how many were refused.

    With --jsonl every input line gets one object, a blank one an empty answer, so a script
    can pair its lines with the answers by position.
    """
    refused = 0
    for raw in lines:
        line = raw.rstrip("\n")
        if line.strip().lower() in QUIT:
            break
        if not line.strip():
            if jsonl:
                out.write(json.dumps({"input": line, "text": "", "blocks": [], "ok": True}) + "\n")
            continue
        reply = handle(deps, line, user=user, now=at, source="console", lang=lang)
        refused += 0 if reply.ok else 1
        if jsonl:
            record = {"input": line, "text": reply.text, "blocks": reply.blocks, "ok": reply.ok}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(_render(reply) + "\n\n")
        out.flush()
    return refused


def interactive(
    deps: Deps, *, user: str, at: datetime | None, jsonl: bool, lang: str | None = None
) -> int:
    """A prompt loop with line editing where the platform offers readline."""
    with contextlib.suppress(ImportError):  # readline gives input() arrow keys and history
        import readline  # noqa: F401
    with use_language(lang or deps.language):
        print(_("ccm-bot console — type a command such as `status Botswana`, `help`, or `quit`."))
    while True:
        try:
            line = input(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.strip().lower() in QUIT:
            return 0
        run_lines(deps, [line], user=user, at=at, jsonl=jsonl, out=sys.stdout, lang=lang)


def chat(
    deps: Deps, *, user: str, at: datetime | None, jsonl: bool, lang: str | None = None
) -> int:
    """Exit status 0 whatever was answered: refusals are answers (``"ok": false`` in JSON)."""
    if sys.stdin.isatty():
        return interactive(deps, user=user, at=at, jsonl=jsonl, lang=lang)
    run_lines(deps, sys.stdin, user=user, at=at, jsonl=jsonl, out=sys.stdout, lang=lang)
    return 0
