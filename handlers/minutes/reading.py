"""File to text: plain text, Markdown, .docx and PDF all become the same line-oriented text."""

from __future__ import annotations

from pathlib import Path

from handlers.minutes.limits import TooCostly, check_docx, pdf_pages

MAX_BYTES = 5_000_000


class ReadError(ValueError):
    """The file could not be read as minutes; the message says why, for the user."""


def read_document(path: Path) -> str:
    """The document's text; Word headings come back as Markdown '#' lines so structure survives."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReadError(f"{path.name} is larger than {MAX_BYTES // 1_000_000} MB.")
        suffix = path.suffix.lower()
        if suffix == ".docx":
            return _read_docx(path)
        if suffix == ".pdf":
            return _read_pdf(path)
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as problem:
        raise ReadError(f"cannot read {path}: {problem.strerror or problem}") from problem


def _read_docx(path: Path) -> str:
    import docx

    try:
        check_docx(path)
    except TooCostly as problem:
        raise ReadError(str(problem)) from problem
    try:
        document = docx.Document(str(path))
    except Exception as problem:  # python-docx raises several unrelated types on bad files
        raise ReadError(f"{path.name} is not a readable .docx file ({problem}).") from problem
    lines: list[str] = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        text = paragraph.text.strip()
        if style.startswith("Heading") and text:
            level = style.removeprefix("Heading").strip()
            text = "#" * (int(level) if level.isdigit() else 1) + " " + text
        elif style.startswith("List") and text:
            text = "- " + text
        lines += [text, ""]
    for table in document.tables:
        for row in table.rows:
            lines += [" - ".join(cell.text.strip() for cell in row.cells if cell.text.strip()), ""]
    return "\n".join(lines)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = pdf_pages(reader, path.name)
        return "\n\n".join(page.extract_text() or "" for page in pages)
    except TooCostly as problem:
        raise ReadError(str(problem)) from problem
    except (PdfReadError, ValueError, KeyError) as problem:
        raise ReadError(f"{path.name} is not a readable PDF ({problem}).") from problem
