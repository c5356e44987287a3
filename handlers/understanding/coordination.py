"""A State joining or leaving the coordination of a thematic area, said in words: "Senegal will
join universalization as co-coordinator for the 8MSP cycle", "agrega a Colombia como
coordinador de asistencia a víctimas", "retire le Chili de l'assistance aux victimes". Shown
as `coordinator add|remove <State> <area> [cycle]`, to be confirmed."""

from __future__ import annotations

import re

from handlers.i18n import _, state_label
from handlers.i18n.terms import term
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY
from handlers.reply.text import fold
from handlers.understanding.compose import Proposal
from handlers.understanding.entities import Reading
from handlers.understanding.mood import is_how_to, is_question

# joining: a verb of joining or adding, with the coordination itself named
_JOINS = re.compile(
    r"\b(?:joins?|joining|will\s+join|rejoin\w*|add|ajoute[rz]?|agrega[r]?|anade|anadir|"
    r"se\s+(?:une|suma|incorpora)|s'ajoute|entre\s+dans|will\s+co-?coordinate|co-?coordinat\w*|"
    r"takes?\s+over)\b"
)
_COORDINATION = re.compile(
    r"\b(?:co-?)?(?:coordinat\w*|coordination|coordonnat\w*|coordinacion|coordinador\w*)\b"
)
# leaving: a verb of leaving or removing, with the coordination or the area named after it
_LEAVES = re.compile(
    r"\b(?:leaves?\s+(?:the\s+)?coordination|no\s+longer\s+coordinat\w*|"
    r"remove\s+\w+(?:\s+\w+)?\s+from|retire[rz]?\s+(?:le|la|les|l')?\s*\w+(?:\s+\w+)?\s+de|"
    r"quitte\s+la\s+coordination|ne\s+coordonne\s+plus|quita[r]?\s+a\s+\w+(?:\s+\w+)?\s+de|"
    r"sale\s+de\s+la\s+coordinacion|deja\s+la\s+coordinacion|ya\s+no\s+coordina)\b"
)
# "Italy, as coordinator for victim assistance, will…": who speaks, not a change
_APPOSITION = re.compile(r",\s*(?:as|como|en\s+tant\s+que)\s+(?:co-?)?coordinat\w*[^,]*,")
# a meeting or a call of the coordinators is no change of who coordinates
_AN_EVENT = re.compile(
    r"\b(?:meetings?|calls?|reunions?|reunion|appels?|llamadas?|seminars?|seminaires?|"
    r"seminarios?|workshops?|ateliers?|talleres|taller|visio|videollamada|conference\s+call)\b"
)
_CYCLE = re.compile(r"\b(\d{1,2})\s*(msp|rc|rep|emp)\b", re.I)


def may_change_coordination(line: str) -> bool:
    """The words alone could join or leave a coordination: only then is the message read."""
    folded = fold(line).replace("’", "'")
    joins = _JOINS.search(folded) is not None and _COORDINATION.search(folded) is not None
    return joins or _LEAVES.search(folded) is not None


def coordination_change(ctx: Ctx, reading: Reading) -> Proposal | None:
    """The coordinator change a line states or asks for; None when it says none."""
    folded = fold(reading.line).replace("’", "'")
    areas = reading.of("area")
    # a State named as such: "the Italian mission" is where a call is held, not who joins
    states = [e for e in reading.of("state") if ctx.states.lookup(e.text) is not None]
    if len(areas) != 1 or not states or is_how_to(reading.line) or reading.has("item"):
        return None  # "remove Chile from #6 on victim assistance": the item's owners
    if _APPOSITION.search(folded) or _AN_EVENT.search(folded):
        return None  # "pls add a meeting: VA coordinators call at the mission of Italy"
    if not may_change_coordination(reading.line) or _asks_who(reading.line):
        return None
    leaves = _LEAVES.search(folded) is not None
    state = ctx.states.get(states[0].value)
    if state is None:
        return None
    area = AREA_BY_KEY[areas[0].value]
    cycle = _CYCLE.search(reading.line)
    said = f" {cycle[1]}{cycle[2].upper()}" if cycle and not leaves else ""
    verb = "remove" if leaves else "add"
    says = (
        _("{state} no longer coordinates {area}") if leaves else _("{state} coordinates {area}")
    ).format(state=state_label(state.iso3, state.short), area=term(area.name))
    return Proposal(
        "coordinator", f"coordinator {verb} {state.short} {area.name}{said}", says, True
    )


def _asks_who(line: str) -> bool:
    """ "who coordinates VA?", "is Senegal joining universalization?": a question, not a change."""
    return is_question(line) and not re.search(
        r"\b(?:can|could|pls|please|svp|porfa|pouvez|puedes|pueden|enregistr|registr|record|log)\w*",
        fold(line),
    )
