"""Minutes the extractor has never seen: other layouts and all four file formats."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from handlers.minutes import MinutesExtract, extract, read_document
from handlers.reference.states import StateDirectory
from tests.minutes.docs import write_docx, write_pdf

FIXTURES = Path(__file__).parent / "fixtures"
ZURICH = ZoneInfo("Europe/Zurich")


def _read(path: Path) -> MinutesExtract:
    return extract(read_document(path), now=None, tz=ZURICH, states=StateDirectory.default())


def _owners(found: MinutesExtract) -> list[tuple[str, str | None, date | None]]:
    return [(i.owner.kind, i.owner.ref, i.due) for i in found.items]


def test_agenda_items_numbered_attendees_and_a_date_without_year() -> None:
    found = _read(FIXTURES / "agenda_items.txt")
    assert found.meeting is not None and found.next_meeting is not None
    assert found.meeting.start == datetime(2019, 6, 14, 15, 0, tzinfo=ZURICH)
    assert found.next_meeting.start == datetime(2019, 7, 10, 10, 0, tzinfo=ZURICH)
    assert "Palais des Nations" in (found.next_meeting.place or "")
    assert [a.iso3 or a.name for a in found.attendees] == ["ESP", "CHL", "LBN", "IRL", "ISU"]
    assert [a.iso3 for a in found.apologies] == ["PER", "AUT"]
    assert _owners(found) == [
        ("area", "universalization", date(2019, 7, 31)),
        ("state", "CHL", date(2019, 9, 30)),
        ("isu", None, date(2019, 7, 10)),  # "before the next meeting"
    ]
    assert [(c.amount_cents, c.states_paid, c.year) for c in found.contributions] == [
        (25000000, 12, 2019)
    ]


def test_markdown_headings() -> None:
    found = _read(FIXTURES / "markdown_minutes.md")
    assert found.meeting is not None and found.meeting.start.date() == date(2019, 11, 8)
    assert found.next_meeting is not None
    assert found.next_meeting.end == datetime(2019, 12, 10, 12, 0, tzinfo=ZURICH)
    assert [a.iso3 for a in found.apologies] == ["IRQ"]
    assert _owners(found) == [
        ("area", "victim_assistance", date(2019, 11, 30)),
        ("state", "AUT", date(2019, 11, 29)),
        ("state", "PER", date(2020, 1, 31)),
        ("presidency", None, date(2019, 12, 10)),
    ]
    assert [i.section for i in found.items] == ["1", "1", "2", "3"]


def test_docx(tmp_path: Path) -> None:
    found = _read(write_docx(tmp_path / "minutes.docx"))
    assert found.meeting is not None and found.meeting.start == datetime(
        2020, 3, 2, 14, tzinfo=ZURICH
    )
    assert found.next_meeting is not None and found.next_meeting.start.date() == date(2020, 4, 9)
    assert [a.iso3 or a.name for a in found.attendees] == ["LBN", "NOR", "ICRC"]
    assert _owners(found)[0] == ("area", "clearance", date(2020, 4, 30))
    assert found.items[1].owner.ref == "LAO"


def test_pdf(tmp_path: Path) -> None:
    found = _read(write_pdf(tmp_path / "minutes.pdf"))
    assert found.meeting is not None and found.meeting.start == datetime(
        2020, 5, 12, 10, tzinfo=ZURICH
    )
    assert found.next_meeting is not None and found.next_meeting.start.date() == date(2020, 6, 16)
    assert _owners(found) == [("state", "ITA", date(2020, 6, 15)), ("state", "CHL", None)]


def test_no_commitment_in_plain_reporting() -> None:
    text = (
        "Minutes of the meeting held on 3 May 2018\n\n1. Update\n\n"
        "Norway reported that it had sent letters in March. The seminar would require time. "
        "The first approach would consist in a review. No extension request is expected to be submitted.\n"
    )
    found = extract(text, now=None, tz=ZURICH, states=StateDirectory.default())
    assert found.items == []
