"""Tables in minutes: a Who / What / When action table, an attendance table, or plain rows.

Rows arrive as ``| a | b |`` lines (the reading step writes Word and Markdown tables so). The
header row names the columns in any of the three languages; without a header a table is kept
as text, one paragraph per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handlers.minutes.vocab import WHAT, WHEN, WHO

_RULE = re.compile(r"^[\s:|-]*$")
_PARTS = re.compile(r"\s*(?:/|&|\band\b|\bor\b|\bou\b|\bet\b|\bo\b|\by\b)\s*")
_ATTENDANCE = re.compile(
    r"^(?:name|names|participants?|attendees?|delegations?|delegates?|country|state|"
    r"organi[sz]ations?|affiliation|representatives?|title|role|function|position|e-?mail|"
    r"nom|pays|nombre|pa[ií]s|instituci[óo]n|fonction|cargo|representante)$",
    re.I,
)


def is_row(line: str) -> bool:
    return line.startswith("|") and line.count("|") >= 2


def cells_of(line: str) -> list[str]:
    return [" ".join(c.split()) for c in line.strip().strip("|").split("|")]


@dataclass
class Table:
    """A table's rows and, when its header says so, which column holds who, what and when."""

    rows: list[list[str]] = field(default_factory=list)
    who: int | None = None
    what: int | None = None
    when: int | None = None
    attendance: bool = False

    @property
    def actions(self) -> bool:
        return self.what is not None and (self.who is not None or self.when is not None)

    def cell(self, row: list[str], index: int | None) -> str:
        return row[index] if index is not None and index < len(row) else ""


def read_table(lines: list[str]) -> Table:
    rows = [cells_of(line) for line in lines if not _RULE.match(line)]
    table = Table()
    if not rows:
        return table
    header, body = rows[0], rows[1:]
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = cell.strip(" *_:")
        for role, pattern in (("who", WHO), ("when", WHEN), ("what", WHAT)):
            if role not in roles and pattern.match(name) and len(name) <= 40:
                roles[role] = index
                break
    table.who, table.what, table.when = roles.get("who"), roles.get("what"), roles.get("when")
    if table.actions:
        table.rows = body
        return table
    table.who = table.what = table.when = None
    labels = [c.strip(" *_:") for c in header if c.strip()]
    table.attendance = bool(labels) and all(
        all(
            _ATTENDANCE.match(p.strip()) or len(p.strip()) < 3 for p in _PARTS.split(c) if p.strip()
        )
        for c in labels
    )
    table.rows = body if table.attendance else rows
    return table
