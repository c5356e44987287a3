"""Whose language: a stored choice, else the Slack profile's locale, else the committee default."""

from __future__ import annotations

import re

DEFAULT = "en"
LANGUAGES = ("en", "fr", "es")
# Words people type for a language, in the three languages (folded: no accents, lower case).
_NAMES = {
    "en": ("en", "english", "anglais", "ingles", "eng"),
    "fr": ("fr", "french", "francais", "frances", "fra", "fre"),
    "es": ("es", "spanish", "espagnol", "espanol", "castellano", "spa", "esp"),
}
_BY_WORD = {word: code for code, words in _NAMES.items() for word in words}
_ACCENTS = str.maketrans("çéèêáíñóú", "ceeeainou")


def normalize(code: str | None) -> str | None:
    """ "fr-FR", "es_419", "Français", "ES" -> "fr"/"es"; None for anything not one of the three."""
    if not code:
        return None
    word = code.strip().lower().translate(_ACCENTS)
    if word in _BY_WORD:
        return _BY_WORD[word]
    head = re.split(r"[-_.@]", word, maxsplit=1)[0]
    return head if head in LANGUAGES else None


def choose(*, stored: str | None, slack_locale: str | None, default: str | None) -> str:
    """The first that names one of our languages: the person's choice, Slack's locale, the default."""
    return normalize(stored) or normalize(slack_locale) or normalize(default) or DEFAULT
