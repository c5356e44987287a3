"""Date-like words no reader took, so that no date is dropped in silence.

The readers (handlers/dates/search.py kinds) know the shapes they read; anything else that
*looks* like a date must still be said back ("I could not read “first thing Monday” as a
date"). A word is date-like when it belongs to a word class, not to a list of sentences:

* a month or weekday name or abbreviation in English, French or Spanish (Babel's CLDR names,
  plus chat spellings: "tues", "thurs");
* a relative day word ("tomorrow", "demain", "pasado mañana") or chat shorthand for one
  ("tmrw", "tonite");
* a number and a time unit ("3 weeks", "quinze jours", "dos semanas"), or a unit with a
  relative word ("next month", "semaine prochaine", "fin de mes");
* a numeric date shape (15/4, 5.4 after a connector, 2017-04-12) or an ordinal day ("the 3rd",
  "le 3", "el 12");
* a holiday or a season after a preposition ("after Easter", "au printemps");
* a deadline connector before an event word or an unknown name ("by the AGM", "before Ramadan").

Names that are also everyday words ("May we ask", "March of the coordinators", "sat") count
only next to a number or after a date preposition; "the Friday group" (a name used as an
adjective) does not count. Callers pass the spans of known entities (States, people, roles,
areas) so that "by Italy" or "before the ISU replies" is left alone. Each seed word grows into
the phrase around it ("by the 2nd half of May") so the reply quotes what the user wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from handlers.dates import extra, rules, vocab


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TOKEN = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?(?![\d/])|w/c|[^\W_]+(?:'[^\W_]+)*"
)
_ELIDED = re.compile(r"^(?:l|d|qu|j|s)'(?=\w)")
_ORDINAL = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|eme|e|o|a|º)?")
_SLASH = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?:\d{2}|\d{4}))?")
_DOT = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?P<y>\.(?:\d{2}|\d{4}))?")
_ISO = re.compile(r"\d{4}-(?P<m>\d{1,2})-(?P<d>\d{1,2})")

# Words that may stand between a connector and a date, or glue a date phrase together.
_GLUE = _set(
    "the a an of on in by before until till from after since during within next this "
    "coming following last early mid late end start beginning middle first second "
    "half thing close w/c week le la les l' du de des au aux d'ici avant apres depuis "
    "pendant dans en ce cette cet fin debut mi prochain prochaine prochains plus tard "
    "el los las del al hasta antes para desde a principios mediados finales comienzos "
    "proximo proxima que viene este esta durante dentro no later than latest not "
    "prior to ahead sous courant b4"
)
# Where a month, weekday or season that is also an everyday word counts as a date.
_DATE_PREP = _GLUE - {"the", "a", "an", "la", "les", "los", "las", "thing", "half", "week", "to"}
_DATE_PREP -= {"no", "not", "than", "prior", "ahead"}
# Before a numeric day ("by 20/4", "le 12/04"): not "a 2/3 majority", "2.5 million".
_DAY_PREP = _set(
    "by before on until till le el du au del al avant hasta d'ici para from after "
    "since due w/c apres depuis desde than latest antes b4"
)
# After an ordinal day or a number: words that end a date rather than name a thing.
_ENDS = _set(
    "and or at latest please pls if so then to et ou svp stp a y o por favor at the "
    "latest of de del"
)
_ARTICLES = {"the", "a", "an", "our", "their", "its", "le", "la", "les", "el", "los", "las"}
_NUMBER_WORDS = set(vocab.NUMBER_WORDS) | _set(
    "few several couple fifteen twenty thirty quinze vingt trente quince veinte "
    "treinta quelques plusieurs unos unas varios varias"
)
_ARTICLE_NUMBERS = {"a", "an", "un", "une", "uno", "una"}
_DURATION = {"for", "pendant", "durante", "per", "every", "chaque", "cada", "over"}
_NOT_DUE = {"ago", "old", "late", "overdue", "behind", "long", "later", "earlier"}
_OF = _set("of de del du d'")
_ORDINALS = _set(
    "first second third fourth premier premiere deuxieme troisieme quatrieme primer primera "
    "segundo segunda tercer tercera cuarto cuarta"
)
_RELATIVE_UNIT = _set(
    "next this coming following prochain prochaine proxima proximo que viene end mid "
    "fin finales principios mediados debut mi ce cette cet este esta siguiente first "
    "second third fourth premier deuxieme troisieme quatrieme primer segundo tercer "
    "cuarto sous"
)
_SEASONS = set(rules.SEASONS) | set(rules.SEASON_WORDS) | {"fall", "automne", "hiver"}
_SEASONS |= {"otono", "invierno", "verano", "weekend", "week-end", "weekends"}
_EVENT_WORDS = _set(
    "meeting meetings session sessions conference retreat summit agm deadline break "
    "recess holidays holiday vote launch elections workshop seminar msp rc date dates "
    "cut-off cutoff pause intersessionals reunion reunions sommet seance atelier "
    "seminaire echeance vacances cumbre conferencia sesion taller seminario plazo "
    "vacaciones receso fecha"
)
_STRONG = {"before", "until", "till", "avant", "d'ici", "antes", "hasta", "prior", "ahead"}
_DEADLINE = _STRONG | {"by", "no", "not", "latest", "para", "after", "apres", "despues", "b4"}
# Day words (folded); "next week", "semaine prochaine" are a unit and a relative word (below).
_RELATIVE = _set(
    "today tomorrow tonight tmrw tmr tmw tmrow 2moro 2morrow 2mrw tomoz tonite aujourd'hui demain "
    "apres-demain hoy"
) | {"this morning", "this afternoon", "this evening", "the day after tomorrow", "ce soir"}
_RELATIVE |= {"ce matin", "cet apres-midi", "esta tarde", "esta noche", "pasado manana"}
_UNITS = _set(
    "day days week weeks wk wks month months mth mths year years yr yrs fortnight fortnights "
    "quarter quarters hours hrs jour jours semaine semaines mois ans annee annees quinzaine "
    "huitaine heures horas trimestre "
    "trimestres dia dias semana semanas mes meses ano anos quincena"
)
_VARIANTS = {"tues", "thur", "thurs", "weds", "sept"}  # chat spellings CLDR does not have


@dataclass(frozen=True)
class _Words:
    full: frozenset[str]  # month and weekday names written out
    short: frozenset[str]  # abbreviations and variants: only next to a date word
    units: frozenset[str]
    relative: re.Pattern[str]  # "tomorrow", "la semaine prochaine", "tmrw"
    holiday: re.Pattern[str]


def _fold(word: str) -> str:
    return vocab.same_length_fold(word).strip(".").strip()


@lru_cache(maxsize=1)
def _words() -> _Words:
    """Built once, at first use: Babel's CLDR names are loaded only here (not dateparser's data,
    which would import dateparser for every line read)."""
    from babel.dates import get_day_names, get_month_names

    full: set[str] = set()
    short: set[str] = set()
    for loc in ("en", "fr", "es"):
        for ctx in ("format", "stand-alone"):
            full |= {_fold(n) for n in get_month_names("wide", ctx, loc).values()}
            full |= {_fold(n) for n in get_day_names("wide", ctx, loc).values()}
            short |= {_fold(n) for n in get_month_names("abbreviated", ctx, loc).values()}
            short |= {_fold(n) for n in get_day_names("abbreviated", ctx, loc).values()}
    short |= _VARIANTS
    phrases = sorted(_RELATIVE, key=len, reverse=True)
    rel = rf"(?<![\w'])(?:{'|'.join(map(re.escape, phrases))}|(?<!la )(?<!esta )(?<!por )manana)(?!\w)"
    hol = rf"(?<![\w'])(?:{vocab.alt(extra.HOLIDAY_KEYS)})(?!\w)"
    return _Words(
        frozenset(full - {""}),
        frozenset(short - full - {""}),
        _UNITS,
        re.compile(rel),
        re.compile(hol),
    )


def warm_up() -> None:
    """Load the name data now, not on the first line a user types."""
    _words()


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    word: str  # folded, without an elided article ("l'ete" -> "ete")
    elided: str  # the elided article, if any ("l'")
    capital: bool


def _tokens(text: str, folded: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(folded):
        word = m[0]
        el = _ELIDED.match(word) if word not in {"d'ici", "aujourd'hui"} else None
        elided = el[0] if el else ""
        out.append(_Tok(m.start(), m.end(), word[len(elided) :], elided, text[m.start()].isupper()))
    return out


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def date_like(
    text: str,
    covered: Sequence[tuple[int, int]],
    known: Sequence[tuple[int, int]] = (),
    folded: str | None = None,
) -> list[tuple[int, int]]:
    """Spans of date-like phrases in ``text`` outside ``covered`` (date phrases already read or
    flagged) and ``known`` (entities: States, people, roles, areas); ``folded``: the text
    folded by ``same_length_fold``, when the caller has it."""
    folded = vocab.same_length_fold(text) if folded is None else folded
    words = _words()
    toks = _tokens(text, folded)
    blocked = [*covered, *(k for k in known if not _date_first(k, toks, text, words))]
    free = [not _inside(t.start, t.end, blocked) for t in toks]
    seeds: list[tuple[int, int]] = []  # token index ranges [i, j)
    for i in range(len(toks)):
        if free[i] and _seed(i, toks, text, words, free):
            seeds.append((i, i + 1))
    for pattern in (words.relative, words.holiday):
        for m in pattern.finditer(folded):
            idx = [k for k, t in enumerate(toks) if m.start() <= t.start < m.end()]
            if not idx or not all(free[k] for k in idx):
                continue
            if pattern is words.holiday and _prev(idx[0], toks) not in _DATE_PREP:
                continue  # "the Easter egg hunt" is no date; "after Easter" is
            seeds.append((idx[0], idx[-1] + 1))
    spans = []
    for i, j in _merge(seeds, toks, free, text):
        spans.append((toks[i].start, toks[j - 1].end))
    return spans


def _date_first(span: tuple[int, int], toks: list[_Tok], text: str, words: _Words) -> bool:
    """An entity that is one date token after a day preposition is a date: "on Mon" is Monday,
    not Mongolia's code; "by 31.3" is a day, not an amount (codes are typed in capitals)."""
    inside = [k for k, t in enumerate(toks) if span[0] <= t.start and t.end <= span[1]]
    if len(inside) != 1 or inside[0] == 0 or toks[inside[0] - 1].word not in _DAY_PREP:
        return False
    tok = toks[inside[0]]
    if text[tok.start : tok.end].isupper():
        return False
    name = tok.word in words.full or tok.word in words.short
    return name or bool(_DOT.fullmatch(tok.word) or _SLASH.fullmatch(tok.word))


def _prev(i: int, toks: list[_Tok]) -> str:
    if toks[i].elided:
        return toks[i].elided
    return toks[i - 1].word if i > 0 else ""


def _next(i: int, toks: list[_Tok]) -> str:
    return toks[i + 1].word if i + 1 < len(toks) else ""


def _ends_here(i: int, toks: list[_Tok], text: str) -> bool:
    """Nothing after token ``i`` names a thing: end of line, punctuation, or a function word."""
    if i + 1 >= len(toks):
        return True
    between = text[toks[i].end : toks[i + 1].start]
    return bool(between.strip()) or toks[i + 1].word in _ENDS or toks[i + 1].word in _DATE_PREP


def _is_number(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS


def _seed(i: int, toks: list[_Tok], text: str, words: _Words, free: list[bool]) -> bool:
    tok, prev, nxt = toks[i], _prev(i, toks), _next(i, toks)
    w = tok.word
    near_number = prev.isdigit() or bool(_ORDINAL.fullmatch(nxt)) or bool(_ORDINAL.fullmatch(prev))
    if w in words.full or w in words.short:
        if near_number or prev in _DATE_PREP:
            return True
        if w in words.short or w in {"may", "march"} or (not tok.capital and w in {"sat", "sun"}):
            return False  # everyday words: "May we ask", "March of the coordinators"
        if i > 0 and toks[i - 1].capital and free[i - 1] and prev not in words.full:
            return False  # inside a name: "Santo Domingo", "Port Mayo"
        attributive = prev in _ARTICLES and nxt.isalpha() and nxt not in _ENDS | _DATE_PREP
        return not attributive  # "the Friday group notes"
    if w in words.units:
        if nxt == "after" and i + 2 < len(toks) and toks[i + 2].word == "next":
            return True  # "the week after next"
        if w in {"day", "jour", "dia"} and prev in _ORDINALS and nxt not in _OF | words.full:
            return False  # "my first day here", "mi primer día": a day in someone's life
        if prev in _RELATIVE_UNIT or nxt in _RELATIVE_UNIT - {"this", "ce", "este", "esta"}:
            return True
        if _is_number(prev) and i >= 1 and nxt not in _NOT_DUE:
            before = toks[i - 2].word if i >= 2 else ""
            if before in _DURATION:
                return False
            return prev not in _ARTICLE_NUMBERS or before in _DATE_PREP
        return False
    if _ISO.fullmatch(w):
        return True
    if m := _SLASH.fullmatch(w):
        return _valid(m) and (prev in _DAY_PREP or w.count("/") == 2)
    if m := _DOT.fullmatch(w):
        return _valid(m) and (bool(m["y"]) or prev in _DAY_PREP)
    if ((m := _ORDINAL.fullmatch(w)) and int(m["d"]) <= 31 and w != m["d"]) or w.isdigit():
        return _ordinal_day(i, toks, text, prev)
    if w in _SEASONS:
        return prev in _DATE_PREP | {"the", "la", "l'", "d'"} and not (w == "ete" and prev == "a")
    if w in _EVENT_WORDS or re.fullmatch(r"\d{1,2}(?:msp|rc)|(?:msp|rc)\d{1,2}", w):
        return _after_deadline(i, toks, text)
    return False


def _valid(m: re.Match[str]) -> bool:
    return 1 <= int(m["d"]) <= 31 and 1 <= int(m["m"]) <= 12


def _ordinal_day(i: int, toks: list[_Tok], text: str, prev: str) -> bool:
    """ "by the 3rd", "le 3", "el 12": a day of the month named alone, not "the 3rd report"."""
    m = _ORDINAL.fullmatch(toks[i].word)
    if m is None or not 1 <= int(m["d"]) <= 31:
        return False
    bare = toks[i].word.isdigit()
    if bare and prev not in {"le", "el", "del", "al", "au", "du"}:
        return False  # "2 reports", "the 8 States", "Article 4"
    if not bare and prev not in {"the", "on", "by", "before", "until", "till", "le", "el", "du"}:
        return False
    return _ends_here(i, toks, text)


def _after_deadline(i: int, toks: list[_Tok], text: str) -> bool:
    return _deadline_at(i, toks, text) >= 0


def _deadline_at(i: int, toks: list[_Tok], text: str) -> int:
    """A deadline connector a few words before: "by the AGM", "before the cut-off date" (at
    most one other word between, no number: "by hand at the meeting" is not one)."""
    others = 0
    for back in range(1, 5):
        if i - back < 0:
            return -1
        tok = toks[i - back]
        if tok.word in _DEADLINE:
            return i - back
        compound = text[tok.end : tok.end + 1] == "-"  # "cut-off": one word
        if tok.word not in _GLUE and not compound:
            others += 1
            if others > 1 or not tok.word.isalpha():
                return -1
    return -1


def _merge(
    seeds: list[tuple[int, int]], toks: list[_Tok], free: list[bool], text: str
) -> list[tuple[int, int]]:
    """Grow each seed over the date glue around it, then join seeds that touch."""
    grown = []
    for i, j in sorted(seeds):
        conn = _deadline_at(i, toks, text) if toks[i].word in _EVENT_WORDS else -1
        if conn >= 0 and all(free[k] for k in range(conn, i)):
            i = conn  # "before the cut-off date"
        while i > 0 and free[i - 1] and _grows(toks[i - 1]):
            i -= 1
        while i < j - 1 and toks[i].word in {"of", "de", "du", "del"}:
            i += 1  # "la réunion de lundi": the day, not "de lundi"
        while j < len(toks) and free[j] and _glue_number(toks[j]):
            j += 1
        grown.append((i, j))
    out: list[tuple[int, int]] = []
    for i, j in grown:
        if out and i <= out[-1][1] + 2 and all(toks[k].word in _GLUE for k in range(out[-1][1], i)):
            out[-1] = (out[-1][0], max(j, out[-1][1]))
        else:
            out.append((i, j))
    return out


def _grows(tok: _Tok) -> bool:
    word = tok.word
    return word in _GLUE or word in _RELATIVE_UNIT or word in _NUMBER_WORDS or _glue_number(tok)


def _glue_number(tok: _Tok) -> bool:
    return bool(re.fullmatch(r"\d{1,4}(?:st|nd|rd|th|er)?", tok.word))
