"""Amounts written in words: "douze mille francs suisses", "diez mil francos", "twenty-five
thousand Swiss francs". The line is given its digits by text2num (English, French, Spanish)
before it is read, only when it speaks of money: "one mission", "une semaine" stay words.
"""

from __future__ import annotations

import re

from handlers.reply.text import fold
from handlers.understanding.language import line_language

_MONEY = re.compile(r"\b(?:francs?|francos?|chf|fr\.|contribution|contribucion|aporte|pledge\w*)\b")
_NUMBER_WORD = re.compile(
    r"\b(?:thousand|million|hundred|mille|millions?|cent|mil|millones|cien|ciento)\b"
)


_DIGITS_THEN_WORD = re.compile(r"\d\s*(?:mil|mille|thousand|millions?|millones|mio|k)\b")


def with_digits(line: str) -> str:
    """The line with numbers written in words as digits, when it speaks of an amount."""
    folded = fold(line)
    if not (_MONEY.search(folded) and _NUMBER_WORD.search(folded)):
        return line
    if _DIGITS_THEN_WORD.search(folded):  # "5 mil francos", "25 thousand": the amount reads them
        return line
    from text_to_num import alpha2digit  # only for such a line: not at start-up

    return str(alpha2digit(line, line_language(line) or "en"))
