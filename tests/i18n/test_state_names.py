"""A French or Spanish reply names every State as that language does (CLDR, or the committee's
official form), never by its English name: "le Chili", "Suiza", "Pérou", not "Chile" in French,
"Switzerland" or "Peru".

One general check over many lines rather than one test per sentence: each line (natural
lines the reader turns into confirmations, choices and "what I understood", and typed commands
whose replies name States) is answered for a French and a Spanish reader; every State found in
what the bot wrote must be spelled as ``state_label`` spells it in that language. What the bot
quotes is left out: the `/ccm …` command in backticks (it is what one types, in English), user
text in quotes, and the data it shows (item texts, sources, meeting places).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlmodel import select

from handlers.commands.router import handle
from handlers.i18n import state_label, use_language
from handlers.ports import Deps
from handlers.reference.states import StateDirectory
from handlers.reply.reply import Reply
from storage.db import Database
from storage.models import ActionItem, Meeting, State, StateMention
from tests.backends import Backend
from tests.conftest import MEETING_NOW, make_deps
from tests.i18n.language import own_words

# In the order they run: later lines may find what earlier ones changed.
LINES = (
    # commitments: "log an item for …" confirmations, one State, two, a plural name
    "le Chili enverra la lettre d'ici fin avril",
    "Switzerland and Peru will send the letters by end of April",
    "les Pays-Bas enverront la note",
    "Perú llamará a la misión el lunes",
    "Italy will follow up by next Friday",
    # payments and pledges: confirmations, and refusals that name the State
    "Chile pagó 5000 CHF",
    "la Suisse a versé 25000 CHF",
    "le Pérou promet 10000 CHF pour 2018",
    "la Suisse a versé 25000 EUR",
    "Switzerland paid",
    "has Switzerland paid?",
    # Article 7 reports: a confirmation, and a choice between two readings
    "le Pérou a envoyé son rapport article 7",
    "Perú envió su informe del artículo 7",
    "did the Netherlands send its article 7 report?",
    # choices and proposals
    "acciones de Suiza en retraso",
    "la Nouvelle-Zélande doit quoi ?",
    "blah Switzerland 12 flubber",
    "qu'avons-nous décidé sur le Liban ?",
    "who coordinates for Switzerland?",
    "treaty deadlines for Chile",
    "what does New Zealand owe",
    "assign #3 to Switzerland",
    # did-you-mean for a mistyped State, in a line and in a command
    "Switzerlnd",
    "où en est Switzerlnd ?",
    "status Switzerlnd",
    "items Switzerlnd",
    # typed commands whose replies name States
    "status Switzerland",
    "status Peru more",
    "items Peru",
    "who Netherlands",
    "who",
    "article7 Peru",
    "treaty Chile",
    "deadlines 2021",
    "decided Lebanon",
    "assign 3 Switzerland",
    "assign 3 Netherlands",
    "history 3",
    "report Peru article 7 2017",
    "report Peru article 7 2017",
    "pledge Peru 5000 2018",
    "contribution Switzerland 100 EUR",
    "contribution New Zealand 1000 CHF 2017 received",
    "action Peru and Switzerland to send the letters",
    "contributions 2017",
    "unpaid 2017",
)


def _shown(reply: Reply) -> str:
    """What a reader sees: the text, every text in the blocks, and the buttons' labels."""
    labels = [choice.label for choice in reply.choices]
    return "\n".join([reply.text, *_strings(reply.blocks), *labels])


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [
            s
            for k, v in value.items()
            if k not in {"action_id", "block_id", "value", "type", "style", "url"}
            for s in _strings(v)
        ]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _data(deps: Deps) -> tuple[str, ...]:
    """What the bot shows in its writers' own words: item texts, sources, places, excerpts."""
    with deps.db.session() as session:
        items = session.exec(select(ActionItem)).all()
        pieces = [i.text for i in items] + [i.source or "" for i in items]
        pieces += [(i.source or "").rsplit(", section ", 1)[0] for i in items]
        pieces += [m.place or "" for m in session.exec(select(Meeting)).all()]
        pieces += [m.excerpt for m in session.exec(select(StateMention)).all()]
        pieces += [s.source or "" for s in session.exec(select(State)).all()]
    return tuple(p for p in pieces if len(p) > 3)


def _straight(text: str) -> str:
    return text.replace("’", "'").lower()


def misnamed(text: str, lang: str, *, data: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(as written, as ``lang`` names it) for each State the bot's own words misname."""
    directory = StateDirectory.default()
    wrong = []
    with use_language(lang):
        for match in directory.find_in_text(own_words(text, data=data)):
            if match.matched == match.state.iso3:
                continue  # a code ("États : CHE") is the same in every language
            expected = state_label(match.state.iso3, match.state.short)
            if _straight(match.matched) not in _straight(expected):
                wrong.append((match.matched, expected))
    return wrong


Answers = dict[str, list[tuple[str, str]]]


@pytest.fixture(scope="module")
def answers(backend: Backend, demo_template_url: str) -> Iterator[tuple[Answers, tuple[str, ...]]]:
    """Each line answered in en, fr and es, each language on its own copy of the demo world."""
    out: Answers = {}
    data: tuple[str, ...] = ()
    urls = []
    for lang in ("en", "fr", "es"):
        url = backend.clone(demo_template_url)
        urls.append(url)
        database = Database(url)
        deps = replace(make_deps(database), install_admins=frozenset({"U1"}))
        data += _data(deps)
        out[lang] = [
            (line, _shown(handle(deps, line, user="U1", now=MEETING_NOW, lang=lang)))
            for line in LINES
        ]
        data += _data(deps)
        database.dispose()
    yield out, data
    for url in urls:
        backend.drop(url)


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_replies_name_states_in_the_readers_language(
    answers: tuple[Answers, tuple[str, ...]], lang: str
) -> None:
    replies, data = answers
    found = {
        line: wrong for line, text in replies[lang] if (wrong := misnamed(text, lang, data=data))
    }
    assert found == {}, f"English State names in {lang} replies: {found}"


def test_the_lines_name_states(answers: tuple[Answers, tuple[str, ...]]) -> None:
    """A guard on the guard: most replies do name a State outside the command, and in French
    the English names of the same replies would be caught."""
    replies, data = answers
    directory = StateDirectory.default()
    named = [
        line for line, text in replies["fr"] if directory.find_in_text(own_words(text, data=data))
    ]
    assert len(named) > len(LINES) * 2 // 3
    caught = [line for line, text in replies["en"] if misnamed(text, "fr", data=data)]
    assert len(caught) > len(LINES) // 2


def test_the_check_sees_english_names_and_spares_commands() -> None:
    said = "J’ai compris : consigner une action pour Chile : …\n`/ccm action Chile to …`"
    assert misnamed(said, "fr") == [("Chile", "Chili")]
    assert misnamed("Leí 25000 EUR para Switzerland", "es") == [("Switzerland", "Suiza")]
    assert misnamed("la situación de Peru", "es") == [("Peru", "Perú")]
    assert misnamed("Chile : 5.000,00 CHF", "es") == []
    assert misnamed("consigner une action pour le Chili : `/ccm action Chile`", "fr") == []
    assert misnamed("« Chile pagó »", "fr") == []
    assert misnamed("*Suisse (CHE) — État partie*", "fr") == []
