"""The words and patterns commitments.py reads a commitment with: trigger verbs, verbs that
are not commitments, stative verbs, clause boundaries, passives, deadlines, "the next meeting".
Kept apart so the reading logic in commitments.py stays short.
"""

from __future__ import annotations

import re

_ADVERBS = r"(?:\s+(?:also|further|then|soon\s+after|soon|now|still|jointly|probably|most\s+likely|likely|first|only|not|then\s+be))*"
_TRIGGER = re.compile(
    r"\b(?:(?P<modal>will|would|shall|should|must|(?:is|are|was|were)\s+going\s+to|(?:has|have|had)\s+to|needs?\s+to)"
    + _ADVERBS
    + r"\s+(?P<mverb>[a-z]+)"
    + r"|(?P<tv>undert(?:ook|akes?)|agreed|agrees|promised|offered|committed|intends?|intended|"
    r"plans?|planned|hopes?|hoped|expects?|expected|aims?|aimed|wish(?:es|ed)|volunteered|"
    r"decided|resolved|requested|asked|tasked|mandated|decision|intention|commitment|readiness|"
    r"willingness)\b(?P<mid>[^.;]{0,40}?)\s+to\s+(?P<tverb>[a-z]+)"
    r"|(?P<gv>envisag(?:ed|es)|envision(?:ed|s)|considering|suggest(?:ed|s)|propos(?:ed|es)|"
    r"recommend(?:ed|s))\s+(?P<gverb>[a-z]+ing))\b",
    re.IGNORECASE,
)
_NOT_VERBS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "during",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "of",
        "from",
        "as",
    ]
)
_STATIVE = frozenset(
    [
        "consist",
        "require",
        "determine",
        "contribute",
        "address",
        "seem",
        "appear",
        "become",
        "remain",
        "mean",
        "allow",
        "depend",
        "include",
        "involve",
        "constitute",
        "represent",
        "reflect",
        "lead",
        "focus",
        "aim",
        "need",
        "benefit",
    ]
)
_BOUNDARY = re.compile(r"\b(?:that|whether|while|whereas|but|because|since|if|although)\b|[;:]")
_CUT = re.compile(
    r";|\s+and\s+(?:this|that|these|those|it|they|he|she)\b|,?\s+while\b|,?\s+whereas\b|,?\s+but\b"
    r"|,?\s+as\s+(?:there|this|it)\b|,?\s+which\s+(?:was|is|would|will)\b"
)
_PASSIVE = re.compile(r"^(?:be|been)\s+(?P<part>[a-z]+(?:ed|en|wn|ld|lt|nt|ne|de|un))\b")
_AGENT = re.compile(r"\bby\s+(?:a|an|the)?\s*(?P<agent>[A-Za-z][\w -]+)")
_DEADLINE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until|prior\s+to)\s+(?:the\s+)?(?:latest\s+)?",
    re.IGNORECASE,
)
_NEXT_MEETING = re.compile(
    r"\bnext\s+(?:[\w-]+\s+){0,3}meeting\b[^.]*\b(?:held|take\s+place|convene|scheduled)\b"
    r"|\b(?:meet|reconvene|convene)\s+again\b|\b(?:will|shall|would)\s+(?:next\s+)?meet\s+(?:on|in)\b",
    re.I,
)
