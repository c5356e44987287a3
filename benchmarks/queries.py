"""How many SQL statements each read command runs, on the demo data (a warm process).

Run from the repository root:  python -m benchmarks.queries

Counts every statement the driver executes (a SQLAlchemy ``before_cursor_execute`` listener)
while `handle()` answers each command, after one warm-up run of the same command, so that
caches a process keeps (reference facts) are counted as a long-running server sees them.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import event

from bot.settings import Settings
from bot.wiring import prepare_database
from handlers.commands.router import handle
from handlers.ports import Deps, fixed_clock
from handlers.reference.states import StateDirectory
from tests.handlers.test_query_budget import BUDGETED

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))
# The commands the test holds to a budget, and a few that have none (help, digest, roster).
COMMANDS = [*BUDGETED, "status Lao PDR", "who universalization", "help", "digest", "roster"]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/q.db"
        db = prepare_database(Settings(database_url=url), demo=True)
        deps = Deps(db=db, tz=NOW.tzinfo, clock=fixed_clock(NOW), states=StateDirectory.default())  # type: ignore[arg-type]
        seen: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
        print(f"{'command':<28} {'queries':>7}")
        for command in COMMANDS:
            handle(deps, command, user="U1", now=NOW)  # warm
            seen.clear()
            reply = handle(deps, command, user="U1", now=NOW)
            statements = [s for s in seen if not s.startswith(("BEGIN", "COMMIT", "ROLLBACK"))]
            flag = "" if reply.ok else "  (error reply)"
            print(f"{command:<28} {len(statements):>7}{flag}")
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
