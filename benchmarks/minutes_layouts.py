"""Precision and recall of the minutes import per layout of the corpus in tests/minutes/corpus,
tuned layouts and each held-out batch reported apart. Run: python -m benchmarks.minutes_layouts
(add -v to list every miss and every wrong extraction).

A held-out batch is written in full before the extractor first runs on it; its first-run
figures are the honest measure of generality (recorded in the closing note of issue 11). Any
general fix made after that run makes the batch "seen": later figures on it are optimistic."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.minutes.corpus import Tally, documents, expected_of, run, score  # noqa: E402


def _group(expected: dict[str, object]) -> str:
    if not expected.get("heldout"):
        return "TUNED LAYOUTS"
    return f"HELD-OUT batch {expected.get('batch', 1)} (written before its first run)"


def main() -> None:
    verbose = "-v" in sys.argv

    def order(group: str) -> tuple[bool, int]:
        number = "".join(c for c in group.split("(")[0] if c.isdigit())
        return (group[0] != "T", int(number or 0))

    groups = sorted({_group(expected_of(n)) for n in documents()}, key=order)
    totals = {group: Tally() for group in groups}
    for group in groups:
        print(group)
        for name in documents():
            expected = expected_of(name)
            if _group(expected) != group:
                continue
            started = time.perf_counter()
            try:
                tally = score(run(name), expected)
            except Exception as problem:  # a crash is a result too: report it, go on
                print(f"  {name}: CRASH {problem!r}")
                continue
            took = time.perf_counter() - started
            totals[group].add(tally)
            print(
                f"  {expected['layout'][:52]:52} ({expected['format']:4}) "
                f"P {tally.right}/{tally.extracted} = {tally.precision:4.0%}  "
                f"R {tally.found}/{tally.expected} = {tally.recall:4.0%}  {took:.2f} s"
            )
            if verbose:
                for miss in tally.misses:
                    print(f"      missed: {miss}")
                for wrong in tally.wrong:
                    print(f"      wrong:  {wrong}")
        total = totals[group]
        print(
            f"  ALL: precision {total.right}/{total.extracted} = {total.precision:.0%}, "
            f"recall {total.found}/{total.expected} = {total.recall:.0%}"
        )


if __name__ == "__main__":
    main()
