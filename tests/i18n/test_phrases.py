"""States inside a sentence: French gives each its article and contracts it with "de" and "à";
Spanish and English name them bare, as the committee writes."""

from __future__ import annotations

import pytest

from handlers.i18n import _, use_language
from handlers.i18n.phrases import fill, french_article, owner_in_text, state_in_text, states_in_text
from handlers.reference.states import StateDirectory


@pytest.mark.parametrize(
    ("iso3", "english", "french"),
    [
        ("CHL", "Chile", "le Chili"),
        ("CHE", "Switzerland", "la Suisse"),
        ("AUT", "Austria", "l’Autriche"),
        ("NLD", "Netherlands", "les Pays-Bas"),
        ("CUB", "Cuba", "Cuba"),
        ("MEX", "Mexico", "le Mexique"),
        ("HND", "Honduras", "le Honduras"),
        ("HUN", "Hungary", "la Hongrie"),
        ("RUS", "Russia", "la Fédération de Russie"),
        ("LAO", "Lao PDR", "la République démocratique populaire lao"),
        ("VAT", "Holy See", "le Saint-Siège"),
        ("PSE", "Palestine", "l’État de Palestine"),
    ],
)
def test_french_names_a_state_with_its_article(iso3: str, english: str, french: str) -> None:
    with use_language("fr"):
        assert str(state_in_text(iso3, english)) == french
    with use_language("es"):
        assert not str(state_in_text(iso3, english)).startswith(("el ", "la ", "los ", "las "))
    with use_language("en"):
        assert str(state_in_text(iso3, english)) == english


def test_every_state_has_one_french_article() -> None:
    with use_language("fr"):
        for state in StateDirectory.default().all():
            said = str(state_in_text(state.iso3, state.short))
            article = french_article(state.iso3, said)
            assert article in {"le ", "la ", "l’", "les ", ""}, state
            assert not said.startswith(("le A", "la A", "le É", "la É", "le I", "la I")), said


@pytest.mark.parametrize(
    ("template", "states", "french"),
    [
        ("rapport de {s}", [("PER", "Peru")], "rapport du Pérou"),
        ("rapport de {s}", [("NLD", "Netherlands")], "rapport des Pays-Bas"),
        ("rapport de {s}", [("ISR", "Israel")], "rapport d’Israël"),
        ("rapport de {s}", [("CHE", "Switzerland")], "rapport de la Suisse"),
        ("confiée à {s}", [("CHL", "Chile")], "confiée au Chili"),
        ("confiée à {s}", [("NLD", "Netherlands")], "confiée aux Pays-Bas"),
        ("confiée à {s}", [("CUB", "Cuba")], "confiée à Cuba"),
        ("pour {s}", [("CHL", "Chile"), ("ITA", "Italy")], "pour le Chili et l’Italie"),
        ("de {s}", [("CHL", "Chile"), ("ITA", "Italy")], "du Chili et de l’Italie"),
        ("De {s}", [("PER", "Peru")], "Du Pérou"),
    ],
)
def test_french_contracts_the_preposition_before_each_name(
    template: str, states: list[tuple[str, str]], french: str
) -> None:
    with use_language("fr"):
        assert fill(template, s=states_in_text(states)) == french
    with use_language("es"):
        assert "{" not in fill(template, s=states_in_text(states))


def test_fill_leaves_plain_values_and_other_languages_alone() -> None:
    with use_language("fr"):
        assert fill("de {x} à {y}", x="le point", y="les autres") == "de le point à les autres"
    with use_language("es"):
        assert fill("de {s}", s=states_in_text([("PER", "Peru")])) == "de Perú"
    with use_language("en"):
        assert fill("of {s}", s=states_in_text([("CHL", "Chile"), ("ITA", "Italy")])) == (
            "of Chile and Italy"
        )


def test_owners_in_a_sentence() -> None:
    with use_language("fr"):
        assert str(owner_in_text("isu", None, "the ISU")) == _("the ISU") == "l’ISU"
        assert str(owner_in_text("states", "CHL,ITA", "Chile and Italy")) == "le Chili et l’Italie"
        label = owner_in_text("states", "CHL,ITA", "Chile and Italy", article=False)
        assert str(label) == "Chili et Italie"
        assert str(owner_in_text("person", "U0ABC", "<@U0ABC>")) == "<@U0ABC>"
    with use_language("en"):
        assert str(owner_in_text("state", "CHE", "Switzerland")) == "Switzerland"
