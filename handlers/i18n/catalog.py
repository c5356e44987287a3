"""The catalogs: ``locale/<lang>/LC_MESSAGES/ccm.po`` read at first use, compiled in memory.

Reading the .po with Babel and compiling it to a .mo in memory means no binary is committed and
a clean checkout works as it is; fuzzy entries are left out, so an unchecked guess never ships.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from handlers.i18n.choice import DEFAULT, normalize

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "ccm"

_language: ContextVar[str] = ContextVar("ccm_language", default=DEFAULT)


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang``; English (the source language) is the identity."""
    path = po_path(lang)
    if lang == DEFAULT or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def current_language() -> str:
    """The language of the reply being written (``en`` outside any :func:`use_language`)."""
    return _language.get()


@contextmanager
def use_language(lang: str | None) -> Iterator[str]:
    """Write everything inside in ``lang`` (anything unknown means English), then restore."""
    chosen = normalize(lang) or DEFAULT
    token = _language.set(chosen)
    try:
        yield chosen
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """``message`` in the reader's language (the English text is the message id)."""
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form that ``n`` takes in the reader's language."""
    return translations(_language.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` where the same English word needs another translation ("open" items)."""
    return translations(_language.get()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a constant for extraction; it is translated later, where it is shown, with ``_``."""
    return message
