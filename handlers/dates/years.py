"""The one pattern for a year written in text: 1980 to 2099.

Narrower than "any four digits" on purpose: "1900 hours", "section 1234" and "CHF 1500" are
not years; the Convention's history begins in 2008, and the minutes cite nothing before 1980.
Date phrases (handlers/dates), minutes (handlers/minutes) and commands all use it.
"""

from __future__ import annotations

import re

YEAR_DIGITS = r"(?:19[89]\d|20\d\d)"  # the four digits alone, for patterns with their own edges
YEAR = rf"{YEAR_DIGITS}(?!\d)"
YEAR_IN_TEXT = re.compile(rf"\b({YEAR})\b")  # group 1 is the year
