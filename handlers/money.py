"""Amounts of money: parsed the way the ISU writes them (143'935.07, 143,935.07), kept in cents."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_AMOUNT = re.compile(r"^\d{1,3}(?:[',’ ]\d{3})+(?:\.\d{1,2})?$|^\d+(?:[.,]\d{1,2})?$")


def parse_amount(text: str) -> int | None:
    """'143'935.07' -> 14393507 cents; None when the text is not an amount."""
    raw = text.strip().removeprefix("CHF").strip()
    if not _AMOUNT.match(raw):
        return None
    if re.fullmatch(r"\d+,\d{1,2}", raw):
        raw = raw.replace(",", ".")
    digits = re.sub(r"[',’ ]", "", raw)
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return int((value * 100).to_integral_value())


def format_chf(cents: int, currency: str = "CHF") -> str:
    """14393507 -> "CHF 143,935.07"."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{currency} {sign}{whole:,}.{rest:02d}"
