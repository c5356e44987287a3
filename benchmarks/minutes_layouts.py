"""Precision and recall of the minutes import per layout of the corpus in tests/minutes/corpus,
tuned layouts and held-out layouts reported apart. Run: python -m benchmarks.minutes_layouts
(add -v to list every miss and every wrong extraction)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.minutes.corpus import Tally, documents, expected_of, run, score  # noqa: E402


def main() -> None:
    verbose = "-v" in sys.argv
    totals = {False: Tally(), True: Tally()}
    for heldout in (False, True):
        print("HELD-OUT (never tuned on)" if heldout else "TUNED LAYOUTS")
        for name in documents():
            expected = expected_of(name)
            if bool(expected.get("heldout")) != heldout:
                continue
            started = time.perf_counter()
            try:
                tally = score(run(name), expected)
            except Exception as problem:  # a crash is a result too: report it, go on
                print(f"  {name}: CRASH {problem!r}")
                continue
            took = time.perf_counter() - started
            totals[heldout].add(tally)
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
        total = totals[heldout]
        print(
            f"  ALL: precision {total.right}/{total.extracted} = {total.precision:.0%}, "
            f"recall {total.found}/{total.expected} = {total.recall:.0%}"
        )


if __name__ == "__main__":
    main()
