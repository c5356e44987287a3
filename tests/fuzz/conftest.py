"""The fuzz tests reuse the Slack fixtures: the fake Web API and the real app under waitress."""

from __future__ import annotations

import pytest

from tests.slack.conftest import Served, _no_slack_env, _warm_dates, fake, served

__all__ = ["Door", "_no_slack_env", "_warm_dates", "door", "fake", "served"]


class Door:
    """The served app, with a short repr: hypothesis prints its arguments on failure."""

    def __init__(self, served: Served) -> None:
        self.served = served

    def __repr__(self) -> str:
        return f"Door({self.served.sender.url})"


@pytest.fixture
def door(served: Served) -> Door:
    return Door(served)
