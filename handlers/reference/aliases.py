"""Curated State names that pycountry gets wrong or lacks; data only, read by ``handlers.reference.states``.

Sources: UN Member States list and UN Terminology (UNTERM) short names; the CCM depositary page
and ISU documents (the forms in ``storage/data/ccm_states.csv``); the committee's own minutes
("Lao PDR", "Bosnia & Herzegovina", "Sri Lankan authorities"); common English usage.

Rules for editors:

* ``ALIASES`` values are matched case-, accent-, apostrophe- and punctuation-insensitively,
  and "St"/"St."/"Saint" are interchangeable, so list one spelling of each form.
* A short acronym (2-5 letters, optional dots, at least two capitals: "UK", "U.S.", "BiH",
  "DPRK") is a *code*: it only matches written exactly so, so "us" or "car" in a sentence is
  never a State. Never add an alias that is also an ordinary English word ("Chad" and
  "Turkey" are there only because they are the names themselves).
* A key may only name one State: the directory refuses to build on a clash.
"""

from __future__ import annotations


def _codes(text: str) -> frozenset[str]:
    """Codes written as a block of text, to keep the lists readable."""
    return frozenset(text.split())


# The 193 UN Member States (ISO 3166-1 alpha-3).
UN_MEMBERS = _codes(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
    BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK
    COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
    GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ
    LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE
    MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
    QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
    SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA
    USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """
)

# Non-members that act as States in treaty work: UN observer States (Holy See, State of
# Palestine) and the Cook Islands and Niue (both CCM States Parties), all in pycountry.
OTHER_STATES: frozenset[str] = frozenset({"VAT", "PSE", "COK", "NIU"})

# States pycountry lacks: iso3 -> (iso2, name). XK/XKX are the codes the EU and others use.
EXTRA_STATES: dict[str, tuple[str, str]] = {"XKX": ("XK", "Kosovo")}

# UN short names for States absent from ccm_states.csv whose pycountry ``name`` differs
# (pycountry's are inverted "Korea, Republic of" forms). The CSV wins where it has a row.
UN_NAMES: dict[str, str] = {
    "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea",
    "PRK": "Democratic People's Republic of Korea",
    "FSM": "Micronesia (Federated States of)",
    "VEN": "Venezuela (Bolivarian Republic of)",
    "PSE": "State of Palestine",
    "USA": "United States of America",
}

# The friendliest short form, for replies; other States use their ``name``.
SHORT_NAMES: dict[str, str] = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "COD": "DR Congo",
    "CZE": "Czechia",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "LAO": "Lao PDR",
    "MDA": "Moldova",
    "PRK": "DPRK",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TZA": "Tanzania",
    "USA": "United States",
    "VEN": "Venezuela",
}

ALIASES: dict[str, list[str]] = {
    "AFG": ["Islamic Emirate of Afghanistan"],
    "ARE": ["UAE", "U.A.E.", "the Emirates", "Emiratos", "les Émirats"],
    "ATG": ["Antigua & Barbuda", "Antigua"],
    "AUS": ["Aus"],  # chat shorthand; not a word in English, French or Spanish
    # the first word alone, as people say it ("le Burkina", "Trinidad")
    "BFA": ["Burkina"],
    "BHS": ["The Bahamas", "Commonwealth of The Bahamas"],
    "BIH": ["Bosnia & Herzegovina", "Bosnia-Herzegovina", "Bosnia", "BiH"],
    "BOL": [
        "Bolivia",
        "Bolivia (Plurinational State of)",
        "Plurinational State of Bolivia",
    ],
    "BRN": ["Brunei", "Brunei Darussalam", "Negara Brunei Darussalam"],
    "CAF": ["CAR", "RCA", "Centrafrique", "Central African Rep."],
    "CHN": ["PRC"],
    "CIV": ["Cote d'Ivoire", "Ivory Coast", "Republic of Côte d'Ivoire"],
    "COD": [
        "DRC",
        "DR Congo",
        "D.R. Congo",
        "Congo-Kinshasa",
        "Democratic Republic of Congo",
        "Congo (Democratic Republic of the)",
        "RDC",
        "Kinshasa",
    ],
    "COG": [
        "Brazzaville",
        "Congo-Brazzaville",
        "Republic of the Congo",
        "Republic of Congo",
        "Congo (Republic of the)",
    ],
    "CPV": ["Cabo Verde", "Cape Verde"],
    "CZE": ["Czechia", "Czech Republic"],
    "DEU": ["Federal Republic of Germany"],
    "FSM": [
        "Micronesia",
        "Micronesia (Federated States of)",
        "Federated States of Micronesia",
        "FSM",
    ],
    "GBR": [
        "UK",
        "U.K.",
        "United Kingdom",
        "Great Britain",
        "Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ],
    "GIN": ["Guinea-Conakry", "Guinea Conakry"],
    "GMB": ["The Gambia", "Republic of The Gambia"],
    "GNB": ["Guinea-Bissau"],
    "IRN": ["Iran", "Iran (Islamic Republic of)", "Islamic Republic of Iran"],
    "KGZ": ["Kyrgyz Republic"],
    "KNA": ["Saint Kitts and Nevis", "St Kitts", "St Kitts-Nevis", "Saint Christopher and Nevis"],
    "KOR": ["South Korea", "Republic of Korea", "ROK", "RoK", "Korea (Republic of)"],
    "LAO": ["Lao PDR", "Laos", "Lao", "Lao People's Democratic Republic", "Lao P.D.R."],
    "LCA": ["Saint Lucia"],
    "MDA": ["Moldova", "Republic of Moldova", "Moldova (Republic of)"],
    "MKD": [
        "North Macedonia",
        "Macedonia",
        "Republic of North Macedonia",
        "The former Yugoslav Republic of Macedonia",
        "FYROM",
    ],
    "MMR": ["Myanmar", "Burma"],
    "NLD": ["The Netherlands", "Holland", "Kingdom of the Netherlands"],
    "NZL": ["NZ", "Aotearoa New Zealand"],
    "PRK": [
        "North Korea",
        "DPRK",
        "D.P.R.K.",
        "Democratic People's Republic of Korea",
        "Korea (Democratic People's Republic of)",
    ],
    "PSE": ["State of Palestine", "Palestine"],
    "RUS": ["Russia", "Russian Federation"],
    "SAU": ["KSA"],
    "STP": ["São Tomé and Príncipe", "Sao Tome", "São Tomé"],
    "SVK": ["Slovak Republic"],
    "SWZ": ["Eswatini", "Swaziland", "Kingdom of Eswatini"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "TLS": ["Timor-Leste", "East Timor"],
    "TUR": ["Türkiye", "Turkey", "Republic of Türkiye"],
    "TZA": ["Tanzania", "United Republic of Tanzania"],
    "USA": [
        "US",
        "USA",
        "U.S.",
        "U.S.A.",
        "United States",
        "United States of America",
    ],
    "VAT": ["Holy See", "Vatican", "Vatican City", "Vatican City State"],
    "TTO": ["Trinidad", "Trinidad & Tobago"],
    "VCT": ["Saint Vincent and the Grenadines", "Saint Vincent", "St Vincent and Grenadines"],
    "VEN": [
        "Venezuela",
        "Venezuela (Bolivarian Republic of)",
        "Bolivarian Republic of Venezuela",
    ],
    "VNM": ["Vietnam", "Viet Nam", "Socialist Republic of Vietnam"],
    "XKX": ["Kosovo", "Republic of Kosovo"],
}

# Adjectives used for a State ("Sri Lankan authorities"). Only found when a caller asks for
# them; language names (French, Spanish, Norwegian...) are left out on purpose, since "letters
# in French" or "Norwegian People's Aid" do not name a State.
DEMONYMS: dict[str, list[str]] = {
    "AFG": ["Afghan"],
    "AUS": ["Australian", "Aussie", "Aussies"],
    "CAN": ["Canadian"],
    "CHE": ["Swiss"],
    "CHL": ["Chilean"],
    "COL": ["Colombian"],
    "IRN": ["Iranian"],
    "IRQ": ["Iraqi"],
    "KHM": ["Cambodian"],
    "LAO": ["Laotian"],
    "LBN": ["Lebanese"],
    "LKA": ["Sri Lankan"],
    "MEX": ["Mexican"],
    "NGA": ["Nigerian"],
    "PHL": ["Philippine"],
    "SAU": ["Saudi"],
    "SYR": ["Syrian"],
    "UGA": ["Ugandan"],
    "ZMB": ["Zambian"],
}

# ISO3 codes that are also English words or common abbreviations: written in capitals in free
# text ("CAN you", "VAT", "PER annum") they are not taken as a State. ``lookup`` still knows
# them, because a whole answer of "CAN" can only mean Canada there.
ISO3_NOT_IN_TEXT = _codes(
    """
    AND ARE ARM BEN BRA CAN COD COG COL COM CUB DOM EST FIN GAB GIN GUY HUN IRL JAM KEN LIE MAR
    MUS NAM NOR PAK PAN PER POL PRY SEN SUR TON TUN VAT VEN
    """
)

# ISO 3166 two-letter codes diplomats write in chat ("CH to circulate", "NL will send"), found in
# capitals only. Only codes that are not also words, abbreviations or language codes the
# committee writes in capitals: not "IT", "NO", "ME", "VA" (victim assistance), "FR" and "ES"
# (the French and Spanish versions), "CC" (the Committee), "EC", "HR", "MT", "PT"...
# Not "DE" (French and Spanish "de" in a line in capitals), "GB" (gigabytes), "DK" (don't know).
ISO2_IN_TEXT = _codes("BW CH CL CZ GT HU MX MZ NL NZ UY ZM")


# What a State's possessive typed without its apostrophe goes with ("zambias side", "perus
# report"): only before one of these is "perus" Peru's; "the chiles were hot" is not Chile.
_POSSESSED_WORDS = """side report reports items item deadline deadlines position plan plans letter
letters contribution contributions status team mission delegation answer reply view proposal
request case turn part share"""
_POSSESSED = frozenset(_POSSESSED_WORDS.split())


def bare_possessive(raw: str, following: str) -> bool:
    """``raw`` is a name with an "s" for "'s" when the (folded) next word is something owned."""
    long_enough = len(raw) > 4 and raw.lower().endswith("s") and not raw.lower().endswith("ss")
    return long_enough and not raw.isupper() and following in _POSSESSED
