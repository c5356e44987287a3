"""No date dropped in silence, measured: the coverage corpus (benchmarks/date_coverage.py).

Floors: just below what `python -m benchmarks.date_coverage` measures, so a change that drops
dates in silence, flags non-dates or reads a wrong day fails here.
"""

from __future__ import annotations

import pytest

from benchmarks.date_coverage import SETS, Figures, load, measure
from handlers.reference.states import StateDirectory


@pytest.fixture(scope="module")
def figures() -> dict[str, Figures]:
    states = StateDirectory.default()
    return {name: measure(load(name), states) for name in SETS}


def test_corpus_is_big_enough_and_three_languages(figures: dict[str, Figures]) -> None:
    rows = [row for name in SETS for row in load(name)]
    assert len(rows) >= 250
    lines = " ".join(row.line for row in rows)
    assert "doit" in lines and "debe" in lines and " to " in lines
    assert sum(not row.phrases for row in rows) >= 60  # lines without any date


@pytest.mark.parametrize("name", SETS)
def test_no_date_is_dropped_in_silence(figures: dict[str, Figures], name: str) -> None:
    fig = figures[name]
    assert fig.phrases >= 30
    assert fig.silent <= 1, fig.misses
    assert fig.recall >= 0.99


@pytest.mark.parametrize("name", SETS)
def test_what_is_detected_is_a_date_and_non_dates_are_left_alone(
    figures: dict[str, Figures], name: str
) -> None:
    fig = figures[name]
    assert fig.precision >= 0.98, fig.misses
    assert fig.plain_left_alone >= fig.plain_lines - 1, fig.misses


@pytest.mark.parametrize("name", SETS)
def test_days_read_are_the_days_meant(figures: dict[str, Figures], name: str) -> None:
    fig = figures[name]
    assert fig.right_day == fig.dated, fig.misses  # a wrong day is worse than none
    assert fig.read >= 0.7 * fig.phrases  # the rest is flagged, never dropped
