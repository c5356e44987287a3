"""Bad input: always a clear reply, never an exception, never a change."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from handlers.commands.router import route
from handlers.people.permissions import Caller
from handlers.ports import Deps
from handlers.reply.text import MAX_COMMAND_CHARS
from storage.models import ActionItem, Contribution, Coordinator, Meeting
from tests.conftest import Run


def _snapshot(deps: Deps) -> tuple[int, ...]:
    with deps.db.session() as session:
        return tuple(
            int(session.exec(select(func.count()).select_from(model)).one())
            for model in (ActionItem, Contribution, Coordinator, Meeting)
        )


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("", "ccm-bot commands"),
        ("   \t  ", "ccm-bot commands"),
        ("\x00\x01\x02", "ccm-bot commands"),
        ("x" * (MAX_COMMAND_CHARS + 1), "characters long"),
        ("status Atlantis", "No State, area or item called “Atlantis”"),
        ("status Botswna", "did you mean *Botswana*"),
        ("status #424242", "no item #424242"),
        ("done #424242", "no item #424242"),
        ("action Italy to call Albania by 31/02", "February"),
        ("action Italy to call Albania by 32 March", "not a date"),
        ("snooze", "Which item?"),
        ("contribution Italy lots", "no amount"),
        ("meeting add someday at somewhere", "could not read"),
        ("'; DROP TABLE actionitem; --", "couldn't work out"),
        ("status <!channel>", "&lt;!channel&gt;"),
        ("items <!here>", "&lt;!here&gt;"),
        ("deadlines 💣💣💣", "as a period"),
        ("who Narnia", "No area or State called “Narnia”"),
    ],
)
def test_bad_input_gets_a_clear_reply_and_changes_nothing(
    run: Run, deps: Deps, command: str, expected: str
) -> None:
    before = _snapshot(deps)
    reply = run(command)
    assert expected in reply.text, reply.text
    assert "Something went wrong" not in reply.text
    assert _snapshot(deps) == before
    if command.strip("\x00\x01\x02 \t"):
        assert not reply.ok


def test_mentions_and_specials_never_come_back_raw(run: Run) -> None:
    for command in (
        "status <!channel>",
        "action <!everyone> to panic",
        "note 1 <!here>",
        "frobnicate <@U123> <!subteam^S1>",
    ):
        reply = run(command)
        assert "<!channel>" not in reply.text
        assert "<!everyone>" not in reply.text
        assert "<!here>" not in reply.text
        assert "<!subteam" not in reply.text


def test_a_crash_inside_a_command_rolls_back_and_answers(
    deps: Deps, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure half-way through a write leaves nothing behind and still answers politely."""
    from handlers.commands.router import handle
    from handlers.items import render

    def boom(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("simulated failure after the insert")

    monkeypatch.setattr("handlers.commands.action.item_blocks", boom)
    reply = handle(
        deps,
        "action Italy to follow up with Albania",
        user="U1",
        caller=Caller("U1", operator=True),
    )
    assert not reply.ok and "nothing was changed" in reply.text
    assert _snapshot(deps)[0] == 0
    assert render.item_blocks  # the real builder is untouched


@pytest.mark.parametrize(
    "command",
    [
        "action Italy to call by <@U0EVIL> soon",
        "meeting add <https://evil.example|tomorrow>",
        "snooze 1 <@U0EVIL>",
        "due 1 <#C0EVIL>",
        "roster add <@U0X> <@U0EVIL>",
        "contribution Norway 100 on <@U0EVIL>",
    ],
)
def test_markup_in_unreadable_input_is_escaped_where_it_is_quoted(run: Run, command: str) -> None:
    """Mentions and links are not broadcast tokens, so only each message's own escaping
    (not the router's last safety net) keeps them inert."""
    run("action Italy to follow up with Albania by 15 April")
    reply = run(command)
    assert "<@U0EVIL>" not in reply.text and "<https://evil" not in reply.text
    assert "<#C0EVIL>" not in reply.text


def test_any_line_in_words_gets_an_answer_and_changes_nothing(run: Run, deps: Deps) -> None:
    """Free text never crashes the reading and never writes without a confirmation."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    before = _snapshot(deps)
    words = st.sampled_from(
        [
            "Italy",
            "paid",
            "25,000",
            "CHF",
            "#12",
            "done",
            "will",
            "by",
            "next",
            "Friday",
            "who",
            "overdue",
            "the",
            "ISU",
            "Pérou",
            "Liban",
            "article",
            "7",
            "report",
            "arrived",
            "pledged",
            "2017",
            "Q2",
            "EOW",
            "before",
            "the",
            "8MSP",
            "d'ici",
            "fin",
            "avril",
            "hecho",
            "statut",
            "¿quién",
            "no",
            "ha",
            "pagado?",
            "coordinators",
            "Easter",
            "fortnight",
            "<@U1>",
            "€10k",
        ]
    )

    @settings(max_examples=60, deadline=None)
    @given(st.lists(words, min_size=1, max_size=8))
    def check(parts: list[str]) -> None:
        line = " ".join(parts)
        spec, args = route(line)
        if spec is not None and spec.writes_for(args):  # "hecho #12", "paid Italy 25,000"
            return  # a writing command word acts directly, by design
        reply = run(line)
        assert reply.text and not reply.failed

    check()
    assert _snapshot(deps) == before
