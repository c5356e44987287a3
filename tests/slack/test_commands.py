"""`/ccm` over signed HTTP: ephemeral by default, `public`, escaping once, slow path via response_url."""

from __future__ import annotations

from storage.models import ActionItem
from tests.slack.conftest import Served


def test_action_is_answered_inline_and_ephemeral(served: Served) -> None:
    answer = served.sender.command("action Italy to follow up with Albania by 15 April")
    assert answer.status == 200
    body = answer.json()
    assert body["response_type"] == "ephemeral"
    assert body["text"].startswith("Logged *#1*")
    actions = [b for b in body["blocks"] if b["type"] == "actions"]
    assert actions[0]["block_id"] == "item_1"
    assert {e["action_id"] for e in actions[0]["elements"]} == {
        "item_done",
        "item_snooze",
        "item_reassign",
        "item_snooze_date",
    }
    item = served.item(1)
    assert (item.owner, item.due.isoformat() if item.due else None) == ("Italy", "2017-04-15")
    served.settle()
    assert served.fake.of("chat.postMessage") == []  # nothing posted in the channel


def test_public_posts_in_channel_and_strips_the_word(served: Served) -> None:
    body = served.sender.command("public status Italy").json()
    assert body["response_type"] == "in_channel"
    assert "Italy" in body["text"]
    assert "public" not in body["text"].lower().split()[0]


def test_share_of_a_refused_command_stays_private(served: Served) -> None:
    body = served.sender.command("share done 999").json()
    assert body["response_type"] == "ephemeral"
    assert "no item #999" in body["text"]


def test_user_text_is_escaped_exactly_once(served: Served) -> None:
    # Slack escapes what users type: a literal "<!channel>" arrives as "&lt;!channel&gt;".
    body = served.sender.command(
        "action Italy to warn &lt;!channel&gt; &amp; co by 15 April"
    ).json()
    assert body["text"].count("&lt;!channel&gt;") == 1
    assert "&amp;lt;" not in body["text"] and "<!channel>" not in body["text"]
    assert "&amp; co" in body["text"] and "&amp;amp;" not in body["text"]
    assert served.item(1).text.startswith("warn <!channel> & co")


def test_a_mention_token_in_a_command_never_pings(served: Served) -> None:
    body = served.sender.command("action Italy to tell <!channel> by 15 April").json()
    assert "<!channel>" not in body["text"]
    assert "&lt;!channel&gt;" in body["text"]


def test_slow_answers_arrive_through_response_url(served: Served) -> None:
    served.runtime.ack_budget_s = 0.0  # as if the command took longer than the budget
    url = served.fake.response_url("slow")
    answer = served.sender.command("status Italy", response_url=url)
    assert answer.status == 200
    assert "Working on it" in answer.json()["text"]
    posted = served.fake.wait_for("response/slow")
    assert "Italy" in posted[0].body["text"]
    assert posted[0].body["response_type"] == "ephemeral"


def test_first_contact_records_the_person_with_their_time_zone(served: Served) -> None:
    served.sender.command("help", user="U2")
    served.sender.command("help", user="U2")
    from sqlmodel import select

    from storage.models import Person

    with served.deps.db.session() as session:
        people = list(session.exec(select(Person).where(Person.slack_user_id == "U2")))
    assert [(p.name, p.tz) for p in people] == [("Ana Rossi", "America/New_York")]
    assert len(served.fake.of("users.info")) == 1


def test_refused_command_changes_nothing(served: Served) -> None:
    before = served.count(ActionItem)
    body = served.sender.command("action Narnia to do things by May").json()
    assert body["response_type"] == "ephemeral"
    assert served.count(ActionItem) == before
