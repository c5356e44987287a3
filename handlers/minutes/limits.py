"""Caps on what a minutes document may cost to read, checked before the parser sees it.

A .docx is a zip: 4.9 MB of it can inflate past 6 GB. The zip's central directory states each
member's size, and Python's zipfile never inflates past that stated size (a lie fails the CRC
check), so the stated sizes are checked before python-docx reads a byte. A PDF's cost grows
with its pages: pdf.py counts them (check_pages) before any text is extracted (pypdf caps each
decompressed stream at 75 MB). The child process that reads files from Slack
(bot/isolated_read.py) adds memory, CPU and wall-clock limits on top.
"""

from __future__ import annotations

import io
import zipfile

from storage.explained import N_, Explained

MAX_INFLATED_BYTES = 60_000_000  # all members of a .docx, inflated (real minutes: < 5 MB)
MAX_MEMBER_BYTES = 40_000_000  # one member (document.xml of a 300-page report: ~10 MB)
MAX_MEMBERS = 2_000
MAX_RATIO = 150  # inflated / compressed, per member above 1 MB (XML compresses ~10x)
MAX_PDF_PAGES = 300


class TooCostly(Explained, ValueError):
    """The document would cost more to read than any minutes should; the message says why."""


def check_docx(data: bytes, name: str) -> None:
    """Refuse a .docx whose stated inflated sizes are out of proportion (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the .docx reader refuses it in its own words
    if len(members) > MAX_MEMBERS:
        raise TooCostly(
            N_("{name} holds {count} parts; a .docx of minutes has far fewer."),
            name=name,
            count=len(members),
        )
    total = 0
    for member in members:
        total += member.file_size
        big = member.file_size > 1_000_000
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_BYTES or (big and ratio > MAX_RATIO):
            raise _inflates(name, member.file_size)
    if total > MAX_INFLATED_BYTES:
        raise _inflates(name, total)


def _inflates(name: str, size: int) -> TooCostly:
    return TooCostly(
        N_(
            "{name} would unpack to {size} MB, more than any minutes "
            "(the limit is {limit} MB); I did not open it."
        ),
        name=name,
        size=f"{size / 1_000_000:,.0f}",
        limit=MAX_INFLATED_BYTES // 1_000_000,
    )


def check_pages(count: int, name: str) -> None:
    """Refuse a PDF with more pages than minutes ever have (pdf.py asks before extracting)."""
    if count > MAX_PDF_PAGES:
        raise TooCostly(
            N_("{name} has {count} pages; I read minutes of up to {limit} pages."),
            name=name,
            count=f"{count:,}",
            limit=MAX_PDF_PAGES,
        )
