"""What is not a commitment, and where a commitment belongs: minutes written for these tests."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from handlers.minutes import MinutesExtract, extract
from handlers.minutes.structure import read_layout
from handlers.reference.states import StateDirectory

ZURICH = ZoneInfo("Europe/Zurich")
HEAD = "Minutes of the Coordination Committee meeting held on 3 May 2018\n\n"


def _read(body: str) -> MinutesExtract:
    return extract(HEAD + body, now=None, tz=ZURICH, states=StateDirectory.default())


def _owners(found: MinutesExtract) -> list[tuple[str, str | None]]:
    return [(i.owner.kind, i.owner.ref) for i in found.items]


def test_what_was_done_already_is_no_commitment() -> None:
    found = _read(
        "1. Update\n\n2. Transparency Measures (Chile)\n\n"
        "Chile said that the Coordinators had circulated a questionnaire to all delegations, "
        "asking them to answer by 30 June. Chile added that the Coordinators had already sent "
        "a note to the Signatories inviting them to comment by 15 September. The follow-up "
        "workshop was held in Santiago before the deadline of 20 May. Peru has been consulted "
        "on its report by 1 June.\n"
    )
    assert found.items == []


def test_a_mandate_given_in_the_past_stays_open() -> None:
    found = _read(
        "1. Update\n\n2. Transparency Measures (Chile)\n\n"
        "Chile said that the Coordinators had been asked to circulate a note by 15 September.\n"
    )
    assert [(i.owner.kind, i.owner.ref, i.due) for i in found.items] == [
        ("area", "transparency", date(2018, 9, 15))
    ]


def test_waiting_for_someone_else_is_no_commitment() -> None:
    found = _read(
        "1. Update\n\n2. Presidency\n\n"
        "The President said that he had contacted a candidate country and was awaiting its reply. "
        "The Director was expecting an answer from the host country shortly. "
        "The President expected all States Parties to reply by 30 June. "
        "He hoped the donors would confirm their pledges before the summer.\n"
    )
    assert found.items == []


def test_expecting_to_hear_back_is_the_subjects_own_follow_up() -> None:
    found = _read(
        "1. Update\n\n2. Victim Assistance (Ireland and Peru)\n\n"
        "Ireland explained that it expected to hear back from the donors by 30 June.\n"
    )
    assert [(i.owner.kind, i.owner.ref, i.due) for i in found.items] == [
        ("state", "IRL", date(2018, 6, 30))
    ]


def test_photo_credits_and_captions_are_not_headings() -> None:
    text = (
        "ISU NEWSLETTER\n\nVisit to Lusaka\n\n"
        "Delegates at the workshop in Lusaka. Photo: ISU/J. Banda\n\n"
        "© ICRC 2018\n\n"
        "Ministers and experts. Maputo/Mozambique\n\n"
        "The ISU undertook to send the workshop report to all participants by 30 June 2018.\n"
    )
    found = extract(
        text, now=None, tz=ZURICH, states=StateDirectory.default(), document="newsletter"
    )
    assert [i.section for i in found.items] == ["Visit to Lusaka"]
    assert found.items[0].owner.kind == "isu"


def test_a_numbered_sentence_is_not_a_heading() -> None:
    layout = read_layout(
        HEAD + "1. Adoption of the agenda\n\n2. The Committee approved the draft agenda.\n\n"
        "3. Issues raised by States.\n\nPeru undertook to write to the Signatories.\n",
        StateDirectory.default(),
    )
    assert [(s.number, s.title) for s in layout.sections] == [
        ("1", "Adoption of the agenda"),
        ("3", "Issues raised by States."),
    ]
    assert layout.sections[0].paragraphs == ["2. The Committee approved the draft agenda."]


def test_the_sentence_names_the_area_before_the_section() -> None:
    found = _read(
        "1. Update on Article 3 and 7 matters\n\n"
        "Peru informed the ISU that it would submit its Article 4 extension request by 31 July. "
        "Chile said it would destroy its remaining stocks by 30 September.\n\n"
        "2. Victim Assistance (Austria and Chile)\n\n"
        "Austria would hold a workshop on victim assistance in cooperation with Chile in June. "
        "Chile said it would share its clearance and stockpile figures by 31 August.\n"
    )
    assert [(i.owner.ref, i.area_key) for i in found.items] == [
        ("PER", "clearance"),  # its own cue, not the heading's "Article 3"
        ("CHL", "stockpile"),  # no cue of its own: the heading's
        ("AUT", "victim_assistance"),  # "in cooperation with" names no area
        ("CHL", "victim_assistance"),  # two areas named: neither wins over the heading
    ]


def test_an_agentless_passive_belongs_to_the_clause_before() -> None:
    found = _read(
        "1. Stockpile Destruction (Croatia and Mexico)\n\n"
        "Mexico added that the Coordinators had collected the replies and that a summary "
        "would be circulated by the end of May.\n\n"
        "2. Transparency Measures (Chile)\n\n"
        "Chile said that the report would be published by 30 June.\n"
    )
    assert _owners(found) == [("area", "stockpile"), ("state", "CHL")]


def test_a_subject_with_a_trailing_parenthetical() -> None:
    found = _read(
        "1. Update from the Presidency\n\n"
        "The President said that Chile and Peru, in their capacity as Coordinators on "
        "Transparency, would present a paper at the next meeting.\n"
    )
    assert _owners(found) == [("states", "CHL,PER")]


def test_asked_of_someone_and_hoped_of_someone() -> None:
    found = _read(
        "1. Update\n\n2. Transparency Measures (Chile)\n\n"
        "The President asked Peru to circulate its paper by 31 May. "
        "The President asked the donors to reply by 30 June. "
        "Chile was hoping that Peru would confirm the venue by July. "
        "Chile also expected, as a first step, to complete its survey by 30 June.\n"
    )
    assert [(i.owner.ref, i.due) for i in found.items] == [
        ("PER", date(2018, 5, 31)),  # Peru is asked: Peru's to do, not the President's
        ("CHL", date(2018, 6, 30)),  # "as a first step" is no object: Chile's own
    ]
