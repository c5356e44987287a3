"""A .docx in reading order: paragraphs and tables as they come in the body, not tables last.

Headings (Word styles "Title"/"Heading N", or a short paragraph all in bold) become ``#`` lines,
list paragraphs (a list style or Word numbering) ``- `` bullets, and table rows ``| a | b |``.
"""

from __future__ import annotations

import io
from typing import Any

from handlers.minutes.reading import ReadError

MAX_BOLD_HEADING = 120


def docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as problem:  # python-docx raises several unrelated types on bad files
        raise ReadError(f"{name} is not a readable .docx file ({problem}).") from problem
    lines: list[str] = []
    for section in document.sections:  # running header lines, once (they often hold the date)
        for paragraph in section.header.paragraphs:
            if paragraph.text.strip() and paragraph.text.strip() not in lines:
                lines += [paragraph.text.strip(), ""]
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines += [_paragraph(Paragraph(child, document)), ""]
        elif tag == "tbl":
            lines += [*_table(Table(child, document)), ""]
    return "\n".join(lines)


def _paragraph(paragraph: Any) -> str:
    text = " ".join(paragraph.text.split())
    if not text:
        return ""
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
