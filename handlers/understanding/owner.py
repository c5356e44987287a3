"""An owner as people write it in any of the three languages ("the Swiss", "la Suisse",
"à la Suisse", "je"): read with the entity finder when the strict owner parser refuses it."""

from __future__ import annotations

import re

from handlers.people.owners import Owner, OwnerError, parse_owner
from handlers.ports import Ctx

_TO = re.compile(r"^\s*(?:to|à|a|au|aux|para|pour|over\s+to)\s+", re.I)


def owner_in_words(ctx: Ctx, phrase: str) -> Owner:
    """``parse_owner``, then the reader's owner for the same words; OwnerError if neither."""
    from handlers.understanding.compose import owner_of
    from handlers.understanding.entities import read

    phrase = _TO.sub("", phrase)
    try:
        return parse_owner(ctx, phrase)
    except OwnerError:
        named = owner_of(ctx, read(phrase, states=ctx.states, with_dates=False), len(phrase))
        if named is None or named == phrase:
            raise
        return parse_owner(ctx, named)
