"""Which of the committee's languages a line is written in, from its little words.

Function words ("the", "le", "el"…) are frequent, short and nearly disjoint between English,
French and Spanish: counting them tells the language of a line of a few words, which is all
the reader needs (which verb endings mark a present tense, for instance).
"""

from __future__ import annotations

import re

from handlers.reply.text import fold


def words(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


_LITTLE_WORDS: dict[str, frozenset[str]] = {
    "en": words(
        "the a an and of to in on for with by is are was will be has have this that it its "
        "their our we they he she what who when which from at before until after next"
    ),
    "fr": words(
        "le la les l un une des du de et est sont avec pour par dans sur au aux ce cette qui "
        "que quand il elle nous ils leur son sa ses avant apres prochain prochaine d qu"
    ),
    "es": words(
        "el la los las un una unos del de y es son con para por en al este esta que quien "
        "cuando su sus nos antes despues proximo proxima hasta lo"
    ),
}
# a word two languages share ("la", "de", "que", "en") says nothing
_SHARED = {
    w for a in _LITTLE_WORDS.values() for b in _LITTLE_WORDS.values() if a is not b for w in a & b
}
_LITTLE_WORDS = {lang: words - _SHARED for lang, words in _LITTLE_WORDS.items()}
_WORD = re.compile(r"[a-z]+")


def line_language(line: str) -> str | None:
    """ "en", "fr" or "es" when the little words say so clearly; None for a line too short or
    too mixed to tell (a bare command, a State name)."""
    words = _WORD.findall(fold(line))
    counts = {lang: sum(w in little for w in words) for lang, little in _LITTLE_WORDS.items()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (best, most), (_second, next_most) = ranked[0], ranked[1]
    return best if most >= 1 and most > next_most else None
