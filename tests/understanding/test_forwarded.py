"""A forwarded email pasted into Slack is read by its body and the note with it: its headers
(sender, the date it was sent, its subject line) and courtesies are set aside."""

from __future__ import annotations

from datetime import datetime

import pytest

from handlers.understanding.clauses import asks_to_log
from handlers.understanding.forwarded import unforwarded
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)

AUSTRIA = (
    "Fwd: ---------- Forwarded message --------- From: Finance Section, Permanent Mission of "
    "Austria Date: Wed, 22 Mar 2017 Subject: CCM ISU contribution 2017 | Dear Ms Mweemba, I am "
    "pleased to inform you that Austria has instructed the payment of its contribution for 2017 "
    "in the amount of CHF 9'870.50. Kind regards | --> log it as pledged until it hits the account"
)
COSTA_RICA = (
    "---------- Mensaje reenviado ---------- De: Misión Permanente de Costa Rica en Ginebra "
    "Asunto: Informe artículo 7 | Estimados colegas: adjunto el informe de transparencia de "
    "Costa Rica correspondiente a 2017. Saludos cordiales | -> registrarlo por favor"
)


def test_headers_and_courtesies_are_set_aside() -> None:
    body = unforwarded(AUSTRIA)
    assert body.startswith("I am pleased to inform you that Austria")
    for header in ("Forwarded", "Finance Section", "22 Mar", "Subject", "Dear", "Kind regards"):
        assert header not in body
    assert "log it as pledged" in body
    assert unforwarded("Austria paid CHF 10'000 | thanks") == "Austria paid CHF 10'000 | thanks"


@pytest.mark.parametrize(
    ("line", "command"),
    [
        (AUSTRIA, "contribution Austria 9870.50 CHF 2017 pledged"),
        (COSTA_RICA, "report Costa Rica article 7 2017"),
    ],
)
def test_a_forwarded_email_is_read_by_its_body(demo_run: Run, line: str, command: str) -> None:
    reply = demo_run(line, now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [command]


@pytest.mark.parametrize(
    ("clause", "asks"),
    [
        ("Pouvez vous le noter pour le Senegal?", True),
        ("Pueden registrarlo", True),
        ("-> registrarlo por favor", True),
        ("For the record, NZ will confirm the funding", False),  # an idiom
        ("note pour le #5 : appels faits", False),  # a command on an item
        ("Pls add a meeting", False),
        ("please record the payment from Austria", False),
    ],
)
def test_a_clause_that_only_asks_to_log(clause: str, asks: bool) -> None:
    assert asks_to_log(clause) is asks


def test_whom_the_record_is_for_is_kept(demo_run: Run) -> None:
    reply = demo_run(
        "notre rapport article 7 pour 2017 est parti hier a l'ISU. Pouvez vous le noter pour "
        "le Senegal?",
        now=NOW,
    )
    assert [c.command for c in reply.choices if c.confirm] == ["report Senegal article 7 2017"]


def test_a_reply_is_not_a_forwarded_email() -> None:
    assert unforwarded("Re: item 12 - new date: 30 April") == "Re: item 12 - new date: 30 April"
