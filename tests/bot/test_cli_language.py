"""`ccm-bot --help` and every sub-command's help speak CCM_LANGUAGE, argparse's own words
("usage:", "options", its errors) included; without it, or with a value we do not speak, English."""

from __future__ import annotations

import argparse
import io
from contextlib import redirect_stderr, redirect_stdout

import pytest

from bot.cli import argparse_language, build_parser, main


def _helps(parser: argparse.ArgumentParser, path: str = "ccm-bot") -> dict[str, str]:
    """Every help text of the parser and its sub-commands, by where it is."""
    found: dict[str, str] = {}
    if parser.description:
        found[f"{path} (description)"] = parser.description
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                found[f"{path} {choice.dest}"] = str(choice.help)
            for name, child in action.choices.items():
                found.update(_helps(child, f"{path} {name}"))
        elif action.help:
            found[f"{path} {action.dest}"] = action.help
    return found


def _run(argv: list[str], monkeypatch: pytest.MonkeyPatch, lang: str | None) -> tuple[int, str]:
    if lang is None:
        monkeypatch.delenv("CCM_LANGUAGE", raising=False)
    else:
        monkeypatch.setenv("CCM_LANGUAGE", lang)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), pytest.raises(SystemExit) as stop:
        main(argv)
    return int(stop.value.code or 0), out.getvalue() + err.getvalue()


def test_english_help_is_unchanged_without_a_language(monkeypatch: pytest.MonkeyPatch) -> None:
    status, shown = _run(["--help"], monkeypatch, None)
    assert status == 0
    assert shown.startswith("usage: ccm-bot")
    assert "create or migrate the database" in shown and "options:" in shown


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_help_text_is_translated(lang: str) -> None:
    """Each option's, argument's and sub-command's help differs from the English one."""
    english = _helps(build_parser())
    with argparse_language(lang):
        translated = _helps(build_parser())
    assert translated.keys() == english.keys()
    same = [where for where, text in translated.items() if text == english[where]]
    assert same == []


@pytest.mark.parametrize(
    ("lang", "argv", "words"),
    [
        (
            "fr",
            ["--help"],
            ["utilisation : ccm-bot", "arguments positionnels", "créer ou mettre à jour"],
        ),
        ("es", ["--help"], ["uso: ccm-bot", "opciones:", "crear o actualizar la base"]),
        ("fr", ["chat", "--help"], ["utilisation : ccm-bot chat", "répondre en en, fr ou es"]),
        ("es", ["roster", "add", "--help"], ["argumentos posicionales", "su nombre"]),
        ("fr", ["chart"], ["les arguments suivants sont requis : kind, --out/-o"]),
        ("es", ["chat", "--lang", "de"], ["argumento --lang: 'de': elija en, fr o es"]),
        ("fr", ["chart", "pie", "-o", "x.png"], ["choix non valide : 'pie'"]),
        ("es", ["chat", "--at", "tomorrow"], ["--at espera una fecha y hora ISO 8601"]),
    ],
)
def test_help_and_usage_errors_speak_ccm_language(
    monkeypatch: pytest.MonkeyPatch, lang: str, argv: list[str], words: list[str]
) -> None:
    _status, shown = _run(argv, monkeypatch, lang)
    for word in words:
        assert word in shown, shown
    assert "usage:" not in shown and "show this help" not in shown


def test_a_language_we_do_not_speak_means_english(monkeypatch: pytest.MonkeyPatch) -> None:
    _status, shown = _run(["--help"], monkeypatch, "klingon")
    assert shown.startswith("usage: ccm-bot")


def test_argparse_is_english_again_afterwards(monkeypatch: pytest.MonkeyPatch) -> None:
    _run(["--help"], monkeypatch, "fr")
    parser = argparse.ArgumentParser(prog="other")
    assert parser.format_help().startswith("usage: other")
