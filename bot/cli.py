"""The `ccm-bot` console script: init, chat, serve, jobs, import and export."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from bot.settings import Settings, SettingsError
from handlers.i18n.choice import normalize


def _moment(text: str) -> datetime:
    """--at: an ISO 8601 moment; without an offset it is read in the committee's time zone."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(
            f"--at wants an ISO 8601 date-time such as 2017-03-23T10:00, not {text!r}"
        ) from problem
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=Settings.from_env().tz)
    return moment.astimezone(UTC)


def version() -> str:
    """The installed version (pyproject.toml); a source checkout that was never installed says so."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("ccm-bot")
    except PackageNotFoundError:
        return "0+unknown (not installed: run ./start.sh or pip install -e .)"


def _year(text: str) -> int:
    if not text.isdigit() or not 1990 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"--year wants a year such as 2017, not {text!r}")
    return int(text)


AT_HELP = "fix 'now' (ISO 8601, e.g. 2017-03-24T09:00; read in CCM_TIMEZONE without an offset)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ccm-bot",
        description="Chat-ops bot for the CCM Coordination Committee. Settings come from "
        "environment variables (CCM_DATABASE_URL, SLACK_BOT_TOKEN, ...: see the README).",
    )
    parser.add_argument(
        "--version", action="version", version=f"ccm-bot {version()}", help="print the version"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    init = sub.add_parser("init", help="create or migrate the database and load reference data")
    init.add_argument(
        "--demo", action="store_true", help="add a demo data set drawn from the seed minutes"
    )
    init.add_argument(
        "--admin",
        action="append",
        default=[],
        metavar="U…",
        help="name an ISU admin by Slack user id (repeatable); until one exists only workspace "
        "owners and admins may change anything",
    )
    chat = sub.add_parser("chat", help="a local console running the same handlers as Slack")
    chat.add_argument(
        "--user",
        default=None,
        help="who is typing (a Slack user id); before any ISU admin exists the console may do everything",
    )
    chat.add_argument("--at", type=_moment, default=None, help=AT_HELP)
    chat.add_argument(
        "--jsonl",
        action="store_true",
        help='one JSON object per input line: {"input", "text", "blocks", "ok"}',
    )
    chat.add_argument(
        "--lang",
        type=_language,
        default=None,
        help="answer in en, fr or es (default: the user's own language, else CCM_LANGUAGE)",
    )
    serve = sub.add_parser("serve", help="connect to Slack and run the scheduler")
    serve.add_argument(
        "--port", type=int, default=3000, help="HTTP port for /slack/events (default 3000)"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: loopback, behind your HTTPS proxy; 0.0.0.0 for all)",
    )
    jobs = sub.add_parser("jobs", help="scheduled jobs")
    jobs_sub = jobs.add_subparsers(dest="jobs_command", required=True, metavar="JOBS_COMMAND")
    run = jobs_sub.add_parser("run", help="run every job that is due, once, and exit")
    run.add_argument("--at", type=_moment, default=None, help=AT_HELP)
    run.add_argument("--jsonl", action="store_true", help="one JSON object per message sent")
    run.add_argument("--dry-run", action="store_true", help="show what is due; record nothing")
    minutes = sub.add_parser("import-minutes", help="extract drafts from a minutes document")
    minutes.add_argument("file", type=Path, help="the minutes: .txt, .md, .docx or .pdf")
    minutes.add_argument(
        "--json", action="store_true", help="print what was found as one JSON object"
    )
    minutes.add_argument("--confirm", action="store_true", help="store it (items go live as open)")
    minutes.add_argument(
        "--date",
        type=date.fromisoformat,
        default=None,
        help="the meeting's date (YYYY-MM-DD) when the minutes name none or the wrong one",
    )
    items = sub.add_parser("import-items", help="bulk load action items from CSV")
    items.add_argument("file", type=Path, help="a CSV file (as `export items --format csv` writes)")
    export = sub.add_parser("export", help="export data")
    export.add_argument("what", choices=["items"], help="what to export (items)")
    export.add_argument(
        "--format",
        choices=["csv", "json", "ics"],
        default="csv",
        help="csv or json (lossless), or ics (meetings and open items with a due date)",
    )
    export.add_argument(
        "--output", "-o", type=Path, default=None, help="write to this file, not stdout"
    )
    chart = sub.add_parser("chart", help="draw a chart to a PNG file")
    chart.add_argument(
        "kind",
        choices=["contributions", "deadlines", "items"],
        help="contributions per State, treaty deadlines ahead, or open and overdue items",
    )
    chart.add_argument(
        "--year", type=_year, default=None, help="contributions: the year (default: this year)"
    )
    chart.add_argument("--at", type=_moment, default=None, help=AT_HELP)
    chart.add_argument("--out", "-o", type=Path, required=True, help="the PNG file to write")
    calendar = sub.add_parser(
        "calendar-url", help="print a person's private calendar feed address (made on first use)"
    )
    calendar.add_argument("--user", required=True, help="their Slack user id (U...) or roster name")
    calendar.add_argument(
        "--reset", action="store_true", help="revoke the old address and print a new one"
    )
    roster = sub.add_parser("roster", help="who holds which role (ISU admin, Presidency, ...)")
    roster_sub = roster.add_subparsers(
        dest="roster_command", required=True, metavar="ROSTER_COMMAND"
    )
    roster_sub.add_parser("list", help="show the roster")
    add = roster_sub.add_parser("add", help="give someone a role")
    add.add_argument("user", help="Slack user id (U...) or a name")
    add.add_argument("role", help="isu, presidency, coordinator, member or observer")
    add.add_argument("--state", default=None, help="the State they speak for (name or ISO3)")
    add.add_argument("--org", default=None, help="their organisation (ISU, ICRC, CMC, UNODA...)")
    add.add_argument("--name", default=None, help="their name")
    add.add_argument("--tz", default=None, help="their time zone (IANA), e.g. Europe/Zurich")
    drop = roster_sub.add_parser("remove", help="take someone's role away")
    drop.add_argument("user", help="Slack user id (U...) or a name")
    audit = sub.add_parser("audit", help="print the audit log, newest first")
    audit.add_argument("--item", type=int, default=None, help="only this item")
    audit.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50)")
    audit.add_argument("--jsonl", action="store_true", help="one JSON object per row")
    backup = sub.add_parser("backup", help="copy the SQLite store to FILE (safe while running)")
    backup.add_argument("file", type=Path, help="where to write the copy (never overwritten)")
    restore = sub.add_parser("restore", help="replace the SQLite store with a backup")
    restore.add_argument("file", type=Path, help="a copy made by `ccm-bot backup`")
    return parser


def _language(value: str) -> str:
    code = normalize(value)
    if code is None:
        raise argparse.ArgumentTypeError(f"{value!r}: choose en, fr or es")
    return code


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as problem:
        print(f"ccm-bot: {problem}", file=sys.stderr)
        return 2
    from bot import commands_cli
    from handlers.i18n import use_language

    handler = getattr(commands_cli, f"cmd_{args.command.replace('-', '_')}")
    try:
        # What the operator reads is in the committee's language (CCM_LANGUAGE); `chat --lang`
        # chooses the console's replies. argparse's usage and help stay English.
        with use_language(settings.language):
            return int(handler(settings, args))
    except SettingsError as problem:
        print(f"ccm-bot: {problem}", file=sys.stderr)
        return 2
    except Exception as problem:
        from bot.dberrors import database_problem

        line = database_problem(problem, settings.database_url)
        if line is None:
            raise
        print(f"ccm-bot: {line}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `ccm-bot export ... | head`: the reader left; stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # `python -m bot.cli ...` works like `python -m bot ...`
    raise SystemExit(main())
