"""The catalogs are complete: every message the code can show has a French and a Spanish
translation, with the same placeholders, and the catalogs load from a clean checkout (.po only)."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog

from handlers.i18n import _, ngettext, use_language
from handlers.i18n.catalog import po_path, translations
from handlers.i18n.update import TRANSLATED, fields, merged, missing, placeholder_problems, template


@pytest.fixture(scope="module")
def pot() -> Catalog:
    return template()


def test_the_code_has_hundreds_of_messages(pot: Catalog) -> None:
    """A guard on the guard: extraction really finds the wrapped strings and the help lines."""
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in pot if m.id}
    assert len(ids) > 300
    assert "Mark an item done." in ids  # a command's help line, from its docstring
    assert ":bell: Reminder: *#{id}* is overdue." in ids  # a reminder
    assert "Log an action item" in ids  # a Home button


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated(pot: Catalog, lang: str) -> None:
    gaps = missing(merged(lang, pot))
    assert gaps == [], (
        f"{len(gaps)} messages lack a {lang} translation (run python -m handlers.i18n.update and translate): {gaps[:10]}"
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_the_same_in_every_language(pot: Catalog, lang: str) -> None:
    assert placeholder_problems(merged(lang, pot)) == []


def test_the_checks_can_fail() -> None:
    """A missing translation and a renamed placeholder are both caught."""
    catalog = Catalog(locale="fr")
    catalog.add("Logged #{id}.", "Consigné.")
    catalog.add("Due {day}", "Échéance : {jour}")
    catalog.add("Untranslated", "")
    catalog.add(("{count} day", "{count} days"), ("{count} jour", "{n} jours", "{count} jours"))
    assert missing(catalog) == ["Untranslated"]
    problems = placeholder_problems(catalog)
    assert len(problems) == 3
    assert fields("{a} and {b:>3}") == {"a", "b"}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogs_are_text_and_load_at_runtime(lang: str) -> None:
    assert po_path(lang).exists()
    assert not po_path(lang).with_suffix(".mo").exists()  # nothing binary is committed
    assert translations(lang).gettext("Weekly digest") != "Weekly digest"


def test_language_is_per_context_and_plural_forms_follow_it() -> None:
    with use_language("fr"):
        assert _("Weekly digest") == "Récapitulatif hebdomadaire"
        assert ngettext("in {count} day", "in {count} days", 1).format(count=1) == "dans 1 jour"
        assert ngettext("in {count} day", "in {count} days", 3).format(count=3) == "dans 3 jours"
        with use_language("es"):
            assert _("Weekly digest") == "Resumen semanal"
        assert _("Weekly digest") == "Récapitulatif hebdomadaire"
    assert _("Weekly digest") == "Weekly digest"
    with use_language("de"):  # not one of ours: English
        assert _("Weekly digest") == "Weekly digest"
