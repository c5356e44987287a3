"""The judged corpora on the demo at 24 March 2017: the dev set (tuned on) and the held-out set."""

from __future__ import annotations

from datetime import datetime

import pytest

from handlers.ports import Deps
from tests.backends import postgres_url
from tests.conftest import ZURICH
from tests.understanding.corpus import judge_all, load, summary

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)

# The corpora judge how lines are read, which no database changes: they run once, on SQLite.
pytestmark = pytest.mark.skipif(
    postgres_url() is not None,
    reason="the judged corpora run on the SQLite pass of ./test.sh (reading does not depend on "
    "the database); the PostgreSQL pass runs every other test",
)


def _report(name: str, demo_deps: Deps) -> dict[str, int]:
    verdicts = judge_all(demo_deps, load(name), user="U0TEST", now=NOW)
    counts = summary(verdicts)
    for verdict in verdicts:
        if verdict.grade != "right":
            print(
                f"{verdict.grade:10} {verdict.kind:8} {verdict.commands[:1]} <- {verdict.row.line}"
            )
    print(name, counts)
    return counts


def test_dev_corpus_is_right_nine_times_in_ten_and_never_wrong(demo_deps: Deps) -> None:
    counts = _report("corpus_dev.tsv", demo_deps)
    total = sum(counts.values())
    assert total >= 100
    assert counts["wrong"] == 0
    assert counts["right"] >= 0.9 * total


def test_heldout_corpus_figures(demo_deps: Deps) -> None:
    """Never tuned on: the floor here is what was measured when it was first run, not a target."""
    counts = _report("corpus_heldout.tsv", demo_deps)
    total = sum(counts.values())
    assert total >= 50
    assert counts["right"] + counts["acceptable"] >= 0.6 * total


def test_second_heldout_corpus_figures(demo_deps: Deps) -> None:
    """A second set written after the first was measured; never tuned on either."""
    counts = _report("corpus_heldout2.tsv", demo_deps)
    total = sum(counts.values())
    assert total >= 40
    assert counts["right"] + counts["acceptable"] >= 0.6 * total


def test_third_heldout_corpus_figures(demo_deps: Deps) -> None:
    """Written after the last tuning pass; run once for the closing note, never tuned on."""
    counts = _report("corpus_heldout3.tsv", demo_deps)
    total = sum(counts.values())
    assert total >= 35
    assert counts["right"] + counts["acceptable"] >= 0.6 * total


def test_french_and_spanish_heldout_corpus_figures(demo_deps: Deps) -> None:
    """French and Spanish lines only (issue 13, part 5, on the understanding side)."""
    counts = _report("corpus_heldout_fr_es.tsv", demo_deps)
    total = sum(counts.values())
    assert total >= 30
    assert counts["right"] + counts["acceptable"] >= 0.6 * total


def test_session9_tune_sets_are_right_nine_times_in_ten(demo_deps: Deps) -> None:
    """Written blind by a colleague who never read the bank or the cues (135 lines, English,
    French and Spanish); the mechanisms and the bank were then grown from what failed here, so
    this is a dev set now. What is still wrong is dates the reader does not take yet."""
    for name in ("corpus_tune9_en.tsv", "corpus_tune9_fr_es.tsv"):
        counts = _report(name, demo_deps)
        total = sum(counts.values())
        assert total >= 45
        assert counts["right"] >= 0.9 * total


def test_session9_second_tune_sets_hold_their_figures(demo_deps: Deps) -> None:
    """A second blind set (130 lines: context before the request, Slack formatting, emoji,
    threads) first scored 46% right; the mechanisms grown from it are held here at 75%."""
    for name in ("corpus_tune9b_en.tsv", "corpus_tune9b_fr_es.tsv"):
        counts = _report(name, demo_deps)
        total = sum(counts.values())
        assert total >= 50
        assert counts["right"] >= 0.75 * total


def test_session9_heldout_sets_after_their_one_measurement(demo_deps: Deps) -> None:
    """235 lines written blind by two colleagues, measured once on their first run: 167 right
    (71.1%), 21 acceptable, 16 unhelpful, 31 wrong. The bugs that run showed were then fixed
    (an amount in euros taken for francs, "add note to 15"...), so these are no longer held
    out; the floor holds what the fixes reached (80.0%, 10 wrong)."""
    total = wrong = right = 0
    for name in (
        "corpus_held9_en.tsv",
        "corpus_held9_fres.tsv",
        "corpus_held9c_en.tsv",
        "corpus_held9c_fres.tsv",
    ):
        counts = _report(name, demo_deps)
        total += sum(counts.values())
        right += counts["right"]
        wrong += counts["wrong"]
    assert total >= 230
    assert right >= 0.78 * total
    assert wrong <= 12


def test_fourth_blind_set_measured_on_the_final_code(demo_deps: Deps) -> None:
    """100 lines written blind at the end of session 9 and measured once on the frozen code:
    83 right (English 52/60, none wrong; French/Spanish 31/40, 4 wrong). The bugs they showed
    were then fixed, so the floor is what was measured, not a held-out figure any more."""
    total = right = wrong = 0
    for name in ("corpus_held9d_en.tsv", "corpus_held9d_fres.tsv"):
        counts = _report(name, demo_deps)
        total += sum(counts.values())
        right += counts["right"]
        wrong += counts["wrong"]
    assert total >= 100
    assert right >= 0.83 * total
    assert wrong <= 4


def _sum(names: tuple[str, ...], demo_deps: Deps) -> tuple[int, int, int]:
    total = right = wrong = 0
    for name in names:
        counts = _report(name, demo_deps)
        total += sum(counts.values())
        right += counts["right"]
        wrong += counts["wrong"]
    return total, right, wrong


def test_session10_tune_sets(demo_deps: Deps) -> None:
    """270 lines written blind in session 10 (plans in the present tense, first names, "we",
    demonyms, items named in words, long messages, forwarded emails): 150 first scored 57.3%
    right, 120 scored 65.0%. The mechanisms grown from them are held here."""
    total, right, wrong = _sum(
        ("corpus_tune10_en.tsv", "corpus_tune10_fr.tsv", "corpus_tune10_es.tsv"), demo_deps
    )
    assert total >= 150 and right >= 0.86 * total and wrong <= 7
    total, right, wrong = _sum(
        ("corpus_tune10b_en.tsv", "corpus_tune10b_fr.tsv", "corpus_tune10b_es.tsv"), demo_deps
    )
    assert total >= 120 and right >= 0.78 * total and wrong <= 11


def test_session10_heldout_sets_after_their_one_measurement(demo_deps: Deps) -> None:
    """Three sets written blind and each measured once with the code frozen: 200 lines (two
    writers) at 136 right (68.0%), 23 wrong; then, after the fixes they showed, a third set of
    100 at 70 right (70.0%), 8 wrong. They are tuned on since; the floor holds what was reached."""
    total, right, wrong = _sum(
        (
            "corpus_held10a_en.tsv",
            "corpus_held10a_fres.tsv",
            "corpus_held10b_en.tsv",
            "corpus_held10b_fres.tsv",
        ),
        demo_deps,
    )
    assert total >= 200 and right >= 0.86 * total and wrong <= 14
    total, right, wrong = _sum(("corpus_held10c_en.tsv", "corpus_held10c_fres.tsv"), demo_deps)
    assert total >= 100 and right >= 0.83 * total and wrong <= 6


def test_session11_tune_sets(demo_deps: Deps) -> None:
    """480 lines written blind in session 11 (four writers: first-week coordinators, ISU staff
    and forwarded emails, formal and hurried writers, a day-one intern and finance), first
    scored 70.8%, 65.0%, 71.7% and 73.3% right. The mechanisms grown from them are held here."""
    for name, floor, most_wrong in (
        ("corpus_tune11a.tsv", 0.80, 5),
        ("corpus_tune11b.tsv", 0.76, 9),
        ("corpus_tune11c.tsv", 0.74, 15),
        ("corpus_tune11d.tsv", 0.82, 11),
    ):
        total, right, wrong = _sum((name,), demo_deps)
        assert total >= 120 and right >= floor * total and wrong <= most_wrong, name


def test_session11_heldout_sets_after_their_one_measurement(demo_deps: Deps) -> None:
    """200 lines written blind by two writers, measured once with the code frozen (c30d22d):
    162 right (81.0%), 10 wrong; the code of the session's start scored 152 (76.0%), 16 wrong
    on them. They are tuned on since; the floor holds what was reached."""
    total, right, wrong = _sum(("corpus_held11a.tsv", "corpus_held11b.tsv"), demo_deps)
    assert total >= 200 and right >= 0.81 * total and wrong <= 10


def test_session12_tune_sets(demo_deps: Deps) -> None:
    """480 lines written blind in session 12 (capitals and ministries, postponements, two asks
    in one message; payments in many notations and how-to questions; treaty deadlines and items
    named by their words; facts that change data, chatter, corrections and undo), first scored
    55.8%, 55.8%, 69.2% and 70.8% right. The mechanisms grown from them are held here."""
    for name, floor, most_wrong in (
        # "Santiago" was read as Chile until the review: a first name too, it names no State now
        ("corpus_tune12a.tsv", 0.78, 12),
        ("corpus_tune12b.tsv", 0.80, 11),
        ("corpus_tune12c.tsv", 0.76, 10),
        ("corpus_tune12d.tsv", 0.88, 1),
    ):
        total, right, wrong = _sum((name,), demo_deps)
        assert total >= 120 and right >= floor * total and wrong <= most_wrong, name


def test_session12_heldout_sets_after_their_one_measurement(demo_deps: Deps) -> None:
    """200 lines written blind by two writers, measured once with the code frozen (63734d1):
    164 right (82.0%), 18 wrong; the code of the session's start scored 149 (74.5%), 29 wrong
    on them (the same judge). They are tuned on since; the floor holds what was reached."""
    total, right, wrong = _sum(("corpus_held12a.tsv", "corpus_held12b.tsv"), demo_deps)
    assert total >= 200 and right >= 0.85 * total and wrong <= 11
