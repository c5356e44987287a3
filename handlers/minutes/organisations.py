"""Organisations that sit in mine action and disarmament meetings, and State names in French and
Spanish (CLDR, through Babel): who a line of an attendance list or an action's owner names."""

from __future__ import annotations

import re
from functools import lru_cache

from handlers.reference.states import StateDirectory, StateName
from handlers.reply.text import fold

# Canonical short name -> other ways minutes write it (matched case- and accent-insensitively).
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "ICRC": (
        "International Committee of the Red Cross",
        "CICR",
        "Comité international de la Croix-Rouge",
        "Comité Internacional de la Cruz Roja",
    ),
    "IFRC": ("International Federation of Red Cross and Red Crescent Societies",),
    "CMC": (
        "Cluster Munition Coalition",
        "CMC/ICBL",
        "ICBL-CMC",
        "ICBL/CMC",
        "Coalition contre les armes à sous-munitions",
        "Coalición contra las Municiones en Racimo",
        "Coalición contra las Bombas en Racimo",
    ),
    "ICBL": ("International Campaign to Ban Landmines",),
    "GICHD": (
        "Geneva International Centre for Humanitarian Demining",
        "Centre international de déminage humanitaire de Genève",
        "CIDHG",
    ),
    "UNDP": ("United Nations Development Programme", "PNUD"),
    "UNODA": ("United Nations Office for Disarmament Affairs", "ODA", "UNODA Geneva"),
    "UNMAS": ("United Nations Mine Action Service", "SLAM"),
    "UNICEF": ("United Nations Children's Fund",),
    "UNHCR": ("Office of the United Nations High Commissioner for Refugees",),
    "OHCHR": ("Office of the High Commissioner for Human Rights",),
    "UNIDIR": ("United Nations Institute for Disarmament Research",),
    "UNOPS": ("United Nations Office for Project Services",),
    "UNOG": ("United Nations Office at Geneva",),
    "World Health Organization": ("WHO",),
    "NPA": ("Norwegian People's Aid",),
    "Mines Advisory Group": ("MAG",),
    "HALO Trust": ("HALO", "The HALO Trust"),
    "DanChurchAid": ("DCA",),
    "Danish Refugee Council": ("Danish Demining Group", "DDG"),
    "Humanity & Inclusion": ("HI", "Handicap International", "Humanity and Inclusion"),
    "Landmine Monitor": (
        "Landmine and Cluster Munition Monitor",
        "Monitor",
        "Cluster Munition Monitor",
    ),
    "ISU": (
        "Implementation Support Unit",
        "ISU-CCM",
        "CCM ISU",
        "APMBC ISU",
        "ISU-APMBC",
        "Unité d'appui à l'application",
        "Unidad de Apoyo a la Implementación",
        "UAI",
        "UAA",
    ),
    "Secretariat": ("the Secretariat", "Secrétariat", "Secretaría"),
    "EU": (
        "European Union",
        "European Commission",
        "Union européenne",
        "Unión Europea",
        "EEAS",
        "European External Action Service",
    ),
    "OAS": (
        "Organization of American States",
        "OEA",
        "Organización de los Estados Americanos",
        "Organisation des États américains",
    ),
    "AU": ("African Union", "Union africaine", "Unión Africana"),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "OSCE": ("Organization for Security and Co-operation in Europe",),
    "NATO": ("NATO Support and Procurement Agency", "NSPA"),
    "World Bank": ("Banque mondiale", "Banco Mundial"),
    "ITF": ("ITF Enhancing Human Security",),
    "Geneva Call": ("Appel de Genève",),
    "Human Rights Watch": ("HRW",),
    "Mines Action Canada": ("MAC",),
}
_ACRONYM = re.compile(r"^[A-Z][A-Z&./-]{1,9}$")
_KEYS: dict[str, str] = {}
_CODES: dict[str, str] = {}  # short acronyms ("AU", "HI", "WHO") count only written in capitals
for _name, _aliases in ORGANISATIONS.items():
    for _alias in (_name, *_aliases):
        if len(_alias) <= 4 and _alias.isupper():
            _CODES[_alias] = _name
        else:
            _KEYS[fold(_alias)] = _name
_ORG_WORDS = re.compile(
    r"\b(?:Coalition|Campaign|Committee|Office|Red\s+Cross|Red\s+Crescent|United\s+Nations|Union|"
    r"Centre|Center|Trust|Aid|Watch|Institute|Foundation|Fund|Programme|Program|Agency|Bank|"
    r"Organi[sz]ation|Council|Association|Society|Mission|Ministry|Embassy|Delegation|Secretariat|"
    r"Service|Network|Alliance|Federation|Authority|Commission|Group|University|Ltd|Inc|"
    r"Permanent\s+Mission|Minist[eè]re|Ministerio|Misi[óo]n|Ambassade|Embajada|Fondation|Fundaci[óo]n)\b",
    re.I,
)


def organisation(text: str, *, whole: bool = False) -> str | None:
    """The canonical short name of a known organisation the text names, else None; with
    ``whole`` only when the text is nothing but its name ("Cluster Munition Coalition (CMC)"
    still is; "Ms. Jane Doe - UNDP" is not)."""
    raw = text.strip(" .,;:()")
    if raw in _CODES:
        return _CODES[raw]
    key = re.sub(r"^(?:the|la|le|les|el|los|las|l')\s*", "", fold(raw))
    if key in _KEYS:
        return _KEYS[key]
    # "Cluster Munition Coalition (CMC)", "CMC/ICBL": every part names the same one
    parts = [p for p in re.split(r"\s*[(/,)]\s*|\s+-\s+", text) if p.strip(" .,;:()")]
    if whole:
        names = {organisation(p) for p in parts}
        return names.pop() if len(names) == 1 and None not in names and len(parts) > 1 else None
    for part in parts:
        bare = part.strip(" .,;:()")
        if bare in _CODES:
            return _CODES[bare]
        if (part_key := re.sub(r"^the\s+", "", fold(bare))) in _KEYS:
            return _KEYS[part_key]
    return None


def looks_like_organisation(text: str) -> bool:
    """ "Mines Advisory Group", "UNHAS", "Ministry of Defence": an organisation's name by form."""
    stripped = text.strip(" .,;:")
    return bool(_ORG_WORDS.search(stripped)) or bool(_ACRONYM.match(stripped))


# Official or older French/Spanish forms CLDR does not give (UN terminology).
_FORMS = {
    "république tchèque": "CZ",
    "república checa": "CZ",
    "états-unis d'amérique": "US",
    "estados unidos de américa": "US",
    "fédération de russie": "RU",
    "federación de rusia": "RU",
    "république de corée": "KR",
    "república de corea": "KR",
    "royaume-uni de grande-bretagne et d'irlande du nord": "GB",
    "reino unido de gran bretaña e irlanda del norte": "GB",
    "république démocratique populaire lao": "LA",
    "república democrática popular lao": "LA",
    "république démocratique du congo": "CD",
    "república democrática del congo": "CD",
    "bosnie-herzégovine": "BA",
    "viet nam": "VN",
}


@lru_cache(maxsize=1)
def _foreign_names() -> dict[str, str]:
    """French and Spanish country names (CLDR, plus UN forms) -> ISO alpha-2."""
    from babel import Locale

    out: dict[str, str] = {fold(name): code for name, code in _FORMS.items()}
    for code in ("fr", "es"):
        for alpha2, name in Locale(code).territories.items():
            if len(alpha2) == 2 and alpha2.isalpha():
                out[fold(name)] = alpha2
                out[fold(re.sub(r"^(?:la|le|les|l['’]|el|los|las)\s*", "", name, flags=re.I))] = (
                    alpha2
                )
    return out


def state(text: str, states: StateDirectory) -> StateName | None:
    """A State named by the whole text, in English, French or Spanish."""
    name = text.strip(" .,;:")
    if not name or len(name) > 60:
        return None
    found = states.lookup(name)
    if found is not None:
        return found
    bare = re.sub(r"^(?:la|le|les|l['’]|el|los|las|the)\s*", "", name, flags=re.I)
    names = _foreign_names()
    alpha2 = names.get(fold(bare)) or names.get(fold(name))
    if alpha2 is None and len(bare) >= 6:
        # UN and CLDR spellings differ slightly ("Nueva Zelandia" / "Nueva Zelanda")
        from rapidfuzz import fuzz, process

        best = process.extractOne(fold(bare), list(names), scorer=fuzz.ratio, score_cutoff=90)
        alpha2 = names[best[0]] if best else None
    if alpha2 is None:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return states.get(country.alpha_3) if country is not None else None
