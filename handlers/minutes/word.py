"""A .docx in reading order: paragraphs and tables as they come in the body, not tables last.

Headings (Word styles "Title"/"Heading N", or a short paragraph all in bold) become ``#`` lines,
list paragraphs (a list style or Word numbering) ``- `` bullets, and table rows ``| a | b |``.
"""

from __future__ import annotations

import io
import re
from typing import Any

from handlers.minutes.reading import ReadError
from storage.explained import N_

MAX_BOLD_HEADING = 120


def docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as problem:  # python-docx raises several unrelated types on bad files
        raise ReadError(
            N_("{name} is not a readable .docx file ({problem})."), name=name, problem=problem
        ) from problem
    lines: list[str] = []
    for section in document.sections:  # running header lines, once (they often hold the date)
        for paragraph in section.header.paragraphs:
            if paragraph.text.strip() and paragraph.text.strip() not in lines:
                lines += [paragraph.text.strip(), ""]
    for child in _blocks(document.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines += [*_paragraph(Paragraph(child, document)), ""]
        elif tag == "tbl":
            lines += [*_table(Table(child, document)), ""]
    return "\n".join(lines)


def _blocks(parent: Any) -> list[Any]:
    """Paragraphs and tables in order, also those inside content controls (w:sdt)."""
    out: list[Any] = []
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            out.append(child)
        elif tag in ("sdt", "sdtContent", "customXml"):
            out += _blocks(child)
    return out


def _paragraph(paragraph: Any) -> list[str]:
    """The paragraph's lines: a line break (Shift+Enter) inside it starts a new line, as in
    "Present:<br>Norway<br>Chile"; the style marks the first line."""
    lines = [_tidy(line) for line in paragraph.text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return [""]
    return [_marked(paragraph, lines[0]), *lines[1:]]


def _tidy(line: str) -> str:
    """Spaces collapsed; a tab kept (one), since "Norway<tab>Ms. X" separates two things."""
    return re.sub(r"[ \u00a0]*\t[\t \u00a0]*", "\t", re.sub(r"[ \u00a0]+", " ", line)).strip()


def _marked(paragraph: Any, text: str) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title":
        return "# " + text
    if style.startswith("Heading"):
        level = style.removeprefix("Heading").strip()
        return "#" * (int(level) if level.isdigit() else 2) + " " + text
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if style.startswith("List") or numbered:
        return "- " + text
    runs = [run for run in paragraph.runs if run.text.strip()]
    if runs and len(text) <= MAX_BOLD_HEADING and all(run.bold for run in runs):
        return "**" + text + "**"
    return text


def _table(table: Any) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):  # a merged cell repeats itself
                continue
            seen.append(cell._tc)
            parts = [" ".join(p.text.split()) for p in cell.paragraphs]
            cells.append("; ".join(p for p in parts if p).replace("|", "/"))
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return rows
