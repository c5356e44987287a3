"""Office shorthand, holidays, meetings as anchors, French and Spanish: read, or said unread."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from handlers.dates.finding import find_when
from handlers.dates.spans import date_spans
from tests.conftest import ZURICH

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)  # a Friday
EVENTS = {"7msp": date(2017, 9, 4), "intersessionals": date(2017, 6, 7)}


def _due(text: str) -> date | None:
    found = find_when(text, now=NOW, tz=ZURICH, next_meeting=date(2017, 4, 25), events=EVENTS)
    return found[0].due if found else None


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("send it COB Friday", date(2017, 3, 24)),
        ("send it by COB Monday", date(2017, 3, 27)),
        ("reply EOD", date(2017, 3, 24)),
        ("reply EOD tomorrow", date(2017, 3, 25)),
        ("by close of business Tuesday", date(2017, 3, 28)),
        ("circulate it EOW", date(2017, 3, 24)),
        ("by the end of the week", date(2017, 3, 24)),
        ("in a fortnight", date(2017, 4, 7)),
        ("within a fortnight", date(2017, 4, 7)),
        ("within 3 weeks", date(2017, 4, 14)),
        ("by end of Q2", date(2017, 6, 30)),
        ("by next CC", date(2017, 4, 25)),
        ("by the next CC meeting", date(2017, 4, 25)),
        ("before the 7MSP", date(2017, 9, 3)),
        ("by the intersessionals", date(2017, 6, 7)),
        ("before the intersessionals", date(2017, 6, 6)),
        ("by Easter", date(2017, 4, 16)),
        ("before Easter", date(2017, 4, 13)),
        ("after Easter", date(2017, 4, 17)),
        ("before Christmas", date(2017, 12, 24)),
        ("by Ascension", date(2017, 5, 25)),
        ("by 1/5", date(2017, 5, 1)),
        ("by Tuesday 4 April", date(2017, 4, 4)),
        ("d'ici fin avril", date(2017, 4, 30)),
        ("d'ici la prochaine réunion", date(2017, 4, 25)),
        ("avant Pâques", date(2017, 4, 13)),
        ("dans une quinzaine", date(2017, 4, 7)),
        ("antes del 15 de mayo", date(2017, 5, 15)),
        ("antes de Navidad", date(2017, 12, 24)),
        ("para la próxima reunión", date(2017, 4, 25)),
    ],
)
def test_phrases_are_read(text: str, due: date) -> None:
    assert _due(text) == due


def test_easter_next_year_once_this_years_is_past() -> None:
    later = datetime(2017, 5, 1, 9, 0, tzinfo=ZURICH)
    found = find_when("by Easter", now=later, tz=ZURICH)
    assert found is not None and found[0].due == date(2018, 4, 1)


def test_each_reading_says_how() -> None:
    found = find_when("COB Friday", now=NOW, tz=ZURICH)
    assert found is not None and "Friday, end of the day" in (found[0].note or "")
    found = find_when("by Easter", now=NOW, tz=ZURICH)
    assert found is not None and "Easter Sunday 2017" in (found[0].note or "")


def test_an_anchor_not_on_the_calendar_is_said_not_dropped() -> None:
    spans = date_spans("send it before the 8MSP", now=NOW, tz=ZURICH, events=EVENTS)
    assert len(spans) == 1 and spans[0].reading is None
    assert "8MSP" in (spans[0].problem or "") and "meeting add" in (spans[0].problem or "")
    spans = date_spans("by the intersessionals", now=NOW, tz=ZURICH, events={})
    assert spans[0].reading is None and "intersessionals" in (spans[0].problem or "")


def test_words_that_only_look_like_holidays_are_not_dates() -> None:
    assert _due("the Easter egg hunt") is None
    assert _due("Christmas cards were sent") is None


@pytest.mark.parametrize(
    ("phrase", "first", "last"),
    [
        ("cette semaine", date(2017, 3, 20), date(2017, 3, 26)),
        ("la semaine prochaine", date(2017, 3, 27), date(2017, 4, 2)),
        ("ce mois-ci", date(2017, 3, 1), date(2017, 3, 31)),
        ("esta semana", date(2017, 3, 20), date(2017, 3, 26)),
        ("el mes que viene", date(2017, 4, 1), date(2017, 4, 30)),
        ("este año", date(2017, 1, 1), date(2017, 12, 31)),
        ("this wk", date(2017, 3, 20), date(2017, 3, 26)),
    ],
)
def test_periods_in_french_spanish_and_shorthand(phrase: str, first: date, last: date) -> None:
    from handlers.dates.periods import period_bounds

    assert period_bounds(phrase, now=NOW, tz=ZURICH) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "by Whit Monday",
        "by whitmonday",
        "avant le lundi de Pentecôte",
        "antes del lunes de Pentecostés",
    ],
)
def test_whit_monday_in_three_languages(text: str) -> None:
    found = find_when(text, now=NOW, tz=ZURICH)
    assert found is not None and found[0].due in {date(2017, 6, 5), date(2017, 6, 4)}, text
    assert "Pentecost Monday 2017" in (found[0].note or "")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("by the first day of May", date(2017, 5, 1)),
        ("el último día de abril", date(2017, 4, 30)),
        ("la première semaine de mai", date(2017, 5, 7)),
        ("second week of April", date(2017, 4, 14)),
    ],
)
def test_days_and_weeks_of_a_month(text: str, due: date) -> None:
    assert _due(text) == due


def test_a_first_day_in_someones_life_is_not_a_date() -> None:
    assert date_spans("first day here, which meetings are coming up?", now=NOW, tz=ZURICH) == []
    assert len(date_spans("hoy es mi primer día", now=NOW, tz=ZURICH)) == 1  # "hoy" only


@pytest.mark.parametrize(
    ("phrase", "last"),
    [
        ("próximos 30 días", date(2017, 4, 23)),
        ("las próximas dos semanas", date(2017, 4, 7)),
        ("les 15 prochains jours", date(2017, 4, 8)),
        ("quinze prochains jours", date(2017, 4, 8)),
        ("la próxima quincena", date(2017, 4, 7)),
        ("les deux prochaines semaines", date(2017, 4, 7)),
    ],
)
def test_the_next_n_days_in_french_and_spanish(phrase: str, last: date) -> None:
    from handlers.dates.periods import period_bounds

    assert period_bounds(phrase, now=NOW, tz=ZURICH) == (date(2017, 3, 24), last)
