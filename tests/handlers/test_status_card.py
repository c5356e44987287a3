"""The State status card: at most ten lines for every State, each treaty deadline once."""

from __future__ import annotations

import re

from handlers.commands.router import handle
from handlers.ports import Deps
from tests.conftest import Run

_DAY = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}")


def test_every_states_card_fits_in_ten_lines_with_each_deadline_once(demo_deps: Deps) -> None:
    checked = 0
    for name in demo_deps.states.all():
        card = handle(demo_deps, f"status {name.iso3}", user="U1").text
        assert card.count("\n") + 1 <= 10, card
        treaty = [
            line for line in card.split("\n") if line.startswith(("Article", "Extension request"))
        ]
        days = [day for line in treaty for day in _DAY.findall(line.split(" (extended")[0])]
        assert len(days) == len(set(days)), card  # no deadline told twice
        checked += 1
    assert checked > 150


def test_more_has_every_deadline_and_the_card_points_to_it(demo_run: Run) -> None:
    card = demo_run("status Chile").text
    assert "`status Chile more`" in card
    assert card.count("Article 4") == 1  # one line for the clearance obligation
    assert "Mon 1 Jun 2026 — ahead (extended 3×" in card
    more = demo_run("status Chile more").text
    for day in ("Tue 1 Jun 2021", "Wed 1 Jun 2022", "Thu 1 Jun 2023", "Mon 1 Jun 2026"):
        assert day in more
    assert "orig 2021-06-01" in more  # the treaty note, as the reference data words it


def test_card_shows_items_that_fit_and_counts_the_rest(demo_run: Run) -> None:
    for n in range(12):
        assert demo_run(f"action Italy to send note {n} to Austria by 20 April").ok
    card = demo_run("status Austria").text
    assert card.count("\n") + 1 <= 10
    heading = next(line for line in card.split("\n") if "Open action items" in line)
    total = int(re.search(r"\((\d+)\)", heading)[1])  # type: ignore[index]
    shown = card.count("send note")
    assert total >= 12 and 0 < shown < total
    assert f"{total - shown} more" in heading
    more = demo_run("status Austria more").text
    listed = more.split("*Last mentioned*")[0]
    assert listed.count("send note") == 10 and f"and {total - 10} more" in listed
