"""Amounts as people write them: separators read from their shape, ambiguity refused."""

from __future__ import annotations

import pytest

from handlers.money import AmountError, find_amount, format_chf, parse_amount


@pytest.mark.parametrize(
    ("written", "cents"),
    [
        ("143'935.07", 14393507),
        ("143’935.07", 14393507),
        ("143,935.07", 14393507),
        ("143 935,07", 14393507),
        ("143.935,07", 14393507),
        ("25.000", 2500000),
        ("25,000", 2500000),
        ("25000", 2500000),
        ("12,5", 1250),
        ("12.50", 1250),
        ("1.5 million", 150000000),
        ("1,5 Mio.", 150000000),
        ("12k", 1200000),
        ("CHF 31'437.17", 3143717),
    ],
)
def test_amounts(written: str, cents: int) -> None:
    assert parse_amount(written) == cents
    assert find_amount(f"Norway {written.removeprefix('CHF ')} received").cents == cents


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Norway 25 000 EUR 2017", "in CHF"),
        # any currency CLDR knows, next to the amount, is refused, never taken for francs
        ("Burkina Faso 1500000 XOF 2017 pledged", "“XOF”"),
        ("Burkina Faso 1,5 million FCFA 2017", "“FCFA”"),
        ("Peru 15000 PEN 2017", "“PEN”"),
        ("Japan JPY 2000000", "“JPY”"),
        ("Chile 5 mil dólares 2017", "“dólares”"),
        ("Norway €500", "in CHF"),
        ("Norway lots", "no amount"),
        ("Norway 100 or 200", "several amounts"),
        ("Norway 1.2.3", "no amount"),
    ],
)
def test_refusals(text: str, message: str) -> None:
    with pytest.raises(AmountError, match=message):
        find_amount(text)


def test_format() -> None:
    assert format_chf(14393507) == "CHF 143,935.07"
    assert format_chf(-5) == "CHF -0.05"
