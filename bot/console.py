"""`ccm-bot chat`: the same command handlers as Slack, on a terminal or a pipe."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

from handlers.ports import Deps
from handlers.reply import Reply
from handlers.router import handle
from handlers.slackfmt import to_plain

PROMPT = "ccm> "
BANNER = "ccm-bot console — type a command such as `status Botswana`, `help`, or `quit`."


def _render(reply: Reply) -> str:
    return to_plain(reply.text)


def run_lines(
    deps: Deps, lines: Iterable[str], *, user: str, at: datetime | None, jsonl: bool, out: TextIO
) -> int:
    """Answer each line; returns how many commands were refused (for the exit code)."""
    refused = 0
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        reply = handle(deps, line, user=user, now=at, source="console")
        refused += 0 if reply.ok else 1
        if jsonl:
            out.write(
                json.dumps(
                    {"input": line, "text": reply.text, "blocks": reply.blocks, "ok": reply.ok},
                    ensure_ascii=False,
                )
                + "\n"
            )
        else:
            out.write(_render(reply) + "\n\n")
        out.flush()
    return refused


def interactive(deps: Deps, *, user: str, at: datetime | None, jsonl: bool) -> int:
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
        if line.strip().lower() in {"quit", "exit", ":q"}:
            return 0
        run_lines(deps, [line], user=user, at=at, jsonl=jsonl, out=sys.stdout)


def chat(deps: Deps, *, user: str, at: datetime | None, jsonl: bool) -> int:
    if sys.stdin.isatty():
        return interactive(deps, user=user, at=at, jsonl=jsonl)
    run_lines(deps, sys.stdin, user=user, at=at, jsonl=jsonl, out=sys.stdout)
    return 0
