"""Roles from the roster decide who may change what; every change lands in the audit log."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from handlers.ports import Deps
from storage.models import ActionItem, AuditLog, Contribution
from tests.conftest import Run


@pytest.fixture
def rostered(demo_run: Run) -> Run:
    """ISU admin U0ISU, Presidency U0PRES, Italy's coordinator U0ITA, member U0MEM, observer U0OBS."""
    for line in (
        "roster add <@U0ISU> isu",
        "roster add <@U0PRES> presidency",
        "roster add <@U0ITA> coordinator Italy",
        "roster add <@U0OBS> observer ICRC",
    ):
        assert demo_run(line, user="U0ISU").ok, line
    return demo_run


def test_before_an_isu_admin_only_the_console_changes_things(
    demo_run: Run, demo_deps: Deps
) -> None:
    """The console's operator may do everything until an ISU admin is named (closed by default:
    a Slack member without a workspace role may not; see tests/security)."""
    from handlers.commands.router import handle

    assert "No roles yet" in demo_run("roster").text
    refused = handle(demo_deps, "done 13", user="U0ANY")  # a plain Slack member
    assert not refused.ok and "workspace's owners and admins" in refused.text
    assert demo_run("done 13", user="U0ANY").ok  # the same user at the console
    refused = demo_run("roster add <@U0X> observer", user="U0ANY")
    assert not refused.ok and "ISU admin first" in refused.text


def test_item_changes_need_owner_coordinators_presidency_or_isu(
    rostered: Run, demo_deps: Deps
) -> None:
    # Item 7 belongs to Italy (VA); item 13 to the General Status coordinators (BIH, CHE).
    assert rostered("snooze 7 1w", user="U0ITA").ok
    refused = rostered("done 13", user="U0ITA")
    assert not refused.ok
    assert "only the General Status and Operation of the Convention coordinators" in refused.text
    assert "the Presidency or the ISU" in refused.text
    assert not rostered("delete 13", user="U0MEM").ok
    assert rostered("done 13", user="U0PRES").ok
    assert rostered("reopen 13", user="U0ISU").ok
    with demo_deps.db.session() as session:
        item = session.get(ActionItem, 13)
        assert item is not None and item.status == "open"


def test_observers_read_only(rostered: Run, demo_deps: Deps) -> None:
    assert rostered("status Botswana", user="U0OBS").ok
    assert rostered("next meeting", user="U0OBS").ok
    assert rostered("roster", user="U0OBS").ok
    for command in (
        "action Italy to call Albania",
        "done 7",
        "meeting add 1 May 2017",
        "note 7 hello",
    ):
        reply = rostered(command, user="U0OBS")
        assert not reply.ok and "Observers can read" in reply.text, command
    with demo_deps.db.session() as session:
        assert len(session.exec(select(ActionItem)).all()) == 17


def test_only_the_isu_records_money_and_changes_the_roster(rostered: Run, demo_deps: Deps) -> None:
    refused = rostered("contribution Norway 1000", user="U0PRES")
    assert not refused.ok and "Only the ISU records contributions" in refused.text
    assert rostered("contribution Norway 1000", user="U0ISU").ok
    assert not rostered("roster add <@U0MEM> isu", user="U0PRES").ok
    with demo_deps.db.session() as session:
        assert (
            len(session.exec(select(Contribution).where(Contribution.state_iso3 == "NOR")).all())
            == 1
        )


def test_audit_log_records_who_when_before_after(rostered: Run, demo_deps: Deps) -> None:
    assert rostered("due 7 end of April", user="U0ITA").ok
    assert rostered("assign 7 Norway", user="U0ITA").ok
    with demo_deps.db.session() as session:
        rows = session.exec(
            select(AuditLog)
            .where(AuditLog.entity == "actionitem", AuditLog.entity_id == "7")
            .order_by(AuditLog.id)
        ).all()
    changes = [
        (r.actor, json.loads(r.before or "{}"), json.loads(r.after or "{}"))
        for r in rows
        if r.action == "update"
    ]
    assert changes[0][0] == "U0ITA"
    assert changes[0][1]["due"] == "2017-05-31" and changes[0][2]["due"] == "2017-04-30"
    assert changes[1][1]["owner"] == "Italy" and changes[1][2]["owner"] == "Norway"
    history = rostered("history #7")
    assert "due: 2017-05-31 → 2017-04-30" in history.text
    assert "owner: Italy → Norway" in history.text


def test_refused_commands_leave_no_audit_rows(rostered: Run, demo_deps: Deps) -> None:
    with demo_deps.db.session() as session:
        before = len(session.exec(select(AuditLog)).all())
    for command in ("done 13", "contribution Norway 5", "due 7 31/02"):
        assert not rostered(
            command, user="U0ITA" if command != "contribution Norway 5" else "U0PRES"
        ).ok
    with demo_deps.db.session() as session:
        assert len(session.exec(select(AuditLog)).all()) == before
