"""iCalendar for subscribing (Outlook, Google): stable UIDs, names instead of Slack mentions.

Each event's UID is its record's id, so when a meeting or a due date moves, a calendar that
refreshes the feed moves the event instead of adding a copy. Titles and descriptions are
written in the language current when the feed is built (the feed owner's: see bot.calendar_http).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlmodel import Session, and_, col, or_, select

from handlers.i18n import N_, _, current_language, state_label
from handlers.i18n.formats import source_shown
from handlers.i18n.notes import localize_stored
from handlers.i18n.terms import term
from handlers.items.render import owner_shown
from handlers.reference.areas import AREA_BY_KEY
from storage.items import OPEN
from storage.models import ActionItem, Meeting, Person, State, TreatyDeadline

if TYPE_CHECKING:
    from icalendar import Calendar, Event

DOMAIN = "ccm-bot"
_MENTION = re.compile(r"<@([UW][A-Z0-9]{2,})(?:\|([^>]*))?>")
TREATY_LABELS = {
    "article3": N_("Article 3 stockpile destruction deadline"),
    "article3_extension": N_("Article 3 extended deadline"),
    "article4": N_("Article 4 clearance deadline"),
    "article4_extension": N_("Article 4 extended deadline"),
    "extension_request": N_("extension request due"),
    "article7": N_("Article 7 report due"),
}
FEED_NAME = N_("CCM Coordination Committee")
DEFAULT_MEETING = timedelta(minutes=90)  # a CC meeting lasts 90 minutes


def names_in(session: Session, text: str) -> str:
    """Slack mentions (<@U…>) as the person's name from the roster (else 'a member')."""

    def name(match: re.Match[str]) -> str:
        if match[2]:
            return match[2]
        person = session.exec(select(Person).where(Person.slack_user_id == match[1])).first()
        return person.name if person and person.name else _("a member")

    return _MENTION.sub(name, text)


def _owner_name(session: Session, item: ActionItem) -> str:
    """A person-owner by their roster name (their Slack id is no name); others as labelled."""
    if item.owner_kind == "person" and item.owner_ref:
        person = session.exec(select(Person).where(Person.slack_user_id == item.owner_ref)).first()
        if person is not None and person.name:
            return person.name
    if current_language() != "en":  # States, the ISU, the Presidency in the reader's words
        return names_in(session, owner_shown(item))
    return names_in(session, item.owner)


def calendar_of(title: str) -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//ccm-bot//CCM Coordination Committee//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    calendar.add("x-published-ttl", "PT1H")  # Outlook: refresh hourly
    return calendar


def meeting_event(meeting: Meeting, *, now: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"meeting-{meeting.id}@{DOMAIN}")
    event.add("summary", term(meeting.title))
    event.add("dtstamp", now)
    event.add("dtstart", meeting.start)
    event.add("dtend", meeting.end or meeting.start + DEFAULT_MEETING)
    if meeting.place:
        event.add("location", meeting.place)
    event.add("categories", [meeting.kind.upper()])
    return event


def item_event(session: Session, item: ActionItem, *, now: datetime) -> Event:
    """An open item on its due day (all day), titled with names, never with Slack markup."""
    from icalendar import Event

    assert item.due is not None
    event = Event()
    event.add("uid", f"item-{item.id}@{DOMAIN}")
    owner = _owner_name(session, item)
    summary = _("#{id} {owner}: {text}").format(
        id=item.id, owner=owner, text=names_in(session, item.text)
    )
    event.add("summary", summary)
    event.add("dtstamp", now)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + timedelta(days=1))
    event.add("last-modified", item.updated_at)
    event.add("sequence", int(item.updated_at.timestamp()) // 60 % 2_000_000_000)
    lines = [_("Owner: {owner}").format(owner=owner)]
    if item.area_key in AREA_BY_KEY:
        lines.append(_("Area: {area}").format(area=term(AREA_BY_KEY[item.area_key].name)))
    if item.due_note:
        lines.append(localize_stored(item.due_note))
    if item.source:
        source = names_in(session, source_shown(item.source))
        lines.append(_("Source: {source}").format(source=source))
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")  # a due day does not make anyone busy
    return event


def treaty_event(deadline: TreatyDeadline, state: str, *, now: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"treaty-{deadline.id}@{DOMAIN}")
    kind = TREATY_LABELS.get(deadline.kind)
    label = _(kind) if kind else deadline.kind.replace("_", " ")
    summary = _("{state}: {deadline}").format(
        state=state_label(deadline.state_iso3, state), deadline=label
    )
    event.add("summary", summary)
    event.add("dtstamp", now)
    event.add("dtstart", deadline.due)
    event.add("dtend", deadline.due + timedelta(days=1))
    if deadline.source:
        event.add("description", _("Source: {source}").format(source=deadline.source))
    event.add("transp", "TRANSPARENT")
    return event


def _own_items(session: Session, user: str) -> list[ActionItem]:
    """Items the person owns, and those of the State they speak for (their delegation's)."""
    person = session.exec(
        select(Person).where((Person.slack_user_id == user) | (Person.name == user))
    ).first()
    mine = and_(col(ActionItem.owner_kind) == "person", col(ActionItem.owner_ref) == user)
    if person and person.state_iso3:
        theirs = and_(
            col(ActionItem.owner_kind) == "state", col(ActionItem.owner_ref) == person.state_iso3
        )
        mine = or_(mine, theirs)
    query = select(ActionItem).where(
        ActionItem.status == OPEN, col(ActionItem.due).is_not(None), mine
    )
    return list(session.exec(query.order_by(col(ActionItem.due), col(ActionItem.id))))


def build_feed(session: Session, *, user: str, now: datetime, years: int = 5) -> bytes:
    """One person's feed: every meeting, treaty deadlines from last year to ``years`` ahead,
    and their own open items with a due date."""
    today = now.date()
    calendar = calendar_of(_(FEED_NAME))
    for meeting in session.exec(select(Meeting).order_by(col(Meeting.start))):
        calendar.add_component(meeting_event(meeting, now=now))
    deadlines = session.exec(
        select(TreatyDeadline, State.short)
        .join(State, col(State.iso3) == col(TreatyDeadline.state_iso3))
        .where(
            col(TreatyDeadline.due) >= date(today.year - 1, 1, 1),
            col(TreatyDeadline.due) <= date(today.year + years, 12, 31),
        )
        .order_by(col(TreatyDeadline.due))
    ).all()
    for deadline, short in deadlines:
        calendar.add_component(treaty_event(deadline, short, now=now))
    for item in _own_items(session, user):
        calendar.add_component(item_event(session, item, now=now))
    return bytes(calendar.to_ical())
