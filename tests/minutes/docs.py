"""Minutes documents written by the tests: a .docx (python-docx) and a PDF built by hand."""

from __future__ import annotations

from pathlib import Path

import docx

DOCX_LINES: list[tuple[str, str]] = [
    ("h1", "Minutes of the Coordination Committee meeting"),
    ("p", "Held on Monday 2 March 2020 at the Permanent Mission of Lebanon, 14:00 - 15:30"),
    ("h2", "Attendance"),
    ("li", "Lebanon (Presidency)"),
    ("li", "Norway"),
    ("li", "ICRC"),
    ("h2", "3. Clearance and Risk Reduction Education (Norway and Lao PDR)"),
    (
        "p",
        "Norway reported on the mine action survey. The Coordinators would convene a workshop "
        "on land release by the end of April. Lao PDR was asked to share its updated "
        "contamination figures before the intersessional meetings.",
    ),
    ("h2", "4. Date of the next meeting"),
    ("p", "The next meeting will be held on Thursday 9 April 2020 from 10:00 to 11:30."),
]

PDF_LINES = [
    "MINUTES OF THE COORDINATION COMMITTEE",
    "Held on Tuesday 12 May 2020 at the Permanent Mission of Italy, from 10:00 - 11:00 hours",
    "1. Present:",
    "Italy",
    "Chile",
    "2. Victim Assistance (Chile and Italy)",
    "Italy reported that the survey was complete. It would circulate the",
    "final report by mid-June. Chile undertook to contact the donors.",
    "3. Date of the next meeting",
    "The next meeting will be held on 16 June 2020 from 10:00 to 11:30.",
]


def write_docx(path: Path) -> Path:
    document = docx.Document()
    for kind, text in DOCX_LINES:
        if kind == "h1":
            document.add_heading(text, level=1)
        elif kind == "h2":
            document.add_heading(text, level=2)
        elif kind == "li":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def write_pdf(path: Path, lines: list[str] = PDF_LINES) -> Path:
    """A minimal valid PDF: one page, Helvetica, one text line per entry (no reportlab needed)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 10 Tf", "14 TL", "40 800 Td"]
    for line in lines:
        ops += [f"({escape(line)}) Tj", "T*", "T*"]
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(bytes(out))
    return path
