"""The `ccm-bot` console script: init, chat, serve, jobs, import and export."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from bot.settings import Settings, SettingsError
from handlers.i18n import N_, _, ngettext, use_language
from handlers.i18n.choice import normalize


def _moment(text: str) -> datetime:
    """--at: an ISO 8601 moment; without an offset it is read in the committee's time zone."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(
            _("--at wants an ISO 8601 date-time such as 2017-03-23T10:00, not {text}").format(
                text=repr(text)
            )
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
        raise argparse.ArgumentTypeError(
            _("--year wants a year such as 2017, not {text}").format(text=repr(text))
        )
    return int(text)


AT_HELP = N_("fix 'now' (ISO 8601, e.g. 2017-03-24T09:00; read in CCM_TIMEZONE without an offset)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ccm-bot",
        description=_(
            "Chat-ops bot for the CCM Coordination Committee. Settings come from "
            "environment variables (CCM_DATABASE_URL, SLACK_BOT_TOKEN, ...: see the README)."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"ccm-bot {version()}", help=_("print the version")
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    init = sub.add_parser("init", help=_("create or migrate the database and load reference data"))
    init.add_argument(
        "--demo", action="store_true", help=_("add a demo data set drawn from the seed minutes")
    )
    init.add_argument(
        "--admin",
        action="append",
        default=[],
        metavar="U…",
        help=_(
            "name an ISU admin by Slack user id (repeatable); until one exists only workspace "
            "owners and admins may change anything"
        ),
    )
    chat = sub.add_parser("chat", help=_("a local console running the same handlers as Slack"))
    chat.add_argument(
        "--user",
        default=None,
        help=_(
            "who is typing (a Slack user id); before any ISU admin exists the console may do everything"
        ),
    )
    chat.add_argument("--at", type=_moment, default=None, help=_(AT_HELP))
    chat.add_argument(
        "--jsonl",
        action="store_true",
        help=_('one JSON object per input line: {"input", "text", "blocks", "ok"}'),
    )
    chat.add_argument(
        "--lang",
        type=_language,
        default=None,
        help=_("answer in en, fr or es (default: the user's own language, else CCM_LANGUAGE)"),
    )
    serve = sub.add_parser("serve", help=_("connect to Slack and run the scheduler"))
    serve.add_argument(
        "--port", type=int, default=3000, help=_("HTTP port for /slack/events (default 3000)")
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help=_(
            "address to listen on (default: loopback, behind your HTTPS proxy; 0.0.0.0 for all)"
        ),
    )
    jobs = sub.add_parser("jobs", help=_("scheduled jobs"))
    jobs_sub = jobs.add_subparsers(dest="jobs_command", required=True, metavar="JOBS_COMMAND")
    run = jobs_sub.add_parser("run", help=_("run every job that is due, once, and exit"))
    run.add_argument("--at", type=_moment, default=None, help=_(AT_HELP))
    run.add_argument("--jsonl", action="store_true", help=_("one JSON object per message sent"))
    run.add_argument("--dry-run", action="store_true", help=_("show what is due; record nothing"))
    minutes = sub.add_parser("import-minutes", help=_("extract drafts from a minutes document"))
    minutes.add_argument("file", type=Path, help=_("the minutes: .txt, .md, .docx or .pdf"))
    minutes.add_argument(
        "--json", action="store_true", help=_("print what was found as one JSON object")
    )
    minutes.add_argument(
        "--confirm", action="store_true", help=_("store it (items go live as open)")
    )
    minutes.add_argument(
        "--date",
        type=date.fromisoformat,
        default=None,
        help=_("the meeting's date (YYYY-MM-DD) when the minutes name none or the wrong one"),
    )
    items = sub.add_parser("import-items", help=_("bulk load action items from CSV"))
    items.add_argument(
        "file", type=Path, help=_("a CSV file (as `export items --format csv` writes)")
    )
    export = sub.add_parser("export", help=_("export data"))
    export.add_argument("what", choices=["items"], help=_("what to export (items)"))
    export.add_argument(
        "--format",
        choices=["csv", "json", "ics"],
        default="csv",
        help=_("csv or json (lossless), or ics (meetings and open items with a due date)"),
    )
    export.add_argument(
        "--output", "-o", type=Path, default=None, help=_("write to this file, not stdout")
    )
    chart = sub.add_parser("chart", help=_("draw a chart to a PNG file"))
    chart.add_argument(
        "kind",
        choices=["contributions", "deadlines", "items"],
        help=_("contributions per State, treaty deadlines ahead, or open and overdue items"),
    )
    chart.add_argument(
        "--year", type=_year, default=None, help=_("contributions: the year (default: this year)")
    )
    chart.add_argument("--at", type=_moment, default=None, help=_(AT_HELP))
    chart.add_argument("--out", "-o", type=Path, required=True, help=_("the PNG file to write"))
    calendar = sub.add_parser(
        "calendar-url", help=_("print a person's private calendar feed address (made on first use)")
    )
    calendar.add_argument(
        "--user", required=True, help=_("their Slack user id (U...) or roster name")
    )
    calendar.add_argument(
        "--reset", action="store_true", help=_("revoke the old address and print a new one")
    )
    roster = sub.add_parser("roster", help=_("who holds which role (ISU admin, Presidency, ...)"))
    roster_sub = roster.add_subparsers(
        dest="roster_command", required=True, metavar="ROSTER_COMMAND"
    )
    roster_sub.add_parser("list", help=_("show the roster"))
    add = roster_sub.add_parser("add", help=_("give someone a role"))
    add.add_argument("user", help=_("Slack user id (U...) or a name"))
    add.add_argument("role", help=_("isu, presidency, coordinator, member or observer"))
    add.add_argument("--state", default=None, help=_("the State they speak for (name or ISO3)"))
    add.add_argument("--org", default=None, help=_("their organisation (ISU, ICRC, CMC, UNODA...)"))
    add.add_argument("--name", default=None, help=_("their name"))
    add.add_argument("--tz", default=None, help=_("their time zone (IANA), e.g. Europe/Zurich"))
    drop = roster_sub.add_parser("remove", help=_("take someone's role away"))
    drop.add_argument("user", help=_("Slack user id (U...) or a name"))
    audit = sub.add_parser("audit", help=_("print the audit log, newest first"))
    audit.add_argument("--item", type=int, default=None, help=_("only this item"))
    audit.add_argument(
        "--limit", type=int, default=50, help=_("at most this many rows (default 50)")
    )
    audit.add_argument("--jsonl", action="store_true", help=_("one JSON object per row"))
    backup = sub.add_parser("backup", help=_("copy the SQLite store to FILE (safe while running)"))
    backup.add_argument("file", type=Path, help=_("where to write the copy (never overwritten)"))
    restore = sub.add_parser("restore", help=_("replace the SQLite store with a backup"))
    restore.add_argument("file", type=Path, help=_("a copy made by `ccm-bot backup`"))
    return parser


def _language(value: str) -> str:
    code = normalize(value)
    if code is None:
        raise argparse.ArgumentTypeError(
            _("{value}: choose en, fr or es").format(value=repr(value))
        )
    return code


# argparse's own words, which it asks gettext for: marked here so that the catalogs hold them.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


@contextmanager
def argparse_language(lang: str | None) -> Iterator[None]:
    """Build and run the parser in ``lang``: its help texts through our catalogs, and argparse's
    own words ("usage:", "options", its errors) too, since argparse looks its module-level
    ``_``/``ngettext`` up at each call. A language we do not speak means English."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    with use_language(lang):
        argparse._, argparse.ngettext = _, ngettext  # type: ignore[attr-defined]
        try:
            yield
        finally:
            argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    # CCM_LANGUAGE read as it is: a bad value is reported, in English, once the settings are read.
    with argparse_language(normalize(os.environ.get("CCM_LANGUAGE"))):
        args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as problem:
        print(f"ccm-bot: {problem}", file=sys.stderr)
        return 2
    from bot import commands_cli

    handler = getattr(commands_cli, f"cmd_{args.command.replace('-', '_')}")
    try:
        # What the operator reads is in the committee's language (CCM_LANGUAGE), --help and
        # argparse's errors included; `chat --lang` chooses the console's replies.
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
