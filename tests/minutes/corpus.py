"""The layout corpus: minutes written for these tests in many layouts (tests/minutes/corpus/),
built into their real formats (.docx with python-docx, PDF with fpdf2), and scored.

Each document has a JSON file of what a careful reader finds: meeting date, next meeting,
attendees, apologies and commitments (owner, due date, key words). Documents marked
``heldout`` were written before the rules were run on them and are never tuned on.

Scoring counts facts. Recall: expected facts found / expected facts. Precision: extracted facts
that match an expected one / extracted facts (dates, attendees, apologies, items).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from handlers.minutes import MinutesExtract, extract, read_bytes
from handlers.minutes.model import Attendee, DraftItem
from handlers.reference.states import StateDirectory
from handlers.reply.text import fold

CORPUS = Path(__file__).parent / "corpus"
ZURICH = ZoneInfo("Europe/Zurich")
WORDS_NEEDED = 2 / 3
_PDF_SAFE = str.maketrans({"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})


def documents() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("*.json"))


def expected_of(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def source_of(name: str) -> Path:
    fmt = expected_of(name)["format"]
    for candidate in (
        CORPUS / f"{name}.{fmt}.txt",
        CORPUS / f"{name}.{fmt}",
        CORPUS / f"{name}.txt",
    ):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(name)


def build(name: str, *, repeat: int = 1) -> tuple[bytes, str]:
    """The document's bytes in its format, and its file name."""
    fmt = expected_of(name)["format"]
    text = source_of(name).read_text(encoding="utf-8")
    if fmt == "docx":
        return docx_bytes(text), f"{name}.docx"
    if fmt == "pdf":
        return pdf_bytes(text, repeat=repeat), f"{name}.pdf"
    return text.encode("utf-8"), f"{name}.{fmt}"


def docx_bytes(markup: str) -> bytes:
    """A Word document from a small markup: '#'/'##' headings, '- ' bullets, '**bold**' lines,
    '| a | b |' rows as a real table, anything else a paragraph."""
    import io

    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            rows.clear()

    for line in markup.splitlines():
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush()
        if m := re.match(r"^(#{1,3})\s+(.*)$", line):
            document.add_heading(m[2], level=len(m[1]))
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif m := re.match(r"^\*\*(.+)\*\*$", line):
            document.add_paragraph().add_run(m[1]).bold = True
        elif line.strip():
            document.add_paragraph(line)
    flush()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(markup: str, *, repeat: int = 1) -> bytes:
    """A PDF (fpdf2) with a running header, 'Page N of M' footers and wrapped paragraphs; the
    discussion is repeated ``repeat`` times to make long documents."""
    from fpdf import FPDF

    lines = markup.translate(_PDF_SAFE).splitlines()
    title = re.sub(r"^#+\s*", "", lines[0]) if lines else ""

    class Minutes(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 8, f"{title} - restricted", align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Minutes()
    pdf.alias_nb_pages()
    pdf.add_page()
    body = _repeated(lines, repeat)
    for line in body:
        heading = re.match(r"^(#{1,3})\s+(.*)$", line) or re.match(r"^\*\*(.+)\*\*$", line)
        if heading:
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, heading.groups()[-1], new_x="LMARGIN", new_y="NEXT")
        elif line.strip():
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    return bytes(pdf.output())


def _repeated(lines: list[str], repeat: int) -> list[str]:
    """The lines with the middle sections (between the 2nd and last heading) repeated."""
    if repeat <= 1:
        return lines
    heads = [i for i, line in enumerate(lines) if line.startswith("## ")]
    if len(heads) < 3:
        return lines * repeat
    middle = lines[heads[1] : heads[-1]]
    return lines[: heads[1]] + middle * repeat + lines[heads[-1] :]


def run(name: str) -> MinutesExtract:
    data, filename = build(name)
    text = read_bytes(data, filename)
    return extract(
        text, now=None, tz=ZURICH, states=StateDirectory.default(), document=Path(filename).stem
    )


@dataclass
class Tally:
    """Facts expected, found, extracted and right, and what went wrong (for the report)."""

    expected: int = 0
    found: int = 0
    extracted: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.extracted if self.extracted else 1.0

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.found += other.found
        self.extracted += other.extracted
        self.right += other.right


def _names(a: Attendee) -> list[str]:
    return [fold(n) for n in (a.name, a.iso3 or "", a.written or "", *a.people) if n]


def _attendee_matches(a: Attendee, expected: str) -> bool:
    want = fold(expected)
    return any(want == n or (len(want) > 3 and want in n) for n in _names(a))


def _item_matches(item: DraftItem, entry: dict[str, Any]) -> bool:
    owner = fold(entry["owner"])
    if owner not in fold(item.owner.label) and owner != fold(item.owner.ref or ""):
        return False
    if entry.get("due") and (item.due is None or item.due.isoformat() != entry["due"]):
        return False
    text = fold(item.text)
    words = [fold(w) for w in entry["words"]]
    present = sum(1 for w in words if re.search(r"(?<!\w)" + re.escape(w), text))
    return present >= WORDS_NEEDED * len(words)


def _people(found: list[Attendee], wanted: list[str], tally: Tally, what: str) -> None:
    tally.expected += len(wanted)
    tally.extracted += len(found)
    for name in wanted:
        if any(_attendee_matches(a, name) for a in found):
            tally.found += 1
        else:
            tally.misses.append(f"{what} {name}")
    for a in found:
        if any(_attendee_matches(a, name) for name in wanted):
            tally.right += 1
        else:
            tally.wrong.append(f"{what} {a.name}")


def _day(tally: Tally, label: str, want: str | None, got: str | None) -> None:
    tally.expected += 1 if want else 0
    tally.extracted += 1 if got else 0
    if want and got == want:
        tally.found += 1
        tally.right += 1
    elif want is None and got is None:
        pass
    else:
        if want:
            tally.misses.append(f"{label} {want} (got {got})")
        if got:
            tally.wrong.append(f"{label} {got}")


def score(found: MinutesExtract, expected: dict[str, Any]) -> Tally:
    tally = Tally()
    meeting = found.meeting.start.date().isoformat() if found.meeting else None
    following = found.next_meeting.start.date().isoformat() if found.next_meeting else None
    _day(tally, "meeting", expected["meeting"], meeting)
    _day(tally, "next meeting", expected["next_meeting"], following)
    _people(found.attendees, expected["attendees"], tally, "attendee")
    _people(found.apologies, expected["apologies"], tally, "apology")
    entries: list[dict[str, Any]] = expected["items"]
    tally.expected += len(entries)
    tally.extracted += len(found.items)
    used: set[int] = set()
    for entry in entries:
        hit = next(
            (
                i
                for i, item in enumerate(found.items)
                if i not in used and _item_matches(item, entry)
            ),
            None,
        )
        if hit is None:
            tally.misses.append(f"item {entry['owner']} {entry['due']} {entry['words']}")
        else:
            used.add(hit)
            tally.found += 1
            tally.right += 1
    for i, item in enumerate(found.items):
        if i not in used:
            tally.wrong.append(f"item {item.owner.label} {item.due}: {item.text}")
    return tally


def at(moment: str) -> datetime:
    return datetime.fromisoformat(moment)
