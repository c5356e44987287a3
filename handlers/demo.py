"""A demo data set drawn from the seed minutes (CC meeting of 23 March 2017)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from handlers.i18n import N_
from handlers.i18n.said import say
from storage.items import DONE, add_event, create_item
from storage.models import ActionItem, Contribution, Meeting, StateMention

SOURCE = "Minutes of the CC meeting of 23 March 2017"
MEETING_DAY = datetime(2017, 3, 23, 10, 0, tzinfo=ZoneInfo("Europe/Zurich"))

# (section, owner, owner_kind, owner_ref, area, text, due, due_note, states)
ITEMS: tuple[
    tuple[str, str, str, str | None, str | None, str, date | None, str | None, tuple[str, ...]], ...
] = (
    (
        "4.1",
        "the Presidency",
        "presidency",
        None,
        None,
        "reach out to RACVIAC in Croatia about hosting a follow-up seminar",
        date(2017, 6, 30),
        "“before the summer” read as 30 June 2017",
        ("HRV",),
    ),
    (
        "4.2",
        "the Presidency",
        "presidency",
        None,
        "universalization",
        "reach out to Brazil, Saudi Arabia and Ukraine (structured dialogue)",
        date(2017, 4, 13),
        "“in the following weeks” read as 3 weeks after 23 March",
        ("BRA", "SAU", "UKR"),
    ),
    (
        "4.2",
        "the Presidency",
        "presidency",
        None,
        None,
        "provide more details on the military-to-military dialogue initiative",
        date(2017, 4, 25),
        "“at the next meeting” read as 25 April 2017",
        (),
    ),
    (
        "4.3",
        "the Presidency",
        "presidency",
        None,
        "general_status",
        "follow up on using the GICHD organizational audit to look at the ISUs' structure",
        None,
        None,
        (),
    ),
    (
        "5.1",
        "Victim Assistance coordinators",
        "area",
        "victim_assistance",
        "victim_assistance",
        "make courtesy calls to permanent missions to follow up with States on VA letters",
        None,
        None,
        ("CHL", "ITA"),
    ),
    (
        "5.1",
        "Chile and Italy",
        "states",
        "CHL,ITA",
        "victim_assistance",
        "discuss with the cooperation coordinators how to convey 7 States' assistance requests to donors",
        None,
        None,
        ("CHL", "ITA"),
    ),
    (
        "5.1",
        "Italy",
        "state",
        "ITA",
        "victim_assistance",
        "reach out to ICRC, CMC and the 2 ISUs on the two gender and VA events (June intersessionals, 7MSP)",
        date(2017, 5, 31),
        None,
        ("ITA",),
    ),
    (
        "5.2",
        "International Cooperation and Assistance coordinators",
        "area",
        "cooperation",
        "cooperation",
        "share the final report of the February informal meeting",
        None,
        "“soon”: no date given",
        ("AUS", "IRQ"),
    ),
    (
        "5.3",
        "Universalization coordinators",
        "area",
        "universalization",
        "universalization",
        "send translated letters to Signatory States encouraging ratification",
        None,
        None,
        ("FRA", "ZMB"),
    ),
    (
        "5.3",
        "Zambia",
        "state",
        "ZMB",
        "universalization",
        "confirm Uganda as host of the ratification seminar for African Signatory States (late April)",
        date(2017, 4, 30),
        "“late April” read as 30 April 2017",
        ("ZMB", "UGA"),
    ),
    (
        "5.4",
        "Botswana",
        "state",
        "BWA",
        "stockpile",
        "submit an official letter to NPA requesting an assessment and verification mission (stockpile destruction)",
        None,
        None,
        ("BWA",),
    ),
    (
        "5.7",
        "New Zealand",
        "state",
        "NZL",
        "national_implementation",
        "report back on the financing guidance and the CCM briefing document",
        date(2017, 4, 25),
        "“at the next meeting” read as 25 April 2017",
        ("NZL",),
    ),
    (
        "5.8a",
        "General Status and Operation coordinators",
        "area",
        "general_status",
        "general_status",
        "collect the GICHD and ISU answers on the Hosting Agreement review",
        date(2017, 3, 31),
        "“by the end of March” read as 31 March 2017",
        ("BIH", "CHE"),
    ),
    (
        "5.8b",
        "General Status and Operation coordinators",
        "area",
        "general_status",
        "general_status",
        "collect States Parties' considerations on synergies between the ISUs",
        date(2017, 3, 31),
        "“by the end of March” read as 31 March 2017",
        ("BIH", "CHE"),
    ),
    (
        "5.8c",
        "Switzerland",
        "state",
        "CHE",
        "general_status",
        "conclude consultations on the ISU financing model",
        date(2017, 4, 15),
        "“by latest mid-April” read as 15 April 2017",
        ("CHE", "BIH"),
    ),
    (
        "7",
        "the ISU",
        "isu",
        None,
        None,
        "send reminder letters to States Parties that did not contribute",
        date(2017, 5, 31),
        "“by May 2017” read as the last day of May",
        (),
    ),
    (
        "8",
        "the ISU",
        "isu",
        None,
        None,
        "provide the 7MSP documentation forecast to UNODA",
        date(2017, 3, 31),
        "“before the end of March” read as 31 March 2017",
        (),
    ),
)

PREVIOUS = "Minutes of the CC meeting of 24 February 2017"
PREVIOUS_DAY = datetime(2017, 2, 24, 10, 0, tzinfo=ZoneInfo("Europe/Zurich"))
# What a newcomer meets on 24 March 2017 besides the new items: commitments of the February
# meeting, each in a state to learn from. The 23 March minutes report their outcome: Italy and
# Costa Rica had sent their letters (done), New Zealand was still consulting its capital and
# Zambia still translating (overdue). (state, owner, kind, ref, area, text, due, done_on, iso3s)
EARLIER: tuple[tuple[str, str, str, str, str, str, date, datetime | None, tuple[str, ...]], ...] = (
    (
        "5.1",
        "Italy",
        "state",
        "ITA",
        "victim_assistance",
        "send letters to the target States Parties with victim assistance obligations",
        date(2017, 3, 15),
        datetime(2017, 3, 10, 16, 0, tzinfo=ZoneInfo("Europe/Zurich")),
        ("ITA",),
    ),
    (
        "5.6",
        "Costa Rica",
        "state",
        "CRI",
        "transparency",
        "send letters to the States with overdue initial or annual transparency reports",
        date(2017, 3, 17),
        datetime(2017, 3, 16, 11, 0, tzinfo=ZoneInfo("Europe/Zurich")),
        ("CRI",),
    ),
    (
        "5.7",
        "New Zealand",
        "state",
        "NZL",
        "national_implementation",
        "circulate the draft guidance on financing and the CCM briefing document",
        date(2017, 3, 22),
        None,
        ("NZL",),
    ),
    (
        "5.3",
        "Zambia",
        "state",
        "ZMB",
        "universalization",
        "translate the letters to Signatory States encouraging ratification",
        date(2017, 3, 17),
        None,
        ("ZMB",),
    ),
)
# The ISU's own follow-up of the 23 March meeting: due on the demo's "today" (this week).
MINUTES_DRAFT = (
    "circulate the draft minutes of the 23 March 2017 meeting to the Committee",
    date(2017, 3, 24),
)
# Item #8 ("soon", no date) held until after Easter by the coordinators, the day of the meeting.
SNOOZE = (8, date(2017, 4, 18), datetime(2017, 3, 23, 15, 0, tzinfo=ZoneInfo("Europe/Zurich")))

COMPONENTS = (("7a", 3143717), ("7b", 4708418), ("7c", 6541372))
TZ = ZoneInfo("Europe/Zurich")


def load_demo(session: Session, *, actor: str = "demo") -> int:
    """Add the demo items, meetings, contributions and deadlines once; returns items added."""
    if session.exec(select(ActionItem).where(col(ActionItem.source).startswith(SOURCE))).first():
        return 0
    saved_now = session.info.get("now")
    # The audit log stamps each change with session.info["now"]: the demo's own moments, so
    # nothing in its history lies after the demo's "now" (24 March 2017).
    session.info["now"] = MEETING_DAY
    for section_no, owner, kind, ref, area, text, due, note, states in ITEMS:
        _log_item(
            session,
            (section_no, owner, kind, ref, area, text, due, states),
            source=SOURCE,
            at=MEETING_DAY,
            actor=actor,
            due_note=note,
        )
        for iso3 in states:
            session.add(
                StateMention(
                    iso3=iso3,
                    at=MEETING_DAY,
                    where=f"minutes of 23 March 2017, section {section_no}",
                    excerpt=text,
                )
            )
    session.add(
        Meeting(
            kind="cc",
            title="CC meeting",
            start=MEETING_DAY,
            end=datetime(2017, 3, 23, 11, 30, tzinfo=TZ),
            place="Permanent Mission of the Federal Republic of Germany",
        )
    )
    session.add(
        Meeting(
            kind="cc",
            title="CC meeting",
            start=datetime(2017, 4, 25, 10, 0, tzinfo=TZ),
            end=datetime(2017, 4, 25, 11, 30, tzinfo=TZ),
            place="Permanent Mission of the Federal Republic of Germany, conference room",
        )
    )
    session.add(
        Meeting(
            kind="seminar",
            title="Land release workshop (APMBC intersessionals)",
            start=datetime(2017, 6, 7, 10, 0, tzinfo=TZ),
            place="Geneva",
        )
    )
    session.add(
        Meeting(
            kind="msp",
            title="7MSP",
            start=datetime(2017, 9, 4, 10, 0, tzinfo=TZ),
            end=datetime(2017, 9, 6, 18, 0, tzinfo=TZ),
            place="Geneva",
        )
    )
    session.flush()
    _earlier(session, actor=actor)
    for component, cents in COMPONENTS:
        session.add(
            Contribution(
                state_iso3=None,
                year=2017,
                amount_cents=cents,
                currency="CHF",
                status="received",
                on=date(2017, 3, 23),
                component=component,
                note="28 States Parties paid their 2017 contribution (total as reported by the ISU Director)",
                source=f"{SOURCE}, section 7",
                created_at=MEETING_DAY,
            )
        )
    session.info["now"] = MEETING_DAY
    session.flush()
    session.info["now"] = saved_now
    return len(ITEMS) + len(EARLIER) + 1


def _log_item(
    session: Session,
    row: tuple[str, str, str, str | None, str | None, str, date | None, tuple[str, ...]],
    *,
    source: str,
    at: datetime,
    actor: str,
    due_note: str | None = None,
) -> ActionItem:
    """One demo item from a minutes row, created at that meeting's moment."""
    section_no, owner, kind, ref, area, text, due, states = row
    item = ActionItem(
        text=text,
        owner=owner,
        owner_kind=kind,
        owner_ref=ref,
        area_key=area,
        due=due,
        due_note=due_note,
        source=f"{source}, section {section_no}",
        section=section_no,
        created_at=at,
        created_by=actor,
    )
    create_item(session=session, item=item, states=states, actor=actor, now=at)
    return item


def _earlier(session: Session, *, actor: str) -> None:
    """The February items (two done, two overdue), today's ISU item, and one snoozed item."""
    for section_no, owner, kind, ref, area, text, due, done_on, states in EARLIER:
        session.info["now"] = PREVIOUS_DAY
        item = _log_item(
            session,
            (section_no, owner, kind, ref, area, text, due, states),
            source=PREVIOUS,
            at=PREVIOUS_DAY,
            actor=actor,
        )
        session.flush()
        if done_on is not None:
            session.info["now"] = done_on
            item.status, item.updated_at = DONE, done_on
            session.add(item)
            assert item.id is not None
            add_event(session=session, item_id=item.id, actor=actor, action="done", now=done_on)
            session.flush()
    session.info["now"] = MEETING_DAY
    text, due = MINUTES_DRAFT
    item = ActionItem(
        text=text,
        owner="the ISU",
        owner_kind="isu",
        due=due,
        source="Demo data: the ISU's usual follow-up of a meeting (not in the seed minutes)",
        created_at=MEETING_DAY,
        created_by=actor,
    )
    create_item(session=session, item=item, states=(), actor=actor, now=MEETING_DAY)
    session.flush()
    item_id, until, at = SNOOZE
    held = session.get(ActionItem, item_id)
    if held is not None and held.source and held.source.startswith(SOURCE):
        session.info["now"] = at
        held.snoozed_until, held.updated_at = until, at
        session.add(held)
        # As data: said in each reader's language ("snoozed until 18 April 2017" in English).
        detail = say(N_("snoozed until {day}"), day={"long_day": until.isoformat()}).stored()
        add_event(
            session=session, item_id=item_id, actor=actor, action="snooze", now=at, detail=detail
        )
        session.flush()
