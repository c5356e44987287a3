"""The shape of a minutes document: header, numbered sections, and who attended.

Layouts vary ("5.3 Universalization (France and Zambia)", "Agenda Item 2: ...", "## 3. ...",
"a. Hosting Agreement", a Word heading), so headings are recognised by form, never by wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handlers.minutes.attendance import AttendanceReader, attendance_label
from handlers.minutes.model import Attendee
from handlers.minutes.sentences import strip_markup
from handlers.minutes.tables import is_row, read_table
from handlers.minutes.vocab import (
    ACTION,
    AGENDA_WORD,
    BULLET,
    DECISION_LABEL,
    NEXT_MEETING_LABEL,
    ROMAN,
)
from handlers.reference.areas import find_area
from handlers.reference.states import StateDirectory

_NUMBERED = re.compile(
    rf"^(?:#{{1,6}}\s*)?(?:(?:{AGENDA_WORD})\s+)?(?P<num>\d{{1,2}}(?:\.\d{{1,2}})*)(?:[.)]|\s*[:–—-])?"
    r"\s+(?P<title>\S.*)$",
    re.IGNORECASE,
)
_ROMAN_HEAD = re.compile(
    rf"^(?:#{{1,6}}\s*)?(?:(?i:{AGENDA_WORD})\s+)?(?P<num>{ROMAN})(?:[.)]|\s*[:–—-])\s+(?P<title>\S.*)$"
)
_AGENDA_ONLY = re.compile(
    rf"^(?:#{{1,6}}\s*)?(?:{AGENDA_WORD})\s+(?P<num>\d{{1,2}}|{ROMAN})\s*[.:]?$", re.I
)
# Parts every kind of minutes has, a heading even in a numbered document: "Action items",
# "Next steps", "Decisions and actions", "Next meeting", "Acuerdos", "Prochaine réunion".
_STRUCTURAL = re.compile(
    r"^(?:(?:summary\s+of\s+|list\s+of\s+)?(?:actions?|decisions?|agreements?|next\s+steps|"
    r"follow[\s-]*up|way\s+forward|conclusions?)(?:\s+(?:items?|points?|and\s+\w+|arising|agreed))*|"
    r"(?:date\s+of\s+(?:the\s+)?)?next\s+meeting|prochaine\s+r[ée]union|pr[óo]xima\s+reuni[óo]n|"
    r"acuerdos|d[ée]cisions|suivi|prochaines\s+[ée]tapes|pr[óo]ximos\s+pasos)\s*:?$",
    re.I,
)
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(?P<title>[^*_].{1,150}?)(?:\*\*|__)\s*:?\s*$")
_ACTIONS_TITLE = re.compile(
    r"^(?:summary\s+of\s+|list\s+of\s+|liste\s+des\s+|lista\s+de\s+|r[ée]sum[ée]\s+des\s+)?"
    r"(?:(?:decisions?|d[ée]cisions?|acuerdos)\s+(?:and|et|y)\s+)?(?:actions?(?:\s+(?:points?|items?|list|log|arising|required|agreed))?|follow[\s-]*up|"
    r"summary\s+of\s+(?:actions|decisions)|actions?\s+[àa]\s+(?:mener|entreprendre)|suivi|"
    r"acciones|seguimiento|tareas|(?:new\s+)?action\s+items?|to\s*-?\s*dos?|next\s+steps|"
    r"way\s+forward|agreements?|agreed\s+actions|acuerdos|compromisos|prochaines\s+[ée]tapes|"
    r"pr[óo]ximos\s+pasos|engagements)(?:\s+(?:and|et|y)\s+"
    r"(?:decisions|d[ée]cisions|acuerdos))?\s*:?\s*$",
    re.I,
)
_LETTERED = re.compile(r"^(?:#{1,6}\s*)?\(?(?P<letter>[a-h])[.)]\s+(?P<title>[A-Z].{2,150})$")
_MARKDOWN = re.compile(r"^#{1,6}\s+(?P<title>\S.*)$")
_PAREN = re.compile(r"\(([^()]*)\)\s*$")
_SENTENCE_END = re.compile(r"[.;:,]$")
_RULE = re.compile(r"^[\s+=*_~#-]{3,}$")
MAX_HEADING = 220
MAX_HEADING_WORDS = 16
_STARTS_WITH_DATE = re.compile(
    r"^(?:#{1,6}\s*)?\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?"
    r"(?:jan|feb|f[ée]v|mar|apr|avr|abr|may|mai|jun|juin|jul|juil|aug|ao[ûu]|ago|sep|set|oct|nov|"
    r"dec|d[ée]c|dic|ene|enero|janv)",
    re.I,
)
_BULLET = re.compile(rf"^(?:{BULLET}\s|\d{{1,2}}[.)]\s)")
# "2. Ms. Pérez (Peru) said that her Government would submit ..." cut by a PDF's line end:
# a numbered paragraph of a summary record, not a heading.
_SAYING = (
    r"\b(?:said|stated|noted|reported|informed|explained|added|recalled|welcomed|would|will)\b"
)
# A photo's caption or credit ("UN Photo/Jane Doe", "© ICRC", "Photo: ...", "Credit: ..."):
# never a heading, and no part of the text.
_CREDIT = re.compile(
    r"(?i:\bphoto(?:graph)?s?)\s*(?:/|:|(?i:credits?)\b)|(?i:\bphoto(?:graph)?\s+by)\s+[A-Z]"
    r"|©|\([cC]\)\s+[A-Z0-9]|(?i:\bcredits?\s*:)|(?i:\bcourtesy\s+of)\s+[A-Z]"
    r"|(?i:\b(?:picture|image)\s*:)"
)
# A finite verb: an auxiliary or modal, or a past tense with its object ("approved the ...").
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|may|might|must|"
    r"did|does)\b|\b[a-z]{3,}ed\s+(?:the|a|an|all|its|their|his|her|that|this|these|it|them)\b"
)


@dataclass
class Section:
    """A numbered (or titled) part of the minutes and the paragraphs under it."""

    number: str
    title: str
    area_key: str | None = None
    coordinators: tuple[str, ...] = ()
    parent: Section | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Marked:
    """A line the minutes mark themselves: "ACTION: ...", "Decision: ...", or a table row."""

    section: Section | None
    text: str
    owner: str | None = None  # "ACTION (ISU): ...", a table's Who column
    due: str | None = None  # a table's When column, "Due: ..."
    number: str | None = None  # "AP 3"
    listed: bool = False  # a line of an "Actions" / "Next steps" list, not labelled itself


@dataclass
class Layout:
    """The document cut into its header lines, sections, attendance lists, and the actions and
    decisions it marks as such."""

    title: str = ""
    header: list[str] = field(default_factory=list)
    actions: list[Marked] = field(default_factory=list)
    decisions: list[Marked] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    apologies: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)


def _heading(line: str, *, numbered_doc: bool) -> tuple[str, str] | None:
    """(number, title) when the line is a heading; ``number`` may be a letter or empty."""
    if len(line) > MAX_HEADING or is_credit(line):
        return None
    if _STARTS_WITH_DATE.match(line):
        return None  # "8 February 2024, 10:00.": a date, not section 8
    if m := _NUMBERED.match(line):
        title = m["title"].strip()
        words = len(title.split())
        if not title[:1].isupper() and not title[:1].isdigit():
            return None
        bare = "." not in m["num"] and line.startswith(m["num"] + " ")
        if (
            (title.endswith(".") and (words > 8 or _is_sentence(title)))
            or (bare and words > 10)
            or words > MAX_HEADING_WORDS
            or (words >= 6 and _FINITE.search(title) and re.search(_SAYING, title))
        ):
            return None  # "7 States Parties had paid their contributions." is a sentence
        return m["num"], title
    if (m := _ROMAN_HEAD.match(line)) and not _is_sentence(m["title"]) and m["title"][:1].isupper():
        return m["num"], m["title"].strip()
    if m := _AGENDA_ONLY.match(line):
        return m["num"], ""
    if (m := _LETTERED.match(line)) and not line.rstrip().endswith("."):
        return m["letter"], m["title"].strip()
    if m := _MARKDOWN.match(line):
        return "", m["title"].strip()
    if (not numbered_doc or _STRUCTURAL.search(line)) and _looks_like_title(line):
        return "", line.strip()
    return None


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 12
        and line[:1].isupper()
        and not _SENTENCE_END.search(line)
        and not re.search(r"\d{1,2}:\d{2}|\t", line)
        and "/" not in line  # "UN Photo/J. Doe", "Name/Agency": a credit, not a title
        and not re.search(r"[a-z)][.!?]\s+[A-Z]", line)  # two sentences: a caption
    )


def is_credit(line: str) -> bool:
    """ "UN headquarters. UN Photo/Jane Doe", "© ICRC 2021": a caption's credit line."""
    return _CREDIT.search(line) is not None


def _is_sentence(title: str) -> bool:
    """ "The Committee approved the minutes.": a full stop after a finite verb."""
    words = title.rstrip(".").split()
    return len(words) >= 4 and _FINITE.search(" ".join(words[1:])) is not None


def _is_numbered_doc(lines: list[str]) -> bool:
    """Headings numbered "1.", "2." (sentences numbered as paragraphs or actions do not count)."""
    return sum(1 for line in lines if _numbered_heading(line)) >= 2


def _numbered_heading(line: str) -> bool:
    found = _heading(line, numbered_doc=True) if _NUMBERED.match(line) else None
    return found is not None and bool(found[0])


def _new_section(number: str, title: str, current: Section | None) -> Section:
    parent: Section | None = None
    if number and number.isalpha() and current is not None:
        parent = current.parent if current.number[-1:].isalpha() else current
        number = (parent.number if parent else "") + number
    elif "." in number:
        parent = _ancestor(current, number.rsplit(".", 1)[0])
    section = Section(number=number, title=title, parent=parent)
    area = find_area(title)
    section.area_key = area.key if area else (parent.area_key if parent else None)
    return section


def _ancestor(current: Section | None, number: str) -> Section | None:
    while current is not None and current.number != number:
        current = current.parent
    return current


def read_layout(text: str, states: StateDirectory) -> Layout:
    """Cut the text into header, sections (with their paragraphs), attendance lists, and the
    actions and decisions the document marks (labelled lines, action tables)."""
    raw_lines = [line.rstrip() for line in text.splitlines()]
    lines = [strip_markup(line) for line in raw_lines]
    numbered_doc = _is_numbered_doc([line.strip() for line in lines])
    layout = Layout()
    reader: AttendanceReader | None = None
    current: Section | None = None
    buffer: list[str] = []
    table: list[str] = []
    in_actions = False  # under an "Actions" heading or label: each line is an action

    def flush() -> None:
        if buffer:
            paragraph = " ".join(buffer)
            if in_actions:
                layout.actions.append(marked(current, paragraph, listed=True))
            elif current is None:
                layout.header.append(paragraph)
            else:
                _add_paragraph(current, paragraph)
            buffer.clear()

    def flush_table() -> None:
        nonlocal reader
        if not table:
            return
        found = read_table(table)
        if found.actions:
            for row in found.rows:
                what = found.cell(row, found.what)
                if what:
                    owner, due = found.cell(row, found.who), found.cell(row, found.when)
                    layout.actions.append(Marked(current, what, owner or None, due or None))
        elif reader is not None or found.attendance:
            into = reader or AttendanceReader(states, layout.attendees)
            for row in found.rows:
                into.feed("| " + " | ".join(row) + " |")
        else:
            for row in found.rows:
                buffer.append(" – ".join(c for c in row if c) + ("" if in_actions else "."))
                flush()
        table.clear()
        reader = None

    for raw, full in zip(raw_lines, lines, strict=True):
        line = full.strip()
        if is_row(line):
            flush()
            table.append(line)
            continue
        flush_table()
        if not line or _RULE.match(line):
            flush()
            continue
        label = attendance_label(line)
        if label is not None and not (label[0] == "chair" and not label[1]):
            flush()
            kind, rest = label
            into = layout.attendees if kind == "chair" else getattr(layout, kind)
            role = label_role(line) if kind == "chair" else None
            reader = AttendanceReader(states, into, role)
            if rest:
                reader.feed(rest)
            if kind == "chair":
                reader = None
            continue
        bold = _BOLD_LINE.match(raw)
        if reader is not None:
            if not bold and not line.startswith("#") and reader.feed(line):
                continue
            reader = None
        if in_actions and NEXT_MEETING_LABEL.match(line):
            flush()  # "Next call: ..." closes an action list that has no heading after it
            in_actions = False
        if m := ACTION.match(line):
            flush()
            if m["rest"].strip():
                layout.actions.append(marked(current, m["rest"], m["owner"], m["num"]))
            else:
                in_actions = True
            continue
        if m := DECISION_LABEL.match(line):
            flush()
            layout.decisions.append(Marked(current, m["rest"].strip()))
            continue
        if is_credit(line) and not buffer and len(line) <= MAX_HEADING:
            continue  # a photo's caption and credit, on a line of its own: not the minutes' text
        heading = _heading(line, numbered_doc=numbered_doc)
        if heading is None and bold and not _SENTENCE_END.search(bold["title"].strip()):
            heading = ("", bold["title"].strip())
        if heading is not None and not (in_actions and _listed(line, heading, current)):
            flush()
            current = _new_section(*heading, current)
            in_actions = bool(_ACTIONS_TITLE.search(current.title))
            if coordinators := _PAREN.search(current.title):
                found = states.find_in_text(coordinators.group(1))
                current.coordinators = tuple(dict.fromkeys(m.state.iso3 for m in found))
            layout.sections.append(current)
            continue
        if in_actions and re.match(rf"^(?:{BULLET}|\d{{1,2}}[.)])\s", line):
            flush()  # each bullet of an action list is one action
            line = re.sub(rf"^(?:{BULLET}|\d{{1,2}}[.)])\s+", "", line)
        if not layout.title and current is None and not buffer:
            layout.title = line.lstrip("# ").strip()
        if _BULLET.match(line):
            flush()  # each bullet or numbered line is a paragraph of its own
        buffer.append(line)
    flush_table()
    flush()
    if not layout.sections and layout.header:
        layout.sections.append(Section(number="", title="", paragraphs=layout.header[1:]))
    return layout


def _listed(line: str, heading: tuple[str, str], current: Section | None) -> bool:
    """Under an "Actions" heading, "- X" and "1. X" are its list, not new headings; the next
    section's number ("4. Next meeting" after "3. Actions") or a structural title still is."""
    if re.match(BULLET, line):
        return True
    number, title = heading
    if not number or not number.isdigit() or _STRUCTURAL.search(title):
        return False
    own = current.number if current is not None else ""
    return not (own.isdigit() and int(number) == int(own) + 1)


def marked(
    section: Section | None,
    text: str,
    owner: str | None = None,
    number: str | None = None,
    *,
    listed: bool = False,
) -> Marked:
    """An action line's parts: "ISU to circulate X (due: 5 May)", "X – Owner: Y – Due: Z"."""
    rest = text.strip()
    due = None
    if m := _DUE_PART.search(rest):
        due, rest = m["due"].strip(" .)"), (rest[: m.start()] + rest[m.end() :]).strip(" .;,–—-")
    if owner is None and (m := _OWNER_PART.search(rest)):
        owner, rest = (
            m["owner"].strip(" .)"),
            (rest[: m.start()] + rest[m.end() :]).strip(" .;,–—-"),
        )
    return Marked(section, rest, owner, due, number, listed)


_DUE_PART = re.compile(
    r"[\s,;.(–—-]*\b(?:due(?:\s+date)?|deadline|target\s+date|by\s+when|timeline|when|"
    r"[ée]ch[ée]ance|d[ée]lai|plazo|fecha(?:\s+l[íi]mite)?)\s*[:=]\s*(?P<due>[^;|]+?)\s*(?:\)|;|$|(?=[,;]\s*(?:owner|responsible|lead|who)\b))",
    re.I,
)
_OWNER_PART = re.compile(
    r"[\s,;.(–—-]*\b(?:owner|responsible|lead|who|assigned\s+to|action\s+by|responsable|"
    r"qui|encargad[oa])\s*[:=]\s*(?P<owner>[^;|,.()]+?)\s*(?:\)|[;,.]|$)",
    re.I,
)


def label_role(line: str) -> str:
    """ "Chair: Jane Doe" -> "Chair"."""
    return re.split(r"\s*[:–—]", line.strip().strip("*_ #"), maxsplit=1)[0].strip()


def _add_paragraph(section: Section, paragraph: str) -> None:
    """Join a paragraph cut by a stray blank line ("had to be" / "cancelled due to ...")."""
    previous = section.paragraphs[-1] if section.paragraphs else ""
    if previous and not re.search(r"[.!?:\"”)]$", previous) and paragraph[:1].islower():
        section.paragraphs[-1] = previous + " " + paragraph
    else:
        section.paragraphs.append(paragraph)


def coordinators_of(section: Section) -> tuple[str, ...]:
    """The coordinating States named in this heading or the nearest heading above it."""
    node: Section | None = section
    while node is not None:
        if node.coordinators:
            return node.coordinators
        node = node.parent
    return ()
