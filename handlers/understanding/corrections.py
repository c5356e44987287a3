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
# What the writer now asks instead: "make that Friday", "mejor el viernes", "plutôt le 24"
_INSTEAD = re.compile(
    r"^(?:(?:make\s+(?:that|it)|let'?s\s+say|say|rather|mets\s+plut[oô]t|plut[oô]t|disons|"
    r"mejor|pon|pongamos|digamos|mejor\s+dicho)\s+)?",
    re.I,
)
_TELL_ME_AN_ORDER = re.compile(
    r"\b(?:no\s+(?:lo|la|le)\s+\w+|ne\s+(?:le|la)\s+\w+\s+pas|don'?t\s+\w+\s+it)\b", re.I
)


def taken_back(line: str, *, now: datetime, tz: ZoneInfo) -> str:
    """``line`` with the words the writer took back replaced by those they said instead: a date
    corrected by a later date, an order by a later order (on the same item). Unchanged when
    nothing is taken back."""
    marks = list(_TAKEN_BACK.finditer(line))
    if not marks or clean(line) != line:
        return line
    mark = marks[-1]
    before, after = line[: mark.start()], line[mark.end() :]
    from handlers.dates.spans import date_spans

    spans = [s for s in date_spans(line, now=now, tz=tz) if s.reading is not None]
    earlier = [s for s in spans if s.end <= mark.start()]
    later = [s for s in spans if s.start >= mark.end()]
    if earlier and later:  # "COB Thursday … no wait, make that Friday": Friday, COB
        old, new = earlier[-1], later[0]
        said = line[new.start : new.end]
        return (line[: old.start] + said + line[old.end : mark.start()]).rstrip(" .,;:—–-…")
    if _TELL_ME_AN_ORDER.search(after):  # "no lo elimines, marcalo como hecho": the new order
        rest = re.split(r"[,;]\s*", after, maxsplit=1)
        order = _INSTEAD.sub("", rest[1] if len(rest) > 1 else after).strip()
        item = re.search(r"#\s?\d+|\b\d{1,4}\b", before)
        if order and item and not re.search(r"#\s?\d|\b\d{1,4}\b", order):
            return f"{order} #{item.group(0).lstrip('#').strip()}"
    return line
