"""Resolve State names: a curated alias table in front of pycountry and the CCM reference list.

pycountry alone misreads UN and CCM usage ("Republic of Korea" becomes North Korea, "Niger"
becomes Nigeria, "Lao PDR" is unknown), so every resolution here is an exact match on
normalised words; fuzzy matching is only ever offered as a suggestion, never applied silently.

Normalised words are ``fold``ed (case, accents, curly apostrophes), lose their apostrophes
("People's" = "Peoples"), read "&" as "and" and "St"/"St." as "Saint"; punctuation between words
is ignored, except that a comma, semicolon, colon, ! or ? or a blank line ends a name in free
text. Short acronyms ("UK", "US", "BiH", "BWA") are case-sensitive codes.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pycountry

from handlers.reference.aliases import (
    ALIASES,
    DEMONYMS,
    EXTRA_STATES,
    ISO2_IN_TEXT,
    ISO3_NOT_IN_TEXT,
    OTHER_STATES,
    SHORT_NAMES,
    UN_MEMBERS,
    UN_NAMES,
    bare_possessive,
)
from handlers.reference.names_i18n import demonyms, foreign_names
from handlers.reply.text import fold

CSV_PATH = Path(__file__).parents[2] / "storage" / "data" / "ccm_states.csv"
CAPITALS_PATH = Path(__file__).with_name("capitals.tsv")
# A capital in a treaty's, a plan's or a conference's name is not its State: "the Oslo
# Convention", "Vientiane Action Plan", "la Convention d'Oslo", "el Plan de Acción de Vientián"
_NAME_AFTER = re.compile(
    r"\s+(?:action\s+plans?|plans?|conventions?|treat(?:y|ies)|process|declarations?|statutes?|"
    r"agreements?|accords?|protocols?|conferences?|commitments?|principles|summits?|"
    r"university|formats?|talks)\b",
    re.I,
)
_NAME_BEFORE = re.compile(
    r"\b(?:plan\s+d'action|plan\s+de\s+acci[oó]n|convention|convenci[oó]n|processus|proceso|"
    r"d[ée]claration|declaraci[oó]n|conf[ée]rence|conferencia|trait[ée]|tratado|statut|estatuto|"
    r"accord|acuerdo|protocole|protocolo)\s+(?:de\s+|d'|del\s+|du\s+|of\s+)$",
    re.I,
)
# A capital as a place where something happens or where a note goes, not as its State: "the
# seminar in Zagreb", "mission à Dakar", "une note pour Bruxelles", "the Bangkok workshop"
_EVENT = (
    r"(?:seminars?|s[ée]minaires?|seminarios?|workshops?|ateliers?|talleres|taller|missions?|"
    r"misi[oó]n(?:es)?|meetings?|r[ée]unions?|reuni[oó]n(?:es)?|conferences?|conf[ée]rences?|"
    r"conferencias?|visits?|visites?|visitas?|trips?|voyages?|viajes?|notes?|nota|points?|"
    r"briefings?|events?|[ée]v[ée]nements?|eventos?|follow[\s-]?up|side[\s-]events?)"
)
_PLACE_BEFORE = re.compile(
    rf"(?:\b(?:in|at|dans|en)\s+(?:the\s+)?|\b{_EVENT}(?:\s+\w+){{0,2}}?\s+"
    r"(?:in|at|à|a|en|de|d'|du|pour|for|para|to|in\s+the)\s+)$",
    re.I,
)
_PLACE_AFTER = re.compile(rf"(?:\s+\w+)?\s+{_EVENT}\b", re.I)

_LETTER = r"(?:[^\W_]|[\u0300-\u036f])"
_TOKEN = re.compile(rf"{_LETTER}+(?:['\u2019\u2018\u02bc`\u00b4]{_LETTER}+)*|&")
_HARD_GAP = re.compile(r"[,;:!?|]|\n\s*\n")
_CODE = re.compile(r"(?:[A-Za-z]\.?){2,5}")
_SUGGEST_CUTOFF = 80.0
_SUGGEST_MIN_CHARS = 4
_SUGGEST_MAX_STATES_PER_WORD = 2


@dataclass(frozen=True)
class StateName:
    """A State as the committee names it: UN short ``name`` and the friendlier ``short``."""

    iso3: str
    name: str
    short: str


@dataclass(frozen=True)
class StateMatch:
    """A State named in free text, with character offsets into the original text."""

    state: StateName
    start: int
    end: int
    matched: str


class _Token(NamedTuple):
    start: int
    end: int
    raw: str
    key: str
    stem: str | None  # ``key`` without a possessive "'s" (or "s"); None when there is none
    raw_stem: str | None
    cut: int  # characters the possessive takes at the end of the word
    hard: bool  # a comma, colon... separates it from the previous token


@dataclass
class _Node:
    """A trie of normalised words, so a text is scanned once whatever the number of names."""

    children: dict[str, _Node] = field(default_factory=dict)
    iso3: str | None = None


class _Hit(NamedTuple):
    last: int  # index of the last token matched
    end: int
    iso3: str


@functools.lru_cache(maxsize=8192)
def _word_keys(raw: str) -> tuple[str, str | None, int]:
    """Normalised form of one word, and of its stem if it ends in a possessive "'s", or in an
    "s" typed without the apostrophe ("zambias side"): with how many characters that takes."""
    folded = fold(raw)
    if len(folded) > 2 and folded.endswith("'s"):
        return _normalise(folded), _normalise(folded[:-2]), 2
    return _normalise(folded), None, 0


def _normalise(folded: str) -> str:
    word = folded.replace("'", "")
    if word == "&":
        return "and"
    return "saint" if word == "st" else word


def _tokenize(text: str) -> list[_Token]:
    """Split into words, keeping offsets so matches point back into the original text."""
    tokens: list[_Token] = []
    previous_end = 0
    found_all = list(_TOKEN.finditer(text))
    for number, found in enumerate(found_all):
        raw = found.group()
        key, stem, cut = _word_keys(raw)
        if stem is None:
            following = found_all[number + 1].group() if number + 1 < len(found_all) else ""
            if bare_possessive(raw, fold(following)):
                stem, cut = _normalise(fold(raw)[:-1]), 1
        hard = bool(tokens) and _HARD_GAP.search(text, previous_end, found.start()) is not None
        raw_stem = raw[:-cut] if stem is not None else None
        tokens.append(_Token(found.start(), found.end(), raw, key, stem, raw_stem, cut, hard))
        previous_end = found.end()
    return tokens


def _strip_article(words: list[str]) -> list[str]:
    """ "The Gambia" and "Gambia" are one name; a match never needs to include the article."""
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def _name_key(text: str) -> str:
    return " ".join(_strip_article([token.key for token in _tokenize(text)]))


def _is_code(alias: str) -> bool:
    """Acronyms such as "UK", "U.S." or "BiH" only count when written with their capitals."""
    return _CODE.fullmatch(alias) is not None and sum(ch.isupper() for ch in alias) >= 2


def _longest(root: _Node, tokens: list[_Token], first: int, *, exact_case: bool) -> _Hit | None:
    """The longest name in the trie that starts at token ``first``."""
    node, best = root, None
    for index in range(first, len(tokens)):
        token = tokens[index]
        if index > first and token.hard:
            break
        word, stem = (token.raw, token.raw_stem) if exact_case else (token.key, token.stem)
        owner = node.children.get(stem) if stem is not None else None
        if owner is not None and owner.iso3 is not None:
            best = _Hit(index, token.end - token.cut, owner.iso3)
        child = node.children.get(word)
        if child is None:
            break
        node = child
        if node.iso3 is not None:
            best = _Hit(index, token.end, node.iso3)
    return best


def _closing(text: str, start: int, last: _Token, end: int) -> int:
    """Take in the ")" of "Bolivia (Plurinational State of)" and the last dot of "U.S."."""
    if end == last.end and text[end : end + 1] == "." and len(last.raw) == 1:
        return end + 1
    if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
        return end + 1
    return end


def _insert(root: _Node, words: list[str], iso3: str) -> None:
    node = root
    for word in words:
        node = node.children.setdefault(word, _Node())
    if node.iso3 not in (None, iso3):
        raise ValueError(f"{' '.join(words)!r} names both {node.iso3} and {iso3}")
    node.iso3 = iso3


def _remember(table: dict[str, str], key: str, iso3: str) -> None:
    if table.get(key, iso3) != iso3:
        raise ValueError(f"{key!r} names both {table[key]} and {iso3}")
    table[key] = iso3


class StateDirectory:
    """Every State the bot knows, with exact lookup, free-text search and did-you-mean."""

    def __init__(
        self,
        states: Iterable[StateName],
        names: Mapping[str, Iterable[str]],
        *,
        lookup_codes: Mapping[str, Iterable[str]] | None = None,
        demonyms: Mapping[str, Iterable[str]] | None = None,
        places: Iterable[str] = (),
    ) -> None:
        """``names`` are found anywhere; ``lookup_codes`` only as a whole ``lookup`` answer;
        ``demonyms`` (adjectives, capitals) only in ``find_in_text(demonyms=True)``, and of
        them the ``places`` (capitals) never inside a treaty's or a plan's name."""
        self._places = frozenset(_name_key(place) for place in places)
        self._states = {state.iso3: state for state in states}
        self._by_key: dict[str, str] = {}
        self._by_code: dict[str, str] = {}
        self._words = _Node()
        self._words_and_demonyms = _Node()
        self._codes = _Node()
        for iso3, aliases in names.items():
            for alias in aliases:
                self._add_name(iso3, alias)
        for iso3, codes in (lookup_codes or {}).items():
            for code in codes:
                _remember(self._by_code, code, iso3)
        for iso3, adjectives in (demonyms or {}).items():
            for adjective in adjectives:
                _insert(self._words_and_demonyms, _name_key(adjective).split(), iso3)
        self._choices, self._choice_states = self._suggestion_choices()

    @classmethod
    def default(cls) -> StateDirectory:
        """The directory built from pycountry, ccm_states.csv and the alias table, built once."""
        return _default_directory()

    @classmethod
    def from_sources(cls, csv_path: Path = CSV_PATH) -> StateDirectory:
        """Build from pycountry (UN Members and a few other States), the CSV and the aliases."""
        csv_names = _read_csv_names(csv_path)
        states: list[StateName] = []
        names: dict[str, list[str]] = {}
        lookup_codes: dict[str, list[str]] = {}
        for iso3, iso2, source_names in _source_states():
            name = csv_names.get(iso3) or UN_NAMES.get(iso3) or source_names[0]
            states.append(StateName(iso3, name, SHORT_NAMES.get(iso3, name)))
            in_text = [] if iso3 in ISO3_NOT_IN_TEXT else [iso3]
            in_text += [iso2] if iso2 in ISO2_IN_TEXT else []
            names[iso3] = [name, *source_names, *ALIASES.get(iso3, []), *in_text]
            lookup_codes[iso3] = [iso2, iso3]
        unknown = set(csv_names) - {state.iso3 for state in states}
        if unknown:
            raise ValueError(f"{csv_path.name} names States not in the directory: {unknown}")
        _add_foreign(names)
        adjectives = {iso3: list(words) for iso3, words in DEMONYMS.items()}
        for iso3, words in demonyms().items():
            if iso3 in names:
                adjectives.setdefault(iso3, []).extend(words)
        capitals = {iso3: words for iso3, words in _read_capitals().items() if iso3 in names}
        for iso3, words in capitals.items():
            adjectives.setdefault(iso3, []).extend(words)
        return cls(
            states,
            names,
            lookup_codes=lookup_codes,
            demonyms=_unclashed(adjectives),
            places=[word for words in capitals.values() for word in words],
        )

    def get(self, iso3: str) -> StateName | None:
        return self._states.get(iso3.upper())

    def all(self) -> list[StateName]:
        """Every State, in alphabetical order of name."""
        return sorted(self._states.values(), key=lambda state: fold(state.name))

    def lookup(self, name: str) -> StateName | None:
        """The State a whole name, alias or code denotes exactly; never a guess."""
        tokens = _tokenize(name)
        if not tokens:
            return None
        iso3 = self._by_code.get(" ".join(token.raw for token in tokens))
        if iso3 is None:
            iso3 = self._by_key.get(" ".join(_strip_article([token.key for token in tokens])))
        return None if iso3 is None else self._states[iso3]

    def resolve(self, name: str) -> StateName | None:
        """Same as ``lookup``: resolving must never silently pick a fuzzy match."""
        return self.lookup(name)

    def find_in_text(self, text: str, *, demonyms: bool = False) -> list[StateMatch]:
        """Every State named in ``text``, in order, leftmost-longest and non-overlapping.

        ``demonyms=True`` also counts adjectives such as "Sri Lankan" (off by default, since
        "Swiss francs" or "Iraqi dinars" rarely mean the State itself).
        """
        tokens = _tokenize(text)
        words = self._words_and_demonyms if demonyms else self._words
        matches: list[StateMatch] = []
        index = 0
        while index < len(tokens):
            hit = _longest(words, tokens, index, exact_case=False)
            code = _longest(self._codes, tokens, index, exact_case=True)
            if code is not None and (hit is None or code[:2] > hit[:2]):
                hit = code
            if hit is None:
                index += 1
                continue
            start, end = tokens[index].start, tokens[index].start
            end = _closing(text, start, tokens[hit.last], hit.end)
            if not (demonyms and self._in_a_name(text, start, end)):
                matches.append(StateMatch(self._states[hit.iso3], start, end, text[start:end]))
            index = hit.last + 1
        return matches

    def _in_a_name(self, text: str, start: int, end: int) -> bool:
        """A capital that is part of a treaty's or a plan's name ("the Oslo Convention"), or
        the place of an event or a journey ("the seminar in Zagreb", "mission à Dakar")."""
        if _name_key(text[start:end]) not in self._places:
            return False
        if not text[start].isupper():  # "la paz", "rome" in lower case: words, not capitals
            return True
        before = text[max(0, start - 60) : start]
        return bool(
            _NAME_AFTER.match(text, end)
            or _NAME_BEFORE.search(before)
            or _PLACE_BEFORE.search(before)
            or _PLACE_AFTER.match(text, end)
        )

    def suggest(self, word: str, *, limit: int = 3) -> list[StateName]:
        """Did-you-mean: States whose name, alias or distinctive word is close to ``word``."""
        exact = self.lookup(word)
        if exact is not None:
            return [exact][:limit]
        ranked: list[str] = []
        query = _name_key(word)
        if len(query) >= _SUGGEST_MIN_CHARS - 1:
            from rapidfuzz import fuzz, process  # only suggestions need it: imported then

            found = process.extract(
                query, self._choices, scorer=fuzz.ratio, score_cutoff=_SUGGEST_CUTOFF, limit=None
            )
            for _choice, _score, position in sorted(found, key=lambda hit: (-hit[1], hit[2])):
                ranked.extend(self._choice_states[position])
        return [self._states[iso3] for iso3 in list(dict.fromkeys(ranked))[:limit]]

    def _add_name(self, iso3: str, alias: str) -> None:
        """Index one name: codes case-sensitively, other names by their normalised words."""
        tokens = _tokenize(alias)
        if _is_code(alias):
            raw = [token.raw for token in tokens]
            _remember(self._by_code, " ".join(raw), iso3)
            _insert(self._codes, raw, iso3)
            return
        words = _strip_article([token.key for token in tokens])
        _remember(self._by_key, " ".join(words), iso3)
        if not any(token.hard for token in tokens):  # "Korea, Republic of": lookup only
            _insert(self._words, words, iso3)
            _insert(self._words_and_demonyms, words, iso3)

    def _suggestion_choices(self) -> tuple[list[str], list[tuple[str, ...]]]:
        """Whole names first, then words that point to one or two States ("Korea", "Lanka")."""
        names = sorted((key, iso3) for key, iso3 in self._by_key.items())
        choices = [key for key, _iso3 in names if len(key) >= _SUGGEST_MIN_CHARS]
        owners: list[tuple[str, ...]] = [
            (iso3,) for key, iso3 in names if len(key) >= _SUGGEST_MIN_CHARS
        ]
        by_word: dict[str, set[str]] = {}
        for key, iso3 in names:
            for part in key.split():
                by_word.setdefault(part, set()).add(iso3)
        for part, iso3s in sorted(by_word.items()):
            if len(part) >= _SUGGEST_MIN_CHARS and len(iso3s) <= _SUGGEST_MAX_STATES_PER_WORD:
                choices.append(part)
                owners.append(tuple(sorted(iso3s)))
        return choices, owners


def _add_foreign(names: dict[str, list[str]]) -> None:
    """French and Spanish names (CLDR), unless the words already name another State."""
    owner = {_name_key(alias): iso3 for iso3, aliases in names.items() for alias in aliases}
    for iso3, foreign in foreign_names().items():
        if iso3 not in names:
            continue
        for alias in foreign:
            key = _name_key(alias)
            if owner.setdefault(key, iso3) == iso3 and not _is_code(alias):
                names[iso3].append(alias)


def _unclashed(adjectives: dict[str, list[str]]) -> dict[str, list[str]]:
    """An adjective shared by two States ("guinéen") names neither."""
    seen: dict[str, set[str]] = {}
    for iso3, words in adjectives.items():
        for word in words:
            seen.setdefault(_name_key(word), set()).add(iso3)
    return {
        iso3: list(dict.fromkeys(w for w in words if len(seen[_name_key(w)]) == 1))
        for iso3, words in adjectives.items()
    }


def _read_capitals(path: Path = CAPITALS_PATH) -> dict[str, list[str]]:
    """Capitals and ministries by State (capitals.tsv)."""
    found: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            iso3, names = raw.split("\t")
            found.setdefault(iso3.strip(), []).extend(n.strip() for n in names.split("|"))
    return found


def _read_csv_names(path: Path) -> dict[str, str]:
    """UN short names of the CCM States, as the ISU writes them (they win over pycountry)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["iso3"].strip(): row["state"].strip() for row in csv.DictReader(handle)}


def _source_states() -> list[tuple[str, str, list[str]]]:
    """(iso3, iso2, pycountry names) of every State kept: territories are left out on purpose."""
    wanted = UN_MEMBERS | OTHER_STATES
    found: list[tuple[str, str, list[str]]] = []
    for country in pycountry.countries:
        if country.alpha_3 in wanted:
            names = [country.name, getattr(country, "common_name", None)]
            names.append(getattr(country, "official_name", None))
            found.append((country.alpha_3, country.alpha_2, [n for n in names if n]))
    missing = wanted - {iso3 for iso3, _iso2, _names in found}
    if missing:
        raise ValueError(f"pycountry lacks {sorted(missing)}")
    found.extend((iso3, iso2, [name]) for iso3, (iso2, name) in EXTRA_STATES.items())
    return found


def iso2_codes() -> tuple[tuple[str, str], ...]:
    """(iso3, iso2) of every State the directory knows: what the CLDR names are looked up by."""
    return tuple((iso3, iso2) for iso3, iso2, _names in _source_states())


@functools.cache
def _default_directory() -> StateDirectory:
    return StateDirectory.from_sources()
