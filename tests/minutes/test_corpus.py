"""One test per layout of the corpus (tests/minutes/corpus): dates, attendance and actions are
scored against a careful reader's list; held-out documents only have to be read without error
(their figures are reported by benchmarks/minutes_layouts.py, never tuned on)."""

from __future__ import annotations

import pytest

from tests.minutes.corpus import documents, expected_of, run, score

TUNED = [n for n in documents() if not expected_of(n).get("heldout")]
HELD_OUT = [n for n in documents() if expected_of(n).get("heldout")]


@pytest.mark.parametrize("name", TUNED)
def test_layout(name: str) -> None:
    expected = expected_of(name)
    found = run(name)
    tally = score(found, expected)
    assert found.meeting is not None
    assert found.meeting.start.date().isoformat() == expected["meeting"]
    following = found.next_meeting.start.date().isoformat() if found.next_meeting else None
    assert following == expected["next_meeting"]
    assert tally.recall >= 0.9, tally.misses
    assert tally.precision >= 0.85, tally.wrong


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_reads_without_error(name: str) -> None:
    found = run(name)
    assert found.meeting is not None or found.items or found.attendees


def test_corpus_covers_every_format_and_holds_some_out() -> None:
    formats = {expected_of(n)["format"] for n in documents()}
    assert {"txt", "md", "docx", "pdf"} <= formats
    assert len(HELD_OUT) >= 3 and len(TUNED) >= 8
