"""Who owns a commitment: States, an area's coordinators, the Presidency, the ISU or a person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import select

from handlers.i18n import _, pgettext, state_label
from handlers.i18n.phrases import Names, owner_in_text, words
from handlers.ports import Ctx
from handlers.reference.areas import resolve_area
from handlers.reply.mrkdwn import user_ref
from handlers.reply.text import escape, fold
from storage.models import Coordinator

_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
_PRESIDENCY = {"president", "the president", "presidency", "the presidency", "chair", "the chair"}
_ISU = {
    "isu",
    "the isu",
    "isu-ccm",
    "the isu-ccm",
    "secretariat",
    "the secretariat",
    "isu director",
}
_JOINERS = re.compile(r"\s*(?:,|\band\b|&|\+|/)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Owner:
    """``kind`` is state, states, area, presidency, isu or person; ``ref`` what it points at."""

    kind: str
    ref: str | None
    label: str
    states: tuple[str, ...] = ()
    area_key: str | None = None


class OwnerError(ValueError):
    """The owner phrase named nobody the bot knows; the message says what it understood."""


def _presidency_or_isu(folded: str) -> Owner | None:
    stripped = re.sub(r"^(the )?\d+(msp|rc) ", "the ", folded)
    if folded in _PRESIDENCY or stripped in _PRESIDENCY:
        return Owner("presidency", None, "the Presidency")
    if folded in _ISU or re.match(r"^(the )?isu(-ccm)?( director| staff| team)?$", folded):
        return Owner("isu", None, "the ISU")
    return None


def _area_owner(ctx: Ctx, phrase: str) -> Owner | None:
    if "coordinator" not in fold(phrase):
        return None
    area = resolve_area(phrase)
    if area is None:
        return None
    query = select(Coordinator.state_iso3).where(Coordinator.area_key == area.key)
    states = tuple(dict.fromkeys(ctx.session.exec(query)))
    return Owner("area", area.key, f"{area.name} coordinators", states, area.key)


def _person_owner(ctx: Ctx, phrase: str) -> Owner | None:
    mention = _MENTION.match(phrase)
    if mention:
        return Owner("person", mention.group(1), user_ref(mention.group(1)))
    if fold(phrase) in {"me", "i", "myself"}:
        return Owner("person", ctx.user, user_ref(ctx.user))
    # A bare name never names a person: Slack names are chosen by their holders ("Italy",
    # "the ISU", someone else's user id), so only a mention or "me" is an identity.
    return None


def _state_owner(ctx: Ctx, phrase: str) -> Owner | None:
    """One or more States and nothing else ("Italy", "Chile and Italy", "Bosnia & Herzegovina")."""
    whole = ctx.states.lookup(phrase)
    matches = [whole] if whole else [m.state for m in ctx.states.find_in_text(phrase)]
    if not matches:
        return None
    leftover = phrase
    for match in ctx.states.find_in_text(phrase):
        leftover = leftover.replace(match.matched, " ")
    if not whole and _JOINERS.sub(" ", leftover).replace("the", " ").strip(" .'s"):
        return None
    iso3s = tuple(dict.fromkeys(name.iso3 for name in matches))
    label = " and ".join(name.short for name in matches)
    return Owner("state" if len(iso3s) == 1 else "states", ",".join(iso3s), label, iso3s)


def parse_owner(ctx: Ctx, phrase: str) -> Owner:
    """Read the owner phrase, or raise OwnerError with a friendly explanation."""
    phrase = phrase.strip().strip(",:")
    folded = fold(phrase)
    for finder in (_person_owner, _area_owner, _state_owner):
        owner = finder(ctx, phrase)
        if owner:
            return owner
    special = _presidency_or_isu(folded)
    if special:
        return special
    raise OwnerError(_explain(ctx, phrase))


def owner_said(ctx: Ctx, phrase: str) -> Names:
    """An owner phrase the `action` command reads ("Chile and Italy", "the ISU", "me") as a
    reply's sentence names it in the reader's language ("le Chili et l’Italie", "l’ISU",
    "moi"): unescaped, as the reply escapes what it shows."""
    if fold(phrase.strip()) in {"me", "i", "myself"}:
        return words(pgettext("owner", "me"))
    try:
        owner = parse_owner(ctx, phrase)
    except OwnerError:
        return words(phrase)
    if owner.kind == "person":
        return words(phrase)
    return owner_in_text(owner.kind, owner.ref, owner.label)


def _explain(ctx: Ctx, phrase: str) -> str:
    parts = [part.strip() for part in _JOINERS.split(phrase) if part.strip()]
    unknown = [part for part in parts if ctx.states.lookup(part) is None]
    hint = ""
    for part in unknown:
        guesses = ctx.states.suggest(part, limit=1)
        if guesses:
            hint = " " + _("No State called “{text}” — did you mean *{state}*?").format(
                text=escape(part), state=state_label(guesses[0].iso3, guesses[0].short)
            )
            break
    said = _("I couldn't tell who owns this: “{text}”.").format(text=escape(phrase))
    advice = _(
        "Start with a State (“Italy”), several States (“Chile and Italy”), an area's "
        "coordinators (“VA coordinators”), “the Presidency”, “the ISU” or a person "
        "(@name, or “me”)."
    )
    return f"{said}{hint} {advice}"
