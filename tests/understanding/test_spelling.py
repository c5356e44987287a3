"""A line not understood is tried again without its typos, and the reply says so."""

from __future__ import annotations

from datetime import datetime

from handlers.understanding.spelling import corrected
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


def test_close_misspellings_of_known_words_are_corrected() -> None:
    assert corrected("whos coordinating univeralization")[0].endswith("universalization")
    assert corrected("items overdeu pls")[1] == [("overdeu", "overdue")]  # two letters swapped


def test_ordinary_words_and_names_are_left_alone() -> None:
    for line in ("whos going to the reception tonight", "Italy will send the letters by Friday"):
        assert corrected(line) == (line, [])


def test_the_reply_says_which_words_were_read_otherwise(demo_run: Run) -> None:
    reply = demo_run("contribtions 2017", now=NOW)
    assert "`/ccm contributions 2017`" in reply.text
    assert "“contribtions” → “contributions”" in reply.text
