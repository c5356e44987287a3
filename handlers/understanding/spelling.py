"""Typos in the words that carry a request: "items overdeu pls", "deadlnes in april".

People in a hurry mistype; a line that is not understood is tried again with each unknown word
replaced by the closest word the bot knows (the cue words of every intent and the command
names), when one is close enough: one edit for words of five to nine letters, two for longer
ones (rapidfuzz's optimal string alignment distance: a swap of two letters is one edit). Names, numbers and short words are left alone.
"""

from __future__ import annotations

import re
from functools import cache

from handlers.reference.areas import AREAS
from handlers.reply.text import fold

_WORD = re.compile(r"[^\W\d_]{5,}")


@cache
def vocabulary() -> frozenset[str]:
    """Every single word the bot reads as a cue, and the command names and aliases."""
    from handlers.commands.registry import COMMANDS
    from handlers.understanding.judge import CUES

    words: set[str] = set()
    for raw in CUES.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            for phrase in raw.split("\t", 2)[2].split("|"):
                words.update(w for w in re.findall(r"[^\W\d_]+", fold(phrase)) if len(w) >= 5)
    from handlers.understanding.undo import WORDS as UNDO_WORDS

    words.update(UNDO_WORDS)
    for name, spec in COMMANDS.items():
        words.update(w for w in (name, *spec.aliases) if len(w) >= 5)
    for area in AREAS:  # "univeralization"
        for alias in area.aliases:
            words.update(w for w in re.findall(r"[^\W\d_]+", fold(alias)) if len(w) >= 5)
    return frozenset(words)


@cache
def state_names() -> dict[str, str]:
    """One-word State names, folded, to their written form ("lebanon": "Lebanon")."""
    from handlers.reference.states import StateDirectory

    names = {}
    for state in StateDirectory.default().all():
        for name in (state.short, state.name):
            if " " not in name and len(name) >= 5:
                names[fold(name).lower()] = name
    return names


@cache
def _bank_words() -> frozenset[str]:
    """Every word of the example bank: real words, however close to a cue ("review")."""
    from handlers.understanding.intents import load_bank

    return frozenset(w for e in load_bank() for w in re.findall(r"[^\W\d_]+", fold(e.text).lower()))


def _a_state(word: str) -> bool:
    from handlers.reference.states import StateDirectory

    return bool(StateDirectory.default().find_in_text(word, demonyms=True))


def corrected(line: str, *, names_only: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """The line with its mistyped words replaced, and which were (typed, read as); with
    ``names_only``, only capitalised words close to a State's name ("Lebannon")."""
    from rapidfuzz import process  # only when a line was not understood: not at start-up
    from rapidfuzz.distance import OSA

    known = vocabulary()
    names = state_names()
    choices = sorted(known)
    fixed: list[tuple[str, str]] = []

    def fix(match: re.Match[str]) -> str:
        word = match[0]
        folded = fold(word).lower()
        if word[0].isupper() and folded not in names and not _a_state(word):
            # a name: only a State's, misspelt ("Lebannon"; not "German", "Albanian")
            best = process.extractOne(folded, sorted(names), scorer=OSA.distance, score_cutoff=1)
            if best is None or best[1] == 0:
                return word
            fixed.append((word, names[best[0]]))
            return names[best[0]]
        if names_only or folded in known or word[0].isupper():
            return word
        if folded.rstrip("s") in known or f"{folded}s" in known or folded in _bank_words():
            return word  # a plural, or a word people use with the bot: not a typo
        limit = 1 if len(folded) < 10 else 2
        same_start = [c for c in choices if c[0] == folded[0]]  # a typo keeps the first letter
        best = process.extractOne(folded, same_start, scorer=OSA.distance, score_cutoff=limit)
        if best is None or best[1] == 0:
            return word
        fixed.append((word, best[0]))
        return best[0]

    return _WORD.sub(fix, line), fixed
