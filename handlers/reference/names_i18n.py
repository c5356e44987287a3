"""State names as French and Spanish speakers type them, and the adjectives people use for States.

French and Spanish names come from CLDR through Babel ("Pérou", "Liban", "Suiza", "Estados
Unidos"), so they stay complete without a hand-kept list; they are kept in names_fr_es.tsv
(``write_names_file`` regenerates it, a test checks it against Babel) because loading CLDR at
start-up would cost the console's first answer ~100 ms. A name that would also name another
State, or that is an everyday word, is left out (see ``_NOT_NAMES``).

Adjectives ("the Italians", "the Albanian mission", "los italianos") only count when a caller
asks for demonyms: "Swiss francs" or "letters in Spanish" do not name a State. Language names
(French, Spanish, English, German as a language...) are left out on purpose.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

# CLDR names that are everyday words or people's names in the committee's sentences.
_NOT_NAMES = frozenset({"maurice", "mauricio", "georgia", "jordan", "chad"})

# English adjectives (several split by |) and their plurals (built: +s), then French and Spanish ones.
_ADJECTIVES: dict[str, str] = {
    "AFG": "Afghan",
    "ALB": "Albanian",
    "DZA": "Algerian",
    "AGO": "Angolan",
    "ARG": "Argentinian|Argentine",
    "AUS": "Australian",
    "AUT": "Austrian",
    "BEL": "Belgian",
    "BIH": "Bosnian",
    "BOL": "Bolivian",
    "BWA": "Botswanan",
    "BRA": "Brazilian",
    "BGR": "Bulgarian",
    "BFA": "Burkinabe",
    "KHM": "Cambodian",
    "CMR": "Cameroonian",
    "CAN": "Canadian",
    "CHL": "Chilean",
    "CHN": "Chinese",
    "COL": "Colombian",
    "CRI": "Costa Rican",
    "HRV": "Croatian",
    "CUB": "Cuban",
    "CZE": "Czech",
    "DNK": "Danish",
    "ECU": "Ecuadorian",
    "EGY": "Egyptian",
    "ETH": "Ethiopian",
    "FJI": "Fijian",
    "FIN": "Finnish",
    "GHA": "Ghanaian",
    "GRC": "Greek",
    "GTM": "Guatemalan",
    "HUN": "Hungarian",
    "IND": "Indian",
    "IDN": "Indonesian",
    "IRN": "Iranian",
    "IRQ": "Iraqi",
    "IRL": "Irish",
    "ITA": "Italian",
    "JPN": "Japanese",
    "KEN": "Kenyan",
    "LAO": "Laotian",
    "LBN": "Lebanese",
    "LBY": "Libyan",
    "LTU": "Lithuanian",
    "MWI": "Malawian",
    "MLI": "Malian",
    "MRT": "Mauritanian",
    "MEX": "Mexican",
    "MNE": "Montenegrin",
    "MOZ": "Mozambican",
    "NLD": "Dutch",
    "NZL": "New Zealander|Kiwi",
    "NIC": "Nicaraguan",
    "NGA": "Nigerian",
    "NOR": "Norwegian",
    "PAK": "Pakistani",
    "PSE": "Palestinian",
    "PAN": "Panamanian",
    "PRY": "Paraguayan",
    "PER": "Peruvian",
    "PHL": "Philippine|Filipino",
    "POL": "Polish",
    "RUS": "Russian",
    "SAU": "Saudi",
    "SEN": "Senegalese",
    "SRB": "Serbian",
    "SLE": "Sierra Leonean",
    "SVK": "Slovak|Slovakian",
    "SVN": "Slovenian",
    "SOM": "Somali",
    "ZAF": "South African",
    "SSD": "South Sudanese",
    "LKA": "Sri Lankan",
    "SDN": "Sudanese",
    "SWE": "Swedish",
    "CHE": "Swiss",
    "SYR": "Syrian",
    "TZA": "Tanzanian",
    "THA": "Thai",
    "TGO": "Togolese",
    "TUN": "Tunisian",
    "TUR": "Turkish",
    "UGA": "Ugandan",
    "UKR": "Ukrainian",
    "GBR": "British",
    "USA": "American",
    "URY": "Uruguayan",
    "VEN": "Venezuelan",
    "VNM": "Vietnamese",
    "YEM": "Yemeni",
    "ZMB": "Zambian",
    "ZWE": "Zimbabwean",
    "DEU": "German",
    "ESP": "Spaniard",
}
_FOREIGN_ADJECTIVES: dict[str, str] = {
    "ITA": "italien italienne italiens italiennes italiano italiana italianos italianas",
    "ALB": "albanais albanaise albanés albanesa albaneses",
    "CHE": "suisse suisses suizo suiza suizos",
    "DEU": "allemand allemande allemands alemán alemana alemanes",
    "AUT": "autrichien autrichienne autrichiens austriaco austríaco austriacos",
    "LBN": "libanais libanaise libanés libanesa libaneses",
    "CHL": "chilien chilienne chiliens chileno chilena chilenos",
    "PER": "péruvien péruvienne péruviens peruano peruana peruanos",
    "MEX": "mexicain mexicaine mexicains mexicano mexicana mexicanos",
    "NOR": "norvégien norvégienne norvégiens noruego noruega noruegos",
    "AUS": "australien australienne australiens australiano australiana australianos",
    "IRQ": "irakien irakienne irakiens iraquí iraquíes",
    "LAO": "laotien laotienne laotiens laosiano laosianos",
    "ZMB": "zambien zambienne zambiens zambiano zambianos",
    "BWA": "botswanais botswanaise botsuano botsuana",
    "NLD": "néerlandais néerlandaise neerlandés holandés holandeses",
    "BEL": "belge belges belga belgas",
    "BRA": "brésilien brésilienne brasileño brasileña",
    "COL": "colombien colombienne colombiano colombiana",
    "CRI": "costaricien costaricienne costarricense",
    "NZL": "néo-zélandais néo-zélandaise neozelandés neozelandesa",
    "HRV": "croate croates croata croatas",
}


# Long forms CLDR lacks (its French names are "Congo-Kinshasa" and "Congo-Brazzaville").
_MORE_FOREIGN: dict[str, list[str]] = {
    "COD": ["République démocratique du Congo", "RD Congo", "R.D. Congo"],
    "COG": ["République du Congo", "República del Congo"],
    "LAO": ["RDP lao", "República Democrática Popular Lao"],
    "BIH": ["Bosnie"],
    "GBR": ["Grande-Bretagne", "Gran Bretaña"],
    "USA": ["EE. UU.", "EEUU"],
}


def _plural(word: str) -> list[str]:
    if word.endswith(("ss", "sh", "ch", "ese", "i")) or word in {"Swiss", "Dutch", "Thai"}:
        return [word] if word.endswith(("ss", "sh", "ch", "ese")) else [word, word + "s"]
    return [word, word + "s"]


# Adjectives that are also language names, left out of the demonyms ("letters in French" names
# no State); the reader counts them only beside a word for a State's people ("the Spanish
# mission", "la délégation française"): see understanding.entities.
LANGUAGE_ADJECTIVES: dict[str, str] = {
    "spanish": "ESP",
    "espagnole": "ESP",
    "espanola": "ESP",
    "espagnol": "ESP",
    "french": "FRA",
    "francaise": "FRA",
    "francesa": "FRA",
    "francais": "FRA",
    "portuguese": "PRT",
    "portugaise": "PRT",
    "portuguesa": "PRT",
    "dutch": "NLD",
    "british": "GBR",
    "britannique": "GBR",
    "britanica": "GBR",
    "german": "DEU",
    "japanese": "JPN",
    "japonaise": "JPN",
    "japonesa": "JPN",
}


# More French and Spanish adjectives, in the masculine singular only: their feminine and
# plural forms are made by ``inflected`` ("tchadien" → "tchadienne", "tchadiens"; "chadiano"
# → "chadianos"). Language names ("français", "español") are left out: "en français" names
# no State.
_FOREIGN_BASES: dict[str, str] = {
    "SEN": "sénégalais senegalés",
    "TCD": "tchadien chadiano",
    "CMR": "camerounais camerunés",
    "MLI": "malien maliense",
    "BFA": "burkinabè burkinés",
    "NER": "nigérien nigerino",
    "CIV": "ivoirien marfileño",
    "TGO": "togolais togolés",
    "BEN": "béninois beninés",
    "GIN": "guinéen guineano",
    "GHA": "ghanéen ghanés",
    "UGA": "ougandais ugandés",
    "MOZ": "mozambicain mozambiqueño",
    "CAN": "canadien canadiense",
    "ECU": "équatorien ecuatoriano",
    "BOL": "bolivien boliviano",
    "GTM": "guatémaltèque guatemalteco",
    "HND": "hondurien hondureño",
    "NIC": "nicaraguayen nicaragüense",
    "PAN": "panaméen panameño",
    "PRY": "paraguayen paraguayo",
    "URY": "uruguayen uruguayo",
    "DOM": "dominicain dominicano",
    "CUB": "cubain cubano",
    "SLV": "salvadorien salvadoreño",
    "AFG": "afghan afgano",
    "SWE": "suédois sueco",
    "DNK": "danois danés",
    "IRL": "irlandais irlandés",
    "CRI": "costaricain costarricense",
    "COL": "colombien colombiano",
    "BRA": "brésilien brasileño",
    "NZL": "néo-zélandais neozelandés",
    "GBR": "britannique británico",
    "AUT": "autrichien austriaco",
    "ZMB": "zambien zambiano",
    "BWA": "botswanais botsuano",
    "MWI": "malawite malauí",
    "LKA": "sri-lankais esrilanqués",
    "PHL": "philippin filipino",
    "JPN": "japonais",
}


def inflected(word: str) -> list[str]:
    """A French or Spanish adjective with its feminine and plural forms."""
    endings: list[tuple[str, tuple[str, ...]]] = [
        ("ien", ("ienne", "iens", "iennes")),
        ("éen", ("éenne", "éens", "éennes")),
        ("ain", ("aine", "ains", "aines")),
        ("ais", ("aise", "aises")),
        ("ois", ("oise", "oises")),
        ("és", ("esa", "eses", "esas")),
        ("o", ("a", "os", "as")),
        ("e", ("es",)),
        ("í", ("íes",)),
        ("n", ("ne", "ns", "nes")),
    ]
    for ending, forms in endings:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return [word, *(stem + form for form in forms)]
    return [word, word + "s"]


@cache
def demonyms() -> dict[str, list[str]]:
    """iso3 -> adjectives and plural nouns ("Italian", "Italians", "italienne", "italianos")."""
    found: dict[str, list[str]] = {}
    for iso3, words in _ADJECTIVES.items():
        names = [name for word in _split(words) for name in _plural(word)]
        found.setdefault(iso3, []).extend(names)
    for iso3, words in _FOREIGN_ADJECTIVES.items():
        found.setdefault(iso3, []).extend(words.split())
    for iso3, words in _FOREIGN_BASES.items():
        known = found.setdefault(iso3, [])
        known.extend(w for base in words.split() for w in inflected(base) if w not in known)
    return found


def _split(words: str) -> list[str]:
    """ "Costa Rican" is one adjective; "Argentinian|Argentine" two."""
    return words.split("|")


NAMES_FILE = Path(__file__).with_name("names_fr_es.tsv")


def cldr_names(iso2_by_iso3: tuple[tuple[str, str], ...]) -> list[tuple[str, str, str]]:
    """(iso3, language, name) for French and Spanish, straight from CLDR through Babel."""
    from babel import Locale  # only to regenerate the data file: loading CLDR costs ~100 ms

    rows = []
    for language in ("fr", "es"):
        territories = Locale(language).territories
        for iso3, iso2 in sorted(iso2_by_iso3):
            name = territories.get(iso2)
            if name:
                rows.append((iso3, language, name))
    return rows


def write_names_file(iso2_by_iso3: tuple[tuple[str, str], ...]) -> None:
    """Regenerate names_fr_es.tsv from CLDR (run after a Babel upgrade; a test compares them)."""
    lines = ["# iso3\tlanguage\tname: French and Spanish State names from CLDR (Babel)"]
    lines += ["\t".join(row) for row in cldr_names(iso2_by_iso3)]
    NAMES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")


@cache
def stored_names() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for raw in NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            iso3, language, name = raw.split("\t")
            rows.append((iso3, language, name))
    return tuple(rows)


def foreign_names() -> dict[str, list[str]]:
    """iso3 -> the French and Spanish names of each State (CLDR, kept in names_fr_es.tsv)."""
    found: dict[str, list[str]] = {}
    for iso3, _language, name in stored_names():
        if name.casefold() not in _NOT_NAMES:
            found.setdefault(iso3, []).append(name)
    for iso3, more in _MORE_FOREIGN.items():
        found.setdefault(iso3, []).extend(more)
    return found
