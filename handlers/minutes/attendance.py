"""Who attended, who sent apologies, who was absent: delegations and the people under them."""

from __future__ import annotations

import re

from handlers.minutes.model import Attendee
from handlers.reference.states import StateDirectory

_LABELS = (
    (
        re.compile(r"(?:apologies\s+not\s+received|absent|not\s+present|no\s+apologies)", re.I),
        "absent",
    ),
    (re.compile(r"(?:apologies(?:\s+received)?|excused|regrets)", re.I), "apologies"),
    (
        re.compile(
            r"(?:present|attendance|attendees|participants|in\s+attendance|members\s+present|attended\s+by)",
            re.I,
        ),
        "attendees",
    ),
)
_LABEL_LINE = re.compile(
    r"^(?:#{1,6}\s*)?(?:(?:agenda\s+)?(?:item\s+)?\d{1,2}[.)]?\s*)?(?P<label>[A-Za-z ]{4,30}?)\s*(?::\s*(?P<rest>.*)|\s*$)"
)
_PERSON = re.compile(
    r"^(?:H\.?\s?E\.?|Mr|Mrs|Ms|Mme|Dr|Prof|Amb|Ambassador|Sir|Dame|Col|Lt)\.?\s+\S", re.I
)
_ORG = re.compile(
    r"\b(?:ISU|Secretariat|Coalition|CMC|ICRC|UN\w*|GICHD|Committee|Office|Red Cross|Nations|"
    r"Union|Centre|Center|Trust|Aid|Watch|Institute|Foundation|Programme|Agency|Organi[sz]ation)\b"
)
_ENUM = re.compile(r"^(?:\d{1,3}[.)]|[-*•·–])\s*")
_SPLIT_ROLE = re.compile(r"\s+[-–—]\s+|\s*:\s*|\s*\(")
MAX_ENTRY = 120


def attendance_label(line: str) -> tuple[str, str] | None:
    """("attendees" | "apologies" | "absent", what follows the colon) for a list's label line."""
    m = _LABEL_LINE.match(line.strip())
    if not m:
        return None
    for pattern, kind in _LABELS:
        if pattern.fullmatch(m["label"].strip()):
            return kind, (m["rest"] or "").strip()
    return None


class AttendanceReader:
    """Reads the lines of one list, one delegation or person per line (or comma-separated)."""

    def __init__(self, states: StateDirectory, into: list[Attendee]) -> None:
        self.states = states
        self.into = into

    def feed(self, line: str) -> bool:
        """Take one line; False when it is not part of the list (the list is over)."""
        numbered = bool(re.match(r"\d", line.strip()))
        text = _ENUM.sub("", line.strip()).strip()
        if (
            not text
            or len(text) > MAX_ENTRY
            or re.search(r"[a-z]{2,}[.!?]\s+[A-Z]\w*\s+[a-z]", text)
        ):
            return False
        parts = [text]
        if ("," in text or ";" in text) and not _PERSON.match(text):
            parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
        entries = [self._entry(part, numbered=numbered) for part in parts]
        return not any(entry is None for entry in entries)

    def _entry(self, text: str, *, numbered: bool) -> bool | None:
        if _PERSON.match(text):
            if self.into:
                last = self.into[-1]
                self.into[-1] = Attendee(
                    last.name, last.kind, last.iso3, (*last.people, text), last.role
                )
            return True
        head, *rest = _SPLIT_ROLE.split(text, maxsplit=1)
        extra = rest[0].rstrip(")").strip() if rest else ""
        person = extra if _PERSON.match(extra) else None
        role = None if person or not extra else extra
        state = self.states.lookup(head.strip())
        people = (person,) if person else ()
        if state is not None:
            self.into.append(Attendee(state.short, "state", state.iso3, people, role))
            return True
        if _ORG.search(head) or (not numbered and _looks_like_name(head)):
            self.into.append(Attendee(head.strip(), "organisation", None, people, role))
            return True
        return None


def _looks_like_name(text: str) -> bool:
    """ "Handicap International" yes; "Opening Remarks by the President" no (a heading)."""
    words = text.split()
    return 1 <= len(words) <= 6 and all(word[:1].isupper() or word in _NAME_GLUE for word in words)


_NAME_GLUE = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le", "on", "in", "&"})
