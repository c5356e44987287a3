"""Actions the minutes mark themselves ("ACTION: ISU to circulate the report by 5 May", "AP 3 –
GICHD – share the survey – end of June", a Who / What / When table): owner, task and due date.

The owner may be anyone the meeting named: a State (English, French or Spanish name), the
Chair or Secretariat, a known organisation, or a person; relative due dates are read against
the meeting's date and "next meeting" against the next meeting the same minutes fix.
"""

from __future__ import annotations

import re
from datetime import date

from handlers.dates.finding import find_when
from handlers.dates.reading import DateError
from handlers.dates.spans import unread_note
from handlers.minutes.commitments import Context, area_cue
from handlers.minutes.docdates import dates_in
from handlers.minutes.model import DraftItem
from handlers.minutes.organisations import organisation, state
from handlers.minutes.speakers import ISU, PRESIDENCY, resolve
from handlers.minutes.structure import Marked, Section
from handlers.minutes.vocab import BULLET, NEXT_MEETING
from handlers.people.owners import Owner
from handlers.reply.text import fold

MAX_TEXT = 220
_MODAL = (
    r"to|will|shall|should|would|must|(?:is|are)\s+to|(?:has|have)\s+to|agreed\s+to|undert(?:ook|akes)\s+to|"
    r"(?:was|were|is|are)\s+(?:asked|requested|tasked|invited)\s+to|volunteered\s+to|offered\s+to|"
    r"to\s+be\s+responsible\s+for|devra|doit|doivent|va|vont|se\s+charge(?:ra)?\s+de|"
    r"s['’]engage\s+[àa]|est\s+pri[ée]e?\s+de|deber[áa]n?|debe|van?\s+a|se\s+encargar[áa]\s+de|"
    r"se\s+compromet(?:e|i[óo])\s+a|queda\s+encargad[oa]\s+de"
)
_OWNER_FIRST = re.compile(
    rf"^(?P<owner>[^:;]{{1,80}}?)\s+(?:(?:{_MODAL})\s+|se\s+charge(?:ra)?\s+d['’]\s*|"
    r"(?=\w+(?:rá|rán|ra|ront)\s))(?P<task>\S.*)$",  # a French or Spanish future: "enviará"
    re.I,
)
_OWNER_COLON = re.compile(r"^(?P<owner>[^:]{1,60}?)\s*:\s*(?P<task>\S.*)$")
_OWNER_LAST = re.compile(
    r"^(?P<task>.{6,}?)\s*(?:[-–—]\s*|\(|\[|\bby\s+|\bpar\s+|\bpor\s+)(?P<owner>[^()\[\]–—]{1,60}?)[)\]]?\s*\.?$"
)
_PERSON = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Amb|H\.?E\.?|Mme|M|Sr|Sra)\.?\s+)?(?:[A-ZÀ-Ý][\w’'-]+|[A-Z]\.)"
    r"(?:\s+(?:[A-ZÀ-Ý][\w’'-]+|[A-Z]\.|de|van|von|da|del|al|bin)){0,3}$"
)
_BRACKETED = re.compile(r"^[\[(](?P<owner>[^\])]{1,60})[\])]\s*[:–—-]?\s*(?P<task>\S.*)$")
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
_NOT_OWNERS = re.compile(
    r"^(?:all|everyone|members|tbc|tbd|n/?a|ongoing|asap|done|completed|pending|open|closed|"
    r"the|it|this|that|action|actions|item|note|todos?|tous|todos)$",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:/|,|;|&|\+|\band\b|\bet\b|\by\b|\bwith\b|\bavec\b|\bcon\b)\s*")
_CHAIR = re.compile(
    r"^(?:the\s+)?(?:co-?)?(?:chair(?:person|man|woman)?s?|pr[ée]sident[ea]?|presidencia|"
    r"pr[ée]sidence|presidency)\b",
    re.I,
)
_SECRETARIAT = re.compile(r"\b(?:secretariat|secr[ée]tariat|secretar[ií]a)\b", re.I)


def initials(names: list[str]) -> dict[str, str]:
    """ "PL", "Peter Lindqvist", "Lindqvist" -> "Peter Lindqvist": the ways minutes name the
    people of their attendance list as owners."""
    out: dict[str, str] = {}
    for name in names:
        bare = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sr|Sra|M|Mme)\.?\s+", "", name)
        words = [w for w in bare.split() if w[:1].isupper()]
        out.setdefault(name, name)
        out.setdefault(bare, name)
        if len(words) >= 2:
            out.setdefault("".join(w[0] for w in words), name)
            out.setdefault(words[-1], name)
    return out


def owner_of(
    phrase: str, ctx: Context, people: dict[str, str] | None = None, *, strict: bool = False
) -> Owner | None:
    """Who an owner phrase names, or None when it names nobody; ``strict`` (running text)
    takes a person only if the attendance list names them."""
    bare = phrase.strip(" .,:;()[]*")
    untitled = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sr|Sra|M|Mme)\.?\s+", "", bare)
    for key in (bare, untitled):
        if people and key in people:
            return Owner("person", people[key], people[key])
    text = re.sub(
        r"^(?:the|le|la|les|l['’]|el|los|las)\s+", "", phrase.strip(" .,:;()[]*"), flags=re.I
    )
    if not text or len(text) > 80 or _NOT_OWNERS.match(text):
        return None
    if _CHAIR.search(text) and _noun_phrase(text) and len(text.split()) <= 4:
        chair = re.search(r"chair", text, re.I)
        return Owner(PRESIDENCY.kind, None, "the Chair" if chair else "the Presidency")
    if _SECRETARIAT.search(text) and len(text.split()) <= 3:
        return Owner(ISU.kind, None, "the Secretariat")
    found = resolve(text, frame=ctx.frame, speaker=None, states=ctx.states)
    if found is not None:
        return found
    named = state(text, ctx.states)
    if named is not None:
        return Owner("state", named.iso3, named.short, (named.iso3,))
    org = organisation(text, whole=True)
    if org is not None:
        return Owner("organisation", org, org)
    if not strict and (_PERSON.match(text) or _INITIALS.match(text)):
        return Owner("person", text, text)
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) > 1:
        owners = [owner_of(p, ctx, people) for p in parts]
        if all(o is not None for o in owners):
            first = owners[0]
            assert first is not None
            label = " and ".join(o.label for o in owners if o is not None)
            states = tuple(s for o in owners if o is not None for s in o.states)
            kind = "states" if all(o.kind == "state" for o in owners if o) else first.kind
            refs = ",".join(o.ref or o.label for o in owners if o is not None)
            return Owner(kind, refs, label, states)
    return None


# Administrative wordings of a period, as the dates layer reads them plainly.
_PERIODS = (
    (re.compile(r"\ben\s+un\s+plazo\s+(?:m[áa]ximo\s+)?de\b", re.I), "dentro de"),
    (re.compile(r"\bdans\s+un\s+d[ée]lai\s+(?:maximum\s+)?de\b", re.I), "dans"),
    (re.compile(r"\bd['’]ici\s+(?=(?:\d+|un|une|deux|trois|quatre|six)\s)", re.I), "dans "),
    (re.compile(r"\bsous\s+quinzaine\b", re.I), "dans deux semaines"),
    (re.compile(r"\bwithin\s+a\s+(?:period|time\s*frame)\s+of\b", re.I), "within"),
    # "at the next MASG meeting", "à la prochaine réunion du Comité": the next meeting
    (re.compile(r"\bnext\s+(?:[A-Z][\w-]*\s+){1,3}meeting\b"), "next meeting"),
)


def _due(phrase: str, ctx: Context) -> tuple[date | None, str | None, str]:
    """(due day, note, text less the date phrase) for a due cell or the task's own words."""
    year = ctx.now.year
    for wording, plain in _PERIODS:
        phrase = wording.sub(plain, phrase)
    if ctx.next_meeting is not None and NEXT_MEETING.fullmatch(phrase.strip(" .").lower()):
        return ctx.next_meeting, "the next meeting", ""
    if ctx.next_meeting is not None and re.fullmatch(
        r"(?:at\s+|by\s+)?(?:the\s+)?next\s+meeting|pr[óo]xima\s+reuni[óo]n|prochaine\s+r[ée]union",
        phrase.strip(" .").lower(),
    ):
        return ctx.next_meeting, "the next meeting", ""
    try:
        found = find_when(phrase, now=ctx.now, tz=ctx.tz, next_meeting=ctx.next_meeting)
    except DateError:
        found = None
    if found is not None:
        return found[0].due, found[0].note, found[1]
    calendar = dates_in(phrase, year)
    if calendar:
        return calendar[0].day, None, phrase[: calendar[0].start] + phrase[calendar[0].end :]
    return None, None, phrase


def explicit_items(
    marks: list[Marked], ctx_of: dict[int, Context], default: Context, people: list[str]
) -> list[DraftItem]:
    """One draft per marked action that names (or sits under) an owner."""
    out: list[DraftItem] = []
    known = initials(people)
    for mark in marks:
        ctx = ctx_of.get(id(mark.section), default)
        item = _item(mark, ctx, known)
        if item is not None:
            out.append(item)
    return out


def _split_owner(text: str, ctx: Context, people: dict[str, str]) -> tuple[Owner | None, str]:
    if m := _BRACKETED.match(text):  # "[Germany] Share the evaluation", "(ISU) update ..."
        owner = owner_of(m["owner"], ctx, people)
        if owner is not None:
            return owner, m["task"]
    if m := _OWNER_FIRST.match(text):
        owner = owner_of(m["owner"], ctx, people)
        if owner is not None:
            return owner, m["task"]
    cells = [c for c in re.split(r"\s+[–—]\s+|\s+-\s+", text) if c.strip()]
    if len(cells) >= 2:  # "GICHD – share the survey – end of June", a headerless table row
        for index, cell in enumerate(cells):
            owner = owner_of(cell, ctx, people)
            if owner is not None:
                return owner, " – ".join(cells[:index] + cells[index + 1 :])
    if m := _OWNER_COLON.match(text):
        owner = owner_of(m["owner"], ctx, people)
        if owner is not None:
            return owner, m["task"]
    if m := _OWNER_LAST.match(text.rstrip(". ")):
        owner = owner_of(m["owner"], ctx, people)
        if owner is not None:
            return owner, m["task"]
    return None, text


def _item(mark: Marked, ctx: Context, people: dict[str, str]) -> DraftItem | None:
    text = " ".join(mark.text.split()).strip(" .;")
    if len(text) < 4:
        return None
    owner = owner_of(mark.owner, ctx, people) if mark.owner else None
    if owner is None and mark.owner:
        owner = Owner("person", mark.owner.strip(), mark.owner.strip())
    task = text
    if owner is None:
        owner, task = _split_owner(text, ctx, people)
    if owner is None and mark.listed:
        return None  # a line of a list that names nobody: a note, not an action
    if owner is None:
        owner = ctx.frame.default
    if owner is None:
        owner = Owner("committee", None, "the Committee")
    due, note, rest = _due(mark.due, ctx) if mark.due else (None, None, task)
    if mark.due is None:
        due, note, rest = _due(task, ctx)
        task = rest if due is not None else task
    elif due is None:
        note = f"due: {mark.due}"
    task = re.sub(
        r"\s+(?:by|before|no\s+later\s+than|avant|d['’]ici|antes\s+del?|para)\s*[,.]?$",
        "",
        task.strip(" .;,–—-"),
    )
    task = task if len(task) <= MAX_TEXT else task[: MAX_TEXT - 1].rsplit(" ", 1)[0] + "…"
    related = tuple(
        dict.fromkeys([*owner.states, *(m.state.iso3 for m in ctx.states.find_in_text(task))])
    )
    label = (mark.section.number or mark.section.title) if mark.section else ""
    return DraftItem(
        section=label,
        text=task[:1].upper() + task[1:],
        owner=owner,
        states=related,
        area_key=area_cue(task) or ctx.frame.area_key,
        due=due,
        due_note=note
        if due
        else unread_note(task, now=ctx.now, tz=ctx.tz, next_meeting=ctx.next_meeting),
        sentence=mark.text,
    )


# Running text the English engine (commitments.py) does not read: telegraphic "Paul Smith to
# check ...", French and Spanish futures and modals ("UNMAS preparará ...", "la Belgique
# devra ..."), and people of the attendance list ("Rania Aziz will integrate ...").
_TELEGRAPHIC = re.compile(r"^(?P<owner>[^:;,]{1,60}?)\s+to\s+(?P<task>[a-z]\w+\s.*)$")
_FOREIGN = re.compile(
    r"^(?P<owner>[^:;,]{1,60}?)\s+(?:(?:devra|doit|doivent|va|vont|deber[áa]n?|debe|van?\s+a|"
    r"s['’]engage\s+[àa]|se\s+compromete\s+a)\s+|se\s+(?:charge(?:ra)?|encargar[áa])\s+"
    r"d(?:e\s+|['’]\s*)|(?=\w+(?:rá|rán|ra|ront)\s))(?P<task>\S.*)$",
    re.I,
)
_ENGLISH_MODAL = re.compile(
    r"^(?P<owner>[^:;,]{1,60}?)\s+(?:will|shall|should|would|must)\s+(?!not\b|like\b|be\b|have\b)"
    r"(?P<task>\S.*)$"
)


_GLUE = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "el",
        "los",
        "las",
        "y",
        "et",
        "del",
        "al",
        "di",
        "da",
        "van",
        "von",
    ]
)


_ROLE_NOUN = re.compile(
    r"(?:chair(?:person)?|pr[ée]sident[ea]?|presidencia|pr[ée]sidence|secr[ée]tariat|secretar[ií]a|"
    r"secretariat|co-?ordinators?|coordonnat(?:eur|rice)s?|coordinador[ae]s?)",
    re.I,
)


def _noun_phrase(phrase: str) -> bool:
    """ "Paul Smith", "the HALO Trust", "la Belgique": a name, not "The President asked the donors"."""
    words = phrase.split()
    return 1 <= len(words) <= 7 and all(
        w[:1].isupper() or w.lower() in _GLUE or _ROLE_NOUN.fullmatch(w) for w in words
    )


def sentence_items(
    sentence: str, section: Section, ctx: Context, people: dict[str, str]
) -> list[DraftItem]:
    """A commitment in one of the forms above, owned by someone the minutes name."""
    text = re.sub(rf"^(?:{BULLET}|\d{{1,2}}[.)])\s+", "", sentence.strip())
    for pattern, persons_only in ((_TELEGRAPHIC, False), (_FOREIGN, False), (_ENGLISH_MODAL, True)):
        m = pattern.match(text)
        if m is None:
            continue
        if not _noun_phrase(m["owner"]):
            continue
        owner = owner_of(m["owner"], ctx, people, strict=True)
        if owner is None or (persons_only and owner.kind != "person"):
            continue
        item = _item(Marked(section, m["task"], m["owner"], listed=True), ctx, people)
        return [item] if item is not None else []
    return []


def same_commitment(a: DraftItem, b: DraftItem) -> bool:
    """An action restating a commitment of the running text (same owner, most words shared)."""
    from rapidfuzz import fuzz

    if (a.owner.kind, a.owner.ref) != (b.owner.kind, b.owner.ref):
        return False
    return fuzz.token_set_ratio(fold(a.text), fold(b.text)) >= 75
