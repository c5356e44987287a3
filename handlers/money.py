"""Amounts of money as the ISU and delegates write them, kept in CHF cents.

"143'935.07", "143,935.07", "143 935,07", "25.000", "1.5 million", "12k": thousands separators
are read from their shape (groups of three digits), the decimal mark is the last "." or ","
followed by one or two digits. Anything ambiguous is refused rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.numbers import list_currencies

from handlers.i18n import _, format_amount, join_names

HOME_CURRENCY = "CHF"
# Money the ISU does not keep: a symbol, a currency's name, or an ISO 4217 code (every one
# CLDR knows, through Babel) written next to the amount ("1'500'000 XOF", "EUR 20,000").
_COMMON_CODES = "EUR|USD|GBP|JPY|SEK|NOK|DKK|CAD|AUD|NZD|XOF|XAF"
_FOREIGN_WORDS = (
    r"euros?|dollars?|d[oó]lar(?:es)?|f\s?cfa|francs?\s+cfa|cfa|yens?|pounds?(?:\s+sterling)?|"
    r"livres?\s+sterling|pesos|couronnes?|coronas?|kroner|kronor|krona|rands?|reais|reales"
)
_CODES = "|".join(sorted(set(list_currencies()) - {HOME_CURRENCY}))
_OTHER_CURRENCIES = re.compile(
    rf"(?<![A-Za-z])(?i:{_COMMON_CODES}|{_FOREIGN_WORDS})(?![A-Za-z])|[€$£¥]"
    rf"|(?<![A-Za-z])(?:{_CODES})(?=\s*\d)|(?<=\d)\s*(?:k|m|mil|mio\.?)?\s*(?:{_CODES})(?![A-Za-z])"
)
# The separators include the no-break spaces French amounts are written with ("143 935,07").
_NUMBER = r"\d{1,3}(?:[',’ .\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_SCALE = r"millions?|millones|millón|millon|mio\.?|mn|m|thousand|mille|mil|k"
_TOKEN = re.compile(
    # "8'750.-": the Swiss way of writing whole francs
    rf"(?<![\w.,'’/-])(?P<number>{_NUMBER})(?:\.[-–—](?!\w))?(?:\s*(?P<scale>{_SCALE}))?"
    rf"(?![\w'’/-]|[.,]\d)",  # "CHF 8.500, ingresada…": a comma after it ends the sentence
    re.I,
)
_SCALES = {
    "million": 1_000_000,
    "mio": 1_000_000,
    "mio.": 1_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
}
_SCALES |= {"thousand": 1000, "k": 1000, "mille": 1000, "mil": 1000}  # "5 mil francos"
_SCALES |= {"millions": 1_000_000, "millones": 1_000_000, "millón": 1_000_000}
_SCALES |= {"millon": 1_000_000}


class AmountError(ValueError):
    """No amount, several, or one in a currency the ISU does not keep; says how to write it."""


@dataclass(frozen=True)
class Amount:
    cents: int
    text: str
    start: int
    end: int


def _number(raw: str) -> Decimal | None:
    """One written number to a Decimal, reading separators from their shape."""
    compact = raw.replace(" ", "").replace("'", "").replace("’", "")
    decimal_mark = re.search(r"[.,](\d{1,2})$", compact)
    if decimal_mark:
        whole, fraction = compact[: decimal_mark.start()], decimal_mark[1]
    else:
        whole, fraction = compact, "0"
    if re.search(r"[.,]", whole) and not re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", whole):
        return None
    try:
        return Decimal(re.sub(r"[.,]", "", whole) + "." + fraction)
    except InvalidOperation:
        return None


def parse_amount(text: str) -> int | None:
    """'143'935.07' -> 14393507 cents; None when the whole text is not one CHF amount."""
    raw = text.strip().removeprefix(HOME_CURRENCY).strip()
    match = _TOKEN.fullmatch(raw)
    if not match:
        return None
    return _cents(match)


def _cents(match: re.Match[str]) -> int | None:
    value = _number(match["number"])
    if value is None:
        return None
    scale = _SCALES.get((match["scale"] or "").lower(), 1)
    return int((value * scale * 100).to_integral_value())


def number_spans(text: str) -> list[tuple[int, int]]:
    """Where each number written as an amount stands ("25 000", "8'750" of "8'750.-")."""
    return [m.span("number") for m in _TOKEN.finditer(text)]


def find_amount(text: str) -> Amount:
    """The one CHF amount in a command, or AmountError saying what is wrong."""
    other = _OTHER_CURRENCIES.search(text)
    if other:
        raise AmountError(
            _(
                "The ISU keeps its accounts in CHF, and I read “{currency}”: convert the amount "
                "and record it in CHF."
            ).format(currency=other[0].strip())
        )
    found = [(m, _cents(m)) for m in _TOKEN.finditer(text)]
    amounts = [Amount(c, m[0], m.start(), m.end()) for m, c in found if c is not None]
    if not amounts:
        raise AmountError(_("I found no amount; write it like 25'000, 25,000.50 or 1.5 million."))
    if len(amounts) > 1:
        listed = join_names(f"“{a.text}”" for a in amounts[:3])
        raise AmountError(
            _("I found several amounts ({amounts}); give one per contribution.").format(
                amounts=listed
            )
        )
    return amounts[0]


def format_chf(cents: int, currency: str = HOME_CURRENCY) -> str:
    """14393507 -> "CHF 143,935.07" ("143 935,07 CHF" for a French reader: see handlers.i18n)."""
    return format_amount(cents, currency)
