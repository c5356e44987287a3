"""Decisions the minutes record ("Decision: ...", "The Committee agreed to ...", "Il a été
convenu que ...", "Se acordó ..."): kept with their meeting and section so that `/ccm decided`
can answer "what did we decide about Lebanon?"."""

from __future__ import annotations

from handlers.minutes.model import Decision
from handlers.minutes.vocab import DECISION_SENTENCE
from handlers.reference.areas import find_area
from handlers.reference.states import StateDirectory

MAX_TEXT = 400


def decision(section: str, text: str, states: StateDirectory) -> Decision:
    text = " ".join(text.split())
    text = text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rsplit(" ", 1)[0] + "…"
    iso3s = tuple(dict.fromkeys(m.state.iso3 for m in states.find_in_text(text)))
    area = find_area(text)
    return Decision(section=section, text=text, states=iso3s, area_key=area.key if area else None)


def is_decision(sentence: str) -> bool:
    """A sentence that records what the meeting decided, agreed, approved or adopted."""
    return DECISION_SENTENCE.search(sentence) is not None
