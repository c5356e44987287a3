"""What a writer takes back in the same message is never acted on: the later words stand, for
a typed command as for a line in words, and a date said "during" a meeting only says when."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from handlers.dates.finding import find_when
from handlers.understanding.corrections import taken_back
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


@pytest.mark.parametrize(
    ("line", "read"),
    [
        (
            "ACTION: Presidency to circulate the outline COB Thursday. Apologies - no wait, make "
            "that Friday, the Ambassador wishes to review it",
            "ACTION: Presidency to circulate the outline Friday, the Ambassador wishes to review it",
        ),
        (
            "reporter l'échéance du #3 au 25 avril — non, pardon, au 24 avril, veille de la "
            "réunion",
            "reporter l'échéance du #3 au 24 avril, veille de la réunion",
        ),
        (
            "action Chile to send the letters by 3 April, i mean 5 April, and copy the ISU on them",
            "action Chile to send the letters by 5 April, and copy the ISU on them",
        ),
        # what follows the words is no date: nothing is rewritten
        (
            "note 12 NZ said they would report on 3 April, I mean they hope to, by 30 April",
            "note 12 NZ said they would report on 3 April, I mean they hope to, by 30 April",
        ),
        ("Actually 18 isn't finished, reopen it", "Actually 18 isn't finished, reopen it"),
    ],
)
def test_the_later_words_stand(line: str, read: str) -> None:
    assert taken_back(line, now=NOW, tz=ZURICH) == read


@pytest.mark.parametrize(
    "line",
    [
        "eliminar el 20, NZ ya lo circuló... no espera, no lo elimines, márcalo como hecho",
        "borra el 12... no espera, no lo borres",
        "On 3 April: close #12 - no wait, dont close it, delete",
        "Chile says #15 must not be deleted",
        "ne supprimez pas le 14",
    ],
)
def test_an_order_taken_back_or_ruled_out_changes_nothing(demo_run: Run, line: str) -> None:
    before = demo_run("items", now=NOW).text
    reply = demo_run(line, now=NOW)
    assert not any(c.confirm for c in reply.choices)
    assert "nothing was changed" in reply.text.lower()
    assert demo_run("items", now=NOW).text == before


def test_an_action_line_keeps_the_corrected_date(demo_run: Run) -> None:
    reply = demo_run(
        "accion Colombia compartir la lista con los coordinadores el jueves... no espera, mejor "
        "el viernes",
        now=NOW,
    )
    assert "Logged" in reply.text and "Fri 31 Mar 2017" in reply.text


def test_a_meeting_the_thing_happens_during_is_not_its_deadline() -> None:
    found = find_when(
        "organise the follow up meeting during the June intersessional, deadline before 15 may",
        now=NOW,
        tz=ZURICH,
        events={"intersessionals": date(2017, 6, 7)},
    )
    assert found is not None and found[0].due == date(2017, 5, 15)
    assert found[1] == "organise the follow up meeting during the June intersessional"


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("move item 3 to 25 April", "due 3 25 April"),
        ("reporter l'échéance du point 3 au 25 avril", "due 3 au 25 avril"),
    ],
)
def test_an_item_number_is_no_first_day_of_a_range(demo_run: Run, line: str, command: str) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command]
    assert "25 April 2017" in reply.text
