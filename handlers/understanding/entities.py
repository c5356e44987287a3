"""Entities in a line, each with its span: the step before any routing.

``read`` finds everything a committee member may name in one pass over the line: States (names,
codes, adjectives, French and Spanish names), thematic areas, item references, people and roles,
meetings, Articles, amounts with currencies, years and periods, and date phrases. Overlaps are
settled by a fixed precedence (an amount's "Swiss francs" is not Switzerland; the year inside
"15 April 2017" is part of the date), except that a period may overlap a date ("this week" is
both: questions use the period, commitments the date).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.dates.reading import DateReading
from handlers.dates.spans import DateSpan, date_spans, known_spans
from handlers.dates.vocab import same_length_fold
from handlers.reference.areas import find_areas
from handlers.reference.names_i18n import LANGUAGE_ADJECTIVES
from handlers.reference.states import StateDirectory
from handlers.understanding import finders
from handlers.understanding.finders import Found

_ELISION = re.compile(r"(?<!\w)([ldLD])['’](?=\w)")  # "l'Autriche": same length, so spans hold
_PRECEDENCE: tuple[str, ...] = ("mention", "amount", "date", "meeting", "article", "item")
_PRECEDENCE += ("year", "period", "state", "area", "role", "person")
# "in 2019" is a date for a commitment and a year for a question; "Article 7" an Article and an area.
_MAY_OVERLAP = ({"period", "date"}, {"year", "date"}, {"meeting", "date"}, {"area", "article"})


@dataclass(frozen=True)
class Entity:
    """One thing named in the line: ``kind``, where it is, and what it points at (``value``)."""

    kind: str  # state area item person role meeting article amount year period date
    start: int
    end: int
    text: str
    value: str
    currency: str | None = None
    reading: DateReading | None = None
    problem: str | None = None  # a date-like phrase that could not be read, and why


@dataclass(frozen=True)
class Reading:
    """A line with every entity found in it, in order of position."""

    line: str
    entities: tuple[Entity, ...] = field(default_factory=tuple)

    def of(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]

    def first(self, kind: str) -> Entity | None:
        return next((e for e in self.entities if e.kind == kind), None)

    def has(self, *kinds: str) -> bool:
        return any(e.kind in kinds for e in self.entities)

    def inside(self, entity: Entity, kind: str) -> bool:
        """``entity`` lies within an entity of ``kind`` (a meeting inside a date phrase)."""
        return any(
            o.start <= entity.start and entity.end <= o.end and o is not entity
            for o in self.of(kind)
        )

    def masked(self) -> str:
        """The line with each entity replaced by its kind: what the intent matcher compares.

        Date phrases stay in words (their periods masked), as in the example bank, which is
        masked without reading dates: "due this week?" is compared as "due PERIOD ?", the
        word "due" kept, not as a bare "DATE ?"."""
        out, last = [], 0
        for entity in self.entities:
            if entity.start < last or entity.kind == "date":
                continue
            out.append(self.line[last : entity.start])
            out.append(f" {entity.kind.upper()} ")
            last = entity.end
        out.append(self.line[last:])
        return " ".join("".join(out).split())


# Adjectives that are also language names count only beside a word for a State's people:
# "the Spanish mission", "la délégation française", "la misión española" (not "in Spanish").
_NATIONS = "|".join(sorted(LANGUAGE_ADJECTIVES, key=len, reverse=True))
_PEOPLE = r"(?:mission|delegation|government|authorities|side|team|capital|ambassador|embassy)"
_PEUPLE = r"(?:mission|delegation|misi[oó]n|delegaci[oó]n|gouvernement|gobierno|ambassade|embajada)"
_NATION = re.compile(
    rf"\b(?P<nation>{_NATIONS})\s+{_PEOPLE}s?\b|\b{_PEUPLE}\s+(?:permanente\s+)?(?P<nation2>{_NATIONS})\b",
    re.I,
)


def read(
    line: str,
    *,
    states: StateDirectory,
    now: datetime | None = None,
    tz: ZoneInfo | None = None,
    next_meeting: date | None = None,
    events: Mapping[str, date] | None = None,
    with_dates: bool = True,
) -> Reading:
    """Every entity in ``line``. Dates are read only when ``now`` is given (and ``with_dates``)."""
    found: list[Entity] = []
    # "l'Autriche" needs the elision cut off; "Côte d'Ivoire" keeps it: both are tried.
    whole = states.find_in_text(line, demonyms=True)
    for match in [
        *whole,
        *(
            m
            for m in states.find_in_text(_ELISION.sub(r"\1 ", line), demonyms=True)
            if not any(w.start < m.end and m.start < w.end for w in whole)
        ),
    ]:
        found.append(_entity("state", match.start, match.end, line, match.state.iso3))
    for m in _NATION.finditer(same_length_fold(line)):  # "the Spanish mission": Spain
        iso3 = LANGUAGE_ADJECTIVES[(m["nation"] or m["nation2"]).lower()]
        if not any(e.kind == "state" and e.start < m.end() and m.start() < e.end for e in found):
            found.append(_entity("state", m.start(), m.end(), line, iso3))
    for area_start, area_end, key in find_areas(line):
        found.append(_entity("area", area_start, area_end, line, key))
    found.extend(_from(finders.find_all(line), line))
    if with_dates and now is not None and tz is not None:
        known = known_spans(found)  # "by Italy", "before the ISU replies": no date phrase
        spans = date_spans(
            line, now=now, tz=tz, next_meeting=next_meeting, events=events, known=known
        )
        found.extend(_dates(spans, line))
    # an item or a day named only to be ruled out stays as such: read, never used
    settled = [replace(e, kind="ruled_out") if _ruled_out(line, e) else e for e in _settle(found)]
    settled += _bare_item(line, settled)
    settled = [e for e in settled if not _qualifies_a_role(e, settled, states)]
    periods = [e for e in settled if e.kind == "period"]
    return Reading(
        line,
        tuple(  # "over the next two weeks": a period read, not a date that failed
            e
            for e in settled
            if not (
                e.kind == "date"
                and not e.value
                and any(p.start <= e.start + 4 and e.end <= p.end + 1 for p in periods)
            )
            and not _a_day_of_the_month(e, settled)
        ),
    )


# What the writer says is not meant: "le 14 et pas le 13", "12 April, not 13", "no el #9"
_NOT_THIS = re.compile(
    r"(?:\bnot|\bpas|(?<!item\s)(?<!point\s)(?<!number\s)\bno|\bni|instead\s+of|au\s+lieu\s+(?:de|du)|en\s+lugar\s+del?|"
    r"en\s+vez\s+del?|plut[oô]t\s+que|rather\s+than)\s+(?:the\s+|le\s+|la\s+|el\s+|l'|du\s+|"
    r"del\s+|item\s+|point\s+)?#?$",
    re.I,
)


def _qualifies_a_role(entity: Entity, found: list[Entity], states: StateDirectory) -> bool:
    """ "la Présidence allemande", "the German Presidency": whose Presidency, not a State named
    (an adjective next to a role; "the Presidency, Italy" names Italy)."""
    if entity.kind != "state" or states.lookup(entity.text) is not None:
        return False
    return any(
        r.kind == "role"
        and r.value == "presidency"  # "the Swiss coordinator" is Switzerland's
        and (
            0 <= entity.start - r.end <= 1
            or (0 <= r.start - entity.end <= 1 and entity.text[:1].isupper())
        )
        and " " not in entity.text.strip()
        for r in found
    )


def _ruled_out(line: str, entity: Entity) -> bool:
    """An item or a day the line names only to rule it out."""
    return entity.kind in {"item", "date"} and bool(
        _NOT_THIS.search(line[max(0, entity.start - 24) : entity.start])
    )


def _a_day_of_the_month(period: Entity, found: list[Entity]) -> bool:
    """ "April" in "between now and 7 April" is the month of a day, not a period asked about."""
    return period.kind == "period" and any(
        d.kind == "date"
        and d.value
        and d.start <= period.start
        and period.end <= d.end
        and re.search(r"\d", d.text[: period.start - d.start] + d.text[period.end - d.start :])
        for d in found
    )


# A number nothing else has claimed, between an article and a pause: "correction on 12: …",
# "pour le 20, la NZ…", "El 7 lo tiene Chile", "en qué quedó el 6?", "vous pouvez fermer le 21".
_BARE_ITEM = re.compile(
    r"(?<![\w'])(?:le|la|l'|el|al|du|del|au|on|re|the|sobre|pour|para|it's|it’s)\s+"
    r"(?!(?:19|20)\d\d\b)(?P<n>\d{1,4})"
    r"(?=\s*(?:[:,;?!)]|\.(?!\d)|$)|\s+(?P<pronoun>lo|la|le|les|los|it|is|was|has|est|es|ya|"
    r"already|deja|déjà|sigue|still|toujours|qui|that|which)\b)",
    re.I,
)


# "Costa Rica's transparency letters (19)", "le point mil-à-mil (3)": a number in brackets
_IN_BRACKETS = re.compile(r"(?<=\w)\s*\(\s*#?(?P<n>\d{1,3})\s*\)(?P<pronoun>)")
# "history of 13", "historique du 14", "historial del 6": the item whose changes are asked for
_HISTORY_OF = re.compile(
    r"\b(?:history|historique|historial|changes|changements|cambios)\s+(?:of|on|for|de|du|del)\s+"
    r"(?:item\s+|point\s+|punto\s+)?(?P<n>\d{1,4})\b(?P<pronoun>)",
    re.I,
)


def _bare_item(line: str, found: list[Entity]) -> list[Entity]:
    """The one item a line names by a bare number, when no other entity holds that number and
    the line names no item otherwise. A day alone ("le 20", "el 6") or a date phrase that
    could not be read ("al 6") yields to it in a line that asks to change or know an item."""
    if any(e.kind == "item" for e in found):
        return []
    matches = list(_BARE_ITEM.finditer(line))
    for extra in (_HISTORY_OF, _IN_BRACKETS):  # the same number found two ways is one
        matches += [
            h for h in extra.finditer(line) if all(m.start("n") != h.start("n") for m in matches)
        ]
    if not matches:
        return []
    opens_on_one = _ABOUT_AN_ITEM.match(line) is not None  # "correction on 12:", "pour le 20,"
    bare = []
    for m in matches:
        if int(m["n"]) == 0 or _A_DAY_BEFORE.search(line, 0, m.start()):
            continue  # "they went out on the 20", "c'est fait depuis le 21": a day
        over = [e for e in found if e.start < m.end("n") and m.start("n") < e.end]
        # "El 7 lo tiene Chile" names the item by itself; a day alone ("listo el 6,") yields
        # to it in a line about items, unless said as a day ("on the 20", "depuis le 21")
        if over and not all(_only_a_day(e) for e in over):
            continue
        if m["pronoun"] is not None or opens_on_one or _asks_about_items(line):
            bare.append((m, over))
    if len(bare) != 1:
        return []
    m, over = bare[0]
    for e in over:
        found.remove(e)
    return [_entity("item", m.start("n"), m.end("n"), line, m["n"])]


# "correction on 12:", "Re 14,", "pour le 20, …", "Correction du 2 :"
_ABOUT_AN_ITEM = re.compile(
    r"^\W*(?:(?:petite\s+|small\s+|una\s+)?correc\w*|re|pour|para|on|about|sobre|concernant)\b",
    re.I,
)
_A_DAY_BEFORE = re.compile(
    r"\b(?:on|since|from|until|till|by|before|after|depuis|des|dès|avant|apres|après|jusqu'au|"
    r"desde|antes\s+del?|hasta|despues\s+del?|después\s+del?|a\s+partir\s+del?)\s*$",
    re.I,
)
_DAY_ALONE = re.compile(r"(?:(?:le|la|el|al|du|del|the|on)\s+)?\d{1,2}(?:st|nd|rd|th|er)?", re.I)


def _only_a_day(entity: Entity) -> bool:
    return entity.kind == "date" and (
        not entity.value or _DAY_ALONE.fullmatch(entity.text.strip()) is not None
    )


def _asks_about_items(line: str) -> bool:
    from handlers.understanding.judge import cue_scores

    changes = {"done", "reopen", "delete", "reschedule", "assign", "note", "edit", "history"}
    return bool(changes & set(cue_scores(line)))


def _entity(kind: str, start: int, end: int, line: str, value: str) -> Entity:
    return Entity(kind, start, end, line[start:end], value)


def _from(items: Iterable[Found], line: str) -> list[Entity]:
    return [
        Entity(f.kind, f.start, f.end, line[f.start : f.end], f.value, f.currency) for f in items
    ]


def _dates(spans: Iterable[DateSpan], line: str) -> list[Entity]:
    out = []
    for span in spans:
        value = span.reading.due.isoformat() if span.reading else ""
        out.append(
            Entity(
                "date",
                span.start,
                span.end,
                line[span.start : span.end],
                value,
                reading=span.reading,
                problem=span.problem,
            )
        )
    return out


def _rank(entity: Entity) -> float:
    """Precedence; a date phrase that could not be read yields to an item ("nota al 16")."""
    if entity.kind == "date" and not entity.value:
        return _PRECEDENCE.index("item") + 0.5
    return _PRECEDENCE.index(entity.kind)


def _settle(found: list[Entity]) -> list[Entity]:
    """Keep the higher-precedence entity where two overlap (periods may overlap dates)."""
    ranked = sorted(found, key=lambda e: (_rank(e), e.start - e.end))
    kept: list[Entity] = []
    for entity in ranked:
        clash = [
            k
            for k in kept
            if k.start < entity.end
            and entity.start < k.end
            and {k.kind, entity.kind} not in _MAY_OVERLAP
        ]
        if not clash:
            kept.append(entity)
    return sorted(kept, key=lambda e: (e.start, -e.end))
