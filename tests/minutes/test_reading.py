"""The reading step: every format becomes the same Markdown-like text, in reading order, without
a PDF's running headers, footers and page numbers, with hyphenated words rejoined."""

from __future__ import annotations

import io

import docx
import pytest
from fpdf import FPDF

from handlers.minutes import ReadError, read_bytes


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("Minutes of the donors' meeting", level=1)
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=3)
    for col, text in enumerate(["Who", "What", "When"]):
        table.cell(0, col).text = text
    for col, text in enumerate(["GICHD", "Share the plan", "5 May 2020"]):
        table.cell(1, col).text = text
    document.add_paragraph("After the table.")
    document.add_paragraph("Norway", style="List Bullet")
    document.add_paragraph().add_run("Any other business").bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_keeps_reading_order_headings_lists_tables_and_bold_lines() -> None:
    lines = [line for line in read_bytes(_docx(), "m.docx").splitlines() if line]
    assert lines == [
        "# Minutes of the donors' meeting",
        "Before the table.",
        "| Who | What | When |",
        "| GICHD | Share the plan | 5 May 2020 |",
        "After the table.",
        "- Norway",
        "**Any other business**",
    ]


def _pdf(pages: list[list[str]]) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.cell(0, 6, "CCM/CC/2012/MIN.3 - Restricted", new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 6, f"- {number} -", align="C")
    return bytes(pdf.output())


def test_pdf_drops_running_lines_and_page_numbers_and_rejoins_hyphenated_words() -> None:
    pages = [
        ["Minutes of the meeting of 27 March 2012", "Norway said it would support the imple-"],
        ["mentation of the plan by the end of May.", "The next meeting will be held on 3 May."],
        ["Ireland would report at the next meeting.", "Closing."],
    ]
    text = read_bytes(_pdf(pages), "m.pdf")
    assert "Restricted" not in text and "- 2 -" not in text
    assert "support the implementation of the plan" in " ".join(text.split())
    assert text.index("27 March 2012") < text.index("Ireland")  # reading order kept


def test_plain_text_in_windows_1252_and_a_bom_read_alike() -> None:
    assert read_bytes("Réunion du 3 mai".encode("cp1252"), "m.txt") == "Réunion du 3 mai"
    assert read_bytes("\ufeffActa".encode(), "m.txt") == "Acta"


def test_unreadable_files_say_so() -> None:
    with pytest.raises(ReadError, match=r"not a readable \.docx"):
        read_bytes(b"PK\x03\x04 broken", "m.docx")
    with pytest.raises(ReadError, match="not a readable PDF"):
        read_bytes(b"%PDF-1.4 broken", "m.pdf")
