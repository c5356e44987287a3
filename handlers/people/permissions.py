"""Who may do what: roles from the roster, checked before any change, refusals that name who can.

Closed by default: until the roster names an ISU admin, only the people the installation trusts
(workspace owners and admins, the install admins of CCM_ADMINS or `init --admin`, the local
console's operator) may change anything. Identity is the Slack user id, never a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case
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
class Caller:
    """What the transport knows about who typed, beyond the id (Slack's users.info, the console).

    The default is the least trusted caller: a plain member of the workspace.
    """

    user: str
    workspace_admin: bool = False  # users.info is_owner / is_admin / is_primary_owner
    guest: bool = False  # is_restricted / is_ultra_restricted
    outsider: bool = False  # another workspace (Slack Connect), or is_stranger
    operator: bool = False  # the local console, before any admin exists
    installer: bool = False  # named at install: CCM_ADMINS or `ccm-bot init --admin`


@dataclass(frozen=True)
class Actor:
    """The person behind a command, as the roster knows them."""

    user: str
    role: str
    state_iso3: str | None
    bootstrap: bool = False  # acting as admin because no admin exists yet and they are trusted
    closed: bool = False  # no admin exists yet and they are not trusted: read only
    restricted: bool = (
        False  # a guest or outsider the roster does not name: no money, audit, roster
    )

    @property
    def is_admin(self) -> bool:
        return self.bootstrap or self.role == ISU

    @property
    def sees_private(self) -> bool:
        """Contributions, the audit trail and the roster are for the committee's own members."""
        return not self.restricted


def roster_is_empty(session: Session) -> bool:
    """True until the first ISU admin is named: then only trusted callers may change anything."""
    query = select(Person.id).where(Person.role == ISU).limit(1)
    return session.exec(query).first() is None


def person_by_id(session: Session, user: str) -> Person | None:
    """The roster entry of a Slack user id; a name never identifies anyone."""
    if not user:
        return None
    return session.exec(select(Person).where(Person.slack_user_id == user)).first()


def _person_and_admin(session: Session, user: str) -> tuple[Person | None, bool]:
    """One statement: ``user``'s roster entry, and whether any ISU admin exists at all."""
    mine = col(Person.slack_user_id) == user
    query = (
        select(Person)
        .where(mine | (Person.role == ISU))
        .order_by(case((mine, 0), else_=1), col(Person.id))
        .limit(2)
    )
    rows = list(session.exec(query))
    person = rows[0] if rows and user and rows[0].slack_user_id == user else None
    return person, any(row.role == ISU for row in rows)


def actor_for(session: Session, user: str, caller: Caller | None = None) -> Actor:
    """The rights of ``user`` now: the roster by Slack id, the install's trust before any admin."""
    who = caller or Caller(user=user)
    person, admin_exists = _person_and_admin(session, user)
    listed = person is not None and (person.listed or person.role != MEMBER)
    stranger = (who.guest or who.outsider) and not listed
    if not admin_exists:
        if who.operator or who.installer or (who.workspace_admin and not stranger):
            return Actor(user=user, role=ISU, state_iso3=None, bootstrap=True)
        role = OBSERVER if stranger else MEMBER
        return Actor(user=user, role=role, state_iso3=None, closed=True, restricted=stranger)
    if stranger:
        return Actor(user=user, role=OBSERVER, state_iso3=None, restricted=True)
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
    if not may_write(actor):
        return False
    if actor.is_admin or actor.role == PRESIDENCY:
        return True
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
        select(Person)
        .where(col(Person.role).in_([ISU, PRESIDENCY]), col(Person.slack_user_id).is_not(None))
        .limit(3)
    ).all()
    named = ", ".join(user_ref(p.slack_user_id or "") for p in people)
    example = " ({})".format(_("e.g. {people}").format(people=named)) if named else ""
    return join_or(groups) + example


def may_record_money(actor: Actor) -> bool:
    return actor.is_admin


def may_write(actor: Actor) -> bool:
    """Observers, and everyone untrusted before the first admin exists, read only."""
    return actor.role != OBSERVER and not actor.closed


def isu_admins(session: Session) -> str:
    people = session.exec(
        select(Person).where(Person.role == ISU, col(Person.slack_user_id).is_not(None)).limit(3)
    ).all()
    return ", ".join(user_ref(p.slack_user_id or "") for p in people) or _("the ISU")


def read_only_reason(session: Session, actor: Actor) -> str:
    """Why a write was refused, and how to get a role: the words differ before the first admin."""
    if actor.closed:
        return _(
            "Until an ISU admin is named, only the workspace's owners and admins (and the admin "
            "named at install) may change anything, so nothing was changed. Ask a workspace "
            "admin to name the ISU admins with `/ccm roster add @someone isu`."
        )
    if actor.restricted:
        return _(
            "Guests and people from other organisations can read but not change anything, so "
            "nothing was changed. Ask {admins} to add you to the roster."
        ).format(admins=isu_admins(session))
    return _(
        "Observers can read but not change anything, so nothing was changed. "
        "Ask {admins} if you need a different role."
    ).format(admins=isu_admins(session))
