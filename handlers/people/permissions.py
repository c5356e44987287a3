"""Who may do what: roles from the roster, checked before any change, refusals that name who can."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from handlers.i18n.catalog import N_, _
from handlers.i18n.formats import join_or
from handlers.i18n.terms import term
from handlers.reference.areas import AREA_BY_KEY
from handlers.reply.mrkdwn import user_ref
from storage.models import ActionItem, Coordinator, Person

ISU = "isu"
PRESIDENCY = "presidency"
COORDINATOR = "coordinator"
MEMBER = "member"
OBSERVER = "observer"
ROLES = (ISU, PRESIDENCY, COORDINATOR, MEMBER, OBSERVER)
ROLE_LABELS = {
    ISU: N_("ISU admin"),
    PRESIDENCY: N_("Presidency"),
    COORDINATOR: N_("coordinator"),
    MEMBER: N_("member"),
    OBSERVER: N_("observer"),
}


@dataclass(frozen=True)
class Actor:
    """The person behind a command, as the roster knows them."""

    user: str
    role: str
    state_iso3: str | None
    open_mode: bool = False

    @property
    def is_admin(self) -> bool:
        return self.open_mode or self.role == ISU


def roster_is_empty(session: Session) -> bool:
    """Before the first ISU admin is named, the bot runs open: everyone may do everything."""
    query = select(Person.id).where(Person.role == ISU).limit(1)
    return session.exec(query).first() is None


def actor_for(session: Session, user: str) -> Actor:
    if roster_is_empty(session):
        return Actor(user=user, role=ISU, state_iso3=None, open_mode=True)
    person = session.exec(
        select(Person).where((Person.slack_user_id == user) | (Person.name == user))
    ).first()
    if person is None:
        return Actor(user=user, role=MEMBER, state_iso3=None)
    return Actor(user=user, role=person.role, state_iso3=person.state_iso3)


def _owner_states(item: ActionItem) -> set[str]:
    if item.owner_kind in ("state", "states") and item.owner_ref:
        return set(item.owner_ref.split(","))
    return set()


def _item_area(item: ActionItem) -> str | None:
    return item.owner_ref if item.owner_kind == "area" else item.area_key


def _coordinates(session: Session, iso3: str, area_key: str) -> bool:
    query = select(Coordinator.id).where(
        Coordinator.state_iso3 == iso3, Coordinator.area_key == area_key
    )
    return session.exec(query.limit(1)).first() is not None


def may_edit_item(session: Session, actor: Actor, item: ActionItem) -> bool:
    """The owner's coordinators (or the owner), the Presidency and the ISU may change an item."""
    if actor.is_admin or actor.role == PRESIDENCY:
        return True
    if actor.role == OBSERVER:
        return False
    if item.owner_kind == "person" and item.owner_ref == actor.user:
        return True
    if actor.state_iso3 is None:
        return False
    if actor.state_iso3 in _owner_states(item):
        return True
    area = _item_area(item)
    return bool(area) and _coordinates(session, actor.state_iso3, area or "")


def who_may_edit(session: Session, item: ActionItem) -> str:
    """A refusal's 'who can do it instead', naming people where the roster knows them."""
    groups: list[str] = []
    states = _owner_states(item)
    area = _item_area(item)
    if item.owner_kind == "person" and item.owner_ref:
        groups.append(user_ref(item.owner_ref))
    if states:
        groups.append(_("the delegates of {codes}").format(codes=", ".join(sorted(states))))
    if area and area in AREA_BY_KEY:
        groups.append(_("the {area} coordinators").format(area=term(AREA_BY_KEY[area].name)))
    groups += [_("the Presidency"), _("the ISU")]
    people = session.exec(
        select(Person).where(col(Person.role).in_([ISU, PRESIDENCY])).limit(3)
    ).all()
    named = ", ".join(user_ref(p.slack_user_id or p.name) for p in people)
    example = " ({})".format(_("e.g. {people}").format(people=named)) if named else ""
    return join_or(groups) + example


def may_record_money(actor: Actor) -> bool:
    return actor.is_admin


def may_write(actor: Actor) -> bool:
    """Observers read only."""
    return actor.role != OBSERVER


def isu_admins(session: Session) -> str:
    people = session.exec(select(Person).where(Person.role == ISU).limit(3)).all()
    return ", ".join(user_ref(p.slack_user_id or p.name) for p in people) or _("the ISU")
