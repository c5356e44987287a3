"""Part 2: closed by default. Until an ISU admin exists only workspace owners and admins, the
install's admins (CCM_ADMINS, `init --admin`) and the local console change anything."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from sqlmodel import select

from bot.console import run_lines
from bot.serve import warn_without_admin
from bot.wiring import name_install_admins
from handlers.ports import Deps
from storage.models import ActionItem, Person
from tests.security.conftest import (
    ADMIN,
    INSTALLER,
    MEMBER,
    OWNER,
    VICTIM,
    Served,
    ask,
    changed,
    name_admin,
    snapshot,
)

WRITES = (
    "action Italy to follow up with Albania by 15 April",
    "contribution Norway 1000 CHF 2017",
    "meeting add 25 April 2017 at Geneva",
    f"roster add <@{MEMBER}> isu",
    "coordinator add Austria victim assistance 8MSP",
)


@pytest.mark.parametrize("command", WRITES)
def test_a_plain_member_changes_nothing_before_an_admin_exists(
    served: Served, know: object, command: str
) -> None:
    know(MEMBER)  # type: ignore[operator]
    before = snapshot(served.deps.db)
    body = ask(served, command, user=MEMBER)
    assert "nothing" in body["text"].lower()
    assert "workspace admin" in body["text"] or "workspace's owners" in body["text"]
    assert not changed(before, snapshot(served.deps.db))


def test_a_plain_member_still_reads_before_an_admin_exists(served: Served) -> None:
    assert "Botswana" in ask(served, "status Botswana", user=MEMBER)["text"]


@pytest.mark.parametrize("trusted", [OWNER, ADMIN, INSTALLER])
def test_owners_admins_and_the_installer_name_the_first_admin(served: Served, trusted: str) -> None:
    body = ask(served, f"roster add <@{trusted}> isu", user=trusted)
    assert "now ISU admin" in body["text"]


def test_a_plain_member_cannot_make_themselves_admin(served: Served, know: object) -> None:
    know(MEMBER)  # type: ignore[operator]
    before = snapshot(served.deps.db)
    ask(served, f"roster add <@{MEMBER}> isu", user=MEMBER)
    ask(served, "roster add me isu", user=MEMBER)
    assert not changed(before, snapshot(served.deps.db))


def test_after_an_admin_exists_workspace_admins_are_members(served: Served, know: object) -> None:
    name_admin(served, VICTIM)  # ADMIN names someone else, then has no roster role
    know(OWNER)  # type: ignore[operator]
    before = snapshot(served.deps.db)
    body = ask(served, f"roster add <@{OWNER}> isu", user=OWNER)
    assert "Only ISU admins" in body["text"]
    assert not changed(before, snapshot(served.deps.db))
    assert "now ISU admin" in ask(served, f"roster add <@{OWNER}> isu", user=VICTIM)["text"]


def test_the_last_admin_cannot_be_removed_or_demoted(served: Served) -> None:
    name_admin(served)
    before = snapshot(served.deps.db)
    for line in (f"roster remove <@{ADMIN}>", f"roster add <@{ADMIN}> member"):
        assert "last ISU admin" in ask(served, line, user=ADMIN)["text"], line
    assert not changed(before, snapshot(served.deps.db))
    ask(served, f"roster add <@{VICTIM}> isu", user=ADMIN)
    assert "no longer holds a role" in ask(served, f"roster remove <@{ADMIN}>", user=ADMIN)["text"]


def test_users_info_failure_means_read_only(served: Served) -> None:
    served.fake.users[ADMIN]["error"] = "user_not_found"
    before = snapshot(served.deps.db)
    body = ask(served, "action Italy to call Albania", user=ADMIN)
    assert "nothing" in body["text"].lower()
    assert not changed(before, snapshot(served.deps.db), ignore=("person",))


def test_identity_facts_are_cached_not_fetched_per_command(served: Served) -> None:
    for _ in range(3):
        ask(served, "status Italy", user=MEMBER)
    assert len(served.fake.of("users.info")) == 1


def test_the_console_may_do_everything_until_an_admin_exists_then_acts_as_its_user(
    deps: Deps,
) -> None:
    def console(line: str, user: str) -> str:
        out = io.StringIO()
        run_lines(deps, [line], user=user, at=None, jsonl=False, out=out)
        return out.getvalue()

    assert "Logged" in console("action Italy to call Albania", "operator")
    assert "now ISU admin" in console(f"roster add <@{ADMIN}> isu", "operator")
    before = snapshot(deps.db)
    for user in ("operator", MEMBER):  # now plain members: no money, no deleting others' items
        assert "Only the ISU" in console("contribution Norway 1000", user)
        assert "nothing" in console("delete 1", user).lower()
    assert not changed(before, snapshot(deps.db))
    console("delete 1", ADMIN)
    with deps.db.session() as session:
        assert [i.status for i in session.exec(select(ActionItem))] == ["deleted"]


def test_init_admin_and_ccm_admins_name_the_first_admins(deps: Deps) -> None:
    named = name_install_admins(deps.db, named=frozenset({"U0FIRST01"}), from_env=frozenset())
    assert named == ["U0FIRST01"]
    # CCM_ADMINS seeds the roster only while it has no admin: a later demotion sticks.
    again = name_install_admins(deps.db, named=frozenset(), from_env=frozenset({"U0ENV0001"}))
    assert again == ["U0FIRST01"]
    with deps.db.session() as session:
        assert (
            session.exec(select(Person).where(Person.slack_user_id == "U0ENV0001")).first() is None
        )


def test_serve_warns_while_no_admin_exists(deps: Deps, capsys: pytest.CaptureFixture[str]) -> None:
    assert warn_without_admin(deps) is True
    assert "no ISU admin" in capsys.readouterr().err
    name_install_admins(deps.db, named=frozenset({"U0FIRST01"}))
    assert warn_without_admin(deps) is False


def test_ccm_admins_must_be_user_ids() -> None:
    from bot.settings import Settings, SettingsError

    assert Settings.from_env({"CCM_ADMINS": "U024BE7LH, W0ABCDEF1"}).admins == frozenset(
        {"U024BE7LH", "W0ABCDEF1"}
    )
    with pytest.raises(SettingsError, match="not a Slack user id"):
        Settings.from_env({"CCM_ADMINS": "Sheila"})


def test_a_guest_is_never_a_bootstrap_admin(deps: Deps) -> None:
    from handlers.people.permissions import Caller, actor_for

    with deps.db.session() as session:
        guest = actor_for(session, "U0G", Caller("U0G", workspace_admin=True, guest=True))
        admin = actor_for(session, "U0A", Caller("U0A", workspace_admin=True))
    assert not guest.is_admin and admin.is_admin
    _ = replace


def test_serve_keeps_warning_until_an_admin_exists(
    deps: Deps, caplog: pytest.LogCaptureFixture
) -> None:
    import threading
    import time

    from bot.serve import keep_warning

    stop = threading.Event()
    worker = threading.Thread(target=keep_warning, args=(deps, stop), kwargs={"every_s": 0.05})
    worker.start()
    time_limit = time.monotonic() + 5
    while "no ISU admin" not in caplog.text and time.monotonic() < time_limit:
        stop.wait(0.02)
    assert "no ISU admin" in caplog.text
    name_install_admins(deps.db, named=frozenset({"U0FIRST01"}))
    worker.join(timeout=5)
    assert not worker.is_alive()  # the warnings stop once an admin exists
    stop.set()


def test_chat_user_asks_slack_what_the_user_is(fake: object, deps: Deps) -> None:
    """With a token, `chat --user U` acts as U would in Slack: a guest stays an observer."""
    from bot.commands_cli import _slack_facts
    from tests.security.conftest import GUEST
    from tests.slack.conftest import settings_for

    facts = _slack_facts(settings_for(fake, deps.db), GUEST)  # type: ignore[arg-type]
    assert facts is not None and facts.guest
    name_install_admins(deps.db, named=frozenset({ADMIN}))
    out = io.StringIO()
    before = snapshot(deps.db)
    run_lines(
        deps,
        ["action Italy to call Albania"],
        user=GUEST,
        at=None,
        jsonl=False,
        out=out,
        facts=facts,
    )
    assert "nothing was changed" in out.getvalue().lower()
    assert not changed(before, snapshot(deps.db))
