"""Precision and recall of extracted drafts against a careful reader's list (a test fixture)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from handlers.minutes import MinutesExtract, extract, read_document
from handlers.minutes.model import DraftItem
from handlers.states import StateDirectory
from handlers.text import fold

FIXTURES = Path(__file__).parent / "fixtures"
ZURICH = ZoneInfo("Europe/Zurich")


@dataclass(frozen=True)
class Score:
    found: int  # required entries matched (owner right, due right where the text gives one)
    required: int
    matched_extracted: int  # extracted items that match any entry (required or optional)
    extracted: int
    missed: list[str]
    unmatched: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.matched_extracted / self.extracted if self.extracted else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name}: recall {self.found}/{self.required} = {self.recall:.0%}, "
            f"precision {self.matched_extracted}/{self.extracted} = {self.precision:.0%}"
        )


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def run(expected: dict[str, Any]) -> MinutesExtract:
    now = datetime.fromisoformat(expected["now"]) if expected.get("now") else None
    text = read_document(Path(expected["document"]))
    return extract(text, now=now, tz=ZURICH, states=StateDirectory.default())


def matches(item: DraftItem, entry: dict[str, Any], *, with_due: bool) -> bool:
    if entry["section"] and not item.section.startswith(entry["section"]):
        return False
    if f"{item.owner.kind}:{item.owner.ref or ''}" not in entry["owners"]:
        return False
    text = fold(item.text + " " + item.sentence if entry["section"] == "" else item.text)
    words = [fold(w) for w in entry["words"]]
    if sum(w in text for w in words) * 2 < len(words):
        return False
    if with_due and entry["due"] is not None:
        return item.due is not None and item.due.isoformat() == entry["due"]
    return True


def score(found: MinutesExtract, expected: dict[str, Any]) -> Score:
    entries = expected["items"]
    required = [e for e in entries if not e.get("optional")]
    hit = [e for e in required if any(matches(i, e, with_due=True) for i in found.items)]
    good = [i for i in found.items if any(matches(i, e, with_due=False) for e in entries)]
    return Score(
        found=len(hit),
        required=len(required),
        matched_extracted=len(good),
        extracted=len(found.items),
        missed=[f"{e['section']} {e['words']}" for e in required if e not in hit],
        unmatched=[f"{i.section} {i.owner.label}: {i.text}" for i in found.items if i not in good],
    )
