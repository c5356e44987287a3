"""Start-up: clear one-line errors (exit 2) for missing or refused credentials; OAuth env ignored."""

from __future__ import annotations

import pytest

from bot.serve import serve
from bot.settings import Settings
from bot.slack.app import create_app
from handlers.i18n import use_language
from handlers.ports import Deps
from storage.db import Database
from tests.i18n.language import english_lines, language_of
from tests.slack.conftest import settings_for
from tests.slack.fake_slack import FakeSlack


def test_missing_token_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert serve(Settings(), port=0) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("ccm-bot: SLACK_BOT_TOKEN is not set") and "\n" not in err


def test_refused_token_is_one_line_and_exit_2(
    fake: FakeSlack, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.auth_error = "invalid_auth"
    assert serve(settings_for(fake, db), port=0) == 2
    err = capsys.readouterr().err.strip()
    assert "invalid_auth" in err and "Traceback" not in err and "\n" not in err


def test_missing_signing_secret_over_http_is_exit_2(
    fake: FakeSlack, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=db.url, slack_bot_token="xoxb-x", slack_api_url=fake.url)
    assert serve(settings, port=0) == 2
    assert "SLACK_SIGNING_SECRET" in capsys.readouterr().err


def test_unreachable_slack_is_exit_2(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(
        database_url=db.url,
        slack_bot_token="xoxb-x",
        slack_signing_secret="s",
        slack_api_url="http://127.0.0.1:9/api/",
    )
    assert serve(settings, port=0) == 2
    assert "Cannot reach Slack" in capsys.readouterr().err


def test_oauth_variables_do_not_switch_the_app_to_oauth(
    fake: FakeSlack, deps: Deps, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_CLIENT_ID", "111.222")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "shh")
    app = create_app(settings_for(fake, db), deps)
    assert app.oauth_flow is None
    assert fake.methods() == ["auth.test"]  # once, at construction; never per request
    import os

    assert os.environ["SLACK_CLIENT_ID"] == "111.222"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_start_up_refusals_speak_the_committees_language(
    fake: FakeSlack, db: Database, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """Each refusal above, with CCM_LANGUAGE=fr or es (`main` runs `serve` in it)."""
    no_secret = Settings(database_url=db.url, slack_bot_token="xoxb-x", slack_api_url=fake.url)
    unreachable = Settings(
        database_url=db.url,
        slack_bot_token="xoxb-x",
        slack_signing_secret="s",
        slack_api_url="http://127.0.0.1:9/api/",
    )
    said = []
    with use_language(lang):
        for settings in (Settings(), no_secret, unreachable):
            assert serve(settings, port=0) == 2
            said.append(capsys.readouterr().err)
        fake.auth_error = "invalid_auth"
        assert serve(settings_for(fake, db), port=0) == 2
        said.append(capsys.readouterr().err)
    for err in said:
        assert english_lines(err) == [] and language_of(err) == lang, err
