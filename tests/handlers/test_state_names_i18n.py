"""French and Spanish State names: the data file is CLDR's, and the names are found in text."""

from __future__ import annotations

from handlers.reference.names_i18n import cldr_names, stored_names
from handlers.reference.states import StateDirectory, iso2_codes


def test_the_names_file_matches_cldr_through_babel() -> None:
    assert list(stored_names()) == cldr_names(iso2_codes()), (
        "regenerate: python -c 'from handlers.reference.states import iso2_codes; "
        "from handlers.reference.names_i18n import write_names_file; write_names_file(iso2_codes())'"
    )


def test_french_and_spanish_names_are_found() -> None:
    directory = StateDirectory.default()
    for text, iso3 in [
        ("où en est le Pérou", "PER"),
        ("le Liban", "LBN"),
        ("estado de Suiza", "CHE"),
        ("Estados Unidos", "USA"),
        ("la Côte d’Ivoire", "CIV"),
        ("Corée du Sud", "KOR"),
        ("Países Bajos", "NLD"),
    ]:
        assert [m.state.iso3 for m in directory.find_in_text(text)] == [iso3], text
    assert directory.lookup("Allemagne") is not None and directory.lookup("Alemania") is not None
