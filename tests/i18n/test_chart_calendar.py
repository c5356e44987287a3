"""`chart` and `calendar` answer in the reader's language, chart title and alt text included."""

from __future__ import annotations

import json

import pytest

from handlers.commands.router import handle
from handlers.ports import Deps
from handlers.reply.reply import Reply
from tests.conftest import MEETING_NOW

WORDS = {
    ("fr", "chart contributions"): "Diagramme en barres des contributions",
    ("es", "chart contributions"): "Gráfico de barras de las contribuciones",
    ("fr", "calendar"): "calendrier",
    ("es", "calendar"): "calendario",
}


def _everything(reply: Reply) -> str:
    alt = reply.upload.alt_text if reply.upload is not None else ""
    blocks = json.dumps(reply.blocks, ensure_ascii=False)
    return "\n".join((reply.text, blocks, alt, reply.direct or ""))


@pytest.mark.parametrize("lang", ["fr", "es"])
@pytest.mark.parametrize("command", ["chart contributions", "calendar"])
def test_chart_and_calendar_answer_in_the_readers_language(
    deps: Deps, lang: str, command: str
) -> None:
    english = _everything(handle(deps, command, user="U1", now=MEETING_NOW, lang="en"))
    text = _everything(handle(deps, command, user="U1", now=MEETING_NOW, lang=lang))
    assert WORDS[(lang, command)] in text
    assert WORDS[(lang, command)] not in english


def test_a_chart_typo_is_answered_in_the_readers_language(deps: Deps) -> None:
    fr = handle(deps, "chart bananas", user="U1", now=MEETING_NOW, lang="fr")
    es = handle(deps, "chart bananas", user="U1", now=MEETING_NOW, lang="es")
    en = handle(deps, "chart bananas", user="U1", now=MEETING_NOW, lang="en")
    assert "Je peux représenter" in fr.text
    assert "Puedo representar" in es.text
    assert "I can draw contributions" in en.text
