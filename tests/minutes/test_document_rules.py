"""The issue's own cases and the general rules behind them: a year from the document checked
against the weekday, attendance in every form, FR/ES labels, relative dates from the meeting."""

from __future__ import annotations

from datetime import date, datetime

from handlers.minutes import MinutesExtract, extract
from handlers.minutes.docdates import dates_in, document_year
from handlers.reference.states import StateDirectory
from tests.minutes.corpus import ZURICH

STATES = StateDirectory.default()
TODAY = datetime(2026, 11, 29, 9, tzinfo=ZURICH)


def _read(text: str, filename: str = "") -> MinutesExtract:
    return extract(text, now=TODAY, tz=ZURICH, states=STATES, filename=filename)


CC_2012 = """CONVENTION ON CLUSTER MUNITIONS
COORDINATION COMMITTEE MEETING – 2012

Tuesday 27 March, 15:00 – 16:30, Palais des Nations

List of attendees :
- Norway (President of the 3MSP) – Ms. Hilde Nyhus
- Lao PDR
- Ireland
- International Committee of the Red Cross
- CMC/ICBL
- GICHD

Apologies: Mexico

1. Universalization
Ireland would send the letters within two weeks.
"""


def test_the_issues_case_list_of_attendees_and_a_date_without_year() -> None:
    found = _read(CC_2012)
    assert found.meeting is not None and found.meeting.start == datetime(
        2012, 3, 27, 15, tzinfo=ZURICH
    )
    assert [a.iso3 or a.name for a in found.attendees] == [
        "NOR",
        "LAO",
        "IRL",
        "ICRC",
        "CMC",
        "GICHD",
    ]
    norway = found.attendees[0]
    assert norway.people == ("Ms. Hilde Nyhus",) and norway.role == "President of the 3MSP"
    assert [a.iso3 for a in found.apologies] == ["MEX"]
    assert [(i.owner.ref, i.due) for i in found.items] == [("IRL", date(2012, 4, 10))]


def test_a_weekday_that_disagrees_with_the_year_is_flagged_and_the_year_kept() -> None:
    found = _read("Minutes 2012\nMeeting of Wednesday 27 March\n\n1. Item\nNothing.")
    assert found.meeting is not None and found.meeting.start.date() == date(2012, 3, 27)
    assert found.meeting.note is not None and "Tuesday" in found.meeting.note


def test_without_any_year_the_weekday_picks_the_year() -> None:
    assert dates_in("Tuesday 27 March", 2026, reach=6)[0].day == date(2029, 3, 27)
    assert dates_in("Tuesday 27 March", 2012)[0].day == date(2012, 3, 27)


def test_the_year_comes_from_the_title_block_then_the_file_name() -> None:
    assert document_year(["Minutes", "Held on 5 May"], "cc-minutes-2015-05.txt") == 2015
    assert document_year(["Donors' meeting 2019", "5 May"], "x.txt") == 2019
    found = _read("Working group notes\nThursday 5 May\n\nNorway will report.", "wg 2016.txt")
    assert found.meeting is not None and found.meeting.start.date() == date(2016, 5, 5)


def test_no_date_at_all_is_said_and_nothing_is_read_against_a_made_up_day() -> None:
    found = _read("Notes\n\nPresent: Chile, Peru\n\nACTION: Chile to send the list.")
    assert found.meeting is None
    from handlers.minutes.shape import to_json

    assert "no meeting date found" in to_json(found)["not_found"]


ATTENDANCE = """Summary of the meeting held on 4 June 2015

Participants
| Name | Organisation |
|---|---|
| Ms. Jane Doe | UNDP |
| Mr. Omar Haddad | United Nations Mine Action Service |

Also present: Peter Brown (Secretary), Ana Ruiz, Guatemala

Excused: Ms. Karin Berg, Sweden

Absent: Uganda

1. Opening
"""


def test_attendance_tables_name_lines_roles_and_apologies_apart() -> None:
    found = _read(ATTENDANCE)
    names = [(a.name, a.kind, a.people, a.role) for a in found.attendees]
    assert names == [
        ("UNDP", "organisation", ("Ms. Jane Doe",), None),
        ("UNMAS", "organisation", ("Mr. Omar Haddad",), None),
        ("Peter Brown", "person", (), "Secretary"),
        ("Ana Ruiz", "person", (), None),
        ("Guatemala", "state", (), None),
    ]
    assert [(a.name, a.people) for a in found.apologies] == [("Sweden", ("Ms. Karin Berg",))]
    assert [a.iso3 for a in found.absent] == ["UGA"]
    assert found.attendees[1].written == "United Nations Mine Action Service"


def test_french_and_spanish_labels_and_state_names() -> None:
    fr = _read(
        "Compte rendu de la réunion du 12 juin 2014\n\nPrésents : Suisse, Liban, CICR\n\n"
        "Excusés : Autriche\n\nOrdre du jour\n\n1. Ouverture\n\n"
        "Prochaine réunion : le 10 juillet 2014."
    )
    assert [a.iso3 or a.name for a in fr.attendees] == ["CHE", "LBN", "ICRC"]
    assert [a.iso3 for a in fr.apologies] == ["AUT"]
    assert fr.next_meeting is not None and fr.next_meeting.start.date() == date(2014, 7, 10)
    es = _read(
        "Acta de la reunión del 3 de marzo de 2015\n\nAsistentes: México, Perú, Alemania\n\n"
        "Ausentes: Nicaragua\n\n1. Apertura\n\nAcción: Perú enviará el informe antes del 30 de abril.\n\n"
        "Próxima reunión: 7 de abril de 2015."
    )
    assert [a.iso3 for a in es.attendees] == ["MEX", "PER", "DEU"]
    assert [a.iso3 for a in es.absent] == ["NIC"]
    assert [(i.owner.ref, i.due) for i in es.items] == [("PER", date(2015, 4, 30))]
    assert es.next_meeting is not None and es.next_meeting.start.date() == date(2015, 4, 7)


def test_marked_actions_in_their_usual_forms() -> None:
    found = _read(
        "Minutes of 2 February 2021\n\nPresent: Jane Smith, Tom Lee\n\n1. Items\n\n"
        "ACTION: JS to draft the terms of reference by 15 February.\n"
        "Action point 2 – GICHD – share the survey – end of March\n"
        "AP 3: The Secretariat will book the room within one week.\n"
        "Action (Tom Lee): call the donors before the next meeting.\n\n"
        "2. Next meeting\n\nNext meeting: 4 March 2021.\n"
    )
    assert [(i.owner.label, i.due) for i in found.items] == [
        ("Jane Smith", date(2021, 2, 15)),
        ("GICHD", date(2021, 3, 31)),
        ("the Secretariat", date(2021, 2, 9)),
        ("Tom Lee", date(2021, 3, 4)),
    ]


def test_decisions_are_kept_with_their_section() -> None:
    found = _read(
        "Minutes of 2 February 2021\n\nIII. Lebanon\n\nThe Committee agreed to support "
        "Lebanon's extension request.\n\nDecision: the workshop will be held in Beirut."
    )
    assert [(d.section, d.states) for d in found.decisions] == [("III", ("LBN",)), ("III", ())]
