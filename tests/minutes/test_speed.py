"""Speed: a 25 KB document imports in under 2 s, a 60-page PDF in under 10 s, and the console
shows a progress line while a long PDF is read."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.settings import Settings
from handlers.minutes import extract, read_bytes
from handlers.reference.states import StateDirectory
from tests.minutes.corpus import ZURICH, pdf_bytes, source_of

PAGES_60 = 235  # repeats of the working group's discussion that make 60 pages


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return pdf_bytes(source_of("working_group").read_text(encoding="utf-8"), repeat=PAGES_60)


def test_a_60_page_pdf_imports_in_under_10_seconds(long_pdf: bytes) -> None:
    assert len(PdfReader(io.BytesIO(long_pdf)).pages) >= 60
    seen: list[tuple[int, int]] = []
    started = time.perf_counter()
    text = read_bytes(long_pdf, "wg.pdf", progress=lambda done, total: seen.append((done, total)))
    found = extract(text, now=None, tz=ZURICH, states=StateDirectory.default())
    took = time.perf_counter() - started
    assert took < 10, f"{took:.1f} s"
    assert seen[-1][0] == seen[-1][1] >= 60 and len(seen) == seen[-1][1]
    assert found.meeting is not None and len(found.items) > 100
    assert "Page 3 of" not in text and "restricted" not in text  # running lines dropped


def test_25_kb_of_minutes_import_in_under_2_seconds() -> None:
    body = source_of("un_summary_record").read_text(encoding="utf-8")
    head, _, tail = body.partition("Cooperation and assistance (agenda item 12)")
    text = head
    while len(text.encode()) < 25_000:
        text += "\n" + head.split("The meeting was called to order at 10.10 a.m.")[1]
    text += tail
    states = StateDirectory.default()
    extract("warm up 1 May 2017", now=None, tz=ZURICH, states=states)
    started = time.perf_counter()
    found = extract(read_bytes(text.encode(), "sr.txt"), now=None, tz=ZURICH, states=states)
    assert time.perf_counter() - started < 2
    assert len(found.items) > 20


def test_the_console_prints_a_progress_line_for_a_long_pdf(
    long_pdf: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.minutes_cli import import_minutes

    path = tmp_path / "wg.pdf"
    path.write_bytes(long_pdf)
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'cli.db'}")
    assert import_minutes(settings, path=path, as_json=False, confirm=False) == 0
    out = capsys.readouterr()
    assert re.search(r"reading wg\.pdf: page (\d+) of \1\n", out.err)
    assert "Meeting:" in out.out and "reading" not in out.out
