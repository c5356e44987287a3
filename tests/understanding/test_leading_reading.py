"""A question whose best reading clearly leads is answered, the runner-up offered beside it;
a change, or a reading that rests on a likeness alone, is still asked."""

from __future__ import annotations

from datetime import datetime

from handlers.reference.states import StateDirectory
from handlers.understanding.entities import read
from tests.conftest import ZURICH, Run

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZURICH)


def test_date_phrases_are_compared_in_words_as_the_bank_is() -> None:
    """The bank is masked without reading dates; a line must be masked the same way."""
    states = StateDirectory.default()
    with_dates = read("due this week?", states=states, now=NOW, tz=ZURICH)
    bank_like = read("due this week?", states=states, with_dates=False)
    assert with_dates.of("date")  # the date is read, for the command
    assert with_dates.masked() == bank_like.masked() == "due PERIOD ?"


def test_a_clear_leader_is_answered_and_the_runner_up_offered(demo_run: Run) -> None:
    reply = demo_run("is zambia behind on anything", now=NOW)
    assert "`/ccm overdue Zambia`" in reply.text  # answered, and said how it was read
    assert [c.command for c in reply.choices] == ["items Zambia"]
    assert not any(c.confirm for c in reply.choices)


def test_a_change_close_behind_is_asked_not_guessed(demo_run: Run) -> None:
    reply = demo_run("hay que pasar el 7 a fines de junio, los eventos se movieron", now=NOW)
    assert "_Read as_" not in reply.text
    assert any(c.command.startswith("due 7") for c in reply.choices)
    assert "#7" in demo_run("status #7", now=NOW).text  # nothing was moved
    assert "30 Jun 2017" not in demo_run("status #7", now=NOW).text


def test_a_confirmation_says_the_day_a_new_date_comes_to(demo_run: Run) -> None:
    reply = demo_run("NZ is still waiting on capital — snooze #20 a week", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == ["snooze #20 a week"]
    assert "“a week” read as 31 March 2017" in reply.text


def test_short_names_people_use_are_states(demo_run: Run) -> None:
    reply = demo_run("aus pledged 25k for 2017", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [
        "contribution Australia 25000 CHF 2017 pledged"
    ]
    reply = demo_run("le burkina confirmera sa participation avant le 12 avril", now=NOW)
    assert any(c.command.startswith("action Burkina Faso to") for c in reply.choices)


def test_someone_taking_an_item_is_asked_for_not_asked_about(demo_run: Run) -> None:
    for line, command in [
        ("<@U0ABC123> can the ISU take over #8? Australia is short-staffed.", "assign 8 the ISU"),
        ("est-ce que l'ISU peut reprendre la #8 ?", "assign 8 the ISU"),
        ("pasale el 5 a chile", "assign 5 Chile"),
    ]:
        reply = demo_run(line, now=NOW)
        assert [c.command for c in reply.choices if c.confirm] == [command], line


def test_what_an_item_has_names_the_item(demo_run: Run) -> None:
    """ "l'échéance du 3" is item 3's deadline, not the 3rd of the month."""
    reply = demo_run("repousser l'échéance du 3 à fin mai", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == ["due 3 à fin mai"]
    reply = demo_run("changer l'échéance du #17 au 7/04", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == ["due 17 au 7/04"]


def test_the_calendar_feed_is_its_own_reading(demo_run: Run) -> None:
    for line in (
        "can i get the deadlines in my outlook calendar?",
        "como veo los plazos en mi calendario",
        "je voudrais les réunions dans mon agenda Outlook",
    ):
        assert "`/ccm calendar`" in demo_run(line, now=NOW).text, line
    assert "`/ccm meetings June`" in demo_run("what's on the calendar for June", now=NOW).text


def test_lines_that_start_with_the_item(demo_run: Run) -> None:
    for line, command in [
        ("8 should go to australia now", "assign 8 Australia"),
        ("18 isnt actually done, reopen", "reopen 18"),
        ("remind me tuesday to email UNODA", "action me to email UNODA on tuesday"),
    ]:
        reply = demo_run(line, now=NOW)
        assert [c.command for c in reply.choices if c.confirm] == [command], line


def test_french_and_spanish_demonyms_are_states() -> None:
    states = StateDirectory.default()
    for words, iso3 in [
        ("les Tchadiens", "TCD"),
        ("los costarricenses", "CRI"),
        ("la délégation camerounaise", "CMR"),
        ("los guatemaltecos", "GTM"),
    ]:
        assert [m.state.iso3 for m in states.find_in_text(words, demonyms=True)] == [iso3]
    assert not states.find_in_text("répondre en français", demonyms=True)  # a language


def test_swiss_francs_written_with_a_dash(demo_run: Run) -> None:
    reply = demo_run("Mexico paid CHF 8'750.- today (2017 contribution)", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == [
        "contribution Mexico 8750 CHF 2017 received"
    ]


def test_asked_for_a_language_a_chart_or_help_on_the_first_day(demo_run: Run) -> None:
    # the reader's own language is set at once (it is as easily set back) and the answer
    # comes in it; a language said of something else sets nothing
    for line, command, answer in [
        ("can you answer me in french from now on pls", "lang fr", "français"),
        ("puedes contestarme en español porfa", "lang es", "español"),
    ]:
        reply = demo_run(line, now=NOW)
        assert f"`/ccm {command}`" in reply.text and answer in reply.text, line
        assert not reply.choices, line
    demo_run("lang en", now=NOW)
    assert "lang" not in demo_run("the letters in French were sent", now=NOW).text
    reply = demo_run("the minutes should go out in French", now=NOW)
    assert "`/ccm lang" not in reply.text or [c.command for c in reply.choices if c.confirm]
    for line, command in [
        (
            "need a chart of 2017 contributions for the ambassador's slides",
            "chart contributions 2017",
        ),
        ("hay un gráfico de los plazos del tratado?", "chart deadlines"),
        ("bonjour, je suis nouvelle au comité. comment ça marche ce bot ?", "help"),
        ("who changed 13 and when?", "history #13"),
    ]:
        assert f"`/ccm {command}`" in demo_run(line, now=NOW).text, line


def test_an_owner_denied_is_not_the_owner(demo_run: Run) -> None:
    reply = demo_run("el #7 lo lleva ahora Chile, no Italia", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == ["assign 7 Chile"]


def test_chat_shorthand_for_a_chart_is_read(demo_run: Run) -> None:
    assert "`/ccm chart contributions`" in demo_run("chart contribs", now=NOW).text


def test_postponing_a_late_item_counts_from_today(demo_run: Run) -> None:
    reply = demo_run("pospón el 21 una semana, los zambianos siguen traduciendo", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == ["due 21 31/3/2017"]


def test_asking_to_be_told_is_a_question(demo_run: Run) -> None:
    reply = demo_run(
        "I'm taking over universalization next week, could you give me the full state of play "
        "for that area?",
        now=NOW,
    )
    assert not any(c.confirm for c in reply.choices)  # no item logged for "me"


def test_an_order_after_a_comma_is_the_request(demo_run: Run) -> None:
    reply = demo_run(
        "Zambia dice que Uganda confirmará antes, cambia la fecha de la 10 al 21/4", now=NOW
    )
    assert [c.command for c in reply.choices if c.confirm] == ["due 10 al 21/4"]
    assert "21 April 2017" in reply.text


def test_which_states_is_not_asked_of_one_state(demo_run: Run) -> None:
    reply = demo_run(
        "qué Estados Partes todavía no han pagado su contribución de este año? Queremos ver si "
        "España puede ayudar con las cartas de recordatorio",
        now=NOW,
    )
    assert "`/ccm unpaid 2017`" in reply.text


def test_muting_an_item_for_weeks_holds_its_reminders(demo_run: Run) -> None:
    reply = demo_run(
        "13 — no point reminding us before the GICHD replies, mute it for 2 weeks", now=NOW
    )
    assert [c.command for c in reply.choices if c.confirm] == ["snooze 13 in 2 weeks"]


def test_one_reading_with_its_own_word_is_not_a_choice_of_one(demo_run: Run) -> None:
    reply = demo_run(
        "silenciar los recordatorios del #7 hasta el lunes, Italia está de viaje", now=NOW
    )
    assert [c.command for c in reply.choices if c.confirm] == ["snooze 7 hasta el lunes"]
    reply = demo_run("chile submitted their transparency report", now=NOW)
    assert [c.command for c in reply.choices if c.confirm] == ["report Chile article 7 2017"]
