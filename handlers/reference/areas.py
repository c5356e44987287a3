"""The Committee's thematic areas and the words people use for them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from handlers.reply.text import fold


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    aliases: tuple[str, ...]


AREAS: tuple[Area, ...] = (
    Area(
        "general_status",
        "General Status and Operation of the Convention",
        (
            "general status",
            "general status and operation",
            "operation of the convention",
            "gso",
            "fonctionnement de la convention",
            "etat general",
            "funcionamiento de la convencion",
            "situacion general",
        ),
    ),
    Area(
        "universalization",
        "Universalization",
        ("universalization", "universalisation", "univ", "universalizacion"),
    ),
    Area(
        "stockpile",
        "Stockpile Destruction and Retention",
        (
            "stockpile destruction",
            "stockpile",
            "stockpiles",
            "article 3",
            "art 3",
            "retention",
            "destruction des stocks",
            "stocks",
            "destruccion de existencias",
            "existencias",
            "arsenales",
            "destruir sus reservas",
            "sus reservas",
            "detruire ses stocks",
        ),
    ),
    Area(
        "clearance",
        "Clearance and Risk Reduction Education",
        (
            "clearance and risk reduction education",
            "clearance and risk education",
            "clearance",
            "risk reduction education",
            "risk education",
            "rre",
            "article 4",
            "art 4",
            "depollution",
            "deminage",
            "education aux risques",
            "limpieza",
            "remocion",
            "desminado",
            "educacion sobre el riesgo",
        ),
    ),
    Area(
        "victim_assistance",
        "Victim Assistance",
        (
            "victim assistance",
            "va",
            "article 5",
            "assistance aux victimes",
            "asistencia a las victimas",
            "asistencia a victimas",
        ),
    ),
    Area(
        "cooperation",
        "International Cooperation and Assistance",
        (
            "international cooperation and assistance",
            "cooperation and assistance",
            "international cooperation",
            "cooperation",
            "ica",
            "article 6",
            "cooperation et assistance internationales",
            "cooperation internationale",
            "cooperacion y asistencia internacionales",
            "cooperacion internacional",
            "cooperacion",
        ),
    ),
    Area(
        "transparency",
        "Transparency Measures",
        (
            "transparency measures",
            "transparency",
            "article 7",
            "art 7",
            "mesures de transparence",
            "transparence",
            "medidas de transparencia",
            "transparencia",
        ),
    ),
    Area(
        "national_implementation",
        "National Implementation Measures",
        (
            "national implementation measures",
            "national implementation",
            "nim",
            "article 9",
            "mesures nationales d'application",
            "mise en oeuvre nationale",
            "medidas nacionales de aplicacion",
            "aplicacion nacional",
        ),
    ),
)

AREA_BY_KEY = {area.key: area for area in AREAS}


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted({alias for area in AREAS for alias in area.aliases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


@cache
def _alias_to_key() -> dict[str, str]:
    return {alias: area.key for area in AREAS for alias in area.aliases} | {
        fold(area.name): area.key for area in AREAS
    }


def resolve_area(text: str) -> Area | None:
    """The area a whole phrase names ("VA", "universalisation", "Article 4"), else None."""
    phrase = re.sub(r"\b(the|coordinators?|on|of|for|area)\b", " ", fold(text))
    phrase = " ".join(phrase.split())
    key = _alias_to_key().get(phrase)
    return AREA_BY_KEY[key] if key else None


def find_area(text: str) -> Area | None:
    """The first area named anywhere in free text (two-letter aliases only as whole words)."""
    match = _pattern().search(fold(text))
    return AREA_BY_KEY[_alias_to_key()[match.group(1)]] if match else None


_CASED = {"va"}  # a short alias that is a Spanish word ("¿cómo va?"): in capitals only


def find_areas(text: str) -> list[tuple[int, int, str]]:
    """Every area named in free text, as (start, end, area key); spans index into ``text``."""
    from handlers.dates.vocab import same_length_fold

    folded = same_length_fold(text).replace("'", "'")
    found = []
    for match in _pattern().finditer(folded):
        alias = match.group(1)
        if alias in _CASED and not text[match.start() : match.end()].isupper():
            continue
        found.append((match.start(), match.end(), _alias_to_key()[alias]))
    return found


def suggest_area(word: str) -> Area | None:
    """Did-you-mean for a mistyped area name."""
    choices = {alias: key for alias, key in _alias_to_key().items() if len(alias) > 3}
    from rapidfuzz import fuzz, process  # only suggestions need it: imported then

    best = process.extractOne(fold(word), list(choices), scorer=fuzz.WRatio, score_cutoff=85)
    return AREA_BY_KEY[choices[best[0]]] if best else None
