"""`ccm-bot chat`: the same command handlers as Slack, on a terminal or a pipe."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

from handlers.commands.router import handle
from handlers.i18n import _, format_day, use_language
from handlers.people.permissions import Caller
from handlers.ports import Deps
from handlers.reply.mrkdwn import to_plain
from handlers.reply.reply import Reply, Upload

PROMPT = "ccm> "


def _render(reply: Reply) -> str:
    text = to_plain(reply.text)
    if reply.choices and any(c.confirm for c in reply.choices):
        with use_language(reply.lang):
            text += "\n" + _("Type y to confirm, n to cancel.")
    return text


QUIT = {"quit", "exit", ":q"}
YES = {"y", "yes", "ok", "confirm", "oui", "o", "si", "sí", "s"}
NO = {"n", "no", "non", "cancel", "annuler", "cancelar"}


def _picked(line: str, pending: Reply | None) -> str | None:
    """The command a "y" or a number picks from the last answer's choices; "" for cancel."""
    if pending is None or not pending.choices:
        return None
    word = line.strip().lower().rstrip(".!")
    if word in YES:
        confirm = [c for c in pending.choices if c.confirm]
        return confirm[0].command if confirm else None
    if word in NO:
        return ""
    if word.isdigit() and 1 <= int(word) <= len(pending.choices):
        return pending.choices[int(word) - 1].command
    return None


def run_lines(
    deps: Deps,
    lines: Iterable[str],
    *,
    user: str,
    at: datetime | None,
    jsonl: bool,
    out: TextIO,
    lang: str | None = None,
    facts: Caller | None = None,
) -> int:
    """Answer each line until the input ends or says quit; returns how many were refused.

    With --jsonl every input line gets one object, a blank one an empty answer, so a script
    can pair its lines with the answers by position.
    """
    refused = 0
    pending: Reply | None = None
    for raw in lines:
        line = raw.rstrip("\n")
        if line.strip().lower() in QUIT:
            break
        if not line.strip() or line.lstrip().startswith("#"):
            # Blank lines and # comments (a commented script) are not commands: skipped.
            if jsonl:
                out.write(json.dumps({"input": line, "text": "", "blocks": [], "ok": True}) + "\n")
            continue
        picked = _picked(line, pending)
        if picked == "":
            with use_language(lang or (pending.lang if pending else None) or deps.language):
                reply = Reply(text=_("Cancelled: nothing was changed."), lang=lang)
        else:
            # The console is the operator's: it may do everything until an ISU admin exists,
            # then `--user U` has exactly U's rights.
            caller = replace(facts or Caller(user), user=user, operator=True)
            reply = handle(
                deps, picked or line, user=user, now=at, source="console", caller=caller, lang=lang
            )
        pending = reply if reply.choices else None
        refused += 0 if reply.ok else 1
        saved = save_upload(reply.upload) if reply.upload else None
        if jsonl:
            record: dict[str, object] = {
                "input": line,
                "text": reply.text,
                "blocks": reply.blocks,
                "ok": reply.ok,
            }
            if saved:
                record["file"] = str(saved)
            if reply.direct:
                record["direct"] = reply.direct
            if reply.choices:
                record["choices"] = [
                    {"label": c.label, "command": c.command} for c in reply.choices
                ]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            # On your own terminal, what Slack would send you by DM is simply shown.
            shown = [to_plain(reply.direct)] if reply.direct else [_render(reply)]
            with use_language(lang or reply.lang or deps.language):
                shown += [_("Chart written to {path}").format(path=saved)] if saved else []
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
    fixed = _(" (fixed by --at)") if at else ""
    return _(
        "ccm-bot console · database {url} · now {now} {zone}{fixed} · type `help`, or `quit` to leave"
    ).format(
        url=url, now=f"{format_day(moment.date())} {moment:%H:%M}", zone=deps.tz.key, fixed=fixed
    )


def interactive(
    deps: Deps,
    *,
    user: str,
    at: datetime | None,
    jsonl: bool,
    facts: Caller | None = None,
    lang: str | None = None,
) -> int:
    """A prompt loop with line editing where the platform offers readline."""
    with contextlib.suppress(ImportError):  # readline gives input() arrow keys and history
        import readline  # noqa: F401
    with use_language(lang or deps.language):
        print(start_line(deps, at))
    run_lines(
        deps, _prompted(), user=user, at=at, jsonl=jsonl, out=sys.stdout, facts=facts, lang=lang
    )
    return 0


def _prompted() -> Iterator[str]:
    """Typed lines, one at a time, so a "y" or a number can answer the previous reply."""
    while True:
        try:
            yield input(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print()
            return


def chat(
    deps: Deps,
    *,
    user: str,
    at: datetime | None,
    jsonl: bool,
    facts: Caller | None = None,
    lang: str | None = None,
) -> int:
    """Exit status 0 whatever was answered: refusals are answers (``"ok": false`` in JSON).

    ``facts``: what Slack says about ``user`` (guest, other workspace), when a token is set.
    """
    if sys.stdin.isatty():
        return interactive(deps, user=user, at=at, jsonl=jsonl, facts=facts, lang=lang)
    # Piped: the first line says the same, on stderr under --jsonl (stdout stays pure JSON).
    with use_language(lang or deps.language):
        print(start_line(deps, at), file=sys.stderr if jsonl else sys.stdout)
    run_lines(
        deps, sys.stdin, user=user, at=at, jsonl=jsonl, out=sys.stdout, facts=facts, lang=lang
    )
    return 0
