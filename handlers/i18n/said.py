"""A sentence kept as data: its English message and values, said in whoever reads it.

An item's history keeps what each change said ("😴 #3 snoozed until …"). Written as text it
would be in the language of whoever made the change, forever; kept as the message id and its
values (JSON in the same column) it is said in each later reader's language. Older rows hold
plain text and are shown as they were written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from handlers.i18n.catalog import _
from handlers.i18n.formats import format_day, format_long_day
from handlers.i18n.notes import localize_stored
from handlers.i18n.phrases import Names, fill, owner_in_text

_MARK = '{"said":'
# A value is text or a number, or a day said in the reader's words: {"long_day": "2017-04-18"},
# or {"day": "2017-04-18", "time": "10:00–11:30", "note": <how it was read, in English>};
# or an owner named in the reader's language: {"owner": "Switzerland", "kind": "state", "ref": "CHE"}.
Value = str | int | dict[str, str]
Part = tuple[str, dict[str, Value]] | str  # a message and its values, or literal text


def when_text(when: dict[str, str]) -> str:
    """A typed day value as the reader writes it ("Fri 31 Mar 2017 10:00 (…)")."""
    if "long_day" in when:
        return format_long_day(date.fromisoformat(when["long_day"]), padded=True)
    out = format_day(date.fromisoformat(when["day"]))
    out += f" {when['time']}" if when.get("time") else ""
    return out + (f" ({localize_stored(when['note'])})" if when.get("note") else "")


def owner_value(label: str, kind: str | None, ref: str | None) -> dict[str, str]:
    """An owner kept as data, so that each reader sees it in their language ("la Suisse")."""
    return {"owner": label, "kind": kind or "", "ref": ref or ""}


def _value(value: Value) -> str | int | Names:
    if isinstance(value, dict) and "owner" in value:
        return owner_in_text(value.get("kind") or None, value.get("ref") or None, value["owner"])
    return when_text(value) if isinstance(value, dict) else value


@dataclass(frozen=True)
class Said:
    parts: tuple[Part, ...]

    def text(self) -> str:
        """The sentence in the current language."""
        return "".join(
            part
            if isinstance(part, str)
            else fill(_(part[0]), **{k: _value(v) for k, v in part[1].items()})
            for part in self.parts
        )

    def stored(self) -> str:
        return json.dumps({"said": list(self.parts)}, ensure_ascii=False)

    def __add__(self, other: Said | str) -> Said:
        return Said(self.parts + (other.parts if isinstance(other, Said) else (other,)))


def say(message: str, **values: Value | None) -> Said:
    """``message`` (an ``N_``-marked or literal msgid) with its values, said later."""
    return Said(((message, {k: "" if v is None else v for k, v in values.items()}),))


def shown(detail: str) -> str:
    """A stored detail for today's reader: a Said in their language, older text as written."""
    if not detail.startswith(_MARK):
        return detail
    try:
        parts: Any = json.loads(detail)["said"]
        return Said(tuple(p if isinstance(p, str) else (p[0], dict(p[1])) for p in parts)).text()
    except (ValueError, KeyError, TypeError, IndexError):
        return detail
