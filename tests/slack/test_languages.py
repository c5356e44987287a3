"""Slack speaks each person's language: the profile's locale (users.info, asked once), on
commands, the App Home and the modals; the next person gets their own."""

from __future__ import annotations

import json

from sqlmodel import select

from storage.models import Person
from tests.i18n.language import language_of
from tests.slack.conftest import Served


def test_slack_answers_in_the_profile_locale(served: Served) -> None:
    """users.info is asked for the locale once; answers, Home and modals come in that language."""
    served.fake.users["UFR"] = {"name": "Aïssata Diallo", "locale": "fr-FR"}
    first = served.sender.command("mine", user="UFR").json()
    second = served.sender.command("flubber", user="UFR").json()
    assert first["text"].startswith("*Vos actions en cours")
    assert "« flubber »" in second["text"] and language_of(second["text"]) == "fr"
    calls = served.fake.of("users.info")
    assert len(calls) == 1 and str(calls[0].body.get("include_locale")).lower() in ("true", "1")
    with served.deps.db.session() as session:
        person = session.exec(select(Person).where(Person.slack_user_id == "UFR")).one()
    assert person.slack_locale == "fr-FR"

    served.sender.event({"type": "app_home_opened", "user": "UFR", "channel": "D1", "tab": "home"})
    home = json.dumps(served.fake.wait_for("views.publish")[0].body["view"], ensure_ascii=False)
    assert "Vos actions" in home and "Consigner une action" in home and "Actualiser" in home
    served.sender.interactive(
        {
            "type": "block_actions",
            "team": {"id": "T0CCM"},
            "user": {"id": "UFR"},
            "trigger_id": "T-9",
            "container": {"type": "view", "view_id": "V0001"},
            "view": {"id": "V0001", "type": "home"},
            "actions": [
                {"action_id": "home_log_item", "block_id": "home_actions", "type": "button"}
            ],
        }
    )
    modal = served.fake.wait_for("views.open")[0].body["view"]
    assert modal["title"]["text"] == "Consigner une action"
    assert [b["label"]["text"] for b in modal["blocks"]][:3] == ["Responsable", "Quoi", "Échéance"]
    english = served.sender.command("mine", user="U1").json()  # the next person: their own
    assert english["text"].startswith("*Your open items")
