"""status, items, deadlines, who, digest, help: read commands over the seed demo data."""

from __future__ import annotations

import pytest

from handlers.ports import Deps
from tests.conftest import Run


def test_status_state_has_header_treaty_facts_items_and_mention(demo_run: Run) -> None:
    reply = demo_run("status Botswana")
    assert reply.ok
    assert reply.text.startswith("*Botswana (BWA) — State Party*")
    assert reply.blocks[0]["type"] == "header"
    assert "Article 3 (stockpiles)" in reply.text
    assert "Source: UN+MON" in str(reply.blocks)
    assert "facts as of September 2025" in reply.text  # the plain-text fallback says it too
    assert "submit an official letter to NPA" in reply.text
    assert "last mentioned Thu 23 Mar 2017" in reply.text


@pytest.mark.parametrize(
    "command",
    [
        "status botswana",
        "what's up with Botswana",
        "where do we stand with Botswana?",
        "Botswana",
        "status BWA",
    ],
)
def test_status_phrasings(demo_run: Run, command: str) -> None:
    assert "Botswana (BWA)" in demo_run(command).text


def test_status_for_signatory_not_party_and_withdrawn(demo_run: Run) -> None:
    assert "Indonesia (IDN) — Signatory" in demo_run("status Indonesia").text
    assert "— not party" in demo_run("status Brazil").text
    # Lithuania's withdrawal took effect in 2025: on the demo's day it was a State Party.
    assert "Lithuania (LTU) — State Party" in demo_run("status Lithuania").text
    assert "Lithuania (LTU) — withdrawn" in demo_run("status Lithuania", now=_at(2026, 3, 2)).text


def test_status_lao_pdr_shows_article4_deadlines_with_source(demo_run: Run) -> None:
    card = demo_run("/ccm what's up with Lao PDR").text
    assert "Lao PDR (LAO) — State Party" in card
    assert "Article 4 (clearance): Sat 1 Aug 2020 — ahead" in card  # 2017: no extension yet
    later_card = demo_run("/ccm what's up with Lao PDR", now=_at(2026, 3, 2)).text
    assert "Article 4 (clearance): Fri 1 Aug 2025" in later_card
    assert "first Sat 1 Aug 2020" in later_card
    text = demo_run("/ccm status Lao PDR more").text
    assert "Article 4 clearance deadline: Sat 1 Aug 2020" in text
    assert "extended deadline" not in text  # decided at the 9MSP (2019): not known in 2017
    assert "source: MON" in text
    later = demo_run("/ccm status Lao PDR more", now=_at(2026, 3, 2)).text
    assert "Article 4 extended deadline: Fri 1 Aug 2025" in later


def test_status_area_item_and_me(demo_run: Run) -> None:
    area = demo_run("status universalization")
    assert "France (7MSP)" in area.text and "Zambia (7MSP)" in area.text
    assert "confirm Uganda as host" in area.text
    item = demo_run("status #15")
    assert "conclude consultations on the ISU financing model" in item.text
    assert "History" in item.text
    assert demo_run("mine").text.startswith("*Your open items (0)*")
    demo_run("action me to draft the agenda by 20/04")
    assert "draft the agenda" in demo_run("status me").text


def test_status_unknowns_suggest(demo_run: Run) -> None:
    typo = demo_run("status Botswna")
    assert not typo.ok and "did you mean *Botswana*" in typo.text
    missing = demo_run("status #999")
    assert not missing.ok and "no item #999" in missing.text


def test_items_filters(demo_run: Run) -> None:
    overdue = demo_run("items overdue", now=_at(2017, 4, 3))
    # #13, #14, #17 (31 March), #22 (24 March) and the two February items #20, #21.
    assert "Items: open, overdue (6)" in overdue.text
    assert "#13" in overdue.text and "#15" not in overdue.text
    assert "Items: open, Universalization (4)" in demo_run("items universalization").text
    assert "Items: open, Botswana (1)" in demo_run("items Botswana").text
    assert "Items: open, owner “ISU” (3)" in demo_run("items owner ISU").text
    week = demo_run("items due this week", now=_at(2017, 3, 27))
    assert "(3)" in week.text and "#13" in week.text
    demo_run("done 13")
    assert "#13" in demo_run("items done").text
    bad = demo_run("items Botswna")
    assert not bad.ok and "Botswana" in bad.text


def test_deadlines_periods(demo_run: Run) -> None:
    april = demo_run("deadlines April")
    assert "Sat 1 Apr 2017 – Sun 30 Apr 2017" in april.text
    assert "#15" in april.text and "#13" not in april.text
    year = demo_run("deadlines 2022")
    assert "Bosnia and Herzegovina: Article 4 extended deadline" in year.text
    assert "Chile" in year.text
    assert not demo_run("deadlines whenever").ok


def test_deadlines_up_to_a_day(demo_run: Run) -> None:
    """ "by" a day counts it in, "before" a day stops the day before; both start today."""
    by = demo_run("deadlines by 31 March", now=_at(2017, 3, 24))
    assert "Fri 24 Mar 2017 – Fri 31 Mar 2017" in by.text and "#13" in by.text
    before = demo_run("deadlines before 31 March", now=_at(2017, 3, 24))
    assert "Fri 24 Mar 2017 – Thu 30 Mar 2017" in before.text and "#13" not in before.text
    french = demo_run("deadlines d'ici au 7 avril", now=_at(2017, 3, 24))
    assert "Fri 24 Mar 2017 – Fri 7 Apr 2017" in french.text
    assert not demo_run("deadlines before whenever", now=_at(2017, 3, 24)).ok


def test_who_and_coordinators(demo_run: Run) -> None:
    assert "France (7MSP), Zambia (7MSP)" in demo_run("who universalization").text
    assert "Victim Assistance (7MSP)" in demo_run("who Italy").text
    assert demo_run("coordinator add Austria victim assistance 8MSP").ok
    assert "Austria (8MSP)" in demo_run("who VA").text
    again = demo_run("coordinator add Austria victim assistance 8MSP")
    assert not again.ok and "already" in again.text
    assert demo_run("coordinator remove Austria victim assistance 8MSP").ok
    assert "Austria" not in demo_run("who VA").text


def test_digest_preview_sections(demo_run: Run) -> None:
    reply = demo_run("digest", now=_at(2017, 4, 3))
    for heading in (
        "Open items per thematic area",
        "Overdue (6)",
        "Due in the next 14 days",
        "Next meeting",
        "Contributions 2017",
    ):
        assert heading in reply.text
    assert len(reply.blocks) <= 50


def test_help_lists_every_command_and_explains_one(demo_run: Run) -> None:
    from handlers.commands.registry import COMMANDS

    text = demo_run("help").text
    for name in COMMANDS:
        assert f"`{COMMANDS[name].usage}`" in text
    action = demo_run("help action").text
    assert "/ccm action Italy to follow up with Albania by 15 April" in action
    assert not demo_run("help frobnicate").ok


def test_a_mistyped_command_is_read_and_says_how(demo_run: Run) -> None:
    reply = demo_run("stauts Botswana")
    assert "Botswana (BWA)" in reply.text
    assert "Read as_ `/ccm status Botswana`" in reply.text


def _at(year: int, month: int, day: int):  # type: ignore[no-untyped-def]
    from datetime import datetime

    from tests.conftest import ZURICH

    return datetime(year, month, day, 9, 0, tzinfo=ZURICH)


def test_long_sections_split_at_line_ends_without_loss() -> None:
    from handlers.reply.reply import sections

    lines = [f"line {n} " + "x" * 90 for n in range(100)]
    blocks = sections("\n".join(lines))
    texts = [b["text"]["text"] for b in blocks]
    assert all(len(t) <= 3000 for t in texts)
    assert "\n".join(texts).split("\n") == lines


def test_digest_done_since_counts_closing_not_later_notes(demo_run: Run) -> None:
    assert demo_run("done 12", now=_at(2017, 3, 24)).ok
    assert "Done since" in demo_run("digest", now=_at(2017, 3, 27)).text
    assert "#12" in demo_run("digest", now=_at(2017, 3, 27)).text.split("Done since")[1]
    assert demo_run("note 12 thanks NZ", now=_at(2017, 4, 10)).ok
    later = demo_run("digest", now=_at(2017, 4, 10)).text.split("Done since")[1]
    assert "(0)" in later.split("\n")[0] and "#12" not in later.split("*Next meeting*")[0]


def test_due_days_are_date_tokens_each_reader_sees_in_their_own_locale(demo_run: Run) -> None:
    from handlers.reply.mrkdwn import to_plain

    text = demo_run("items Botswana").text + demo_run("items universalization").text
    assert "due <!date^" in text and "{date_long_pretty}|Sun 30 Apr 2017>" in text
    assert "due Sun 30 Apr 2017" in to_plain(text)


def test_my_plate_holds_what_my_state_and_its_areas_owe(demo_deps: Deps) -> None:
    from handlers.commands.router import handle
    from handlers.people.roster import set_role

    with demo_deps.db.session(write=True) as session:
        set_role(session, user="U9", role="isu", name="Admin")
        set_role(session, user="UIT", role="coordinator", state_iso3="ITA", name="Bruno")
    text = handle(demo_deps, "what's on my plate?", user="UIT").text
    assert "with Italy" in text
    assert "*#7* Italy" in text  # Italy's own item
    assert "*#5* Victim Assistance coordinators" in text  # Italy coordinates VA
    assert "*#6* Chile and Italy" in text
    assert "#13" not in text
