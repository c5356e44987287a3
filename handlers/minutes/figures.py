"""Figures in the minutes: contributions to the ISU (totals, components, per State) and treaty
deadlines mentioned in passing ("its Article 4 deadline of 1 November 2023")."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from dateparser.search import search_dates

from handlers.dates.years import YEAR_IN_TEXT
from handlers.minutes.model import DraftContribution, DraftDeadline
from handlers.money import parse_amount
from handlers.reference.states import StateDirectory

_MONEY_WORDS = re.compile(r"\b(?:contribut\w*|paid|pledged?|received|donat\w*|funding)\b", re.I)
_AMOUNT = re.compile(
    r"(?P<cur>CHF|USD|EUR|GBP|US\$|\$|€|Swiss\s+francs?)\s?(?P<amt>\d{1,3}(?:[',’ ]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
    r"(?P<after>\s+(?:towards|for|to)\s+(?:component\s+)?(?P<comp>\d+[a-z]\b|[A-Z][\w-]*\b))?"
)
_CURRENCY = {"US$": "USD", "$": "USD", "€": "EUR"}
_COUNT = re.compile(
    r"(?<!additional )(?<!further )\b(?P<n>\d{1,3})\s+States(?:\s+Parties)?\s+(?:had\s+|have\s+)?"
    r"(?:paid|contributed)|States\s+Parties\s+that\s+(?:have|had)\s+paid\b[^.]*?\bto\s+(?P<m>\d{1,3})\b",
    re.I,
)
_YEAR = YEAR_IN_TEXT
_ARTICLE = re.compile(r"\bArticle\s+(?P<n>[347])\b[^.]*?\bdeadline", re.I)
_DATE_SETTINGS = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}


def contributions_in(sentence: str, *, section: str, year: int) -> list[DraftContribution]:
    """Amounts of money in a sentence about contributions, each labelled total/component/State."""
    if not _MONEY_WORDS.search(sentence) or not _AMOUNT.search(sentence):
        return []
    years = [int(y) for y in _YEAR.findall(sentence)]
    year = years[0] if years else year
    count_m = _COUNT.search(sentence)
    count = int(count_m["n"] or count_m["m"]) if count_m else None
    status = "pledged" if re.search(r"\bpledge", sentence, re.I) else "received"
    out: list[DraftContribution] = []
    for m in _AMOUNT.finditer(sentence):
        cents = parse_amount(m["amt"])
        if cents is None:
            continue
        currency = _CURRENCY.get(
            m["cur"], "CHF" if m["cur"].lower().startswith("swiss") else m["cur"]
        )
        before = sentence[max(0, m.start() - 20) : m.start()].lower()
        total = "total" in before
        out.append(
            DraftContribution(
                section=section,
                year=year,
                amount_cents=cents,
                currency=currency,
                status=status,
                component=m["comp"] if m["comp"] and not total else None,
                total=total,
                states_paid=count if total else None,
                sentence=sentence,
            )
        )
    return out


def deadlines_in(
    sentence: str, *, section: str, states: StateDirectory, now: datetime, tz: ZoneInfo
) -> list[DraftDeadline]:
    """ "Bosnia & Herzegovina ... extension of its Article 4 deadline up to 1 September 2022"."""
    m = _ARTICLE.search(sentence)
    if m is None:
        return []
    found = states.find_in_text(sentence)
    before = [s for s in found if s.start < m.start()]
    state = (before[-1] if before else found[0]).state.iso3 if found else None
    if state is None:
        return []
    settings = dict(_DATE_SETTINGS, RELATIVE_BASE=now.astimezone(tz).replace(tzinfo=None))
    hits = search_dates(sentence[m.end() :], languages=["en"], settings=settings) or []
    dated = [moment.date() for phrase, moment in hits if _YEAR.search(phrase)]
    if not dated:
        return []
    extended = bool(re.search(r"\bextension\b[^.]*\bup\s+to\b|\bextended\b", sentence, re.I))
    kind = f"article{m['n']}" + ("_extension" if extended else "")
    return [DraftDeadline(section, state, kind, dated[0], extended, sentence)]
