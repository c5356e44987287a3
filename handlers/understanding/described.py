"""An item named by what it is about, not by its number.

"C'est fait pour la prévision documentaire", "the letter translations are finished",
"Botswana sent its letter to NPA": people say which item they mean in words. The words of the
line (its entities aside) are compared with the text of the items it could be, over the same
character n-grams the intent matcher uses (TF-IDF, cosine), which survives inflection and the
cognates of three languages ("documentaire" / "documentation", "lettres" / "letters"). An item
is named only when it stands clearly ahead of the next; a State named in the line keeps only
that State's items. The caller proposes the change with the item's text, to be confirmed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from sqlmodel import col, select

from handlers.ports import Ctx
from handlers.reference.glossary import in_english
from handlers.reply.text import fold
from handlers.understanding.entities import Reading
from handlers.understanding.intents import features
from storage.models import ActionItem, ItemState

LIKENESS = 0.18  # below this, no item is close enough to be named
LEAD = 1.4  # and the best must lead the next by this much
RECENT = 2000  # items compared at most: the newest open ones


def described_item(
    ctx: Ctx,
    reading: Reading,
    *,
    status: str = "open",
    by_state: bool = True,
    likeness: float | None = None,
) -> ActionItem | None:
    """The one item of ``status`` the line's words describe, if one stands out; ``by_state``
    keeps the items of a State the line names."""
    found = described_items(ctx, reading, status=status, by_state=by_state, likeness=likeness)
    return found[0] if len(found) == 1 else None


def described_items(
    ctx: Ctx,
    reading: Reading,
    *,
    status: str = "open",
    by_state: bool = True,
    likeness: float | None = None,
    most: int = 3,
    alone: bool = True,
) -> list[ActionItem]:
    """The items of ``status`` the line's words describe: the one that stands out, else the
    few that are as close as each other ("the letter translations": #21 translates the letters,
    #9 sends them), for the reader to pick; none when nothing is close."""
    words = _words_of(reading)
    states = [e.value for e in reading.of("state")]
    # "lo de Botsuana", "the Botswana one": the only item of that status the one State the
    # line names has, whatever else is said about it
    # (``alone``: not for a note or a new wording, whose words may well name a State)
    one_state = len(set(states)) == 1 and by_state and alone
    only = _of_states(ctx, states, status=status, most=2) if one_state else set()
    if len(only) == 1:
        item = ctx.session.get(ActionItem, only.pop())
        return [item] if item is not None else []
    if len(_CONTENT.findall(words)) < 2:  # "what's the latest on Botswana": nothing described
        return []
    english = in_english(words)  # "la prévision documentaire": the documentation forecast
    words = f"{words} {english}" if english else words
    query = select(ActionItem.id, ActionItem.text).where(ActionItem.status == status)
    rows = list(ctx.session.exec(query.order_by(col(ActionItem.id).desc()).limit(RECENT)))
    if not rows:
        return []
    # weights from every item of that status, so that words common to all of them weigh little
    grams = [_grams(text) for _id, text in rows]
    df: Counter[str] = Counter(g for doc in grams for g in doc)
    idf = {g: math.log((1 + len(rows)) / (1 + n)) + 1 for g, n in df.items()}
    allowed = _of_states(ctx, states) if states and by_state else None
    asked = _unit(features(words), idf)
    scored = sorted(
        (
            (sum(w * doc.get(g, 0.0) * idf[g] for g, w in asked.items()) / _norm(doc, idf), number)
            for (number, _text), doc in zip(rows, grams, strict=True)
            if allowed is None or number in allowed  # "Botswana sent its letter": Botswana's
        ),
        key=lambda pair: -pair[0],
    )
    if not scored or scored[0][0] < (likeness or LIKENESS):
        return []
    close = [number for score, number in scored[:most] if score * LEAD >= scored[0][0]]
    texts = [text for _id, text in rows]
    out = []
    for number in close:
        item = ctx.session.get(ActionItem, number)
        if item is None or item.id is None:
            continue
        its = set(ctx.session.exec(select(ItemState.iso3).where(ItemState.item_id == item.id)))
        if _shares_words(words, item.text, len(its & set(states)), texts):
            out.append(item)
    return out if len(close) == 1 or len(out) > 1 else []  # one of several alike: not named


def _of_states(
    ctx: Ctx, states: list[str], *, status: str | None = None, most: int | None = None
) -> set[int]:
    """The items of these States (of ``status``; at most ``most`` of them, when only whether
    there is one matters)."""
    query = select(ItemState.item_id).where(col(ItemState.iso3).in_(states))
    if status is not None:
        query = query.join(ActionItem, col(ActionItem.id) == col(ItemState.item_id)).where(
            ActionItem.status == status
        )
    return set(ctx.session.exec(query.distinct().limit(most) if most else query))


# A word that can describe an item: four letters or more, not one that only asks or orders.
_CONTENT = re.compile(
    r"\b(?!(?:what|whats|where|when|which|latest|status|update|news|please|thanks|done|"
    r"with|from|that|this|have|been|still|about|pour|avec|dans|est-ce|quoi|donde|como|para|"
    r"sobre|esta|este|todo|tout|mark|close|move|item|point|action)\b)[^\W\d_]{4,}\b"
)


@lru_cache(maxsize=8192)
def _grams(text: str) -> dict[str, float]:
    """An item text's n-grams, log-weighted (the same text is compared again and again)."""
    return {g: 1 + math.log(c) for g, c in features(fold(text)).items()}


def _norm(doc: dict[str, float], idf: dict[str, float]) -> float:
    return math.sqrt(sum((v * idf[g]) ** 2 for g, v in doc.items())) or 1.0


def _unit(grams: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vec = {g: (1 + math.log(c)) * idf[g] for g, c in grams.items() if g in idf}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {g: v / norm for g, v in vec.items()}


def _words_of(reading: Reading) -> str:
    """The line without its entities (States, dates, people) and without the words of the
    request itself ("reopen", "c'est un doublon"): what the item is about."""
    from handlers.understanding.judge import cue_spans

    spans = sorted([(e.start, e.end) for e in reading.entities] + cue_spans(reading.line))
    out, last = [], 0
    for start, end in spans:
        if start < last:
            last = max(last, end)
            continue
        out.append(reading.line[last:start])
        last = end
    out.append(reading.line[last:])
    return " ".join(fold(" ".join(out)).split())


def _shares_words(words: str, text: str, states: int, others: list[str]) -> bool:
    """Two words of the line are in the item's text, spelled alike: the same first five
    letters or a close spelling ("lettres", "letters"; "misiones", "missions"); a State the
    line names that the item is about counts as one, and so does a word only one or two of the
    ``others`` items hold ("RACVIAC"), twice. A likeness of letters alone ("réattribue",
    "contribute") names nothing."""
    from rapidfuzz.fuzz import ratio

    theirs = _prefixes(text)
    shared = {
        w
        for w in _CONTENT.findall(words)
        if w[:5] in theirs or any(ratio(w, t) >= 75 for t in theirs.values() if len(t) >= 5)
    }
    rare = [w for w in shared if sum(1 for o in others if w[:5] in _prefixes(o)) <= 2]
    return len(shared) + len(rare) + states >= 2


@lru_cache(maxsize=8192)
def _prefixes(text: str) -> dict[str, str]:
    """An item's words of four letters or more, by their first five."""
    return {w[:5]: w for w in re.findall(r"[^\W\d_]{4,}", fold(text))}
