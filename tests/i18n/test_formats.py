"""Dates, amounts and State names as each language writes them, and the language chosen per reply."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from handlers.i18n import (
    _,
    format_amount,
    format_day,
    format_long_day,
    join_names,
    state_label,
    use_language,
)
from handlers.i18n.choice import choose, normalize


@pytest.mark.parametrize(
    ("lang", "long_day", "amount"),
    [
        ("en", "23 March 2017", "CHF 143,935.07"),
        ("fr", "23 mars 2017", "143\u202f935,07\u00a0CHF"),
        ("es", "23 de marzo de 2017", "143.935,07\u00a0CHF"),
    ],
)
def test_dates_and_amounts(lang: str, long_day: str, amount: str) -> None:
    with use_language(lang):
        assert format_long_day(date(2017, 3, 23)) == long_day
        assert format_amount(14393507) == amount
    with use_language("fr"):
        assert format_day(date(2017, 3, 31)) == "ven. 31 mars 2017"


@pytest.mark.parametrize(
    ("lang", "iso3", "english", "shown"),
    [
        ("fr", "CHE", "Switzerland", "Suisse"),
        ("es", "BWA", "Botswana", "Botsuana"),
        ("fr", "COD", "DR Congo", "République démocratique du Congo"),
        ("es", "LAO", "Lao PDR", "República Democrática Popular Lao"),
        ("fr", "VAT", "Holy See", "Saint-Siège"),
        ("en", "LAO", "Lao PDR", "Lao PDR"),
        ("fr", "XKX", "Kosovo", "Kosovo"),
    ],
)
def test_state_names_in_the_readers_language(
    lang: str, iso3: str, english: str, shown: str
) -> None:
    with use_language(lang):
        assert state_label(iso3, english) == shown


def test_lists_join_in_each_language() -> None:
    with use_language("fr"):
        assert join_names(["Chili", "Italie"]) == "Chili et Italie"
    with use_language("es"):
        assert join_names(["Chile", "Italia"]) == "Chile e Italia"  # CLDR: "e" before "i"
    assert join_names(["Chile", "Italy"]) == "Chile and Italy"


@pytest.mark.parametrize(
    ("stored", "slack", "default", "chosen"),
    [
        ("es", "fr-FR", "en", "es"),  # /ccm lang wins
        (None, "fr-FR", "en", "fr"),  # then Slack's profile locale
        (None, "es-419", "fr", "es"),
        (None, "de-DE", "fr", "fr"),  # a locale we don't speak: the committee's
        (None, None, None, "en"),
        ("xx", None, "es", "es"),
    ],
)
def test_whose_language(
    stored: str | None, slack: str | None, default: str | None, chosen: str
) -> None:
    assert choose(stored=stored, slack_locale=slack, default=default) == chosen


def test_language_words() -> None:
    assert [normalize(w) for w in ("Français", "espagnol", "EN", "fr_CH", "pt")] == [
        "fr",
        "es",
        "en",
        "fr",
        None,
    ]


def test_two_threads_answer_in_two_languages_at_once() -> None:
    """The language is a context variable: one reader's French never leaks into another's reply."""
    barrier = threading.Barrier(2)
    seen: dict[str, str] = {}

    def answer(lang: str) -> None:
        with use_language(lang):
            barrier.wait()  # both inside their language at the same moment
            seen[lang] = _("Weekly digest")

    threads = [threading.Thread(target=answer, args=(lang,)) for lang in ("fr", "es")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"fr": "Récapitulatif hebdomadaire", "es": "Resumen semanal"}
