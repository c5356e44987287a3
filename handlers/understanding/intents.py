"""Which intent a line without a command word has: nearest examples from a bank kept as data.

The bank (examples.tsv beside this file: intent, language, line) holds lines as committee
members type them, in English, French and Spanish. Each line is *masked* first (States, areas,
amounts, item numbers... replaced by their kind, see ``Reading.masked``), so "Austria paid
25,000 CHF" and "Norway paid 12'500" look alike. Lines become TF-IDF vectors of character
n-grams (2-4, inside words, which survives typos and inflection: "payé", "pagado") plus word
unigrams; a line's intent is voted by its k nearest examples, weighted by cosine similarity.

The matcher is fitted from the data file at first use (a few hundred lines: ~50 ms), never
pickled; ``holdout_accuracy`` measures it on a fifth of the bank it was not fitted on.
"""

from __future__ import annotations

import heapq
import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handlers.reply.text import fold
from handlers.understanding.mood import spelled_loosely, unabbreviated

BANK = Path(__file__).with_name("examples.tsv")
K = 7
_WORD = re.compile(r"[a-z0-9']+|[A-Z]{3,}")
Vector = dict[str, float]
Masker = Callable[[str], str]


@dataclass(frozen=True)
class Example:
    intent: str
    lang: str
    text: str


def load_bank(path: Path = BANK) -> list[Example]:
    """The example bank: one ``intent<TAB>lang<TAB>line`` per row, # for comments."""
    examples = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        intent, lang, text = raw.split("\t", 2)
        examples.append(Example(intent.strip(), lang.strip(), text.strip()))
    return examples


def features(masked: str) -> Counter[str]:
    """Character 2-4-grams inside words, plus whole words (entity kinds stay upper case)."""
    text = " ".join(w if w.isupper() else fold(w) for w in masked.split())
    text = unabbreviated(spelled_loosely(text))
    grams: Counter[str] = Counter()
    words = _WORD.findall(text)
    for word in words:
        grams[f"w:{word}"] += 2
        if word.isupper():
            continue
        padded = f" {word} "
        for n in (2, 3, 4):
            for i in range(len(padded) - n + 1):
                grams[padded[i : i + n]] += 1
    return grams


class Matcher:
    """k nearest examples over TF-IDF vectors, with an inverted index for speed."""

    def __init__(self, examples: Sequence[Example], mask: Masker) -> None:
        self._mask = mask
        self.examples = list(examples)
        counts = [features(mask(e.text)) for e in self.examples]
        df: Counter[str] = Counter()
        for grams in counts:
            df.update(grams.keys())
        total = len(counts)
        self._idf = {g: math.log((1 + total) / (1 + n)) + 1 for g, n in df.items()}
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for row, grams in enumerate(counts):
            for gram, weight in self._vector(grams).items():
                postings[gram].append((row, weight))
        # A gram in more than half the examples (" a", "e ") adds to every score alike and
        # costs the most to add up: left out of the index, the nearest stay the same.
        self._index = {g: p for g, p in postings.items() if len(p) <= total // 2}

    def _vector(self, grams: Counter[str]) -> Vector:
        vec = {g: (1 + math.log(c)) * self._idf[g] for g, c in grams.items() if g in self._idf}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items()}

    def nearest(self, masked: str, k: int = K) -> list[tuple[float, Example]]:
        # a flat list indexed by row: the inner loop is the hot spot of reading a line
        scores = [0.0] * len(self.examples)
        index = self._index
        for gram, weight in self._vector(features(masked)).items():
            for row, other in index.get(gram, ()):
                scores[row] += weight * other
        best = heapq.nlargest(k, range(len(scores)), key=scores.__getitem__)
        return [(scores[row], self.examples[row]) for row in best if scores[row] > 0.0]

    def rank(self, masked: str) -> list[tuple[str, float]]:
        """Intents by vote (similarity-weighted, squared so close examples count most), best first."""
        votes: dict[str, float] = defaultdict(float)
        near = self.nearest(masked)
        for score, example in near:
            votes[example.intent] += score * score
        total = sum(votes.values()) or 1.0
        top = near[0][0] if near else 0.0
        # a share of the vote, scaled by how close the nearest example is at all
        return sorted(
            ((i, v / total * min(1.0, top / 0.6)) for i, v in votes.items()), key=lambda kv: -kv[1]
        )


_LOCK = threading.Lock()
_MATCHERS: dict[int, Matcher] = {}


def matcher(mask: Masker) -> Matcher:
    """The matcher over the whole bank, fitted once per process at first use."""
    key = id(mask)
    with _LOCK:
        if key not in _MATCHERS:
            _MATCHERS[key] = Matcher(load_bank(), mask)
        return _MATCHERS[key]


def holdout_accuracy(
    mask: Masker, *, folds: int = 5
) -> tuple[float, int, list[tuple[Example, str]]]:
    """Fit on four fifths, test on the fifth left out (every fold): accuracy, count, misses."""
    bank = load_bank()
    right, misses = 0, []
    for fold_no in range(folds):
        train = [e for i, e in enumerate(bank) if i % folds != fold_no]
        test = [e for i, e in enumerate(bank) if i % folds == fold_no]
        fitted = Matcher(train, mask)
        for example in test:
            ranked = fitted.rank(mask(example.text))
            guess = ranked[0][0] if ranked else ""
            if guess == example.intent:
                right += 1
            else:
                misses.append((example, guess))
    return right / len(bank), len(bank), misses


@cache
def intents() -> tuple[str, ...]:
    return tuple(sorted({e.intent for e in load_bank()}))
