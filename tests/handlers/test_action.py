"""`action`: owners, States, areas and due dates read from natural sentences."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from handlers.ports import Deps
from storage.models import ActionItem, ItemState
from tests.conftest import Run


def _item(deps: Deps, item_id: int) -> tuple[ActionItem, list[str]]:
    with deps.db.session() as session:
        item = session.get(ActionItem, item_id)
        assert item is not None
        states = sorted(
            s.iso3 for s in session.exec(select(ItemState).where(ItemState.item_id == item_id))
        )
        return item, states


def test_action_logs_owner_states_and_due(run: Run, deps: Deps) -> None:
    reply = run("action Italy to follow up with Albania by 15 April")
    assert reply.ok
    assert "due Sat 15 Apr 2017" in reply.text
    item, states = _item(deps, reply.item_id or 0)
    assert (item.owner, item.owner_kind, item.owner_ref) == ("Italy", "state", "ITA")
    assert item.text == "follow up with Albania"
    assert item.due == date(2017, 4, 15)
    assert states == ["ALB", "ITA"]


def test_action_prefix_and_vague_date_says_how_it_was_read(run: Run, deps: Deps) -> None:
    reply = run("ACTION: Switzerland to send letters to GICHD by end of March")
    assert reply.ok
    assert "Fri 31 Mar 2017" in reply.text
    assert "end of March" in reply.text  # the reading is explained
    item, _ = _item(deps, reply.item_id or 0)
    assert item.due == date(2017, 3, 31)
    assert item.due_note


def test_bare_month_is_its_last_day_and_says_so(run: Run, deps: Deps) -> None:
    reply = run("todo the ISU to send reminder letters to States Parties by May")
    assert reply.ok
    item, _ = _item(deps, reply.item_id or 0)
    assert item.owner_kind == "isu"
    assert item.due == date(2017, 5, 31)
    assert "May" in (item.due_note or "")


@pytest.mark.parametrize(
    ("sentence", "kind", "ref", "area"),
    [
        (
            "action VA coordinators to contact the ICRC",
            "area",
            "victim_assistance",
            "victim_assistance",
        ),
        (
            "action the Coordinators on Universalization to send letters",
            "area",
            "universalization",
            "universalization",
        ),
        ("action the President to reach out to Brazil", "presidency", None, None),
        ("action 7MSP Presidency to circulate the agenda", "presidency", None, None),
        ("action Chile and Italy to convey requests to donors", "states", "CHL,ITA", None),
        ("action me to draft the letter", "person", "U1", None),
        ("action <@U0ABC123> to draft the letter", "person", "U0ABC123", None),
        ("add Bosnia & Herzegovina to report on clearance", "state", "BIH", "clearance"),
        (
            "action Iraq must request an extension of its Article 4 deadline",
            "state",
            "IRQ",
            "clearance",
        ),
    ],
)
def test_owner_kinds(
    run: Run, deps: Deps, sentence: str, kind: str, ref: str | None, area: str | None
) -> None:
    reply = run(sentence)
    assert reply.ok, reply.text
    item, _ = _item(deps, reply.item_id or 0)
    assert (item.owner_kind, item.owner_ref, item.area_key) == (kind, ref, area)


def test_area_owner_relates_its_coordinator_states(run: Run, deps: Deps) -> None:
    reply = run("action universalization coordinators to translate letters by 30/04")
    _, states = _item(deps, reply.item_id or 0)
    assert states == ["FRA", "ZMB"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("action Botswna to send a letter to NPA", "did you mean *Botswana*"),
        ("action Italy to follow up by 31/02", "February"),
        ("action Italy", "no “<owner> to <what>”"),
        ("action", "What should I log?"),
        ("action Narnia to send letters", "couldn't tell who owns this"),
    ],
)
def test_refused_actions_explain_and_store_nothing(
    run: Run, deps: Deps, sentence: str, expected: str
) -> None:
    reply = run(sentence)
    assert not reply.ok
    assert expected in reply.text
    with deps.db.session() as session:
        assert session.exec(select(ActionItem)).first() is None


def test_user_text_is_escaped_exactly_once(run: Run) -> None:
    reply = run("action Italy to tell <!channel> & friends about <@U999> by 15 April")
    assert reply.ok
    assert "&lt;!channel&gt; &amp; friends" in reply.text
    assert "<!channel>" not in reply.text
    assert "&amp;amp;" not in reply.text
    assert "<!channel>" not in str(reply.blocks)


def test_a_person_owner_is_a_real_mention_but_typed_markup_is_not(run: Run) -> None:
    reply = run("action <@U0ABC123> to send letters by May")
    assert "Logged *#1*: <@U0ABC123> — send letters" in reply.text
    moved = run("assign 1 <!channel>")
    assert not moved.ok and "<!channel>" not in moved.text


def test_deadlines_counted_from_an_msp_on_the_calendar(run: Run, deps: Deps) -> None:
    assert run("meeting add 11MSP 11 September 2023 to 14 September 2023 at Geneva").ok
    reply = run("action Iraq to request an extension at least nine months before the 11MSP")
    assert reply.ok, reply.text
    item, _ = _item(deps, reply.item_id or 0)
    assert item.due == date(2022, 12, 11)
    assert "nine months before the 11MSP" in (item.due_note or "")


def test_a_past_due_date_is_kept_but_flagged(run: Run) -> None:
    reply = run("action Italy to send the letter by 15 March 2017")
    assert reply.ok and "already passed" in reply.text
    assert "already passed" not in run("action Italy to send the letter by 15 April").text
