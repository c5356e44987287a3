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


def test_a_misspelt_state_in_words_is_read_and_said(demo_run: Run) -> None:
    reply = demo_run("délai article 4 du Lebannon ?", now=NOW)
    assert "`/ccm treaty article 4 Lebanon`" in reply.text
    assert "“Lebannon” → “Lebanon”" in reply.text
    assert corrected("the German mission and the Albanian one", names_only=True)[1] == []


def test_amounts_in_words_and_converted_amounts(demo_run: Run) -> None:
    for line, command in [
        (
            "Le Canada nous a informés d'une contribution de douze mille francs suisses pour "
            "2017, pas encore versée",
            "contribution Canada 12000 CHF 2017 pledged",
        ),
        (
            "Suède : EUR 18'600 convertis = CHF 20'000.- reçus le 20/03, contribution 2017",
            "contribution Sweden 20000 CHF 2017 received on 20 March 2017",
        ),
        (
            "the Spanish mission told us they will contribute CHF 20'000 for 2017",
            "contribution Spain 20000 CHF 2017 pledged",
        ),
    ]:
        reply = demo_run(line, now=NOW)
        assert [c.command for c in reply.choices if c.confirm] == [command], reply.text


def test_an_item_then_a_day_or_an_owner(demo_run: Run) -> None:
    for line, command in [
        ("#15 → 30/4", "due 15 → 30/4"),
        ("#16 to CH pls", "assign 16 Switzerland"),
        ("#12 para el 10/04 por favor", "due 12 para el 10/04"),
    ]:
        reply = demo_run(line, now=NOW)
        assert [c.command for c in reply.choices if c.confirm] == [command], reply.text
    assert "`/ccm treaty article 4 Lao PDR`" in demo_run("Lao art 4?", now=NOW).text


def test_real_words_close_to_a_cue_are_not_typos() -> None:
    line = "the GICHD answers on the hosting agreement review: where does that item stand?"
    assert corrected(line) == (line, [])  # not "preview", not "answer"


def test_a_period_in_words_is_a_period_not_an_unread_date(demo_run: Run) -> None:
    reply = demo_run("what's due over the next two weeks?", now=NOW)
    assert "could not read" not in reply.text
    assert "`/ccm deadlines the next two weeks`" in reply.text
