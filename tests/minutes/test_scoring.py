"""The scoring itself: optional readings count apart, owners and dates must be right, and an
item is paired with one entry only."""

from __future__ import annotations

from datetime import date
from typing import Any

from handlers.minutes import MinutesExtract
from handlers.minutes.model import DraftItem
from handlers.people.owners import Owner
from tests.minutes.scoring import score

ITALY = Owner("state", "ITA", "Italy", ("ITA",))
CHILE = Owner("state", "CHL", "Chile", ("CHL",))


def _item(text: str, owner: Owner = ITALY, due: date | None = None) -> DraftItem:
    return DraftItem("5.1", text, owner, owner.states, None, due, None, text)


def _entry(words: list[str], *, due: str | None = None, optional: bool = False) -> dict[str, Any]:
    return {"section": "5.1", "owners": ["state:ITA"], "words": words, "due": due} | (
        {"optional": True} if optional else {}
    )


def _score(items: list[DraftItem], entries: list[dict[str, Any]]) -> tuple[int, int, int, int]:
    result = score(MinutesExtract(items=items), {"items": entries, "not": []})
    return result.found, result.optional_found, len(result.unmatched), result.extracted


def test_optional_matches_count_apart_and_for_precision() -> None:
    entries = [_entry(["courtesy", "calls"]), _entry(["two", "events"], optional=True)]
    items = [_item("make courtesy calls"), _item("organise two events"), _item("thank Austria")]
    assert _score(items, entries) == (1, 1, 1, 3)
    result = score(MinutesExtract(items=items), {"items": entries})
    assert (result.recall, round(result.precision, 2)) == (1.0, 0.67)


def test_wrong_owner_or_due_date_is_a_false_positive() -> None:
    entries = [_entry(["report", "back"], due="2017-04-25")]
    assert _score([_item("report back", due=date(2017, 4, 26))], entries) == (0, 0, 1, 1)
    assert _score([_item("report back", owner=CHILE, due=date(2017, 4, 25))], entries) == (
        0,
        0,
        1,
        1,
    )
    assert _score([_item("report back", due=date(2017, 4, 25))], entries) == (1, 0, 0, 1)


def test_two_thirds_of_the_words_each_starting_a_word() -> None:
    entries = [_entry(["final", "version", "report"])]
    assert _score([_item("share the final version")], entries)[0] == 1
    assert _score([_item("share the final draft")], entries)[0] == 0
    assert _score([_item("the unfinal aversion")], entries)[0] == 0  # not inside a word


def test_one_entry_pairs_with_one_item() -> None:
    entries = [_entry(["courtesy", "calls"])]
    items = [_item("make courtesy calls"), _item("start courtesy calls")]
    assert _score(items, entries) == (1, 0, 1, 2)
