"""Dates, numbers, amounts, lists and State names as the reader's language writes them (Babel/CLDR)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, localcontext

import pycountry
from babel import Locale
from babel.dates import format_date, format_skeleton, get_day_names, get_month_names
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

from handlers.i18n.catalog import _, current_language
from handlers.i18n.names import OFFICIAL_NAMES
from handlers.reply.text import fold

# English keeps the committee's own habits (day-first, "CHF 143,935.07"); French and Spanish
# take CLDR's, which is what a francophone or hispanophone reader expects to see.
_EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def format_day(day: date) -> str:
    """Short day: "Fri 31 Mar 2017", "ven. 31 mars 2017", "vie 31 mar 2017"."""
    lang = current_language()
    if lang == "en":
        return f"{_EN_DAYS[day.weekday()]} {day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
    return _premier(format_date(day, "EEE d MMM y", locale=lang), day, lang)


def format_long_day(day: date, *, padded: bool = False) -> str:
    """Long day: "23 March 2017", "23 mars 2017", "23 de marzo de 2017".

    ``padded`` keeps the English "05 April 2017" of places that always wrote it so (charts).
    """
    lang = current_language()
    if lang == "en" and padded:
        return f"{day:%d %B %Y}"
    return _premier(
        format_date(day, "d MMMM y" if lang == "en" else "long", locale=lang), day, lang
    )


def format_short_day(day: date) -> str:
    """Short day without the weekday: "05 Apr 2017", "5 avr. 2017", "5 abr 2017"."""
    lang = current_language()
    if lang == "en":
        return f"{day:%d %b %Y}"
    return _premier(format_date(day, "d MMM y", locale=lang), day, lang)


_FIRST = re.compile(r"(?<!\d)1(?= )")


def _premier(text: str, day: date, lang: str) -> str:
    """French writes the first of the month as an ordinal: "1er mai 2017" (CLDR says "1 mai")."""
    return _FIRST.sub("1er", text, count=1) if lang == "fr" and day.day == 1 else text


def format_month_year(day: date) -> str:
    """ "April 2017", "avril 2017", "abril de 2017"."""
    lang = current_language()
    return f"{day:%B %Y}" if lang == "en" else format_skeleton("yMMMM", day, locale=lang)


def format_month(text: str) -> str:
    """ "September 2025" (how the reference data dates itself) -> "septembre 2025"."""
    try:
        moment = datetime.strptime(text, "%B %Y").date()
    except ValueError:
        return text
    return text if current_language() == "en" else format_month_year(moment)


_ITEM_PLACE = re.compile(r"item #(\d+)")
_MINUTES_PLACE = re.compile(r"minutes of (\d{1,2} [A-Z][a-z]+ \d{4}), section (.+)")


def mention_place(where: str) -> str:
    """Where a State was mentioned ("item #12", "minutes of 23 March 2017, section 5.4"), localised."""
    if current_language() == "en":
        return where
    item = _ITEM_PLACE.fullmatch(where)
    if item:
        return _("item #{id}").format(id=item[1])
    minutes = _MINUTES_PLACE.fullmatch(where)
    if minutes:
        try:
            day = datetime.strptime(minutes[1], "%d %B %Y").date()
        except ValueError:
            return where
        return _("minutes of {day}, section {section}").format(
            day=format_long_day(day), section=minutes[2]
        )
    return where


_SOURCE_SECTION = re.compile(r"(?P<document>.+), section (?P<section>[^,]+)", re.S)


def source_shown(source: str) -> str:
    """Where an imported item was said ("Minutes of 23 March 2017, section 5.4"): the document's
    name as written, the section in the reader's words ("…, point 5.4")."""
    found = _SOURCE_SECTION.fullmatch(source)
    if current_language() == "en" or found is None:
        return source
    return f"{found['document']}, " + _("section {section}").format(section=found["section"])


def labelled(label: str, value: str) -> str:
    """ "Chile: Article 4 deadline" / "Chili : Échéance…" (French spaces its colon) / "Chile: …"."""
    return _("{label}: {value}").format(label=label, value=value)


def month_name(month: int) -> str:
    """ "April" / "avril" / "abril"."""
    return str(get_month_names("wide", locale=current_language())[month])


def weekday_name(weekday: int) -> str:
    """0 -> "Monday" / "lundi" / "lunes"."""
    return str(get_day_names("wide", locale=current_language())[weekday])


def format_number(value: int | float | Decimal) -> str:
    """143935 -> "143,935" / "143 935" / "143.935"."""
    with localcontext() as wide:  # absurd figures typed by users must not overflow 28 digits
        wide.prec = 400
        return format_decimal(value, locale=current_language())


def format_amount(cents: int, currency: str = "CHF") -> str:
    """14393507 -> "CHF 143,935.07" / "143 935,07 CHF" / "143.935,07 CHF"."""
    lang = current_language()
    if lang == "en":
        sign = "-" if cents < 0 else ""
        whole, rest = divmod(abs(cents), 100)
        return f"{currency} {sign}{whole:,}.{rest:02d}"
    with localcontext() as wide:
        wide.prec = 400
        return format_currency(Decimal(cents) / 100, currency, locale=lang)


def join_names(names: Iterable[str]) -> str:
    """ "A and B" / "A et B" / "A y B" (CLDR list patterns)."""
    listed = [name for name in names if name]
    lang = current_language()
    if lang == "en" or not listed:
        return " and ".join(listed)  # the committee's English lists, as the bot always wrote them
    return _spanish_euphony(format_list(listed, locale=lang), listed[-1], lang)


def _spanish_euphony(joined: str, last: str, lang: str) -> str:
    """Spanish writes "e" for "y" before an /i/ sound ("Chile e Italia") and "u" for "o"
    before an /o/ sound ("Eslovenia u Omán"); CLDR's list patterns do not."""
    if lang != "es":
        return joined
    head = fold(last)
    if head.startswith(("i", "hi")) and not head.startswith(("hia", "hie", "hio", "hiu")):
        return joined[: -len(last) - 3] + " e " + last if joined.endswith(f" y {last}") else joined
    if head.startswith(("o", "ho")):
        return joined[: -len(last) - 3] + " u " + last if joined.endswith(f" o {last}") else joined
    return joined


def join_or(names: list[str]) -> str:
    """ "A, B or C" / "A, B ou C" / "A, B o C"."""
    lang = current_language()
    if lang == "en" or len(names) < 2:
        return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)
    return _spanish_euphony(format_list(names, style="or", locale=lang), names[-1], lang)


@functools.cache
def _alpha2(iso3: str) -> str | None:
    if iso3 == "XKX":
        return "XK"
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else None


def state_label(iso3: str | None, english: str) -> str:
    """A State's name in the reader's language: the committee's official form, else CLDR's.

    ``english`` is the name the committee uses in English (the reference data's short name),
    returned as it is in English and when CLDR has no name for the code.
    """
    lang = current_language()
    if lang == "en" or not iso3:
        return english
    official = OFFICIAL_NAMES.get(lang, {}).get(iso3)
    if official:
        return official
    alpha2 = _alpha2(iso3)
    territories = Locale(lang).territories
    return territories.get(alpha2, english) if alpha2 else english
