"""The sentence splitter: abbreviations, initials and decimals do not end a sentence."""

from __future__ import annotations

from handlers.minutes.sentences import split_sentences, strip_markup


def test_split_keeps_titles_initials_and_numbers() -> None:
    text = "H.E. Amb. J. Smith said 3.5 percent was paid. It was agreed. The U.K. would act, e.g. soon."
    assert split_sentences(text) == [
        "H.E. Amb. J. Smith said 3.5 percent was paid.",
        "It was agreed.",
        "The U.K. would act, e.g. soon.",
    ]


def test_markup_removed() -> None:
    assert strip_markup("5. **Presentation** of *RACVIAC*") == "5. Presentation of RACVIAC"
