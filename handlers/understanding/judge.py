"""The intent of a line: the matcher's vote, cue words and the entities found, put together.

Three kinds of evidence, each kept where it can be read and changed:

* the example bank (examples.tsv), voted on by the matcher in ``intents``;
* cue words per intent (cues.tsv): a cue that starts a word adds its weight;
* entities: an intent that needs something the line does not name (marking an item done
  without an item number, a payment without a State) is held back; see ``_NEEDS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from handlers.reply.text import fold
from handlers.understanding.entities import Reading
from handlers.understanding.intents import matcher
from handlers.understanding.mood import (
    is_how_to,
    is_question,
    loose_with_offsets,
    spelled_loosely,
)

CUES = Path(__file__).with_name("cues.tsv")

# What an intent needs among the entities; without it the intent's score is multiplied down.
_NEEDS: dict[str, tuple[tuple[str, ...], float]] = {
    "paid": (("state",), 0.35),
    "pledged": (("state",), 0.35),
    "report": (("state",), 0.3),
    "done": (("item",), 0.25),
    "reschedule": (("item",), 0.25),
    "assign": (("item",), 0.25),
    "delete": (("item",), 0.2),
    "reopen": (("item",), 0.2),
    "note": (("item",), 0.25),
    "edit": (("item",), 0.25),
    "commitment": (("state", "role", "person", "mention"), 0.4),
    "status": (("state", "area", "item"), 0.5),
    "history": (("item",), 0.3),
    "meeting_add": (("date",), 0.5),
}
# A second need: reassigning names who to, rescheduling names when.
_ALSO_NEEDS: dict[str, tuple[tuple[str, ...], float]] = {
    "assign": (("state", "role", "person", "mention"), 0.5),
    "reschedule": (("date", "period"), 0.6),
}
# Money announced but not in: a pledge, whatever verb announced it.
_NOT_YET = re.compile(
    r"\b(?:not\s+yet\s+(?:paid|received|in|arrived|transferred)|(?:transfer|payment)\s+not\s+(?:done|made|received)"
    r"(?:\s+yet)?|not\s+(?:transferred|received)\s+yet|still\s+to\s+come|to\s+follow|"
    r"pas\s+encore\s+(?:versee?s?|payee?s?|recue?s?|arrivee?s?|parti)|a\s+venir|no\s+ha\s+salido|"
    r"not\s+gone\s+out|"
    r"todavia\s+no|aun\s+no|no\s+ha\s+llegado|por\s+llegar)\b"
)
# "merci de…", "thanks for sending…", "gracias por…": a request, not a thank-you.
_ASKS_POLITELY = re.compile(r"\b(?:merci\s+d[e']|thanks\s+for\s+\w+ing|gracias\s+por\s+\w+r\b)")
# Intents that need one of their own cue words in the line: "what about the thing we
# discussed" has no decision word, so it is not a search of the decisions; "re item 10" has
# no word that closes, deletes or reopens anything.
_NEEDS_CUE = frozenset(
    {"decided", "history", "done", "delete", "reopen", "lang", "chart", "calendar", "meeting_add"}
    | {"edit"}
)
# Entities that speak for an intent when present (kind, bonus).
_SUPPORTS: dict[str, tuple[tuple[str, float], ...]] = {
    "paid": (("amount", 0.25),),
    "pledged": (("amount", 0.2), ("year", 0.05)),
    "meetings": (("meeting", 0.15),),
    "treaty": (("article", 0.15),),
    "commitment": (("date", 0.1),),
    "reschedule": (("date", 0.1),),
    "who": (("area", 0.05),),
}


# Intents about no single item: an item number in the line speaks against them.
_NO_ITEMS = frozenset(
    {"treaty", "deadlines", "meetings", "unpaid", "contributions", "article7", "who", "report"}
    | {"paid", "pledged"}  # money and Article 7 reports are never an item's
)
# Intents about which States (of all) owe something: a statement naming a State is not one.
_ABOUT_ALL = frozenset({"unpaid", "article7"})
# Intents that change the store, and the question each one answers when the line is asked
# rather than told: "has Austria paid?" asks for Austria's contributions, "did Botswana send
# its article 7 report?" for that report, "is #12 done?" for the item.
_ASKED_AS: dict[str, str] = {
    "paid": "contributions",
    "pledged": "contributions",
    "report": "article7",
    "commitment": "items",
    "done": "status",
    "reschedule": "status",
    "assign": "status",
    "delete": "status",
    "reopen": "status",
    "note": "status",
    "edit": "status",
}
# Changes that record what has happened: a promise says it has not happened yet.
_FACTS = frozenset({"report", "done"})
_TREATY_AREAS = frozenset({"clearance", "stockpile"})  # Articles 4 and 3 carry treaty deadlines


def _ahead(reading: Reading) -> bool:
    """The line names a day still ahead (a date phrase read after the day it was read on):
    what falls then is not overdue."""
    return any(
        e.reading is not None
        and e.reading.read_on is not None
        and e.value > e.reading.read_on.isoformat()
        for e in reading.of("date")
        if e.value
    )


_ITEM_TO = re.compile(
    r"\s*(?:→|->|=>|:|to|for|by|before|until|till|para(?:\s+el)?|pour(?:\s+le)?|au|al|à|a|d'ici(?:\s+le)?)?"
    r"\s*(?:the\s+|la\s+|le\s+|el\s+|l')?$",
    re.I,
)


def _item_then(reading: Reading) -> str | None:
    """What comes right after the item a line opens with: a day ("date") or an owner
    ("owner"), as in "#15 → 30/4" or "#16 to CH pls"; None otherwise."""
    items = reading.of("item")
    if not items or reading.line[: items[0].start].strip(" #") not in {"", "pls", "please"}:
        return None
    after = [e for e in reading.entities if e.start >= items[0].end and e.kind != "period"]
    if not after or not _ITEM_TO.match(reading.line[items[0].end : after[0].start]):
        return None
    if after[0].kind == "date" and after[0].value:
        return "date"
    return "owner" if after[0].kind in {"state", "role", "mention"} else None


@dataclass(frozen=True)
class Judgement:
    """Intents with scores, best first; ``certain`` when the best is clearly ahead."""

    ranked: tuple[tuple[str, float], ...]

    @property
    def best(self) -> tuple[str, float]:
        return self.ranked[0] if self.ranked else ("", 0.0)

    @property
    def certain(self) -> bool:
        if not self.ranked:
            return False
        second = self.ranked[1][1] if len(self.ranked) > 1 else 0.0
        return self.ranked[0][1] >= 0.55 and self.ranked[0][1] - second >= 0.2


@cache
def _cues() -> dict[str, tuple[float, re.Pattern[str]]]:
    found = {}
    for raw in CUES.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        intent, weight, phrases = raw.split("\t", 2)
        spelled = [spelled_loosely(fold(p)) for p in phrases.split("|") if p.strip()]
        words = sorted({v for p in spelled for v in _shorthands(p)}, key=len, reverse=True)
        alternatives = [
            re.escape(w[:-1])
            if w.endswith("*")
            else _any_person(w) + (r"(?!\w)" if w[-1:].isalnum() and w == w.rstrip() else "")
            for w in words
        ]
        pattern = re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + ")")
        found[intent] = (float(weight), pattern)
    return found


_INFINITIVE = re.compile(r"^([a-z]{4,})(?:er|ir|ar)$")
# the endings of a French or Spanish verb (accents folded), and the pronouns Spanish joins to
# it ("eliminala", "asignarnoslo"): not any word that starts alike ("borrador", "confirma")
_ENDINGS = (
    r"(?:e|es|ez|ent|ons|er|ee|ees|ait|era|erai|ir|is|it|issez|a|as|an|en|o|amos|emos|imos|ar|"
    r"ad|ado|ada|ados|adas|ido|ida|ando|iendo|ais)(?:lo|la|le|los|las|les|me|nos|selo|sela)*"
)


def _any_person(phrase: str) -> str:
    """A cue with its French and Spanish verbs in any person or mood: "changer la date" also
    says "change la date" and "changez la date", "reasignar" says "reasignen"."""
    out = []
    for word in phrase.split(" "):
        verb = _INFINITIVE.match(word)
        out.append(re.escape(verb[1]) + _ENDINGS if verb else re.escape(word))
    return r"\ ".join(out)


def _shorthands(phrase: str) -> list[str]:
    """The phrase and its spellings in chat shorthand ("next meeting", "next mtg")."""
    from itertools import product

    from handlers.understanding.words import SHORTHAND

    short: dict[str, list[str]] = {}
    for abbreviation, word in SHORTHAND.items():
        short.setdefault(word, []).append(abbreviation)
    options = [[w, *short.get(w, [])] for w in phrase.split(" ")]
    return [" ".join(words) for words in product(*options)][:12]


# Adding a meeting, said with any verb of adding in any person and a meeting's name, in either
# order within a few words: "add the following Coordination Committee meeting", "Réunion à
# ajouter : séminaire…", "pls put the African ratification seminar in the calendar",
# "reunión de coordinadores … el 5 de abril …, agréguenla".
_ADD = (
    r"(?:add|put|schedule|fix|enter|ajout\w*|rajout\w*|mett\w*|mets|inscri\w*|agreg\w*|"
    r"anad\w*|pon|ponga\w*|programa\w*|agenda\w*)"
)
_A_MEETING = (
    r"(?:meeting|mtg|reunion|seminaire|seminar|seminario|workshop|atelier|taller|side\s+event|"
    r"evenement\s+parallele|evento\s+paralelo|session|sesion|retreat|retraite)"
)
_ADD_A_MEETING = re.compile(
    rf"\b{_ADD}\b(?:\W+\w+){{0,6}}?\W+{_A_MEETING}\b|"
    rf"\b{_A_MEETING}\b[^.?!]{{0,140}}\b(?:{_ADD}(?:la|lo|le)?|a\s+ajouter|to\s+add)\b|"
    rf"\b{_A_MEETING}\b[^.?!]{{0,60}}\b(?:in|into|to|dans|au|en|al)\s+(?:the\s+|le\s+|el\s+|mon\s+|"
    r"my\s+)?(?:calendar|calendrier|calendario|agenda)\b|"
    rf"\b{_ADD}\b[^.?!]{{0,80}}\b(?:in|into|to|dans|au|en|al)\s+(?:the\s+|le\s+|el\s+)?"
    r"(?:calendar|calendrier|calendario)\b"
)


def adds_a_meeting(line: str) -> bool:
    """The line asks for a meeting to be added, in so many words (see _ADD_A_MEETING), not a
    deadline set ("pour le séminaire de Kampala : mets l'échéance au 28 avril")."""
    return _cues_found(line)[0]


_A_DEADLINE = re.compile(
    r"(?:deadline|due\s+date|echeance|delai|plazo|fecha\s+limite|vencimiento)"  # "l'échéance"
)
_Found = tuple[str, float, int, int, bool]  # intent, weight, start and end in the line, not empty


@lru_cache(maxsize=4096)
def _cues_found(line: str) -> tuple[bool, tuple[_Found, ...]]:
    """Whether the line adds a meeting, and every cue of every intent in it, placed in the
    line: a line is asked about its cues several times while it is read (its entities, its
    judgement, the item it describes, the change it asks), and the patterns are run once."""
    loose, offsets = loose_with_offsets(line)
    offsets.append(len(line))
    adds = _ADD_A_MEETING.search(loose) is not None and not _A_DEADLINE.search(loose)
    found = tuple(
        (
            intent,
            weight,
            offsets[m.start()],
            offsets[m.end() - 1] + 1 if m.end() else 0,
            m.end() > m.start(),
        )
        for intent, (weight, pattern) in _cues().items()
        for m in pattern.finditer(loose)
    )
    return adds, found


def cue_scores(line: str, *, within: Sequence[tuple[int, int]] = ()) -> dict[str, float]:
    """The cue words of each intent found in the line; a cue lying wholly ``within`` one of
    the spans given (the meetings a date phrase counts from: "d'ici la prochaine réunion"
    says when, not what the line is about) does not count."""
    adds, matches = _cues_found(line)
    found = {"meeting_add": 0.9} if adds else {}  # "add the following CC meeting: …"
    counted: set[str] = set()
    for intent, weight, start, end, _whole in matches:
        if intent not in counted and not any(s <= start and end <= e for s, e in within):
            found[intent] = weight
            counted.add(intent)
    return found


def cue_spans(line: str, intent: str | None = None) -> list[tuple[int, int]]:
    """Where the line says what it wants done ("reopen", "mets-le en veille"): words about the
    request, not about the item it is made on (of one intent's cues, or of all)."""
    return [
        (start, end)
        for name, _weight, start, end, whole in _cues_found(line)[1]
        if intent in {None, name} and whole
    ]


def judge(
    reading: Reading, mask: object, *, promised: bool = False, told: bool = False
) -> Judgement:
    """Score every intent for this reading; ``promised`` when the line has the form of a
    commitment (an owner, then a modal or a future tense: see commitments.promises)."""
    from handlers.understanding.intents import Masker

    assert callable(mask)
    masker: Masker = mask
    votes = dict(matcher(masker).rank(reading.masked()))
    anchored = [m for m in reading.of("meeting") if reading.inside(m, "date")]
    cues = cue_scores(reading.line, within=[(m.start, m.end) for m in anchored])
    asks = is_question(reading.line) and not told  # "…, lo registras?" asks to record it
    scores: dict[str, float] = {}
    for intent in set(votes) | set(cues):
        score = votes.get(intent, 0.0) + cues.get(intent, 0.0)
        for kind, bonus in _SUPPORTS.get(intent, ()):
            if any(not reading.inside(e, "date") for e in reading.of(kind)):
                score += bonus
        if intent in _NEEDS_CUE and intent not in cues:
            score *= 0.5
        for table in (_NEEDS, _ALSO_NEEDS):
            needs, factor = table.get(intent, ((), 1.0))
            if needs and not reading.has(*needs):
                score *= factor
        if intent in _NO_ITEMS and reading.has("item"):  # "#16 deadline": an item, not a treaty
            score *= 0.5
        if not asks and intent in _ABOUT_ALL and reading.has("state"):
            score *= 0.4  # "Norway's report came in": about Norway, not which States owe one
        if intent == "overdue" and _ahead(reading):  # "vencimientos de mayo": not yet late
            score *= 0.5
        if intent == "article7" and any(e.value == "7" for e in reading.of("article")):
            score += 0.15  # "which SPs still owe art 7": the Article says which debt
        if intent == "treaty" and any(e.value in _TREATY_AREAS for e in reading.of("area")):
            score += 0.15
        scores[intent] = round(min(score, 1.5), 3)
    if told:  # "pls log it": what the message says is to be recorded
        for change in _ASKED_AS:
            if change in scores:
                scores[change] = round(scores[change] + 0.2, 3)
    if promised and not asks:  # "la Suisse fera circuler…": whatever the deed, a commitment
        for intent in scores:
            if intent not in _ASKED_AS:  # the deed's words do not make it a question
                scores[intent] = round(scores[intent] * 0.5, 3)
        promise = "pledged" if reading.has("amount") else "commitment"  # money promised: a pledge
        scores[promise] = round(max(scores.get(promise, 0.0), 0.3) + 0.5, 3)
        if "paid" in scores and promise == "pledged":  # "will pay" has not been received
            scores["paid"] = round(scores["paid"] * 0.5, 3)
        for fact in _FACTS & set(scores):  # "le Cameroun enverra son rapport": not arrived yet
            scores[fact] = round(scores[fact] * 0.5, 3)
    if _NOT_YET.search(fold(reading.line)) and "paid" in scores:  # "(pas encore versée)"
        scores["pledged"] = round(max(scores.get("pledged", 0.0), scores["paid"]) + 0.2, 3)
        scores["paid"] = round(scores["paid"] * 0.4, 3)
    if "greeting" in scores and reading.has("item", "state", "amount", "date"):
        scores["greeting"] = round(scores["greeting"] * 0.4, 3)  # "#14 is done, thanks Italy"
    if "greeting" in scores and _ASKS_POLITELY.search(fold(reading.line)):
        scores["greeting"] = round(scores["greeting"] * 0.3, 3)  # "merci de réattribuer…"
    if is_how_to(reading.line):  # "how do I record a payment?" asks for the command
        scores = {intent: round(score * 0.6, 3) for intent, score in scores.items()}
        scores["help"] = round(max(scores.get("help", 0.0), 0.5) + 0.5, 3)
    if asks:  # a question never means a change: it asks what the change would have said
        for change, question in _ASKED_AS.items():
            if change in scores:
                scores[question] = max(scores.get(question, 0.0), round(scores[change] * 0.8, 3))
                scores[change] = round(scores[change] * 0.4, 3)
    then = _item_then(reading)
    if then is not None:  # "#15 → 30/4", "#16 to CH pls", "#12 para el 10/04"
        change = "reschedule" if then == "date" else "assign"
        scores[change] = round(scores.get(change, 0.0) + 0.5, 3)
    if any(e.value in {"3", "4"} for e in reading.of("article")):
        for report in {"article7", "report"} & set(scores):  # "Lao art 4?": a treaty deadline
            scores[report] = round(scores[report] * 0.3, 3)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    return Judgement(tuple(ranked))
