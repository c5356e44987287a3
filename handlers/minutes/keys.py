"""Document identity for idempotent re-import: the meeting's date, the section, the owner and
what was committed (normalised), never the file name; an edited sentence finds its old draft."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from rapidfuzz import fuzz

from handlers.minutes.model import DraftItem
from handlers.reply.text import fold
from storage.models import ActionItem

SAME_SECTION = 80
ANY_SECTION = 92


def prefix(day: date) -> str:
    return f"minutes:{day.isoformat()}:"


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w ]+", " ", fold(text)).split())


def item_key(day: date, item: DraftItem) -> str:
    digest = hashlib.sha1(normalise(item.text).encode()).hexdigest()[:12]
    owner = f"{item.owner.kind}:{item.owner.ref or ''}"
    return f"{prefix(day)}item:{item.section}:{owner}:{digest}"


def best_match(item: DraftItem, candidates: list[ActionItem]) -> ActionItem | None:
    """The stored item this draft most likely is (same owner, similar words), if any."""
    best: tuple[float, ActionItem] | None = None
    text = normalise(item.text)
    for old in candidates:
        if (old.owner_kind, old.owner_ref) != (item.owner.kind, item.owner.ref):
            continue
        score = fuzz.token_set_ratio(text, normalise(old.text))
        need = SAME_SECTION if old.section == item.section else ANY_SECTION
        if score >= need and (best is None or score > best[0]):
            best = (score, old)
    return best[1] if best else None
