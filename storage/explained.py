"""Errors whose message is an English template and its values, said in the reader's language
where they are shown.

Code below the catalogs (storage; the minutes reader, which runs in a small child process that
must not load Babel) cannot translate: it raises the English template with ``N_`` (so the
catalogs extract it) and the values, and whoever shows the error calls ``localized(_)``.
``str()`` stays the English sentence (logs, tests).
"""

from __future__ import annotations

from collections.abc import Callable


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated where it is shown."""
    return message


class Explained(Exception):
    """An error told as ``template.format(**values)``; ``localized`` says it in another language."""

    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = {key: str(value) for key, value in values.items()}
        super().__init__(template.format(**self.values))

    def localized(self, translate: Callable[[str], str]) -> str:
        return translate(self.template).format(**self.values)
