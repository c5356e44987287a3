"""The Committee's working terms in English, French and Spanish (``glossary.tsv``).

Minutes and items are written in one language and asked about in three: "¿qué se decidió sobre
el acuerdo de sede?" is about the "Hosting Agreement", "la prévision documentaire" is the
"documentation forecast". Cognates are caught by spelling alone ("séminaire", "seminar"); the
terms that look nothing alike need this table.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from handlers.reply.text import fold

_FILE = Path(__file__).with_name("glossary.tsv")


@lru_cache(maxsize=1)
def _terms() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every French and Spanish phrase (longest first), and each phrase's
    English term."""
    english_of: dict[str, str] = {}
    for raw in _FILE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        english, *others = raw.split("\t")
        for phrase in (p for field in others for p in field.split("|")):
            key = fold(phrase)
            if key and key != fold(english):
                english_of.setdefault(key, english)
    phrases = sorted(english_of, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, phrases)) + r")(?![\w-])")
    return pattern, english_of


def in_english(text: str) -> str | None:
    """``text`` (folded) with its French and Spanish terms put in English, or None when it holds
    none: a second wording to search with, beside the words as typed."""
    pattern, english_of = _terms()
    folded = fold(text)
    translated = pattern.sub(lambda m: fold(english_of[m.group(0)]), folded)
    return translated if translated != folded else None
