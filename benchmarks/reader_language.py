"""Replies in the reader's language: every line of benchmarks/data/reader_lines.txt (typed in
English, French or Spanish) answered for a French, a Spanish and an English reader, on the demo
data; each answer's own words are judged (tests/i18n/language.py) and counted right (the
reader's language), wrong (another one) or mute (no function word to judge by).

Run: python -m benchmarks.reader_language
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from bot.settings import Settings  # noqa: E402
from bot.wiring import build_deps, prepare_database  # noqa: E402
from handlers.commands.router import handle  # noqa: E402
from storage.models import ActionItem, Meeting, StateMention  # noqa: E402
from tests.i18n.language import language_of  # noqa: E402

LINES = Path(__file__).with_name("data") / "reader_lines.txt"
NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))


def lines() -> list[str]:
    return [
        line.strip()
        for line in LINES.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def main() -> int:
    totals: dict[str, Counter[str]] = {}
    wrong: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        for reader in ("fr", "es", "en"):
            settings = Settings(database_url=f"sqlite:///{folder}/{reader}.db")
            deps = build_deps(settings, db=prepare_database(settings, demo=True))
            counts: Counter[str] = Counter()
            for line in lines():
                reply = handle(deps, line, user="UBENCH", now=NOW, lang=reader)
                with deps.db.session() as session:  # what the answer quotes is data, not words
                    items = session.exec(select(ActionItem)).all()
                    data = [i.text for i in items] + [i.owner for i in items]
                    data += [i.source or "" for i in items]
                    data += [m.excerpt for m in session.exec(select(StateMention)).all()]
                    data += [m.place or "" for m in session.exec(select(Meeting)).all()]
                guess = language_of(reply.text, data=tuple(d for d in data if len(d) > 3))
                verdict = "mute" if guess is None else ("right" if guess == reader else "wrong")
                counts[verdict] += 1
                if verdict == "wrong":
                    wrong.append((reader, line, reply.text[:160]))
            deps.db.dispose()
            totals[reader] = counts
    print(f"{len(lines())} lines x 3 readers, answers judged by their own words")
    for reader, counts in totals.items():
        judged = counts["right"] + counts["wrong"]
        share = 100 * counts["right"] / judged if judged else 0.0
        print(
            f"  {reader}: right {counts['right']}, wrong {counts['wrong']}, mute {counts['mute']}"
            f"  -> {share:.1f}% of judged answers in the reader's language"
        )
    for reader, line, text in wrong:
        print(f"  WRONG ({reader}) {line!r}: {text!r}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
