"""Does each security fix have a test that fails without it? Revert each fix, run its tests.

Run: python -m benchmarks.security_mutations   (about 3 minutes; restores every file after)

Each mutation swaps one line of a fix back to the hole it closed, runs the matching file of
tests/security, counts the failures and restores the file. A mutation that no test catches is
printed as MISSED and the exit status is 1.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (what the fix is, file, the fixed text, the hole, the test file that must catch it)
MUTATIONS: list[tuple[str, str, str, str, str]] = [
    (
        "a bare name never names a person",
        "handlers/people/owners.py",
        "    return None\n\n\ndef _state_owner",
        "    from sqlmodel import select as s\n\n    from storage.models import Person as P\n\n"
        "    found = ctx.session.exec(s(P).where(P.name == phrase)).first()\n"
        "    if found is not None and found.slack_user_id:\n"
        '        return Owner("person", found.slack_user_id, user_ref(found.slack_user_id))\n'
        "    return None\n\n\ndef _state_owner",
        "test_identity.py",
    ),
    (
        "closed until an admin exists",
        "handlers/people/permissions.py",
        "if who.operator or who.installer or (who.workspace_admin and not stranger):",
        "if True:",
        "test_closed.py",
    ),
    (
        "the last admin stays",
        "handlers/people/roster.py",
        '    if person.role == "isu" and _admins(session) <= 1:\n        raise RosterError(_LAST_ADMIN)\n',
        "",
        "test_closed.py",
    ),
    (
        "guests and outsiders observe",
        "handlers/people/permissions.py",
        "stranger = (who.guest or who.outsider) and not listed",
        "stranger = False",
        "test_guests.py",
    ),
    (
        "money stays out of shared channels",
        "bot/slack/channels.py",
        "shared = any(bool(info.get(flag)) for flag in _SHARED_FLAGS)",
        "shared = False",
        "test_guests.py",
    ),
    (
        "the token goes to Slack's file host only",
        "bot/slack/files.py",
        "    check_url(shared.url, files_base=files_base)\n",
        "",
        "test_files.py",
    ),
    (
        "the import queue is bounded",
        "bot/slack/runtime.py",
        "if self._imports >= self.import_workers + self.import_queue:",
        "if False:",
        "test_files.py",
    ),
    (
        ".docx inflation is capped",
        "handlers/minutes/reading.py",
        "        _within_limits(check_docx, data, name)",
        "        pass",
        "test_files.py",
    ),
    (
        "PDF pages are capped",
        "handlers/minutes/pdf.py",
        "        check_pages(total, name)",
        "        pass",
        "test_files.py",
    ),
    (
        "bodies are capped before reading",
        "bot/serve.py",
        '"max_request_body_size": MAX_BODY,',
        "",
        "test_server.py",
    ),
    (
        "idle sockets cannot fill the server",
        "bot/serve.py",
        '"connection_limit": CONNECTION_LIMIT,',
        "",
        "test_server.py",
    ),
    (
        "replayed signatures are refused",
        "bot/slack/wsgi.py",
        "if not fresh and not _is_event(request):",
        "if False:",
        "test_server.py",
    ),
    (
        "CSV formula cells are neutralised",
        "handlers/items/transfer.py",
        "return neutralise(str(value))",
        "return str(value)",
        "test_hygiene.py",
    ),
    (
        "the store is 0600",
        "storage/db.py",
        "        private_file(make_url(url).database)",
        "        pass",
        "test_hygiene.py",
    ),
    (
        "permanent Slack errors are not retried",
        "bot/slack/notifier.py",
        "if code in GONE or code in REFUSED:",
        "if False:",
        "test_hygiene.py",
    ),
]


def run(tests: str) -> int:
    """How many tests of ``tests`` fail now."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-n",
            "2",
            "-p",
            "no:cacheprovider",
            f"tests/security/{tests}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return sum(1 for line in done.stdout.splitlines() if line.startswith("FAILED"))


def main() -> int:
    missed = 0
    for what, name, fixed, hole, tests in MUTATIONS:
        path = ROOT / name
        original = path.read_text(encoding="utf-8")
        if fixed not in original:
            print(f"?      {what}: the fixed text is no longer in {name}")
            missed += 1
            continue
        try:
            path.write_text(original.replace(fixed, hole, 1), encoding="utf-8")
            failing = run(tests)
        finally:
            path.write_text(original, encoding="utf-8")
        print(f"{'caught' if failing else 'MISSED'} {what}: {failing} failing in {tests}")
        missed += 0 if failing else 1
    print(f"{len(MUTATIONS) - missed}/{len(MUTATIONS)} reverted fixes caught by tests/security")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
