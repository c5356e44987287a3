"""File to text: plain text, Markdown, .docx and PDF all become the same Markdown-like lines.

That text is the one structure every later step reads: Word headings and bold lines become
``#`` headings, list paragraphs ``- `` bullets, table rows ``| a | b |`` rows, and a PDF loses
its running headers, footers and page numbers. The entry point takes bytes and a file name
(``read_bytes``) so that a download, a sandboxed worker or a test can call it alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path, PurePath

from handlers.minutes.limits import TooCostly, check_docx
from storage.explained import N_, Explained

MAX_BYTES = 5_000_000
Progress = Callable[[int, int], None]  # (pages read, pages in all)


class ReadError(Explained, ValueError):
    """The file could not be read as minutes; the message says why, for the user (in their
    language through ``localized``: this module runs in a child process without the catalogs)."""


def read_bytes(data: bytes, filename: str, *, progress: Progress | None = None) -> str:
    """The document's text in the common Markdown-like form, whatever its format (ligatures
    "ﬁ", non-breaking and zero-width spaces and soft hyphens made plain)."""
    return _plain(_read(data, filename, progress))


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")


def _read(data: bytes, filename: str, progress: Progress | None) -> str:
    name = PurePath(filename).name or "minutes"
    if len(data) > MAX_BYTES:
        raise ReadError(
            N_("{name} is larger than {size} MB."), name=name, size=MAX_BYTES // 1_000_000
        )
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".docx" or (data[:2] == b"PK" and suffix not in {".txt", ".md"}):
        from handlers.minutes.word import docx_text

        _within_limits(check_docx, data, name)  # a zip bomb is refused before it inflates
        return docx_text(data, name)
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        from handlers.minutes.pdf import pdf_text

        return pdf_text(data, name, progress=progress)
    return _decode(data)


def read_document(path: Path, *, progress: Progress | None = None) -> str:
    """``read_bytes`` on a file on disk (the console's import)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReadError(
                N_("{name} is larger than {size} MB."), name=path.name, size=MAX_BYTES // 1_000_000
            )
        data = path.read_bytes()
    except OSError as problem:
        why = problem.strerror or problem
        raise ReadError(N_("cannot read {path}: {problem}"), path=path, problem=why) from problem
    return read_bytes(data, path.name, progress=progress)


def _within_limits(check: Callable[[bytes, str], None], data: bytes, name: str) -> None:
    try:
        check(data, name)
    except TooCostly as problem:
        raise ReadError(problem.template, **problem.values) from problem
    except Exception as problem:  # a damaged archive (zipfile raises several types): unreadable
        raise ReadError(
            N_("{name} is not a readable file ({problem})."), name=name, problem=problem
        ) from problem


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252: what editors save."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
