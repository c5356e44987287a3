"""Output languages: gettext catalogs kept as .po files, the reader's language per reply, Babel formats.

Every user-visible sentence goes through ``_`` (or ``ngettext``) at the moment it is written, so
the language is whichever :func:`use_language` set for this reply: a context variable, never a
process-wide setting, so two threads answering a French and a Spanish reader never mix.
"""

from handlers.i18n.catalog import N_, _, current_language, ngettext, pgettext, use_language
from handlers.i18n.choice import LANGUAGES, normalize
from handlers.i18n.formats import (
    format_amount,
    format_day,
    format_long_day,
    format_number,
    join_names,
    join_or,
    state_label,
)

__all__ = [
    "LANGUAGES",
    "N_",
    "_",
    "current_language",
    "format_amount",
    "format_day",
    "format_long_day",
    "format_number",
    "join_names",
    "join_or",
    "ngettext",
    "normalize",
    "pgettext",
    "state_label",
    "use_language",
]
