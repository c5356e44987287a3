"""A PDF's text in reading order, without what repeats on every page.

pypdf gives each page's lines; running headers and footers (the same line, digits aside, on
most pages) and page numbers ("3", "- 3 -", "Page 3 of 12") are dropped, a word hyphenated at
a line's end is rejoined, and a short line ending a sentence closes its paragraph.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from handlers.minutes.limits import TooCostly, check_pages
from handlers.minutes.reading import ReadError
from storage.explained import N_

EDGE = 3  # lines at the top and bottom of a page where running headers and footers sit
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pág(?:ina)?\.?)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|de|sur|sobre)\s*\d{1,4})?$",
    re.I,
)
_HYPHENATED = re.compile(r"(?<=[a-zà-ÿ])-$")


def pdf_text(data: bytes, name: str, *, progress: Callable[[int, int], None] | None = None) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        total = len(reader.pages)
        check_pages(total, name)  # before any text is extracted (limits.py)
        pages: list[list[str]] = []
        damaged = 0
        for number, page in enumerate(reader.pages, start=1):
            try:
                lines = _page_lines(page)
            except Exception:  # a damaged page (bad stream, bad font): its text is lost, not all
                damaged, lines = damaged + 1, []
            pages.append(lines)
            if progress is not None:
                progress(number, total)
    except TooCostly as problem:
        raise ReadError(problem.template, **problem.values) from problem
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as problem:
        raise ReadError(
            N_("{name} is not a readable PDF ({problem})."), name=name, problem=problem
        ) from problem
    if total and damaged == total:
        raise ReadError(N_("{name} is not a readable PDF (no page could be read)."), name=name)
    return "\n".join(_paragraphs(_without_running_lines(pages)))


_GAP = re.compile(r"\S(?: {3,})\S")


def _page_lines(page: Any) -> list[str]:
    """The page's lines; where the layout shows columns (two or more lines in a row whose words
    stand apart by wide gaps, in the same number of columns) they become ``| a | b |`` rows, so
    that an "Action | Responsible | Deadline" table reads as one."""
    try:
        raw = (page.extract_text(extraction_mode="layout") or "").splitlines()
    except Exception:  # layout mode fails on some fonts: the plain text then
        raw = (page.extract_text() or "").splitlines()
    cells = [[c for c in re.split(r" {3,}", line.strip()) if c] for line in raw]
    out: list[str] = []
    index = 0
    while index < len(raw):
        if len(cells[index]) >= 2 and _GAP.search(raw[index].strip()):
            run = [index]
            probe = index + 1
            while probe < len(raw):
                if not raw[probe].strip():
                    probe += 1
                    continue
                if len(cells[probe]) == len(cells[index]):
                    run.append(probe)
                    probe += 1
                    continue
                break
            if len(run) >= 2:
                out += ["| " + " | ".join(cells[i]) + " |" for i in run]
                index = run[-1] + 1
                continue
        out.append(" ".join(raw[index].split()))
        index += 1
    return out


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _without_running_lines(pages: list[list[str]]) -> list[str]:
    """Every page's lines, less page numbers and lines repeated at the edges of most pages."""
    edges: Counter[str] = Counter()
    for lines in pages:
        kept = [line for line in lines if line]
        edges.update({_key(line) for line in kept[:EDGE] + kept[-EDGE:]})
    running = {key for key, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    out: list[str] = []
    for lines in pages:
        kept = [line for line in lines if line]
        for index, line in enumerate(kept):
            at_edge = index < EDGE or index >= len(kept) - EDGE
            if at_edge and (_key(line) in running or _PAGE_NUMBER.match(line)):
                continue
            out.append(line)
        out.append("")
    return out


def _paragraphs(lines: list[str]) -> list[str]:
    """Rejoin hyphenated words; a blank line after a short line that ends a sentence."""
    widths = sorted(len(line) for line in lines if line)
    typical = widths[len(widths) * 3 // 4] if widths else 0
    out: list[str] = []
    for line in lines:
        if out and out[-1] and _HYPHENATED.search(out[-1]) and line[:1].islower():
            out[-1] = out[-1][:-1] + line
            continue
        open_end = bool(out and out[-1]) and not out[-1].endswith((".", ":", ";", "?", "!"))
        if not line and open_end and len(out[-1]) >= typical * 0.8:
            continue  # a page break inside a paragraph
        out.append(line)
        if line.endswith((".", "?", "!")) and len(line) < typical * 0.7:
            out.append("")
    return out
