"""Facts as they stood on a day: the demo's 24 March 2017 never shows 2018 as the past."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tests.conftest import Run

DEMO_NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))
TODAY = datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))


def test_later_completion_is_not_shown_as_done(demo_run: Run) -> None:
    then = demo_run("status Botswana more", now=DEMO_NOW).text
    assert "2018" not in then and "met/superseded" not in then
    assert "deadline 2019-12-01" in then
    assert "2018" not in demo_run("status Botswana", now=DEMO_NOW).text
    later = demo_run("status Botswana more", now=TODAY).text
    assert "completed 2018-09-18" in later and "met/superseded" in later


def test_a_state_that_joins_later_is_a_signatory_before(demo_run: Run) -> None:
    assert "Madagascar (MDG) — Signatory" in demo_run("status Madagascar", now=DEMO_NOW).text
    assert "Madagascar (MDG) — State Party" in demo_run("status Madagascar", now=TODAY).text


def test_earlier_completion_stays_and_later_extensions_wait(demo_run: Run) -> None:
    chile = demo_run("status Chile more", now=DEMO_NOW).text
    assert "completed Jul 2013" in chile
    assert "Article 3 stockpile destruction deadline: Sat 1 Jun 2019 — met/superseded" in chile
    assert "extended" not in chile.lower()
    assert "extended" not in demo_run("status Chile", now=DEMO_NOW).text.lower()
    assert "extended" in demo_run("status Chile more", now=TODAY).text.lower()


def test_withdrawal_shows_only_after_it(demo_run: Run) -> None:
    before = demo_run("status Lithuania", now=DEMO_NOW).text
    assert "Lithuania (LTU) — State Party" in before
    assert "withdrawn" in demo_run("status Lithuania", now=TODAY).text.lower()


def test_text_as_of_keeps_deadlines_and_drops_later_events() -> None:
    from handlers.reference.as_of import text_as_of

    note = "orig 2021-06-01; extended to 2026 (decided 2020); completed 2023-01-15"
    assert text_as_of(note, date(2017, 3, 24)) == "orig 2021-06-01"
    assert text_as_of(note, date(2021, 1, 1)) == "orig 2021-06-01; extended to 2026 (decided 2020)"
    assert text_as_of(note, date(2024, 1, 1)) == note
