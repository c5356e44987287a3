"""The one rule for a line that logs itself: "ACTION: ...", "TODO: ...", "AI: ..." (any case),
and the same marks in French and Spanish ("ACCIÓN: ...", "TÂCHE : ...", "TAREA: ...")."""

from __future__ import annotations

import re

CAPTURE = re.compile(r"^\s*(?:action|acción|accion|todo|to-do|ai|tâche|tache|tarea)\s*:\s*", re.I)


def is_capture(text: str) -> bool:
    """Whether a chat line asks to be logged as an action item."""
    return CAPTURE.match(text) is not None


def strip_capture(text: str) -> str:
    """The commitment without its "ACTION:" marker."""
    return CAPTURE.sub("", text, count=1).strip()


_SPLIT = re.compile(
    r"^(?P<owner>.+?)\s+(?:to|will|should|must|shall|needs? to)\s+(?P<what>.+)$", re.I | re.S
)


def split_commitment(text: str) -> tuple[str, str] | None:
    """'Italy to follow up with Albania' -> ('Italy', 'follow up with Albania'); None without
    an '<owner> to <what>' shape."""
    match = _SPLIT.match(text.strip())
    return (match["owner"].strip(), match["what"].strip()) if match else None
