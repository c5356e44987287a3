"""Entities with spans: every kind, in English, French and Spanish."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from handlers.reference.states import StateDirectory
from handlers.understanding.entities import Reading, read
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


def _read(line: str) -> Reading:
    return read(
        line,
        states=StateDirectory.default(),
        now=NOW,
        tz=ZURICH,
        next_meeting=date(2017, 4, 25),
        events={"7msp": date(2017, 9, 4), "intersessionals": date(2017, 6, 7)},
    )


def _found(line: str) -> set[tuple[str, str, str]]:
    return {(e.kind, e.text, e.value) for e in _read(line).entities}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("BiH and the DRC", {("state", "BiH", "BIH"), ("state", "DRC", "COD")}),
        ("anything for the Italians?", {("state", "Italians", "ITA")}),
        ("call the Albanian mission", {("state", "Albanian", "ALB")}),
        ("où en est le Pérou ?", {("state", "Pérou", "PER")}),
        ("où en est le Liban", {("state", "Liban", "LBN")}),
        ("estado de Suiza", {("state", "Suiza", "CHE")}),
        ("l'Autriche a payé", {("state", "Autriche", "AUT")}),
        (
            "République démocratique du Congo",
            {("state", "République démocratique du Congo", "COD")},
        ),
        ("remind me what NZ owes", {("state", "NZ", "NZL")}),  # me is told, owns nothing
        ("show me Italy's items", {("state", "Italy", "ITA")}),
        ("what's on my plate", {("person", "my", "me")}),
    ],
)
def test_states_by_any_name(line: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= _found(line)


def test_a_word_that_only_looks_like_a_state_is_not_one() -> None:
    assert not _read("any news from the meeting? we can do it").of("state")
    assert not _read("letters in Spanish").of("state")


@pytest.mark.parametrize(
    ("line", "text", "cents", "currency"),
    [
        ("Austria paid CHF 12'500", "CHF 12'500", 1250000, "CHF"),
        ("they pledged €10k", "€10k", 1000000, "EUR"),
        ("USD 25,000 received", "USD 25,000", 2500000, "USD"),
        ("paid 25,000 Swiss francs", "25,000 Swiss francs", 2500000, "CHF"),
        ("a versé 25 000 francs suisses", "25 000 francs suisses", 2500000, "CHF"),
        ("pagó 12.500 CHF", "12.500 CHF", 1250000, "CHF"),
        ("Australia pledged 10'000 for 2017", "10'000", 1000000, None),
    ],
)
def test_amounts_with_their_currency(
    line: str, text: str, cents: int, currency: str | None
) -> None:
    amounts = _read(line).of("amount")
    assert [(a.text, int(a.value), a.currency) for a in amounts] == [(text, cents, currency)]


def test_a_year_is_not_an_amount_and_a_number_without_money_words_is_not_money() -> None:
    reading = _read("Australia pledged 10'000 for 2017")
    assert [e.value for e in reading.of("year")] == ["2017"]
    assert not _read("the 7 States in 2017").of("amount")


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("#12 is done", "12"),
        ("closed item 7", "7"),
        ("done 12", "12"),
        ("hecho #12", "12"),
        ("l'action 13 à la Suisse", "13"),
        ("tarea 7 terminada", "7"),
        ("12 can be closed", "12"),
    ],
)
def test_item_references(line: str, item: str) -> None:
    assert [e.value for e in _read(line).of("item")] == [item]


def test_an_item_is_never_read_from_an_amount_a_year_or_a_duration() -> None:
    for line in ("push it back 2 weeks", "move it to 2018", "give 10k", "done in 3 days"):
        assert not _read(line).of("item"), line


def test_people_roles_meetings_articles_periods() -> None:
    found = _found("<@U123ABC> and the co-chairs: Article 7 before the 8MSP, Q2 this week")
    assert ("mention", "<@U123ABC>", "U123ABC") in found
    assert ("role", "co-chairs", "cochairs") in found
    assert ("article", "Article 7", "7") in found
    assert ("meeting", "8MSP", "8msp") in found
    assert {("period", "Q2", "Q2"), ("period", "this week", "this week")} <= found
    assert ("role", "Presidency", "presidency") in _found("the Presidency and the ISU")
    assert ("role", "ISU", "isu") in _found("the Presidency and the ISU")


def test_dates_have_readings_and_unreadable_ones_say_why() -> None:
    dates = _read("Italy will call by COB Friday, then before the 8MSP").of("date")
    assert dates[0].reading is not None and dates[0].reading.due == date(2017, 3, 24)
    assert dates[1].reading is None and "8MSP" in (dates[1].problem or "")


def test_spans_point_into_the_line() -> None:
    line = "Où en est le Liban ? Austria paid CHF 12'500 by EOW"
    for entity in _read(line).entities:
        assert line[entity.start : entity.end] == entity.text


def test_masked_line_keeps_words_and_names_kinds() -> None:
    assert _read("Austria paid 25,000 CHF").masked() == "STATE paid AMOUNT"


def test_any_text_reads_without_error_and_spans_hold() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=120))
    def check(line: str) -> None:
        from handlers.reply.text import clean

        text = clean(line)
        reading = _read(text)
        for entity in reading.entities:
            assert text[entity.start : entity.end] == entity.text

    check()


def test_an_answer_names_the_date_it_did_not_use(demo_run: Run) -> None:
    text = demo_run("any meetings after Easter?").text
    assert "I did not use “after Easter”" in text


def test_last_and_next_year_in_statements(demo_run: Run) -> None:
    assert "CHF 2016 received" in demo_run("Austria paid 25,000 CHF last year").text
    assert "CHF 2018 pledged" in demo_run("Germany promised 50k for next year").text


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("correction on 12: NZ said end of April, not the 25th", "12"),
        ("pour le 20, la NZ attend le retour de sa capitale. mettez le en pause une semaine", "20"),
        ("correccion al 6: pongamosle fecha, 28 de abril", "6"),
        ("El 7 lo tiene Chile, no Italia. Porfa reasignar", "7"),
        ("Re 14, text should read: collect the written considerations. Can you edit", "14"),
    ],
)
def test_a_bare_number_between_an_article_and_a_pause_is_an_item(line: str, item: str) -> None:
    assert [e.value for e in _read(line).of("item")] == [item]


@pytest.mark.parametrize(
    "line", ["can we meet on the 20?", "3 países con informes atrasados", "le rapport de 2016, svp"]
)
def test_a_day_a_count_or_a_year_is_not_an_item(line: str) -> None:
    assert _read(line).of("item") == []


@pytest.mark.parametrize(
    "line",
    [
        "the reminder letters are done, they went out on the 20.",
        "c'est fait depuis le 21",
        "el 0 lo tiene Chile",
        "del 4. dup of 1",
    ],
)
def test_a_day_said_as_a_day_or_a_relation_is_no_bare_item(line: str) -> None:
    assert [e.value for e in _read(line).of("item") if e.end > e.start] in ([], ["4"])
