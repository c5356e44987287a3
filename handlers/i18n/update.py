"""Keep the catalogs in step with the code: ``python -m handlers.i18n.update [--check]``.

Extracts every ``_``/``N_``/``ngettext`` string from bot/, handlers/, schedules/ and storage/ (with
Babel, as ``pybabel extract`` would) plus each /ccm command's help line (its docstring's first
line), merges them into ``locale/{fr,es}/LC_MESSAGES/ccm.po`` and writes ``locale/ccm.pot``.
With ``--check`` it only reports what is missing and exits 1 if anything is.
"""

from __future__ import annotations

import argparse
import string
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from handlers.i18n.catalog import DOMAIN, LOCALE_DIR, po_path

ROOT = Path(__file__).parents[2]
SOURCES = ("bot", "handlers", "schedules", "storage")
TRANSLATED = ("fr", "es")
USAGE = "command usage"  # the message context of a command's usage line


Found = tuple[str | tuple[str, ...], str, int, str | None]


def _from_code() -> Iterator[Found]:
    for folder in SOURCES:
        found = extract_from_dir(
            ROOT / folder, [("**.py", "python")], keywords=DEFAULT_KEYWORDS, comment_tags=("i18n:",)
        )
        for filename, lineno, message, _comments, context in found:
            yield message, f"{folder}/{filename}", lineno, context


def _from_commands() -> Iterator[Found]:
    """Help lines live in docstrings, which the extractor does not read: take them from COMMANDS."""
    from handlers.commands.registry import COMMANDS
    from handlers.commands.router import route  # noqa: F401  (registers every sub-command)

    for spec in COMMANDS.values():
        if spec.summary:
            yield spec.summary, f"command:{spec.name}", 0, None
        # The usage line: command words stay (they are what people type), placeholders translate.
        yield spec.usage, f"command:{spec.name}", 0, USAGE


def template() -> Catalog:
    """Every message id the code can show, with where it comes from."""
    pot = Catalog(domain=DOMAIN, project="ccm-bot", charset="utf-8")
    for message, where, line, context in [*_from_code(), *_from_commands()]:
        pot.add(message, locations=[(where, line)], context=context)
    return pot


def merged(lang: str, pot: Catalog) -> Catalog:
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=DOMAIN)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="ccm-bot")
    catalog.update(pot, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def missing(catalog: Catalog) -> list[str]:
    """Message ids without a (non-fuzzy) translation in every plural form."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


_FIELD = string.Formatter()


def fields(text: str) -> set[str]:
    """The ``{name}`` placeholders of a message (what ``.format`` will fill)."""
    try:
        return {name for _, name, _, _ in _FIELD.parse(text) if name is not None}
    except ValueError:  # an unbalanced brace: the message cannot even be formatted
        return {"<unbalanced braces>"}


def placeholder_problems(catalog: Catalog) -> list[str]:
    """Translations whose placeholders differ from the English: ``.format`` would fail or lie."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted: set[str] = set().union(*(fields(str(i)) for i in ids))
        for text in strings:
            if text and fields(str(text)) != wanted:
                out.append(f"{ids[0]!r}: {sorted(fields(str(text)))} instead of {sorted(wanted)}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report only; exit 1 if incomplete")
    args = parser.parse_args(argv)
    pot = template()
    status = 0
    for lang in TRANSLATED:
        catalog = merged(lang, pot)
        gaps = missing(catalog)
        wrong = placeholder_problems(catalog)
        print(
            f"{lang}: {len(pot)} messages, {len(gaps)} untranslated, {len(wrong)} bad placeholders"
        )
        for line in [*gaps, *wrong] if args.check else []:
            print(f"  {line}")
        status |= 1 if gaps or wrong else 0
        if not args.check:
            path = po_path(lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                write_po(handle, catalog, width=100, sort_output=False, omit_header=False)
    if not args.check:
        with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as handle:
            write_po(handle, pot, width=100)
    return status if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
