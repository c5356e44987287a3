"""Judge corpora of lines as committee members type them, on the demo at 24 March 2017.

Run from the repository root:

    .venv/bin/python -m benchmarks.understanding_corpus [FILE.tsv ...] [-v] [--scores]

Without files, every ``tests/understanding/corpus_*.tsv``. Prints, per file, how many lines
were right, acceptable (choices offered, the expected one among them), unhelpful or wrong (see
tests/understanding/corpus.py), and with ``-v`` every line that was not right; ``--scores`` adds
the judgement (best intents and scores) so that thresholds can be read off, not guessed.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.settings import Settings
from bot.wiring import build_deps, prepare_database
from handlers.ports import Ctx
from handlers.understanding.understand import interpret
from tests.understanding.corpus import judge_row, load_path, summary

NOW = datetime(2017, 3, 24, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))
CORPORA = Path(__file__).parents[1] / "tests" / "understanding"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--scores", action="store_true")
    args = parser.parse_args()
    files = args.files or sorted(CORPORA.glob("corpus_*.tsv"))
    with tempfile.TemporaryDirectory(prefix="ccm-corpus-") as tmp:
        _judge_files(files, Path(tmp), verbose=args.verbose, scores=args.scores)


def _judge_files(files: list[Path], workdir: Path, *, verbose: bool, scores: bool) -> None:
    template = workdir / "demo.db"
    prepare_database(Settings(database_url=f"sqlite:///{template}"), demo=True).engine.dispose()
    totals = {"right": 0, "acceptable": 0, "unhelpful": 0, "wrong": 0}
    for number, path in enumerate(files):
        # each file on a fresh demo, as each test does: a command one file runs (done #12)
        # must not change what the next file finds
        copy = workdir / f"demo-{number}.db"
        shutil.copyfile(template, copy)
        settings = Settings(database_url=f"sqlite:///{copy}")
        deps = build_deps(settings, db=prepare_database(settings))
        verdicts = [judge_row(deps, row, user="U0TEST", now=NOW) for row in load_path(path)]
        counts = summary(verdicts)
        for grade, n in counts.items():
            totals[grade] += n
        total = sum(counts.values())
        print(f"{path.name}: {counts} — right {counts['right'] / total:.1%} of {total}")
        if not (verbose or scores):
            continue
        for v in verdicts:
            if v.grade == "right" and not scores:
                continue
            print(f"  {v.grade:10} {v.kind:8} {list(v.commands[:2])} <- {v.row.line}")
            print(f"  {'':10} expected {list(v.row.expected)} {v.row.contains!r}")
            if scores:
                with deps.db.session() as session:
                    ctx = Ctx(session=session, now=NOW, tz=deps.tz, user="U0", states=deps.states)
                    _reading, judgement, _p = interpret(ctx, v.row.line)
                print(f"  {'':10} scores {judgement.ranked[:3]}")
    total = sum(totals.values())
    print(f"all: {totals} — right {totals['right'] / total:.1%} of {total}")


if __name__ == "__main__":
    main()
