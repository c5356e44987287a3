"""Names inside a sentence: French puts an article before a State ("pour le Chili", "l’Autriche",
"les Pays-Bas", but "Cuba") and contracts it with "de" and "à" ("du Pérou", "aux Pays-Bas").

A label ("Chili : 5 000,00 CHF reçu") takes the bare name (``state_label``); a sentence takes a
:class:`Names` and is written with :func:`fill`, which contracts the preposition the translation
put before the placeholder. English and Spanish name States without an article, as the
committee writes them ("para Chile", "de Perú"), so only French changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from handlers.i18n.catalog import current_language
from handlers.i18n.formats import join_names, state_label

# Names French writes without an article: islands, city-States and a few others (UN usage).
_BARE = frozenset(
    {
        "ATG",  # Antigua-et-Barbuda
        "BHR",  # Bahreïn
        "BRN",  # Brunei
        "CUB",
        "CYP",  # Chypre
        "DJI",
        "HTI",  # Haïti
        "ISR",  # Israël
        "KIR",
        "KNA",  # Saint-Kitts-et-Nevis
        "LCA",  # Sainte-Lucie
        "MCO",
        "MDG",  # Madagascar
        "MLT",  # Malte
        "MUS",  # Maurice
        "NIU",  # Niue
        "NRU",  # Nauru
        "OMN",
        "SGP",  # Singapour
        "SMR",  # Saint-Marin
        "STP",  # Sao Tomé-et-Principe
        "TON",  # Tonga
        "TTO",  # Trinité-et-Tobago
        "TUV",  # Tuvalu
        "TWN",
        "VCT",  # Saint-Vincent-et-les-Grenadines
    }
)
# Plural names: "les Pays-Bas", "les Fidji", "les Émirats arabes unis".
_PLURAL = frozenset(
    {"ARE", "BHS", "COK", "COM", "FJI", "MDV", "MHL", "NLD", "PHL", "PLW", "SLB", "SYC", "USA"}
)
# Masculine names that end in -e ("le Mexique"), feminine ones that do not ("la Sierra Leone").
_MASCULINE = frozenset({"BLZ", "KHM", "MEX", "MOZ", "SUR", "ZWE", "VAT", "GBR"})
_FEMININE = frozenset({"RUS", "SLE"})  # la Fédération de Russie, la Sierra Leone
# "le Honduras", "la Hongrie": an aspirated h takes no elision.
_ASPIRATED = frozenset({"HND", "HUN"})
_VOWELS = "AEIOUYÀÂÉÈÊÎÏÔÖÛÜaeiouéèêîô"


def french_article(iso3: str, name: str) -> str:
    """The definite article of a State's French name: "le ", "la ", "l’", "les " or ""."""
    if iso3 in _BARE:
        return ""
    if iso3 in _PLURAL:
        return "les "
    if name[:1] in _VOWELS and name[:1] not in "Yy" and iso3 not in _ASPIRATED:
        return "l’"
    head = re.split(r"[\s\-(]", name, maxsplit=1)[0]
    feminine = iso3 in _FEMININE or (head.endswith("e") and iso3 not in _MASCULINE)
    return "la " if feminine else "le "


@dataclass(frozen=True)
class Names:
    """One or more names said in a sentence, each with its article where French wants one."""

    names: tuple[str, ...]

    def __str__(self) -> str:
        return join_names(self.names)


def words(*names: str) -> Names:
    """Names that are already as the sentence says them ("l’ISU", "<@U1>")."""
    return Names(tuple(n for n in names if n))


def state_in_text(iso3: str | None, english: str) -> Names:
    """A State as a sentence names it: "le Chili", "Chile", "Chile"."""
    return states_in_text([(iso3, english)])


def states_in_text(states: Iterable[tuple[str | None, str]]) -> Names:
    """Several States as a sentence names them: "le Chili et l’Italie", "Chile e Italia"."""
    out = []
    for iso3, english in states:
        name = state_label(iso3, english)
        if current_language() == "fr" and iso3:
            name = french_article(iso3, name) + name
        out.append(name)
    return Names(tuple(dict.fromkeys(out)))


# "de le" -> "du", "à les" -> "aux"; "de" before a vowel is elided ("d’Israël").
_CONTRACTED = {
    ("de", "le "): "du ",
    ("de", "les "): "des ",
    ("à", "le "): "au ",
    ("à", "les "): "aux ",
}


def _with(preposition: str, name: str) -> str:
    capital = preposition[:1].isupper()
    for (word, article), joined in _CONTRACTED.items():
        if preposition.lower() == word and name.startswith(article):
            said = joined + name[len(article) :]
            return said[:1].upper() + said[1:] if capital else said
    if preposition.lower() == "de" and name[:1] in _VOWELS and not name.startswith("l’"):
        return ("D’" if capital else "d’") + name
    return f"{preposition} {name}"


_PLACE = re.compile(r"\b(?P<prep>de|à|De|À) \{(?P<key>\w+)\}")


def fill(template: str, **values: object) -> str:
    """``template.format(**values)``; in French, a preposition before a :class:`Names` value
    is said with each name ("du Chili et de l’Italie", "aux Pays-Bas")."""
    if current_language() == "fr":

        def contract(found: re.Match[str]) -> str:
            value = values.get(found["key"])
            if not isinstance(value, Names) or not value.names:
                return found[0]
            said = [_with(found["prep"], name) for name in value.names]
            return join_names(said).replace("{", "{{").replace("}", "}}")

        template = _PLACE.sub(contract, template)
    return template.format(**{k: str(v) if isinstance(v, Names) else v for k, v in values.items()})


def owner_in_text(kind: str | None, ref: str | None, label: str, *, article: bool = True) -> Names:
    """An owner as the reader's language names it: States (with their article in a sentence,
    unless ``article`` is false), the Presidency, the ISU, an area's coordinators; people and
    free text as written (``label``, escaped)."""
    from handlers.i18n.catalog import _
    from handlers.i18n.terms import term
    from handlers.reference.areas import AREA_BY_KEY
    from handlers.reference.states import StateDirectory
    from handlers.reply.mrkdwn import owner_text

    if current_language() == "en":
        return words(owner_text(label))
    if kind == "presidency":
        return words(_("the Presidency"))
    if kind == "isu":
        return words(_("the ISU"))
    if kind == "committee":
        return words(_("the Committee"))
    area = AREA_BY_KEY.get(ref or "") if kind == "area" else None
    if area is not None:
        return words(_("the {area} coordinators").format(area=term(area.name)))
    if kind in ("state", "states") and ref:
        directory = StateDirectory.default()
        found = [(code, s.short) for c in ref.split(",") if (s := directory.get(code := c.strip()))]
        if found and article:
            return states_in_text(found)
        if found:
            return words(*(state_label(code, name) for code, name in found))
    return words(owner_text(label))
