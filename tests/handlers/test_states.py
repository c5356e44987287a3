"""State name resolution: the aliases the committee uses, free-text search and did-you-mean."""

from __future__ import annotations

import csv

import pytest

from handlers.reference.aliases import ALIASES, UN_MEMBERS
from handlers.reference.states import CSV_PATH, StateDirectory, StateMatch, StateName


@pytest.fixture(scope="module")
def states() -> StateDirectory:
    return StateDirectory.default()


def iso3s(matches: list[StateMatch]) -> list[str]:
    return [match.state.iso3 for match in matches]


VARIANTS: list[tuple[str, str]] = [
    ("Lao PDR", "LAO"),
    ("Laos", "LAO"),
    ("Lao", "LAO"),
    ("lao pdr", "LAO"),
    ("Lao People's Democratic Republic", "LAO"),
    ("Lao People’s Democratic Republic", "LAO"),
    ("Lao Peoples Democratic Republic", "LAO"),
    ("Bosnia and Herzegovina", "BIH"),
    ("Bosnia & Herzegovina", "BIH"),
    ("bosnia & herzegovina", "BIH"),
    ("Bosnia-Herzegovina", "BIH"),
    ("BiH", "BIH"),
    ("BIH", "BIH"),
    ("Bosnia", "BIH"),
    ("DRC", "COD"),
    ("DR Congo", "COD"),
    ("Congo-Kinshasa", "COD"),
    ("Democratic Republic of the Congo", "COD"),
    ("Democratic Republic of Congo", "COD"),
    ("Congo", "COG"),
    ("Congo-Brazzaville", "COG"),
    ("Republic of the Congo", "COG"),
    ("Côte d'Ivoire", "CIV"),
    ("Côte d’Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Cote d’Ivoire", "CIV"),
    ("COTE D'IVOIRE", "CIV"),
    ("Ivory Coast", "CIV"),
    ("Holy See", "VAT"),
    ("Vatican", "VAT"),
    ("State of Palestine", "PSE"),
    ("Palestine", "PSE"),
    ("UK", "GBR"),
    ("U.K.", "GBR"),
    ("United Kingdom", "GBR"),
    ("Great Britain", "GBR"),
    ("Britain", "GBR"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("USA", "USA"),
    ("US", "USA"),
    ("U.S.", "USA"),
    ("United States", "USA"),
    ("United States of America", "USA"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),
    ("Syria", "SYR"),
    ("Syrian Arab Republic", "SYR"),
    ("Iran", "IRN"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("South Korea", "KOR"),
    ("Republic of Korea", "KOR"),
    ("ROK", "KOR"),
    ("Korea, Republic of", "KOR"),
    ("North Korea", "PRK"),
    ("DPRK", "PRK"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("Moldova", "MDA"),
    ("Republic of Moldova", "MDA"),
    ("Tanzania", "TZA"),
    ("United Republic of Tanzania", "TZA"),
    ("Venezuela", "VEN"),
    ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Bolivia", "BOL"),
    ("Bolivia (Plurinational State of)", "BOL"),
    ("Bolivia, Plurinational State of", "BOL"),
    ("Micronesia", "FSM"),
    ("Micronesia (Federated States of)", "FSM"),
    ("Vietnam", "VNM"),
    ("Viet Nam", "VNM"),
    ("Czechia", "CZE"),
    ("Czech Republic", "CZE"),
    ("Türkiye", "TUR"),
    ("Turkiye", "TUR"),
    ("Turkey", "TUR"),
    ("Eswatini", "SWZ"),
    ("Swaziland", "SWZ"),
    ("North Macedonia", "MKD"),
    ("Macedonia", "MKD"),
    ("Cabo Verde", "CPV"),
    ("Cape Verde", "CPV"),
    ("Timor-Leste", "TLS"),
    ("Timor Leste", "TLS"),
    ("East Timor", "TLS"),
    ("Brunei", "BRN"),
    ("Brunei Darussalam", "BRN"),
    ("Myanmar", "MMR"),
    ("Burma", "MMR"),
    ("The Gambia", "GMB"),
    ("Gambia", "GMB"),
    ("the Gambia", "GMB"),
    ("The Bahamas", "BHS"),
    ("Netherlands", "NLD"),
    ("The Netherlands", "NLD"),
    ("Holland", "NLD"),
    ("St. Kitts and Nevis", "KNA"),
    ("Saint Kitts and Nevis", "KNA"),
    ("St Kitts & Nevis", "KNA"),
    ("St Kitts", "KNA"),
    ("St. Lucia", "LCA"),
    ("Saint Lucia", "LCA"),
    ("St. Vincent and the Grenadines", "VCT"),
    ("São Tomé and Príncipe", "STP"),
    ("Sao Tome and Principe", "STP"),
    ("SAO TOME AND PRINCIPE", "STP"),
    ("UAE", "ARE"),
    ("United Arab Emirates", "ARE"),
    ("CAR", "CAF"),
    ("Central African Republic", "CAF"),
    ("Guinea-Bissau", "GNB"),
    ("Guinea Bissau", "GNB"),
    ("Guinea", "GIN"),
    ("Equatorial Guinea", "GNQ"),
    ("Papua New Guinea", "PNG"),
    ("Kosovo", "XKX"),
    ("Federal Republic of Germany", "DEU"),
    ("Swiss Confederation", "CHE"),
    ("Niger", "NER"),
    ("Nigeria", "NGA"),
    ("chad", "TCD"),
    ("BWA", "BWA"),
    ("  botswana  ", "BWA"),
    ("IT", "ITA"),
]


@pytest.mark.parametrize(("variant", "iso3"), VARIANTS)
def test_lookup_variant(states: StateDirectory, variant: str, iso3: str) -> None:
    found = states.lookup(variant)
    assert found is not None, variant
    assert found.iso3 == iso3


@pytest.mark.parametrize(("variant", "iso3"), VARIANTS)
def test_variant_found_in_a_sentence(states: StateDirectory, variant: str, iso3: str) -> None:
    if variant.strip() in {"IT", "Korea, Republic of", "Bolivia, Plurinational State of"}:
        pytest.skip("lookup-only forms: ISO2 codes and comma-inverted names")
    text = f"Please remind {variant.strip()} about the deadline."
    assert iso3s(states.find_in_text(text)) == [iso3]


def test_there_are_enough_variants() -> None:
    assert len(VARIANTS) >= 60


@pytest.mark.parametrize(
    "text",
    ["bwa", "uk", "us", "car", "dprk", "bih", "Bih", "Uk", "it", "", "   ", "Korea", "the"],
)
def test_lookup_refuses_lower_case_codes_and_ambiguous_names(
    states: StateDirectory, text: str
) -> None:
    assert states.lookup(text) is None


def test_iso3_words_are_lookup_only(states: StateDirectory) -> None:
    canada = states.lookup("CAN")
    assert canada is not None and canada.iso3 == "CAN"
    assert states.find_in_text("CAN we ask") == []


def test_lookup_is_never_fuzzy(states: StateDirectory) -> None:
    assert states.lookup("Botswna") is None
    assert states.resolve("Botswna") is None
    assert states.resolve("Botswana") == states.get("BWA")


def test_names_come_from_the_csv_and_short_names_are_friendly(states: StateDirectory) -> None:
    assert states.get("LAO") == StateName("LAO", "Lao People's Democratic Republic", "Lao PDR")
    assert states.get("BOL") == StateName("BOL", "Bolivia (Plurinational State of)", "Bolivia")
    assert states.get("COD") == StateName("COD", "Democratic Republic of the Congo", "DR Congo")
    assert states.get("KOR") == StateName("KOR", "Republic of Korea", "Republic of Korea")
    assert states.get("CIV") == StateName("CIV", "Côte d'Ivoire", "Côte d'Ivoire")
    assert states.get("GBR") == StateName("GBR", "United Kingdom", "United Kingdom")
    assert states.get("USA") == StateName("USA", "United States of America", "United States")
    assert states.get("XKX") == StateName("XKX", "Kosovo", "Kosovo")


def test_every_csv_state_is_known_under_its_csv_name(states: StateDirectory) -> None:
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 125
    for row in rows:
        state = states.get(row["iso3"])
        assert state is not None and state.name == row["state"]
        assert states.lookup(row["state"]) == state


def test_directory_holds_states_not_territories(states: StateDirectory) -> None:
    everything = {state.iso3 for state in states.all()}
    assert UN_MEMBERS.issubset(everything)
    assert {"VAT", "PSE", "COK", "NIU", "XKX"}.issubset(everything)
    assert len(everything) == 198
    assert states.get("PRI") is None
    assert states.find_in_text("Puerto Rico and Réunion") == []
    assert all("," not in state.name for state in states.all())


def test_every_alias_resolves_to_its_state(states: StateDirectory) -> None:
    for iso3, aliases in ALIASES.items():
        for alias in aliases:
            found = states.lookup(alias)
            assert found is not None and found.iso3 == iso3, alias


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Italy added that it had received answers from Albania and Croatia",
            ["ITA", "ALB", "HRV"],
        ),
        ("he would reach out to Brazil, Saudi Arabia and Ukraine", ["BRA", "SAU", "UKR"]),
        (
            "at the Permanent Mission of the Federal Republic of Germany, from 10:00",
            ["DEU"],
        ),
        (
            "with the exception of Vietnam and Singapore but noted",
            ["VNM", "SGP"],
        ),
        ("Sri Lanka and Thailand had shown great interest", ["LKA", "THA"]),
        (
            "5.8 General Status and Operation of the Convention (Bosnia & Herzegovina and "
            "Switzerland)",
            ["BIH", "CHE"],
        ),
        (
            "Canada, Germany, Japan and France had all delivered demarches",
            ["CAN", "DEU", "JPN", "FRA"],
        ),
        (
            "the strong involvement of the United States of America in the country, "
            "implementing a project in Lao PDR",
            ["USA", "LAO"],
        ),
        ("good feedback on Sri Lanka's ratification of the APMBC", ["LKA"]),
        ("in Beirut, Lebanon, in November 2016", ["LBN"]),
        ("Together with Chile and Italy", ["CHL", "ITA"]),
        ("Zambia mentioned that it had reached out to Uganda", ["ZMB", "UGA"]),
    ],
)
def test_find_in_seed_minutes(states: StateDirectory, text: str, expected: list[str]) -> None:
    assert iso3s(states.find_in_text(text)) == expected


def test_offsets_and_matched_text(states: StateDirectory) -> None:
    text = "Italy to follow up with Albania"
    matches = states.find_in_text(text)
    assert iso3s(matches) == ["ITA", "ALB"]
    assert [(m.start, m.end, m.matched) for m in matches] == [(0, 5, "Italy"), (24, 31, "Albania")]
    assert all(text[m.start : m.end] == m.matched for m in matches)


def test_possessive_is_not_part_of_the_match(states: StateDirectory) -> None:
    (match,) = states.find_in_text("Botswana's stockpile")
    assert (match.state.iso3, match.matched) == ("BWA", "Botswana")
    (curly,) = states.find_in_text("Côte d’Ivoire’s report")
    assert (curly.state.iso3, curly.matched) == ("CIV", "Côte d’Ivoire")


def test_parenthesised_and_dotted_forms_are_matched_whole(states: StateDirectory) -> None:
    text = "Bolivia (Plurinational State of) and the U.S. met"
    matches = states.find_in_text(text)
    assert [m.matched for m in matches] == ["Bolivia (Plurinational State of)", "U.S."]
    assert iso3s(matches) == ["BOL", "USA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nigeria and Niger", ["NGA", "NER"]),
        ("Nigerian operators", []),
        (
            "Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea",
            ["GNB", "GNQ", "PNG", "GIN"],
        ),
        ("Republic of Korea and Democratic People's Republic of Korea", ["KOR", "PRK"]),
        ("the DPRK and North Korea, not South Korea", ["PRK", "PRK", "KOR"]),
        ("Democratic Republic of the Congo and the Republic of the Congo", ["COD", "COG"]),
        ("DRC, Congo", ["COD", "COG"]),
        ("Congo-Brazzaville and Congo-Kinshasa", ["COG", "COD"]),
        ("Dominica and the Dominican Republic", ["DMA", "DOM"]),
        ("Sudan and South Sudan", ["SDN", "SSD"]),
        ("let us take the car to the station", []),
        ("US and UK and CAR and UAE and BiH", ["USA", "GBR", "CAF", "ARE", "BIH"]),
        ("Us, Uk, Car, Bih", []),
        ("CAN YOU PAY THE VAT PER MONTH AND ARE WE IN", []),
        ("Chad and chad and CHAD", ["TCD", "TCD", "TCD"]),
        ("status BWA and HRV", ["BWA", "HRV"]),
        ("st lucia and ST. KITTS AND NEVIS", ["LCA", "KNA"]),
        ("Albania, Croatia", ["ALB", "HRV"]),
        ("Korea, Republic of", []),
        ("Norwegian People's Aid and French think tank", []),
        ("no State here at all", []),
        ("<@U02ABC|sheila> ask the UK's mission, see https://www.gov.uk/x", ["GBR"]),
        ("Bosnia and\nHerzegovina (wrapped line)", ["BIH"]),
        ("US-led coalition; non-Nigerian", ["USA"]),
        ("", []),
    ],
)
def test_find_in_text_edge_cases(states: StateDirectory, text: str, expected: list[str]) -> None:
    assert iso3s(states.find_in_text(text)) == expected


def test_demonyms_only_on_request(states: StateDirectory) -> None:
    text = "demarches to the Sri Lankan authorities, and Lebanese officials"
    assert iso3s(states.find_in_text(text)) == []
    found = states.find_in_text(text, demonyms=True)
    assert [(m.state.iso3, m.matched) for m in found] == [
        ("LKA", "Sri Lankan"),
        ("LBN", "Lebanese"),
    ]
    assert iso3s(states.find_in_text("Sri Lanka's accession", demonyms=True)) == ["LKA"]


@pytest.mark.parametrize(
    ("word", "first"),
    [
        ("Botswna", "BWA"),
        ("Swizerland", "CHE"),
        ("Columbia", "COL"),
        ("Phillipines", "PHL"),
        ("Republic of Korea", "KOR"),
        ("Bosnia and Herzegowina", "BIH"),
        ("Herzegovina", "BIH"),
        ("Czech Republik", "CZE"),
        ("Saudi Arbia", "SAU"),
    ],
)
def test_suggest_puts_the_right_state_first(states: StateDirectory, word: str, first: str) -> None:
    suggestions = states.suggest(word)
    assert suggestions and suggestions[0].iso3 == first


@pytest.mark.parametrize("word", ["xyzzy", "", "republic", "united", "the mission", "Irak7777"])
def test_suggest_returns_nothing_when_nothing_is_close(states: StateDirectory, word: str) -> None:
    assert states.suggest(word) == []


def test_suggest_for_an_ambiguous_word_offers_both_states(states: StateDirectory) -> None:
    assert [state.iso3 for state in states.suggest("Korea")] == ["KOR", "PRK"]
    assert len(states.suggest("Korea", limit=1)) == 1


def test_default_is_built_once() -> None:
    assert StateDirectory.default() is StateDirectory.default()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("any news from Gaborone? did they send the NPA letter", ["BWA"]),
        ("le Quai d'Orsay demande ce qui est encore ouvert", ["FRA"]),
        ("attribuer le 8 à Bagdad, Canberra est d'accord", ["IRQ", "AUS"]),
        ("cómo vamos con San José?", ["CRI"]),
        # a capital in a treaty's or a plan's name, or where something happens, is no State
        ("as under the Oslo Convention", []),
        ("le Plan d'action de Vientiane", []),
        ("the follow-up seminar in Zagreb on 29 June", []),
        ("je prépare une note pour Bruxelles", []),
        ("what did we decide on the Bangkok workshop", []),
    ],
)
def test_capitals_and_ministries_name_their_state_when_a_line_is_read(
    states: StateDirectory, text: str, found: list[str]
) -> None:
    assert [m.state.iso3 for m in states.find_in_text(text, demonyms=True)] == found
    assert states.lookup("Gaborone") is None  # a command's State is never a capital
