"""`ccm-bot chat`: the same command handlers as Slack, on a terminal or a pipe."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from handlers.commands.router import handle
from handlers.ports import Deps
from handlers.reply.mrkdwn import to_plain
from handlers.reply.reply import Reply, Upload

PROMPT = "ccm> "


def _render(reply: Reply) -> str:
    return to_plain(reply.text)


QUIT = {"quit", "exit", ":q"}


def run_lines(
    deps: Deps, lines: Iterable[str], *, user: str, at: datetime | None, jsonl: bool, out: TextIO
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
        if not line.strip() or line.lstrip().startswith("#"):
            # Blank lines and # comments (a commented script) are not commands: skipped.
            if jsonl:
                out.write(json.dumps({"input": line, "text": "", "blocks": [], "ok": True}) + "\n")
            continue
        reply = handle(deps, line, user=user, now=at, source="console")
        refused += 0 if reply.ok else 1
        saved = save_upload(reply.upload) if reply.upload else None
        if jsonl:
            record: dict[str, Any] = {
                "input": line,
                "text": reply.text,
                "blocks": reply.blocks,
                "ok": reply.ok,
            }
            if saved:
                record["file"] = str(saved)
            if reply.direct:
                record["direct"] = reply.direct
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            # On your own terminal, what Slack would send you by DM is simply shown.
            shown = [to_plain(reply.direct)] if reply.direct else [_render(reply)]
            shown += [f"Chart written to {saved}"] if saved else []
            out.write("\n".join(shown) + "\n\n")
        out.flush()
    return refused


def save_upload(upload: Upload, directory: Path | None = None) -> Path:
    """The console has no conversation to upload into: the chart goes to a file beside you."""
    path = ((directory or Path.cwd()) / upload.filename).resolve()
    path.write_bytes(upload.content)
    return path


def start_line(deps: Deps, at: datetime | None) -> str:
    """Which database, and what "now" is: the two things a newcomer needs before answers."""
    url = deps.db.engine.url.render_as_string(hide_password=True)
    moment = (at or deps.clock()).astimezone(deps.tz)
    fixed = " (fixed by --at)" if at else ""
    return (
        f"ccm-bot console · database {url} · now {moment:%a %d %b %Y %H:%M} "
        f"{deps.tz.key}{fixed} · type `help`, or `quit` to leave"
    )


def interactive(deps: Deps, *, user: str, at: datetime | None, jsonl: bool) -> int:
    """A prompt loop with line editing where the platform offers readline."""
    with contextlib.suppress(ImportError):  # readline gives input() arrow keys and history
        import readline  # noqa: F401
    print(start_line(deps, at))
    while True:
        try:
            line = input(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.strip().lower() in QUIT:
            return 0
        run_lines(deps, [line], user=user, at=at, jsonl=jsonl, out=sys.stdout)


def chat(deps: Deps, *, user: str, at: datetime | None, jsonl: bool) -> int:
    """Exit status 0 whatever was answered: refusals are answers (``"ok": false`` in JSON)."""
    if sys.stdin.isatty():
        return interactive(deps, user=user, at=at, jsonl=jsonl)
    # Piped: the first line says the same, on stderr under --jsonl (stdout stays pure JSON).
    print(start_line(deps, at), file=sys.stderr if jsonl else sys.stdout)
    run_lines(deps, sys.stdin, user=user, at=at, jsonl=jsonl, out=sys.stdout)
    return 0
