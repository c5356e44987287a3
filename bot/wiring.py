"""The composition root: settings in, a ready Deps out (database migrated, reference data loaded)."""

from __future__ import annotations

from sqlmodel import select

from bot.settings import Settings
from handlers.demo import load_demo
from handlers.ports import Deps
from handlers.reference.load import load_reference_data
from handlers.reference.states import StateDirectory
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Person, State


def prepare_database(
    settings: Settings, *, demo: bool = False, force_reference: bool = False, analyze: bool = False
) -> Database:
    """Migrate to the newest schema; load reference data when missing (or when asked)."""
    db = Database(settings.database_url)
    upgrade(db.engine)
    with db.session(write=True, actor="ccm-bot init") as session:
        if force_reference or session.exec(select(State).limit(1)).first() is None:
            load_reference_data(session, directory=StateDirectory.default())
        if demo:
            load_demo(session)
    if analyze:
        db.analyze()
    return db


def name_install_admins(
    db: Database, *, named: frozenset[str], from_env: frozenset[str] = frozenset()
) -> list[str]:
    """Put the install's admins on the roster: ``--admin`` always, CCM_ADMINS only while the
    roster has no ISU admin (so a later demotion is not undone by the next `init`)."""
    from handlers.people.permissions import ISU, roster_is_empty
    from handlers.people.roster import set_role

    with db.session(write=True, actor="ccm-bot init") as session:
        chosen = set(named) | (set(from_env) if roster_is_empty(session) else set())
        for user in sorted(chosen):
            set_role(session, user=user, role=ISU)
        query = select(Person.slack_user_id).where(Person.role == ISU)
        return [str(user) for user in session.exec(query) if user]


def build_deps(settings: Settings, *, db: Database | None = None) -> Deps:
    return Deps(
        db=db or prepare_database(settings),
        tz=settings.tz,
        states=StateDirectory.default(),
        digest_channel=settings.digest_channel,
        public_url=settings.public_url,
        language=settings.language,
        install_admins=settings.admins,
    )
