"""done, reopen, snooze, assign, due, note, edit, delete, restore: and their history."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from handlers.ports import Deps
from storage.models import ActionItem, ItemEvent, ItemState
from tests.conftest import Run


def _logged(run: Run) -> int:
    reply = run("action Italy to follow up with Albania by 15 April")
    assert reply.ok and reply.item_id
    return reply.item_id


def _get(deps: Deps, item_id: int) -> ActionItem:
    with deps.db.session() as session:
        item = session.get(ActionItem, item_id)
        assert item is not None
        return item


def test_done_and_reopen(run: Run, deps: Deps) -> None:
    item_id = _logged(run)
    assert run(f"done #{item_id}").ok
    assert _get(deps, item_id).status == "done"
    again = run(f"done {item_id}")
    assert not again.ok and "is done" in again.text
    assert run(f"reopen {item_id}").ok
    assert _get(deps, item_id).status == "open"


def test_snooze_due_assign_note_edit(run: Run, deps: Deps) -> None:
    item_id = _logged(run)
    assert run(f"snooze #{item_id} 1w").ok
    assert _get(deps, item_id).snoozed_until == date(2017, 3, 30)
    assert run(f"due #{item_id} end of April").ok
    assert _get(deps, item_id).due == date(2017, 4, 30)
    reply = run(f"assign #{item_id} Norway")
    assert reply.ok and "reassigned from Italy to Norway" in reply.text
    assert _get(deps, item_id).owner_ref == "NOR"
    assert run(f"note #{item_id} Albania answered").ok
    assert run(f"edit #{item_id} follow up with Albania and Croatia").ok
    with deps.db.session() as session:
        states = sorted(
            s.iso3 for s in session.exec(select(ItemState).where(ItemState.item_id == item_id))
        )
        actions = [
            e.action for e in session.exec(select(ItemEvent).where(ItemEvent.item_id == item_id))
        ]
    assert states == ["ALB", "HRV", "NOR"]
    assert actions == ["created", "snooze", "due", "assign", "note", "edit"]
    history = run(f"status #{item_id}")
    assert "History" in history.text and "snooze" in history.text


def test_delete_is_soft_and_undoable(run: Run, deps: Deps) -> None:
    item_id = _logged(run)
    reply = run(f"delete {item_id}")
    assert reply.ok and f"restore #{item_id}" in reply.text
    assert _get(deps, item_id).status == "deleted"
    assert f"#{item_id}" not in run("items").text
    assert run(f"restore {item_id}").ok
    assert _get(deps, item_id).status == "open"


def test_unknown_ids_and_bad_dates_change_nothing(run: Run, deps: Deps) -> None:
    item_id = _logged(run)
    for command, expected in [
        ("done 999", "no item #999"),
        ("done", "Which item?"),
        (f"snooze {item_id} blorf", "blorf"),
        (f"snooze {item_id} yesterday", "not in the future"),
        (f"due {item_id} 31/02", "February"),
        (f"due {item_id}", "What should I set?"),
        (f"assign {item_id} Atlantis", "couldn't tell who owns this"),
    ]:
        reply = run(command)
        assert not reply.ok, command
        assert expected in reply.text, (command, reply.text)
    item = _get(deps, item_id)
    assert (item.status, item.due, item.snoozed_until, item.owner) == (
        "open",
        date(2017, 4, 15),
        None,
        "Italy",
    )


def test_one_item_at_a_time(run: Run, deps: Deps) -> None:
    first, second = _logged(run), _logged(run)
    reply = run(f"done {first} {second}")
    assert not reply.ok and "one item at a time" in reply.text
    assert (_get(deps, first).status, _get(deps, second).status) == ("open", "open")


def test_the_reason_after_an_item_change_is_kept_not_refused(demo_run: Run) -> None:
    """ "reopen 19 pls, not all letters went out": reopened, the why in the history."""
    reply = demo_run("reopen 19 pls, not all letters went out")
    assert "#19 is open again" in reply.text
    assert "not all letters went out" in demo_run("history 19").text


def test_a_reason_never_becomes_an_owner(demo_run: Run) -> None:
    reply = demo_run("asignar el #5 a Chile por favor, Italia ya hizo su parte")
    assert "reassigned from Victim Assistance coordinators to Chile." in reply.text
    assert "Italy" not in reply.text.splitlines()[1]
    listed = demo_run("assign 5 Chile, Italy and Peru")
    assert "to Chile and Italy and Peru." in listed.text  # a list of owners is not a reason


def test_a_date_then_a_reason(demo_run: Run) -> None:
    reply = demo_run("snooze 13 till monday, GICHD said they'll reply then")
    assert "snoozed until Mon 27 Mar 2017" in reply.text


def test_two_items_are_still_refused(demo_run: Run) -> None:
    assert "takes one item at a time" in demo_run("done 12 13").text
