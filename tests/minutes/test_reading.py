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


def test_docx_line_breaks_and_tabs_inside_a_paragraph_are_kept() -> None:
    document = docx.Document()
    document.add_paragraph("Minutes of the meeting held on 4 May 2021")
    present = document.add_paragraph("Present:")
    for line in ("Norway\tMs. Kari Nordmann", "Chile\tMr. Pablo Soto", "GICHD"):
        run = present.add_run()
        run.add_break()
        present.add_run(line)
    out = io.BytesIO()
    document.save(out)
    text = read_bytes(out.getvalue(), "m.docx")
    assert "Present:\nNorway\tMs. Kari Nordmann\nChile\tMr. Pablo Soto\nGICHD" in text
    from handlers.minutes import extract
    from handlers.reference.states import StateDirectory
    from tests.minutes.corpus import ZURICH

    found = extract(text, now=None, tz=ZURICH, states=StateDirectory.default())
    assert [(a.iso3 or a.name, a.people) for a in found.attendees] == [
        ("NOR", ("Ms. Kari Nordmann",)),
        ("CHL", ("Mr. Pablo Soto",)),
        ("GICHD", ()),
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


def test_ligatures_and_invisible_characters_are_made_plain() -> None:
    text = read_bytes("Norway will ﬁnalise the\u00a0re\u00adport\u200b.".encode(), "m.txt")
    assert text == "Norway will finalise the report."


def test_plain_text_in_windows_1252_and_a_bom_read_alike() -> None:
    assert read_bytes("Réunion du 3 mai".encode("cp1252"), "m.txt") == "Réunion du 3 mai"
    assert read_bytes("\ufeffActa".encode(), "m.txt") == "Acta"


def test_unreadable_files_say_so() -> None:
    with pytest.raises(ReadError, match=r"not a readable \.docx"):
        read_bytes(b"PK\x03\x04 broken", "m.docx")
    with pytest.raises(ReadError, match="not a readable PDF"):
        read_bytes(b"%PDF-1.4 broken", "m.pdf")


def test_a_pdf_table_keeps_its_columns() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(
        0, 5, "Minutes of the meeting held on 4 May 2021.", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.multi_cell(0, 5, "Present: Norway, Chile, GICHD", new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for cells in (
            ("Action", "Responsible", "Deadline"),
            ("Share the plan with members", "GICHD", "15 May 2021"),
            ("Update the website page", "Chile", "end of June 2021"),
        ):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    text = read_bytes(bytes(pdf.output()), "m.pdf")
    assert "| Share the plan with members | GICHD | 15 May 2021 |" in text
    from datetime import date

    from handlers.minutes import extract
    from handlers.reference.states import StateDirectory
    from tests.minutes.corpus import ZURICH

    found = extract(text, now=None, tz=ZURICH, states=StateDirectory.default())
    assert [(i.owner.label, i.due) for i in found.items] == [
        ("GICHD", date(2021, 5, 15)),
        ("Chile", date(2021, 6, 30)),
    ]
