"""Who attended, who sent apologies, who was absent: delegations and the people under them.

Lists come as bullets, numbers, comma lists, tables or lines such as "Germany - 7MSP President",
"Ms. Jane Doe (GICHD)", "Jane Doe, Programme Officer, UNDP" or a delegation followed by its
people on the next lines. A delegation is a State (canonical name, any of EN/FR/ES) or an
organisation (known ones by their usual short name); a person keeps their title and role.
"""

from __future__ import annotations

import re

from handlers.minutes.model import Attendee
from handlers.minutes.organisations import looks_like_organisation, organisation, state
from handlers.minutes.vocab import ATTENDANCE_KINDS, BULLET
from handlers.reference.states import StateDirectory
from handlers.reply.text import fold

_LABEL_LINE = re.compile(
    r"^(?:#{1,6}\s*)?(?:(?:\d{1,2}|[IVX]{1,4})[.)]?\s+)?(?P<label>[^\W\d_][\w\s’'-]{2,40}?)\s*"
    r"(?:[:–—]\s*(?P<rest>.*)|\s*$)"
)
_TITLE = (
    r"(?:H\.?\s?E\.?|S\.?\s?E\.?|Mr|Mrs|Ms|Miss|Mx|Mme|Mlle|M|Sr|Sra|Srta|Dr|Dra|Prof|Amb|"
    r"Ambassador|Ambassadeur|Ambassadrice|Embajador|Embajadora|Sir|Dame|Col|Lt|Gen|Maj|Capt|Hon)"
)
_PERSON = re.compile(rf"^{_TITLE}\.?\s+[A-ZÀ-Ý]", re.UNICODE)
_ENUM = re.compile(rf"^(?:\(?\d{{1,3}}[.)]|\(?[a-z][.)]\s|{BULLET}|[ivx]{{1,4}}[.)]\s)\s*")
# "Programme Manager", "Deputy Permanent Representative": a role, never a person's name
_ROLE = re.compile(
    r"\b(?:manager|director|adviser|advisor|secretary|officer|head|counsellor|counselor|"
    r"ambassador|representative|minister|chief|coordinator|consultant|expert|attach[ée]|delegate|"
    r"deputy|assistant|specialist|analyst|intern|chair(?:person)?|treasurer|member|rapporteur|"
    r"directeur|directrice|conseill[eè]re?|secr[ée]taire|charg[ée]e?|responsable|director[a]?|"
    r"asesor[a]?|consejer[oa]|jef[ea]|encargad[oa]|representante|embajador[a]?)\b",
    re.I,
)
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-Ý][\w’'.-]*|[A-Z]\.|de|da|di|van|von|der|del|la|le|bin|al|el|y)$"
)
_NOT_NAMES = re.compile(
    r"\b(?:opening|welcome|remarks|agenda|minutes|meeting|report|update|introduction|adoption|"
    r"approval|business|date|next|closing|item|summary|action|actions|decisions?|discussion|"
    r"conclusions?|matters|arising|other|any|session|review|presentation|budget|finances?|"
    r"points?|ordre|orden|punto|informe|apertura|ouverture|cl[ôo]ture|divers|varios|"
    r"conclusiones|acciones|acuerdos|temas|asuntos|d[ée]cisions|r[ée]sum[ée]|suivi|steps|"
    r"background|welcome|introductions?|attendance|apologies|agreed|outcomes?)\b",
    re.I,
)
_HEADER_CELLS = re.compile(
    r"^(?:name|names|participant|attendee|delegation|delegate|country|state|organi[sz]ation|"
    r"affiliation|agency|title|role|function|position|nom|pr[ée]nom|pays|fonction|nombre|pa[ií]s|"
    r"cargo|instituci[óo]n|e-?mail|no\.?|#)s?$",
    re.I,
)
_SENTENCE = re.compile(r"[a-z]{2,}[.!?]\s+[A-Z]\w*\s+[a-z]|\b(?:was|were|is|are|has|had|will)\b")
MAX_ENTRY = 240
MAX_UNKNOWN_WORDS = 10
_GENERIC = frozenset({"secretariat", "the secretariat", "secretaria"})
_ORG_MARK = "\x00"  # an entry taken as written, in a list that is mostly delegations
_FILLER = re.compile(
    r"^(?:(?:also|and|as\s+well\s+as|aussi|ainsi\s+que|así\s+como|y|et)\s+)+", re.I
)


def attendance_label(line: str) -> tuple[str, str] | None:
    """("attendees" | "apologies" | "absent" | "chair", what follows) for a list's label line."""
    m = _LABEL_LINE.match(line.strip().strip("*_").strip())
    if not m:
        return None
    label = m["label"].strip().strip("*_ ")
    for pattern, kind in ATTENDANCE_KINDS:
        if pattern.fullmatch(label):
            return kind, (m["rest"] or "").strip().strip("*_ ")
    return None


class AttendanceReader:
    """Reads the lines of one list, one delegation or person per line (or comma-separated)."""

    def __init__(self, states: StateDirectory, into: list[Attendee], role: str | None = None):
        self.states = states
        self.into = into
        self.role = role  # "Chair: Jane Doe": the role the label gives
        self.columns: list[str] | None = None
        self.numbered: bool | None = None  # whether the list's own entries are numbered
        self.bulleted: bool | None = None  # whether they are bullets (or numbers)

    def feed(self, line: str) -> bool:
        """Take one line; False when it is not part of the list (the list is over)."""
        raw = line.strip()
        if raw.startswith("|"):
            return self._row([c.strip() for c in raw.strip("|").split("|")])
        text = _ENUM.sub("", raw).strip().strip("*_").strip()
        if not text or len(text) > MAX_ENTRY or _SENTENCE.search(text):
            return False
        numbered = bool(re.match(r"\(?\d", raw))
        if self.numbered is None:
            self.numbered = numbered
        elif numbered and not self.numbered and not (self._delegation(text) or _PERSON.match(text)):
            return False  # "2. Victim Assistance (Chile and Italy)": the next heading
        bulleted = bool(re.match(rf"^(?:{BULLET}|\(?\d{{1,3}}[.)])\s", raw))
        if self.bulleted is None:
            self.bulleted = bulleted
        for parts in self._splits(text):
            entries = [self._entry(part, numbered=numbered) for part in parts]
            if all(entry is not None for entry in entries):
                for entry in entries:
                    assert entry is not None
                    self._add(entry)
                return True
        if bulleted and self.bulleted and len(text.split()) <= MAX_UNKNOWN_WORDS:
            # a bullet of the list is an attendee even when the bot does not know the name
            self.into.append(Attendee(text, "organisation", None, (), None, text))
            return True
        return False

    def _splits(self, text: str) -> list[list[str]]:
        """The ways to cut a line: several entries ("Peru, Austria") or one ("Jane Doe, UNDP")."""
        split = []  # commas first; "and" only where the piece is not a name with "and" in it
        for piece in re.split(r"\s*[,;]\s*", text):
            if self._delegation(piece) is not None:
                split.append(piece)
            else:
                split += re.split(
                    r"\s+(?:and|et|y)\s+(?=(?:the\s+|la\s+|le\s+|el\s+)?[A-Z])", piece
                )
        pieces = [_FILLER.sub("", p).strip(" .") for p in split]
        pieces = [p for p in pieces if p]
        if self._delegation(text) is not None:
            return [[text]]
        delegations = [p for p in pieces if self._delegation(p) or self._delegation_with_role(p)]
        if (
            len(pieces) in (2, 3)
            and self._person_alone(pieces[0])
            and len(delegations) == 1
            and (len(pieces) == 2 or any(_ROLE.search(p) for p in pieces[1:]))
        ):
            # "Ms. Karin Berg, Sweden", "Ms. Hanna Virtanen, Programme Manager, Finland":
            # one person, her role and delegation
            return [[text]]
        if len(pieces) > 1 and all(
            # semicolons part whole entries ("Director; Programme Assistant (Mr. X)")
            self._entry(p, numbered=False, alone=";" in text) is not None
            for p in pieces
        ):
            return [pieces, [text]]
        known = [p for p in pieces if self._delegation(p) is not None]
        if len(pieces) >= 3 and len(known) * 3 >= len(pieces) * 2:
            # "México, Cuba y la Coalición ...": mostly delegations; the rest kept as written
            return [[p if p in known else f"{_ORG_MARK}{p}" for p in pieces]]
        return [[text]]

    def _row(self, cells: list[str]) -> bool:
        if not any(cells):
            return True
        if all(_header_cell(c) for c in cells) and self.columns is None:
            self.columns = [c.lower() for c in cells]
            return True
        if all(re.fullmatch(r"[-:\s]*", c) for c in cells):
            return True  # a Markdown table's |---|---| rule
        text = " - ".join(c for c in cells if c)
        entry = self._entry(text, numbered=False)
        if entry is None:
            return False
        self._add(entry)
        return True

    def _add(self, entry: Attendee | str) -> None:
        if isinstance(entry, str):  # a person alone: under the delegation above, or on their own
            if self.into and self.into[-1].kind != "person":
                last = self.into[-1]
                self.into[-1] = Attendee(
                    last.name, last.kind, last.iso3, (*last.people, entry), last.role, last.written
                )
            else:
                self.into.append(Attendee(entry, "person", None, (), self.role, entry))
            return
        self.into.append(entry)

    def _delegation(self, text: str) -> Attendee | None:
        found = state(text, self.states)
        if found is not None:
            return Attendee(found.short, "state", found.iso3, (), None, text.strip())
        org = organisation(text, whole=True)
        if org is not None:
            return Attendee(org, "organisation", None, (), None, text.strip())
        return None

    def _delegation_with_role(self, text: str) -> bool:
        """ "France (présidente du groupe)": a delegation and a role in brackets."""
        m = re.match(r"^(?P<who>[^()]+?)\s*\((?P<role>[^()]+)\)$", text.strip())
        return m is not None and self._delegation(m["who"]) is not None

    def _person_alone(self, text: str) -> bool:
        if _PERSON.match(text):
            return True
        if _ROLE.search(text):
            return False
        words = text.split()
        return (
            2 <= len(words) <= 5
            and all(_NAME_WORD.match(w) for w in words)
            and not _NOT_NAMES.search(text)
            and not looks_like_organisation(text)
        )

    def _entry(self, text: str, *, numbered: bool, alone: bool = True) -> Attendee | str | None:
        """One entry; ``alone`` when it is the whole line (a bare role "Director" counts then,
        not as a piece of "Ms. X, director, Ministry")."""
        if text.startswith(_ORG_MARK):
            name = re.sub(r"^(?:the|la|le|les|el|los|las)\s+", "", text[1:], flags=re.I)
            return Attendee(name, "organisation", None, (), None, text[1:])
        text = text.strip(" .;,")
        found = self._delegation(text)
        if found is not None:
            return found
        # "Germany - 7MSP President", "Jane Doe (GICHD)", "Jane Doe, Officer, UNDP", "ICRC: Mr X"
        parts = [p.strip(" .()–—-") for p in re.split(r"\s+[-–—]\s+|\s*[:,;(]\s*|\)\s*", text)]
        parts = [p for p in parts if p]
        if len(parts) > 1:
            hits = [i for i, part in enumerate(parts) if self._delegation(part) is not None]
            # "Secretariat: UNODA (Mr. X)": the specific one is the delegation, "Secretariat" a role
            specific = [i for i in hits if fold(parts[i]) not in _GENERIC]
            for index, part in enumerate(parts):
                delegation = self._delegation(part)
                if delegation is None or (specific and index not in specific):
                    continue
                others = parts[:index] + parts[index + 1 :]
                people = tuple(p for p in others if self._person_alone(p))
                roles = [p for p in others if p not in people]
                return Attendee(
                    delegation.name,
                    delegation.kind,
                    delegation.iso3,
                    people,
                    ", ".join(roles) or self.role,
                    delegation.written,
                )
            if self._person_alone(parts[0]):
                role = ", ".join(parts[1:])
                return Attendee(parts[0], "person", None, (), role or self.role, parts[0])
            titled = [p for p in parts if _PERSON.match(p)]
            if len(titled) == 1:  # "Programme Assistant (Mr. Leo Brandt)"
                role = ", ".join(p for p in parts if p != titled[0])
                return Attendee(titled[0], "person", None, (), role or self.role, text)
        if alone and _ROLE.search(text) and len(text.split()) <= 4 and not numbered:
            return Attendee(text, "person", None, (), text, text)  # "Director": someone by role
        if self._person_alone(text) and not (numbered and not self.numbered):
            return text
        if looks_like_organisation(text) and not numbered and len(text.split()) <= 10:
            return Attendee(text, "organisation", None, (), None, text)
        if not numbered and _looks_like_name(text) and not _NOT_NAMES.search(text):
            return Attendee(text, "organisation", None, (), None, text)
        return None


def _header_cell(cell: str) -> bool:
    """ "Name", "Pays / organisation", "Country or organisation": a header, part by part."""
    parts = [
        p for p in re.split(r"\s*(?:/|&|\band\b|\bor\b|\bou\b|\bet\b|\bo\b|\by\b)\s*", cell) if p
    ]
    return all(_HEADER_CELLS.match(p.strip(" *_:")) for p in parts)


def _looks_like_name(text: str) -> bool:
    """ "Handicap International" yes; "Opening Remarks by the President" no (a heading), nor a
    lone word such as "Conclusiones" (a one-word name is known, or an acronym)."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(word[:1].isupper() or word in _NAME_GLUE for word in words)


_NAME_GLUE = frozenset(
    {"of", "and", "for", "the", "de", "du", "des", "la", "le", "on", "in", "&"}
    | {"los", "las", "el", "del", "y", "et", "aux", "au", "d'", "l'", "para", "pour", "contra"}
)
