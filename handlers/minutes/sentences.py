"""A small sentence splitter for minutes: titles, initials and numbers do not end sentences."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "h.e",
        "he",
        "amb",
        "st",
        "no",
        "nos",
        "art",
        "arts",
        "para",
        "paras",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cf",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "rev",
        "vol",
        "p",
        "pp",
        "fig",
        "u.s",
        "u.k",
        "u.n",
        "op",
        "cit",
        "al",
        "sr",
        "jr",
        "gen",
        "col",
        "lt",
        "capt",
    ]
)
# A full stop, "?" or "!" (maybe closed by a quote or bracket), spaces, then what opens a sentence.
_BOUNDARY = re.compile(r"([.!?][\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_MARKUP = re.compile(r"\*\*|__|\*(?=\S)|(?<=\S)\*|(?<!\w)_(?=\w)|(?<=\w)_(?!\w)")


def strip_markup(text: str) -> str:
    """Drop Markdown emphasis (``**bold**``, ``*italic*``) that would hide words from the rules."""
    return _MARKUP.sub("", text)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, in order, stripped."""
    text = " ".join(paragraph.split())
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1).startswith(".") and _not_an_end(text, m.start()):
            continue
        out.append(text[start : m.end(1)].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def _not_an_end(text: str, dot: int) -> bool:
    """A dot after an abbreviation ("Mr.", "H.E.") or an initial ("J. Smith") ends nothing."""
    word = re.search(r"[\w.]+$", text[:dot])
    if word is None:
        return False
    raw = word.group(0).strip(".")
    return raw.lower() in _ABBREVIATIONS or (len(raw) == 1 and raw.isalpha() and raw.isupper())
