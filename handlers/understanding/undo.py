"""An earlier change taken back: "undo pls: I deleted #21 but Zambia is still translating",
"Deshagan el cierre del 19", "J'ai marqué le 18 comme fait par erreur": the item is restored or
reopened (shown first, to be confirmed), never deleted or closed again.

The words that undo ("undo", "annuler", "deshacer", "by mistake", "par erreur", "sin querer")
come with the change they undo said as done: a past form or a noun ("deleted", "la
suppression", "el cierre"), not an order ("supprime le doublon créé par erreur" deletes). French
and Spanish past forms keep their accent ("supprimé", "borré") or their auxiliary ("j'ai
supprime"): without either they are orders."""

from __future__ import annotations

import re

from handlers.i18n import _
from handlers.ports import Ctx
from handlers.reply.text import fold
from handlers.understanding.changes import which_item
from handlers.understanding.compose import Proposal
from handlers.understanding.entities import Reading

_UNDO = re.compile(
    r"\b(?:undo|un-do|roll\s*back|annule[rz]?\s+(?:la|le)\s+(?:suppression|cl[oô]ture|fermeture|"
    r"fait)|annulation\s+de\s+la\s+(?:suppression|cl[oô]ture)|deshac\w*|deshag\w*|deshaz|"
    r"by\s+mistake|in\s+error|accidentally|par\s+erreur|par\s+megarde|sin\s+querer|"
    r"por\s+error|por\s+equivocacion)\b"
)
# asked for by name, an item with it: "restore #21", "rétablir le 21", "¿lo pueden restaurar?"
_RESTORE = re.compile(
    r"\b(?:restore|restaurar(?:lo|la)?|restaurer|restaurez|restaure|retablir|retablissez|"
    r"bring\s+(?:it\s+)?back)\b"
)
_DONE_BY = r"(?:ai|as|a|avons|avez|ont|ete|été|he|has|ha|hemos|han)\s+(?:\w+\s+){0,2}?"
_WAS_DELETED = re.compile(
    rf"\b(?:deleted|removed|binned|suppression|borrado|borrada|borraste|borraron|eliminado|"
    rf"eliminada|eliminación|supprimée?s?|effacée?s?|borré|eliminé|{_DONE_BY}(?:supprim|effac|"
    rf"borr|elimin)\w*)(?!\w)"
)
# said as done ("closed", "marqué comme fait"), not "en fait" (actually) or "de hecho" (in fact)
_WAS_CLOSED = re.compile(
    rf"\b(?:closed|closing|marked|ticked|done|completed|fermeture|cierre|cerrado|cerrada|"
    rf"cerraron|(?<!de\s)hecho|marcado|marcada|(?<!en\s)fait|faite|fermée?s?|clôturée?s?|"
    rf"marquée?s?|terminée?s?|cerré|marqué|{_DONE_BY}(?:ferm|cl[oô]tur|marqu|termin|cerr|marc)\w*)"
    rf"(?!\w)"
)
# an order to delete or to close given with the mistake: "created by mistake… delete it"
_ORDERED = re.compile(
    r"\b(?:delete|remove|bin|close|supprime[rz]?|supprimez-le|efface[rz]?|ferme[rz]?|borra\w*|"
    r"borren\w*|elimina\w*|cierra\w*|cierren\w*)\b"
)


# words the spelling corrector must leave alone ("deleted" is no typo of "delete")
WORDS = frozenset({"deleted", "removed", "closed", "marked", "ticked", "completed", "restore"})


def may_undo(line: str) -> bool:
    """The words alone could take a change back: only then is the message read for it."""
    folded = fold(line)
    return _RESTORE.search(folded) is not None or _UNDO.search(folded) is not None


def undone(ctx: Ctx, reading: Reading) -> Proposal | None:
    """The change that takes back an earlier one, when the line says so; None otherwise."""
    lower = reading.line.lower()
    folded = fold(reading.line)
    if _ORDERED.search(folded) and not _RESTORE.search(folded):
        return None  # "14 was created by mistake, it's a duplicate: delete it" deletes
    if _RESTORE.search(folded) and not _UNDO.search(folded):  # "restore #21"; never a guess
        named = reading.first("item")
        number = named.value if named is not None else _lone_number(reading)
        if number is None:
            return None
        return Proposal(
            "restore", f"restore {number}", _("restore #{item}").format(item=number), True
        )
    if _UNDO.search(folded) and _WAS_DELETED.search(lower):
        verb, status, says = "restore", "deleted", _("restore #{item}")
    elif _UNDO.search(folded) and _WAS_CLOSED.search(lower):
        verb, status, says = "reopen", "done", _("reopen #{item}")
    else:
        return None
    found, text = which_item(ctx, reading, status=status)
    item = found or _lone_number(reading)
    if item is None:
        problem = _("Which item? e.g. `{command} #12`.").format(command=verb)
        return Proposal(verb, "", "", True, problem=problem)
    return Proposal(verb, f"{verb} {item}", says.format(item=item) + text, True)


def _lone_number(reading: Reading) -> str | None:
    """ "retablir 21", "marqué le 18 comme fait": the one number nothing else has claimed."""
    taken = [(e.start, e.end) for e in reading.entities]
    free = [
        m[1]
        for m in re.finditer(r"(?<![\w/.,'])(\d{1,4})(?![\w/.,']\d)", reading.line)
        if not any(s <= m.start() < e for s, e in taken) and not re.match(r"(?:19|20)\d\d$", m[1])
    ]
    return free[0] if len(free) == 1 else None
