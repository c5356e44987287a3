"""`ccm-bot import-minutes FILE [--json] [--confirm]`: show what the minutes hold, or store it."""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

from babel.numbers import format_decimal

from bot.settings import Settings
from bot.wiring import build_deps
from handlers.i18n import _, current_language, use_language
from handlers.minutes import (
    ReadError,
    extract,
    read_document,
    store_drafts,
    summary_text,
    to_json,
)
from handlers.minutes import (
    confirm as confirm_drafts,
)
from handlers.minutes.drafts import filed_day
from handlers.minutes.reading import Progress
from handlers.minutes.reply import item_line
from handlers.reference.states import StateDirectory
from handlers.reply.mrkdwn import to_plain

ACTOR = "import-minutes"


def import_minutes(
    settings: Settings,
    *,
    path: Path,
    as_json: bool,
    confirm: bool,
    meeting_day: date | None = None,
) -> int:
    """Without --confirm nothing is stored; with it, items go live and figures are stored.

    A long PDF prints a progress line on stderr (stdout stays clean for --json)."""
    started = time.monotonic()
    try:
        text = read_document(path, progress=_progress(path.name))
    except ReadError as problem:
        print(f"ccm-bot: {problem.localized(_)}", file=sys.stderr)
        return 2
    now = datetime.now(UTC)
    deps = build_deps(settings) if confirm else None
    states = deps.states if deps else _directory()
    found = extract(
        text,
        now=None,
        tz=settings.tz,
        states=states,
        document=path.stem,
        filename=path.name,
        meeting_day=meeting_day,
    )
    if found.meeting is None:
        print(
            "ccm-bot: "
            + _(
                "no meeting date found in {name}; relative due dates were read from "
                "today. Give the date with --date YYYY-MM-DD."
            ).format(name=path.name),
            file=sys.stderr,
        )
    if not (found.meeting or found.items or found.contributions or found.deadlines):
        print(
            "ccm-bot: "
            + _(
                "{path} does not look like minutes: no meeting date, commitment, "
                "contribution or treaty deadline found. Nothing was stored."
            ).format(path=path),
            file=sys.stderr,
        )
        return 1
    ids: list[int] | None = None
    if deps is not None:
        with deps.db.session(write=True, actor=ACTOR, now=now) as session:
            ids = store_drafts(session, found, actor=ACTOR, now=now)
            confirm_drafts(session, ids, actor=ACTOR, now=now)
            confirm_drafts(session, "all", actor=ACTOR, now=now, day=filed_day(found, now))
    if as_json:
        payload = to_json(found, ids)
        if ids is not None:
            for item in payload["items"]:
                item["status"] = "open"
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    with use_language(settings.language):  # the summary in the committee's language
        print(_plain(summary_text(found)))
        for index, item in enumerate(found.items):
            print("  " + _plain(item_line(item, ids[index] if ids else None)))
        print(
            _("Stored.")
            if confirm
            else _("Nothing stored: run again with --confirm to store these.")
        )
    seconds = format_decimal(round(time.monotonic() - started, 1), "0.0", locale=current_language())
    print(_("Read in {seconds} s.").format(seconds=seconds), file=sys.stderr)
    return 0


def _progress(name: str) -> Progress:
    """ "reading minutes.pdf: page 20 of 60", on one line of stderr, for long PDFs."""
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if total < 5 or (now - last[0] < 0.5 and done != total):
            return
        last[0] = now
        end = "\n" if done == total else ""
        line = _("reading {name}: page {done} of {total}").format(name=name, done=done, total=total)
        print(f"\r{line}", end=end, file=sys.stderr, flush=True)

    return show


def _directory() -> StateDirectory:
    """The State names alone: a dry run needs no database."""
    return StateDirectory.default()


def _plain(markdown: str) -> str:
    """Slack mrkdwn to terminal text, as the console shows it."""
    return to_plain(markdown)
