"""What the charts show, checked as data (the drawing is checked for a real PNG only)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.charts import make_chart
from handlers.charts.data import contribution_figures, deadline_figures, item_series
from handlers.ports import Deps
from tests.conftest import Run

ZURICH = ZoneInfo("Europe/Zurich")
DEMO_NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


def test_items_replay_history_per_area(demo_run: Run, demo_deps: Deps) -> None:
    later = DEMO_NOW + timedelta(days=14)
    demo_run("done 13", now=DEMO_NOW + timedelta(days=3))  # closed on 27 March
    with demo_deps.db.session() as session:
        series = item_series(session, now=later, tz=ZURICH)
    days = series.days
    assert days[-1] == later.date() and days == sorted(days)
    general = series.open_by_area["General Status and Operation of the Convention"]
    late = series.overdue_by_area["General Status and Operation of the Convention"]
    at = {day: index for index, day in enumerate(days)}
    # #4 (no date), #13, #14 (due 31 March) and #15 were open on 24 March; #13 closed on the 27th.
    assert date(2017, 3, 24) in at
    assert general[at[date(2017, 3, 24)]] == 4
    assert general[-1] == 3
    # On 7 April #14 (due 31 March) is overdue; #15 (due 15 April) not yet.
    assert late[-1] == 1
    total_open = sum(v[-1] for v in series.open_by_area.values())
    assert total_open == 19  # 22 demo items, two done in March, #13 done since
    before = [
        sum(v[i] for v in series.open_by_area.values())
        for i, d in enumerate(days)
        if d < date(2017, 2, 24)
    ]
    assert all(n == 0 for n in before)  # nothing before the first item was created


def test_contributions_ranked_with_unpaid(run: Run, deps: Deps) -> None:
    for line in (
        "contribution Norway 25'000 CHF 2017 received on 3 March 2017",
        "contribution Italy 12,500 CHF 2017 received",
        "pledge Austria 40000 2017",
        "contribution Italy 1000 CHF 2016 received",
    ):
        assert run(line).ok, line
    with deps.db.session() as session:
        figures = contribution_figures(session, year=2017)
    assert [r.name for r in figures.rows] == ["Norway", "Italy", "Austria"]
    assert figures.received_cents == 3_750_000 and figures.pledged_cents == 4_000_000
    assert figures.unpaid is not None and "Norway" not in figures.unpaid
    assert "Austria" in figures.unpaid  # pledged is not paid
    assert len(figures.unpaid) == figures.parties - 2


def test_deadlines_window_and_known_facts(demo_deps: Deps) -> None:
    with demo_deps.db.session() as session:
        then = deadline_figures(session, today=DEMO_NOW.date())
        now = deadline_figures(session, today=date(2026, 11, 24))
    assert then.start <= DEMO_NOW.date() <= then.end
    assert all(then.start <= m.day <= then.end for m in then.marks)
    rows_then = {m.row for m in then.marks}
    assert "Madagascar" not in rows_then  # ratified in May 2017: no deadline known yet
    assert not any(m.kind == "extension" and m.row == "Lao PDR" for m in then.marks)
    assert any(m.kind == "extension" and m.row == "Iraq" for m in now.marks)
    assert date(2017, 4, 30) in then.annual_reports


def test_each_chart_is_a_png_with_alt_text(demo_deps: Deps) -> None:
    with demo_deps.db.session() as session:
        for kind in ("contributions", "deadlines", "items"):
            upload = make_chart(session, kind, now=DEMO_NOW, tz=ZURICH, year=2017)
            assert upload.content.startswith(b"\x89PNG\r\n\x1a\n"), kind
            assert len(upload.alt_text) > 60 and upload.filename.endswith(".png")


def test_console_first_answer_does_not_load_matplotlib() -> None:
    code = (
        "import sys;"
        "from datetime import datetime, UTC;"
        "from storage.db import Database;"
        "from bot.wiring import build_deps;"
        "from bot.settings import Settings;"
        "from handlers.commands.router import handle;"
        "deps = build_deps(Settings(database_url='sqlite://'));"
        "handle(deps, 'help', user='U1');"
        "handle(deps, 'status Botswana', user='U1');"
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_open_spans_agree_with_a_plain_replay() -> None:
    """The interval form equals asking 'open at this moment?' event by event."""
    import random

    from handlers.charts.data import _STATUS_AFTER, _open_spans

    def replay(created: datetime, changes: list[tuple[datetime, str]], moment: datetime) -> bool:
        if created > moment:
            return False
        status = "open"
        for at, action in changes:
            if at > moment:
                break
            status = _STATUS_AFTER.get(action, status)
        return status == "open"

    rng = random.Random(7)
    base = datetime(2017, 1, 1, tzinfo=ZURICH)
    end = base + timedelta(days=400)
    for _ in range(300):
        created = base + timedelta(hours=rng.randint(0, 2000))
        changes = sorted(
            (base + timedelta(hours=rng.randint(0, 9000)), rng.choice(list(_STATUS_AFTER)))
            for _ in range(rng.randint(0, 6))
        )
        spans = _open_spans(created, changes, end)
        for hours in range(0, 9600, 37):
            moment = base + timedelta(hours=hours)
            inside = any(start <= moment < stop for start, stop in spans)
            assert inside == replay(created, changes, moment), (created, changes, moment)
