"""What each `ccm-bot` sub-command does (argparse lives in bot.cli)."""

from __future__ import annotations

import argparse
import getpass
import importlib
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from bot.settings import Settings
from bot.wiring import build_deps, prepare_database
from handlers.i18n import _, format_number, ngettext
from handlers.people.permissions import Caller


def cmd_init(settings: Settings, args: argparse.Namespace) -> int:
    from bot.settings import SettingsError, parse_admins
    from bot.wiring import name_install_admins
    from storage.migrate import current_revision

    try:
        named = parse_admins(",".join(args.admin))
    except SettingsError as problem:
        print(f"ccm-bot init: --admin {str(problem).split(': ', 1)[-1]}", file=sys.stderr)
        return 2
    db = prepare_database(settings, demo=args.demo, force_reference=True, analyze=True)
    admins = name_install_admins(db, named=named, from_env=settings.admins)
    ready = _("Database ready at {url} (schema {schema}).").format(
        url=db.engine.url.render_as_string(hide_password=True), schema=current_revision(db.engine)
    )
    print(ready + (" " + _("Demo data loaded.") if args.demo else ""))
    if admins:
        print(_("ISU admins: {admins}.").format(admins=", ".join(sorted(admins))))
    else:
        print(
            _(
                "No ISU admin yet: until one is named, only the workspace's owners and admins may "
                "change anything (name one with `ccm-bot init --admin U…` or "
                "`/ccm roster add @someone isu`)."
            )
        )
    return 0


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console import chat

    # No date warm-up here (serve has one, for Slack's 3-second deadline): a console's first
    # answer should not wait a second for dateparser when the command reads no date.
    deps = build_deps(settings)
    if sys.stdin.isatty():  # fit the intent matcher while the first line is typed, not after
        from handlers.understanding.understand import warm_up as warm_matcher

        threading.Thread(target=warm_matcher, args=(deps.states,), daemon=True).start()
    user = args.user or default_user()
    facts = _slack_facts(settings, user)
    return chat(deps, user=user, at=args.at, jsonl=args.jsonl, facts=facts, lang=args.lang)


def _slack_facts(settings: Settings, user: str) -> Caller | None:
    """With a bot token, `chat --user U` learns from Slack what U is (a guest, an outsider),
    so the console acts exactly as U would in Slack once an ISU admin exists."""
    if not settings.slack_bot_token or user[:1] not in ("U", "W"):
        return None
    try:
        from bot.slack.client import identify, make_client
        from bot.slack.people import caller_from_profile

        client = make_client(settings)
        team = identify(client).team_id
        return caller_from_profile(dict(client.users_info(user=user)["user"]), team_id=team)
    except Exception as problem:
        print(
            "ccm-bot chat: "
            + _("could not ask Slack about {user} ({problem}); using the roster only").format(
                user=user, problem=problem
            ),
            file=sys.stderr,
        )
        return None


def _entry(module: str, name: str) -> Callable[..., int]:
    """Import a sub-command's module only when it runs, so `chat` starts without Slack's SDK."""
    return cast(Callable[..., int], getattr(importlib.import_module(module), name))


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    return _entry("bot.serve", "serve")(settings, port=args.port, host=args.host)


def cmd_jobs(settings: Settings, args: argparse.Namespace) -> int:
    run = _entry("bot.jobs_cli", "run_jobs")
    return run(settings, at=args.at, jsonl=args.jsonl, dry_run=args.dry_run)


def cmd_import_minutes(settings: Settings, args: argparse.Namespace) -> int:
    run = _entry("bot.minutes_cli", "import_minutes")
    return run(
        settings, path=args.file, as_json=args.json, confirm=args.confirm, meeting_day=args.date
    )


def cmd_import_items(settings: Settings, args: argparse.Namespace) -> int:
    from handlers.items.transfer import ImportRowError, read_csv, resolve_owners, store_rows
    from handlers.ports import Ctx
    from storage.audit import record

    path: Path = args.file
    try:
        data = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as problem:
        print(
            "ccm-bot: " + _("cannot read {path}: {problem}").format(path=path, problem=problem),
            file=sys.stderr,
        )
        return 2
    deps = build_deps(settings)
    now = datetime.now(UTC)
    actor = f"cli:{_operator()}"
    try:
        rows = read_csv(data, directory=deps.states, now=now)
        with deps.db.session(write=True, actor=actor, now=now) as session:
            ctx = Ctx(
                session=session,
                now=now,
                tz=deps.tz,
                user=actor,
                states=deps.states,
                reference_cache=deps.db.reference,
            )
            resolve_owners(ctx, rows)
            report = store_rows(session, rows)
            # The bulk insert bypasses the ORM's audit hook: one summary row says what happened.
            detail = {"file": str(path), "created": report.created, "replaced": report.updated}
            record(session, actor=actor, action="import", entity="actionitem", detail=detail)
    except ImportRowError as problem:
        print(
            "ccm-bot: "
            + _("{path}: {problem}. Nothing was imported.").format(path=path, problem=problem),
            file=sys.stderr,
        )
        return 1
    deps.db.analyze()
    imported = ngettext(
        "Imported {count} item from {path}: {created} new, {replaced} replaced.",
        "Imported {count} items from {path}: {created} new, {replaced} replaced.",
        len(rows),
    )
    print(
        imported.format(count=len(rows), path=path, created=report.created, replaced=report.updated)
    )
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    from handlers.items.transfer import export_csv, export_ics, export_json

    deps = build_deps(settings)
    exporters = {"csv": export_csv, "json": export_json, "ics": export_ics}
    with deps.db.session() as session:
        payload = exporters[args.format](session)
    if args.output:
        args.output.write_text(payload, encoding="utf-8")
    else:
        sys.stdout.write(payload)
    return 0


def cmd_roster(settings: Settings, args: argparse.Namespace) -> int:
    from handlers.people.roster import (
        RosterError,
        describe,
        entries,
        remove,
        role_from_word,
        set_role,
    )
    from handlers.reference.states import StateDirectory

    db = prepare_database(settings)
    operator = f"cli:{_operator()}"
    try:
        with db.session(write=True, actor=operator) as session:
            if args.roster_command == "add":
                state = None
                if args.state:
                    found = StateDirectory.default().lookup(args.state)
                    if found is None:
                        raise RosterError(_("no State called {name}").format(name=repr(args.state)))
                    state = found.iso3
                person, _changed = set_role(
                    session,
                    user=args.user,
                    role=role_from_word(args.role),
                    state_iso3=state,
                    organisation=args.org,
                    name=args.name,
                    tz=args.tz,
                )
                print(f"{args.user}: {describe(person)}")
            elif args.roster_command == "remove":
                remove(session, user=args.user)
                print(_("{user}: no role (member)").format(user=args.user))
            for person in entries(session) if args.roster_command == "list" else []:
                print(f"{person.slack_user_id or person.name}\t{describe(person)}\t{person.name}")
    except RosterError as problem:
        from handlers.reply.mrkdwn import to_plain

        print(f"ccm-bot roster: {to_plain(str(problem))}", file=sys.stderr)
        return 1
    return 0


def cmd_audit(settings: Settings, args: argparse.Namespace) -> int:
    import json

    from storage.audit import entries

    db = prepare_database(settings)
    with db.session() as session:
        rows = entries(
            session,
            entity="actionitem" if args.item else None,
            entity_id=str(args.item) if args.item else None,
            limit=args.limit,
        )
    for row in rows:
        record = {
            "at": row.at.isoformat(),
            "actor": row.actor,
            "action": row.action,
            "entity": row.entity,
            "id": row.entity_id,
            "before": json.loads(row.before) if row.before else None,
            "after": json.loads(row.after) if row.after else None,
        }
        if args.jsonl:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(
                f"{record['at']}  {row.actor:<16} {row.action:<7} {row.entity}#{row.entity_id}  {row.after or row.before or ''}"
            )
    return 0


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    from storage.backup import BackupError, backup

    db = prepare_database(settings)
    try:
        size = backup(db.engine, args.file)
    except BackupError as problem:
        print(f"ccm-bot backup: {problem.localized(_)}", file=sys.stderr)
        return 1
    print(_("Backed up to {file} ({size} bytes).").format(file=args.file, size=format_number(size)))
    return 0


def cmd_restore(settings: Settings, args: argparse.Namespace) -> int:
    from storage.backup import BackupError, restore
    from storage.db import Database

    db = Database(settings.database_url)
    try:
        restore(db.engine, args.file)
    except BackupError as problem:
        print(f"ccm-bot restore: {problem.localized(_)}", file=sys.stderr)
        return 1
    prepare_database(settings)  # a backup from an older version is migrated forward
    print(_("Restored from {file}.").format(file=args.file))
    return 0


def default_user() -> str:
    """Who is at the terminal: the login name, or "console" when there is none (a container)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "console"


def _operator() -> str:
    return default_user()


def cmd_chart(settings: Settings, args: argparse.Namespace) -> int:
    from handlers.charts import make_chart

    deps = build_deps(settings)
    now = args.at or datetime.now(UTC)
    with deps.db.session() as session:
        upload = make_chart(session, args.kind, now=now, tz=deps.tz, year=args.year)
    out: Path = args.out
    try:
        out.write_bytes(upload.content)
    except OSError as problem:
        why = problem.strerror or problem
        print(
            "ccm-bot chart: " + _("cannot write {path}: {problem}").format(path=out, problem=why),
            file=sys.stderr,
        )
        return 1
    print(out.resolve())
    return 0


def cmd_calendar_url(settings: Settings, args: argparse.Namespace) -> int:
    from handlers.calendar import issue, revoke
    from handlers.commands.calendar import LOCAL_URL, feed_url

    deps = build_deps(settings)
    with deps.db.session(write=True, actor=f"cli:{_operator()}") as session:
        if args.reset:
            revoke(session, user=args.user)
        secret = issue(session, user=args.user, now=datetime.now(UTC))
    print(feed_url(settings.public_url or LOCAL_URL, secret))
    if settings.public_url is None:
        print(
            "ccm-bot: "
            + _(
                "CCM_PUBLIC_URL is not set, so this is a local address; set it to the "
                "bot's public address for calendars elsewhere to reach it."
            ),
            file=sys.stderr,
        )
    return 0
