"""The intent of a line: the matcher's vote, cue words and the entities found, put together.

Three kinds of evidence, each kept where it can be read and changed:

* the example bank (examples.tsv), voted on by the matcher in ``intents``;
* cue words per intent (cues.tsv): a cue that starts a word adds its weight;
* entities: an intent that needs something the line does not name (marking an item done
  without an item number, a payment without a State) is held back; see ``_NEEDS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handlers.reply.text import fold
from handlers.understanding.entities import Reading
from handlers.understanding.intents import matcher
from handlers.understanding.mood import is_question, spelled_loosely

CUES = Path(__file__).with_name("cues.tsv")

# What an intent needs among the entities; without it the intent's score is multiplied down.
_NEEDS: dict[str, tuple[tuple[str, ...], float]] = {
    "paid": (("state",), 0.35),
    "pledged": (("state",), 0.35),
    "report": (("state",), 0.3),
    "done": (("item",), 0.25),
    "reschedule": (("item",), 0.25),
    "assign": (("item",), 0.25),
    "delete": (("item",), 0.2),
    "reopen": (("item",), 0.2),
    "note": (("item",), 0.25),
    "commitment": (("state", "role", "person", "mention"), 0.4),
    "status": (("state", "area", "item"), 0.5),
}
# Entities that speak for an intent when present (kind, bonus).
_SUPPORTS: dict[str, tuple[tuple[str, float], ...]] = {
    "paid": (("amount", 0.25),),
    "pledged": (("amount", 0.2), ("year", 0.05)),
    "meetings": (("meeting", 0.15),),
    "treaty": (("article", 0.15),),
    "commitment": (("date", 0.1),),
    "reschedule": (("date", 0.1),),
    "who": (("area", 0.05),),
}


# Intents about no single item: an item number in the line speaks against them.
_NO_ITEMS = frozenset(
    {"treaty", "deadlines", "meetings", "unpaid", "contributions", "article7", "who"}
)
# Intents about which States (of all) owe something: a statement naming a State is not one.
_ABOUT_ALL = frozenset({"unpaid", "article7"})
# Intents that change the store, and the question each one answers when the line is asked
# rather than told: "has Austria paid?" asks for Austria's contributions, "did Botswana send
# its article 7 report?" for that report, "is #12 done?" for the item.
_ASKED_AS: dict[str, str] = {
    "paid": "contributions",
    "pledged": "contributions",
    "report": "article7",
    "commitment": "items",
    "done": "status",
    "reschedule": "status",
    "assign": "status",
    "delete": "status",
    "reopen": "status",
    "note": "status",
}
_TREATY_AREAS = frozenset({"clearance", "stockpile"})  # Articles 4 and 3 carry treaty deadlines


@dataclass(frozen=True)
class Judgement:
    """Intents with scores, best first; ``certain`` when the best is clearly ahead."""

    ranked: tuple[tuple[str, float], ...]

    @property
    def best(self) -> tuple[str, float]:
        return self.ranked[0] if self.ranked else ("", 0.0)

    @property
    def certain(self) -> bool:
        if not self.ranked:
            return False
        second = self.ranked[1][1] if len(self.ranked) > 1 else 0.0
        return self.ranked[0][1] >= 0.55 and self.ranked[0][1] - second >= 0.2


@cache
def _cues() -> dict[str, tuple[float, re.Pattern[str]]]:
    found = {}
    for raw in CUES.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        intent, weight, phrases = raw.split("\t", 2)
        words = sorted(
            (spelled_loosely(fold(p)) for p in phrases.split("|") if p.strip()),
            key=len,
            reverse=True,
        )
        alternatives = [
            re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + r"(?!\w)" for w in words
        ]
        pattern = re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + ")")
        found[intent] = (float(weight), pattern)
    return found


def cue_scores(line: str) -> dict[str, float]:
    folded = spelled_loosely(fold(line))
    return {i: w for i, (w, pattern) in _cues().items() if pattern.search(folded)}


def judge(reading: Reading, mask: object) -> Judgement:
    """Score every intent for this reading."""
    from handlers.understanding.intents import Masker

    assert callable(mask)
    masker: Masker = mask
    votes = dict(matcher(masker).rank(reading.masked()))
    cues = cue_scores(reading.line)
    asks = is_question(reading.line)
    scores: dict[str, float] = {}
    for intent in set(votes) | set(cues):
        score = votes.get(intent, 0.0) + cues.get(intent, 0.0)
        for kind, bonus in _SUPPORTS.get(intent, ()):
            if reading.has(kind):
                score += bonus
        needs, factor = _NEEDS.get(intent, ((), 1.0))
        if needs and not reading.has(*needs):
            score *= factor
        if intent in _NO_ITEMS and reading.has("item"):  # "#16 deadline": an item, not a treaty
            score *= 0.5
        if not asks and intent in _ABOUT_ALL and reading.has("state"):
            score *= 0.6
        if intent == "treaty" and any(e.value in _TREATY_AREAS for e in reading.of("area")):
            score += 0.15
        scores[intent] = round(min(score, 1.5), 3)
    if asks:  # a question never means a change: it asks what the change would have said
        for change, question in _ASKED_AS.items():
            if change in scores:
                scores[question] = max(scores.get(question, 0.0), round(scores[change] * 0.8, 3))
                scores[change] = round(scores[change] * 0.4, 3)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    return Judgement(tuple(ranked))
