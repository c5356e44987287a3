"""What the writer took back in the same message: "COB Thursday. Apologies - no wait, make that
Friday", "au 25 avril — non, pardon, au 24 avril", "el jueves... no espera, mejor el viernes",
"eliminar el 20… no espera, no lo elimines, marcalo como hecho". The later words stand; the
line is read as if it had been written right the first time.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.reply.text import clean

# Words that take back what was just said, in three languages.
_TAKEN_BACK = re.compile(
    r"(?:^|(?<=[\s.,;:!?…—–-]))(?:(?:sorry|apologies)\W+)?(?:no\s+wait|wait\s*,?\s*no|"
    r"(?:sorry|apologies|oops)(?=\W+(?:make\s+(?:that|it)|i\s+mean))|i\s+mean|correction\s*:|"
    r"non\s*,?\s*pardon|pardon\s*,|ou\s+plut[oô]t|euh\s+non|non\s+attends|"
    r"no\s*,?\s*espera|perd[oó]n\s*,|mejor\s+dicho|o\s+sea|quise\s+decir)\b[\s,:.!…-]*",
    re.I,
)
# What leads from the words taken back to the date said instead: "make that Friday", "mejor el
# viernes", "plutôt au 24", "I mean 5 April" (a connector of dates is part of the date phrase)
_INSTEAD = re.compile(
    r"(?:(?:make\s+(?:that|it)|let'?s\s+say|say|rather|mets\s+plut[oô]t|plut[oô]t|disons|"
    r"mejor|pon|pongamos|digamos)\s+)?",
    re.I,
)
_TELL_ME_AN_ORDER = re.compile(
    r"\b(?:no\s+(?:lo|la|le|los|las)\s+\w+|ne\s+(?:le|la|les)\s+\w+\s+pas|"
    r"(?:don'?t|do\s+not)\s+\w+(?:\s+(?:it|them|that))?)\b",
    re.I,
)


def taken_back(line: str, *, now: datetime, tz: ZoneInfo) -> str:
    """``line`` with a date the writer took back replaced by the one said right after the
    words that take it back ("COB Thursday … no wait, make that Friday, the Ambassador…" is
    "COB Friday, the Ambassador…"); everything else is kept. Unchanged when nothing is taken
    back, or when what follows is not a date."""
    marks = list(_TAKEN_BACK.finditer(line))
    if not marks or clean(line) != line:
        return line
    mark = marks[-1]
    from handlers.dates.spans import date_spans

    spans = [s for s in date_spans(line, now=now, tz=tz) if s.reading is not None]
    earlier = [s for s in spans if s.end <= mark.start()]
    instead = _INSTEAD.match(line, mark.end())  # always matches: its words are optional
    later = [s for s in spans if instead is not None and s.start == instead.end()]
    if not (earlier and later):
        return line
    old, new = earlier[-1], later[0]
    said = line[new.start : new.end]
    lead = _CONNECTOR.match(line, old.start)  # "by 3 April, i mean 5 April": by 5 April
    if lead and not _CONNECTOR.match(said):
        said = lead.group(0) + said
    between = line[old.end : mark.start()]  # "…COB Thursday. Apologies - no wait, …"
    if not _FILLER.sub("", between).strip(" .,;:!?…—–-"):
        between = ""
    rest = line[new.end :]
    return (line[: old.start] + said + between).rstrip(" .,;:!?…—–-") + rest


_CONNECTOR = re.compile(
    r"(?:by|before|until|on|due|d'ici|avant|au|pour\s+le|antes\s+del?|para|hasta|al?)\s+", re.I
)
_FILLER = re.compile(r"\b(?:sorry|apologies|oops|euh|hmm+|ah|oh)\b", re.I)


def takes_back_an_order(line: str) -> bool:
    """The line gives an order and takes it back ("eliminar el 20… no espera, no lo elimines"):
    nothing it says may be done before the writer says again what they want."""
    marks = list(_TAKEN_BACK.finditer(line))
    return bool(marks) and _TELL_ME_AN_ORDER.search(line, marks[-1].end()) is not None


# The writer is unsure what they want: "je sais pas trop", "not sure", "on verra", "o tal vez";
# not an opener that asks whether the reader saw something ("not sure if you saw it, but…",
# "je ne sais pas si…", "no sé si…")
_UNSURE = re.compile(
    r"\b(?:not\s+sure(?!\s+(?:if|whether))|unsure|no\s+idea|we'?ll\s+see|or\s+maybe|"
    r"or\s+perhaps|je\s+(?:ne\s+)?sais\s+(?:pas|plus)(?!\s+si\b)|j'sais\s+pas|chais\s+pas|"
    r"pas\s+s[uû]re?(?!\s+que)|on\s+verra|ou\s+peut-[eê]tre|"
    r"no\s+s[eé](?=\s*(?:[,.;!?…]|$|cu[aá]l))|no\s+estoy\s+segur[oa](?!\s+(?:si|de\s+que))|"
    r"ya\s+veremos|o\s+tal\s+vez|o\s+quiz[aá]s?|o\s+bueno|o\s+mejor)\b",
    re.I,
)
# what is written down as said (a note, a new item, a new wording) may well hesitate
FREE_TEXT = frozenset({"note", "action", "edit"})
_CHANGES = {"done", "reopen", "delete", "reschedule", "assign"}


def undecided(line: str) -> bool:
    """The line hesitates ("done 13 ou plutot snooze, je sais pas trop") or asks for three
    changes to one item ("mark 21 done, then delete it, actually no reopen it"): nothing may be
    changed before the writer says which. (Two change words are often one change and the state
    it undoes: "18 isn't actually done, reopen".)"""
    if _UNSURE.search(line):
        return True
    from handlers.understanding.judge import cue_scores

    asked = _CHANGES & set(cue_scores(line))
    numbers = set(re.findall(r"(?<![\d/.,])\d{1,4}(?![\d/.,])", line))
    return len(numbers) <= 1 and len(asked) >= 3
