"""Precision and recall of extracted drafts against a careful reader's list (a test fixture).

An extracted item is a true positive only if it is paired, one to one, with an entry of the list
(required or optional) whose section it is in, whose owner it names, whose due date it gives
(where the entry has one) and at least two thirds of whose words it contains (each word as the
start of a word of the text: "report" finds "reports", not "supported").  Required entries are
paired first, so an optional reading never takes a required one's item.

    precision = (required + optional entries paired) / extracted
    recall    = required entries paired / required entries

The list's ``not`` entries are sentences a careless reader might take for commitments; an
extracted item matching one of them (section and words, any owner) is reported as ``rejected``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from handlers.minutes import MinutesExtract, extract, read_document
from handlers.minutes.model import DraftItem
from handlers.reference.states import StateDirectory
from handlers.reply.text import fold

FIXTURES = Path(__file__).parent / "fixtures"
ZURICH = ZoneInfo("Europe/Zurich")
WORDS_NEEDED = 2 / 3  # share of an entry's words the extracted text must contain


@dataclass(frozen=True)
class Score:
    found: int  # required entries paired with an extracted item
    required: int
    optional_found: int  # optional entries paired with an extracted item
    extracted: int
    missed: list[str]
    unmatched: list[str]  # extracted items paired with no entry: the false positives
    rejected: list[str]  # extracted items that match a "not a commitment" entry

    @property
    def true_positives(self) -> int:
        return self.found + self.optional_found

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.true_positives / self.extracted if self.extracted else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name}: recall {self.found}/{self.required} = {self.recall:.0%}, "
            f"precision ({self.found} required + {self.optional_found} optional)/"
            f"{self.extracted} = {self.precision:.0%}"
        )


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def run(expected: dict[str, Any]) -> MinutesExtract:
    now = datetime.fromisoformat(expected["now"]) if expected.get("now") else None
    text = read_document(Path(expected["document"]))
    return extract(text, now=now, tz=ZURICH, states=StateDirectory.default())


def _text(item: DraftItem, entry: dict[str, Any]) -> str:
    # A newsletter entry (no section) may be matched on the whole sentence, a minutes one on
    # the item's own text only.
    return fold(item.text + " " + item.sentence if entry["section"] == "" else item.text)


def _words_match(item: DraftItem, entry: dict[str, Any]) -> bool:
    text = _text(item, entry)
    words = [fold(w) for w in entry["words"]]
    present = sum(1 for w in words if re.search(r"(?<!\w)" + re.escape(w), text))
    return present >= WORDS_NEEDED * len(words)


def _in_section(item: DraftItem, entry: dict[str, Any]) -> bool:
    section: str = entry["section"]
    return not section or item.section == section or item.section.startswith(section + ".")


def matches(item: DraftItem, entry: dict[str, Any]) -> bool:
    """Section, owner, due date (where the entry gives one) and words all right."""
    if not _in_section(item, entry):
        return False
    if f"{item.owner.kind}:{item.owner.ref or ''}" not in entry["owners"]:
        return False
    if entry.get("due") is not None and (item.due is None or item.due.isoformat() != entry["due"]):
        return False
    return _words_match(item, entry)


def _pair(
    items: Sequence[DraftItem], entries: Sequence[dict[str, Any]], order: Sequence[int]
) -> dict[int, int]:
    """A largest one-to-one pairing of entries with items (Kuhn's augmenting paths), the
    entries tried in ``order``: an entry paired once stays paired."""
    edges = {e: [i for i, item in enumerate(items) if matches(item, entries[e])] for e in order}
    item_to_entry: dict[int, int] = {}

    def augment(e: int, seen: set[int]) -> bool:
        for i in edges[e]:
            if i in seen:
                continue
            seen.add(i)
            if i not in item_to_entry or augment(item_to_entry[i], seen):
                item_to_entry[i] = e
                return True
        return False

    for e in order:
        augment(e, set())
    return item_to_entry


def score(found: MinutesExtract, expected: dict[str, Any]) -> Score:
    entries: list[dict[str, Any]] = expected["items"]
    required = [n for n, e in enumerate(entries) if not e.get("optional")]
    optional = [n for n, e in enumerate(entries) if e.get("optional")]
    paired = _pair(found.items, entries, [*required, *optional])
    hit = set(paired.values())
    refused = [
        i
        for i in found.items
        if any(_in_section(i, e) and _words_match(i, e) for e in expected.get("not", []))
    ]
    return Score(
        found=sum(1 for n in required if n in hit),
        required=len(required),
        optional_found=sum(1 for n in optional if n in hit),
        extracted=len(found.items),
        missed=[f"{entries[n]['section']} {entries[n]['words']}" for n in required if n not in hit],
        unmatched=[
            f"{i.section} {i.owner.label}: {i.text}"
            for n, i in enumerate(found.items)
            if n not in paired
        ],
        rejected=[f"{i.section} {i.owner.label}: {i.text}" for i in refused],
    )
