"""`ccm-bot chat`: the same command handlers as Slack, on a terminal or a pipe."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import TextIO

from handlers.commands.router import handle
from handlers.people.permissions import Caller
from handlers.ports import Deps
from handlers.reply.mrkdwn import to_plain
from handlers.reply.reply import Reply

PROMPT = "ccm> "
BANNER = "ccm-bot console — type a command such as `status Botswana`, `help`, or `quit`."


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
    facts: Caller | None = None,
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
        # The console is the operator's: it may do everything until an ISU admin exists, then
        # `--user U` has exactly U's rights.
        caller = replace(facts or Caller(user), user=user, operator=True)
        reply = handle(deps, line, user=user, now=at, source="console", caller=caller)
        refused += 0 if reply.ok else 1
        if jsonl:
            record = {"input": line, "text": reply.text, "blocks": reply.blocks, "ok": reply.ok}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(_render(reply) + "\n\n")
        out.flush()
    return refused


def interactive(
    deps: Deps, *, user: str, at: datetime | None, jsonl: bool, facts: Caller | None = None
) -> int:
    """A prompt loop with line editing where the platform offers readline."""
    with contextlib.suppress(ImportError):  # readline gives input() arrow keys and history
        import readline  # noqa: F401
    print(BANNER)
    while True:
        try:
            line = input(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.strip().lower() in QUIT:
            return 0
        run_lines(deps, [line], user=user, at=at, jsonl=jsonl, out=sys.stdout, facts=facts)


def chat(
    deps: Deps, *, user: str, at: datetime | None, jsonl: bool, facts: Caller | None = None
) -> int:
    """Exit status 0 whatever was answered: refusals are answers (``"ok": false`` in JSON).

    ``facts``: what Slack says about ``user`` (guest, other workspace), when a token is set.
    """
    if sys.stdin.isatty():
        return interactive(deps, user=user, at=at, jsonl=jsonl, facts=facts)
    run_lines(deps, sys.stdin, user=user, at=at, jsonl=jsonl, out=sys.stdout, facts=facts)
    return 0
