"""Replies in the reader's language: every line of benchmarks/data/reader_lines.txt (typed in
English, French or Spanish) answered for a French, a Spanish and an English reader, on the demo
data; each answer's own words are judged (tests/i18n/language.py) and counted right (the
reader's language), wrong (another one) or mute (no function word to judge by); for French and
Spanish readers, an answer (text and blocks) with an English line or clause is counted too.

Run: python -m benchmarks.reader_language [--lines FILE]
FILE is one line per row, or a TSV whose last column is the line (the understanding corpora,
e.g. tests/understanding/corpus_heldout_fr_es.tsv: lines written after the last tuning pass).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from bot.settings import Settings  # noqa: E402
from bot.wiring import build_deps, prepare_database  # noqa: E402
from handlers.commands.router import handle  # noqa: E402
from storage.models import ActionItem, Meeting, StateMention  # noqa: E402
from tests.i18n.language import english_lines, language_of  # noqa: E402

LINES = Path(__file__).with_name("data") / "reader_lines.txt"
NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))


def lines(path: Path = LINES) -> list[str]:
    """The typed lines: the whole row, or a TSV row's last column."""
    return [
        row.split("\t")[-1].strip()
        for row in path.read_text(encoding="utf-8").splitlines()
        if row.strip() and not row.startswith("#")
    ]


def _block_texts(value: Any) -> list[str]:
    """The texts a reader sees in Block Kit (not action ids, values or block types)."""
    if isinstance(value, dict):
        hidden = {"action_id", "block_id", "value", "type", "style", "url"}
        return [s for k, v in value.items() if k not in hidden for s in _block_texts(v)]
    if isinstance(value, list):
        return [s for v in value for s in _block_texts(v)]
    return [value] if isinstance(value, str) else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=Path, default=LINES, help="the lines to answer")
    typed = lines(parser.parse_args(argv).lines)
    totals: dict[str, Counter[str]] = {}
    wrong: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        for reader in ("fr", "es", "en"):
            settings = Settings(database_url=f"sqlite:///{folder}/{reader}.db")
            deps = build_deps(settings, db=prepare_database(settings, demo=True))
            counts: Counter[str] = Counter()
            for line in typed:
                reply = handle(deps, line, user="UBENCH", now=NOW, lang=reader)
                with deps.db.session() as session:  # what the answer quotes is data, not words
                    items = session.exec(select(ActionItem)).all()
                    data = [i.text for i in items] + [i.owner for i in items]
                    data += [i.source or "" for i in items]
                    data += [m.excerpt for m in session.exec(select(StateMention)).all()]
                    data += [m.place or "" for m in session.exec(select(Meeting)).all()]
                quoted = tuple(d for d in data if len(d) > 3)
                shown = "\n".join([reply.text, *_block_texts(reply.blocks)])
                guess = language_of(shown, data=quoted)
                verdict = "mute" if guess is None else ("right" if guess == reader else "wrong")
                counts[verdict] += 1
                if verdict == "wrong":
                    wrong.append((reader, line, reply.text[:160]))
                left = english_lines(shown, data=quoted) if reader != "en" else []
                if left:  # a French or Spanish answer with an English line or clause in it
                    counts["english left"] += 1
                    wrong.append((reader, line, left[0][:160]))
            deps.db.dispose()
            totals[reader] = counts
    print(f"{len(typed)} lines x 3 readers, answers judged by their own words")
    for reader, counts in totals.items():
        judged = counts["right"] + counts["wrong"]
        share = 100 * counts["right"] / judged if judged else 0.0
        print(
            f"  {reader}: right {counts['right']}, wrong {counts['wrong']}, mute {counts['mute']}"
            f"  -> {share:.1f}% of judged answers in the reader's language"
            + (f"; English left in {counts['english left']}" if reader != "en" else "")
        )
    for reader, line, text in wrong:
        print(f"  WRONG ({reader}) {line!r}: {text!r}")  # wrong language, or English left
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
