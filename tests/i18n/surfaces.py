"""More of what a French or Spanish reader sees: charts, calendar feeds, stored notes, the CLI.

Each function returns (kind, text) pairs for test_no_english; everything is rendered as the
product renders it (the CLI through its own ``main``, with CCM_LANGUAGE set), never by calling
a formatter the product does not call.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bot.cli import main as cli
from handlers.calendar import build_feed
from handlers.charts import KINDS, make_chart
from handlers.i18n import use_language
from handlers.i18n.notes import localize_stored
from handlers.items.transfer import export_ics
from handlers.minutes import extract
from handlers.minutes.reply import summary_reply
from handlers.ports import Deps

# Notes as older rows stored them, in English, shown again to today's reader.
STORED_NOTES = (
    "at least two weeks before the meeting, which is scheduled to take place on 19 May 2017"
    " read as 5 May 2017 (the meeting on 19 May 2017)",
    "nine months prior to the 11MSP, which is expected to take place in September 2023"
    " read as 1 December 2022 (the 11MSP on 1 September 2023)",
    "the next meeting",
    "“soon”: no date given",
    "“in the following weeks” read as 3 weeks after 23 March",
)
# The weekday does not fit the year: 23 March 2017 was a Thursday.
CONFLICTED = "Minutes 2017\nMeeting of Wednesday 23 March\n\n1. Item\nNothing.\n"
BAD_CSV = "text,owner,due\nSend the letters,Italy,someday\n"
GOOD_CSV = "text,owner,due\nSend the letters,Italy,2017-05-05\nBrief the donors,the ISU,\n"


def charts_and_feed(deps: Deps, lang: str, *, now: datetime) -> list[tuple[str, str]]:
    """Each chart's title and alt text, a person's calendar feed and the ics export."""
    out = []
    with deps.db.session() as session, use_language(lang):
        for kind in KINDS:
            upload = make_chart(session, kind, now=now, tz=deps.tz, year=2017)
            out.append((f"chart {kind}", f"{upload.title}\n{upload.alt_text}"))
        for name, ics in (
            ("calendar feed", build_feed(session, user="U1", now=now).decode()),
            ("ics export", export_ics(session, now=now)),
        ):
            out.append((name, _calendar_words(ics)))
    return out


def _calendar_words(ics: str) -> str:
    """What a calendar shows: each event's title and description (locations are places)."""
    calendar = Calendar.from_ical(ics)
    lines = [str(calendar.get("x-wr-calname", ""))]
    for event in calendar.walk("VEVENT"):
        lines += [str(event.get("summary", "")), str(event.get("description", ""))]
    return "\n".join(lines)


def stored_and_minutes(deps: Deps, lang: str) -> list[tuple[str, str]]:
    """English notes of older rows, and a minutes summary with a doubt about its date."""
    with use_language(lang):
        notes = "\n".join(localize_stored(note) for note in STORED_NOTES)
        found = extract(
            CONFLICTED,
            now=datetime(2017, 3, 23, tzinfo=ZoneInfo("Europe/Zurich")),
            tz=ZoneInfo("Europe/Zurich"),
            states=deps.states,
            document="minutes",
        )
        summary = summary_reply(found, item_ids=[])
    return [("stored notes", notes), ("minutes with a weekday doubt", summary.text)]


def cli_outputs(url: str, lang: str, folder: Path) -> list[tuple[str, str]]:
    """The operator's commands, run as `ccm-bot ...` with CCM_LANGUAGE=lang."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bad.csv").write_text(BAD_CSV, encoding="utf-8")
    (folder / "good.csv").write_text(GOOD_CSV, encoding="utf-8")
    (folder / "minutes.txt").write_text(CONFLICTED, encoding="utf-8")
    runs = [
        ["init"],
        ["import-items", str(folder / "bad.csv")],
        ["import-items", str(folder / "good.csv")],
        ["backup", str(folder / "copy.db")],
        ["backup", str(folder / "copy.db")],  # exists already: refused
        ["restore", str(folder / "missing.db")],
        ["roster", "add", "U777", "coordinator", "--state", "Narnia"],
        ["roster", "remove", "U777"],
        ["jobs", "run", "--dry-run", "--at", "2017-03-24T09:00"],
        ["import-minutes", str(folder / "minutes.txt")],
        ["calendar-url", "--user", "U1"],
        ["serve"],  # no SLACK_BOT_TOKEN: refused in one line
    ]
    out = []
    with pytest.MonkeyPatch.context() as env:
        for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "CCM_PUBLIC_URL", "CCM_ADMINS"):
            env.delenv(name, raising=False)
        env.setenv("CCM_DATABASE_URL", url)
        env.setenv("CCM_LANGUAGE", lang)
        for argv in runs:
            printed, errors = io.StringIO(), io.StringIO()
            with redirect_stdout(printed), redirect_stderr(errors):
                cli(argv)
            shown = (printed.getvalue() + errors.getvalue()).replace(str(folder), " ")
            out.append(("ccm-bot " + " ".join(argv[:2]), shown))
    return out
