"""Part 1: identity is the Slack user id; a name (real or display) never identifies anyone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from storage.db import Database
from storage.migrate import upgrade
from storage.models import ActionItem, Person
from tests.security.conftest import (
    ADMIN,
    ID_NAMED,
    ISU_NAMED,
    ITALY_NAMED,
    VICTIM,
    Served,
    ask,
    changed,
    name_admin,
    snapshot,
)


def _items(served: Served) -> list[ActionItem]:
    with served.deps.db.session() as session:
        return list(session.exec(select(ActionItem).order_by(ActionItem.id)))  # type: ignore[arg-type]


def test_a_member_named_like_a_state_or_the_isu_owns_nothing(served: Served, know: object) -> None:
    know(ITALY_NAMED, ISU_NAMED)  # type: ignore[operator]
    name_admin(served)
    assert ask(served, "action Italy to follow up with Albania by 15 April", user=ADMIN)["text"]
    assert ask(served, "action the ISU to send reminder letters by May", user=ADMIN)["text"]
    italy, isu = _items(served)
    assert (italy.owner_kind, italy.owner_ref) == ("state", "ITA")
    assert (isu.owner_kind, isu.owner_ref) == ("isu", None)
    before = snapshot(served.deps.db)
    for command in (f"delete {italy.id}", f"done {isu.id}"):
        for user in (ITALY_NAMED, ISU_NAMED):
            assert "nothing" in ask(served, command, user=user)["text"].lower()
            assert not changed(before, snapshot(served.deps.db)), (user, command)


def test_a_bare_name_never_names_a_person_owner(served: Served, know: object) -> None:
    know(VICTIM)  # type: ignore[operator]
    name_admin(served)
    before = snapshot(served.deps.db)
    body = ask(served, "action Vic Victim to call Albania", user=ADMIN)
    assert "couldn't tell who owns" in body["text"]
    assert not changed(before, snapshot(served.deps.db))
    ask(served, f"action <@{VICTIM}> to call Albania", user=ADMIN)
    assert [(i.owner_kind, i.owner_ref) for i in _items(served)] == [("person", VICTIM)]


def test_a_name_equal_to_a_user_id_is_not_promoted(served: Served, know: object) -> None:
    know(ID_NAMED)  # type: ignore[operator]  # real name "UVICTIM1", the victim's id
    name_admin(served)
    ask(served, f"roster add <@{VICTIM}> coordinator Italy", user=ADMIN)
    with served.deps.db.session() as session:
        impostor = session.exec(select(Person).where(Person.slack_user_id == ID_NAMED)).one()
        victim = session.exec(select(Person).where(Person.slack_user_id == VICTIM)).one()
    assert impostor.role == "member" and impostor.name == VICTIM
    assert victim.role == "coordinator" and victim.state_iso3 == "ITA"


def test_the_roster_refuses_names(served: Served, know: object) -> None:
    know(ITALY_NAMED)  # type: ignore[operator]
    name_admin(served)
    before = snapshot(served.deps.db)
    for line in ("roster add Italy isu", "roster add Mia observer", "roster remove Italy"):
        body = ask(served, line, user=ADMIN)
        assert "identifies nobody" in body["text"], line
    assert not changed(before, snapshot(served.deps.db))


def test_the_slack_id_is_unique(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session(write=True) as session:
        session.add(Person(slack_user_id="U0DUP0001", name="One"))
        session.add(Person(slack_user_id="U0DUP0001", name="Two"))
        session.flush()


def test_migration_0006_flags_names_that_read_like_a_state_area_or_id(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(db.engine, "0005")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO state (iso3, name, short, ccm_status) VALUES "
                "('ITA', 'Italian Republic', 'Italy', 'State Party')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO thematicarea (key, name) VALUES "
                "('victim_assistance', 'Victim Assistance')"
            )
        )
        for uid, name, role in (
            ("U0AAAAAA1", "Italy", "member"),
            ("U0AAAAAA2", "Victim Assistance", "member"),
            ("U0AAAAAA3", "U0AAAAAA1", "member"),
            ("U0AAAAAA4", "the ISU", "member"),
            ("U0AAAAAA5", "Anna Rossi", "isu"),
        ):
            connection.execute(
                text("INSERT INTO person (slack_user_id, name, role) VALUES (:u, :n, :r)"),
                {"u": uid, "n": name, "r": role},
            )
    upgrade(db.engine)
    with db.session() as session:
        people = {p.slack_user_id: p for p in session.exec(select(Person))}
    assert people["U0AAAAAA1"].name_clash == "State: ITA"
    assert people["U0AAAAAA2"].name_clash == "area: victim_assistance"
    assert people["U0AAAAAA3"].name_clash == "user id"
    assert (people["U0AAAAAA4"].name_clash or "").startswith("owner word")
    assert people["U0AAAAAA5"].name_clash is None
    assert people["U0AAAAAA5"].listed and not people["U0AAAAAA1"].listed
    db.dispose()
