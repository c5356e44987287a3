"""State names the committee writes in French and Spanish where CLDR's everyday name differs.

CLDR gives "Congo-Kinshasa", "Laos" or "Territoires palestiniens"; UN and CCM documents write the
official short forms below (UNTERM), which is what coordinators read in the Convention's papers.
"""

from __future__ import annotations

OFFICIAL_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "COD": "République démocratique du Congo",
        "COG": "Congo",
        "LAO": "République démocratique populaire lao",
        "VAT": "Saint-Siège",
        "PSE": "État de Palestine",
        "MMR": "Myanmar",
        "KOR": "République de Corée",
        "PRK": "République populaire démocratique de Corée",
        "MDA": "République de Moldova",
        "SYR": "République arabe syrienne",
        "IRN": "Iran (République islamique d’)",
        "BOL": "Bolivie (État plurinational de)",
        "VEN": "Venezuela (République bolivarienne du)",
        "TZA": "République-Unie de Tanzanie",
        "FSM": "Micronésie (États fédérés de)",
        "GBR": "Royaume-Uni",
        "USA": "États-Unis d’Amérique",
        "RUS": "Fédération de Russie",
        "CZE": "Tchéquie",
        "MKD": "Macédoine du Nord",
        "CIV": "Côte d’Ivoire",
        "GNB": "Guinée-Bissau",
        "XKX": "Kosovo",
    },
    "es": {
        "COD": "República Democrática del Congo",
        "COG": "Congo",
        "LAO": "República Democrática Popular Lao",
        "VAT": "Santa Sede",
        "PSE": "Estado de Palestina",
        "MMR": "Myanmar",
        "KOR": "República de Corea",
        "PRK": "República Popular Democrática de Corea",
        "MDA": "República de Moldova",
        "SYR": "República Árabe Siria",
        "IRN": "Irán (República Islámica del)",
        "BOL": "Bolivia (Estado Plurinacional de)",
        "VEN": "Venezuela (República Bolivariana de)",
        "TZA": "República Unida de Tanzania",
        "FSM": "Micronesia (Estados Federados de)",
        "GBR": "Reino Unido",
        "USA": "Estados Unidos de América",
        "RUS": "Federación de Rusia",
        "CZE": "Chequia",
        "MKD": "Macedonia del Norte",
        "CIV": "Côte d’Ivoire",
        "XKX": "Kosovo",
    },
}
