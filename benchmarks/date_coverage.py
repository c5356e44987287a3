"""No date dropped in silence: how many date phrases of action lines are read, flagged or lost.

Run from the repository root:

    .venv/bin/python -m benchmarks.date_coverage [--show]

Over tests/dates/coverage_tune.tsv (tuned on) and coverage_heldout.tsv (not looked at while
tuning), each line is surveyed as the bot surveys a line it logs (``date_spans``: the date
phrases read or not, with the date-like words of no known shape, entities excluded). Prints for
each set: the date phrases expected, how many were detected (read or flagged as unread), how
many dropped in silence, precision of "date-like phrase detected" (detections that are a
date), how many read with the expected day, and the non-date lines left alone.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from handlers.dates.spans import DateSpan, date_spans, known_spans
from handlers.reference.states import StateDirectory
from handlers.understanding.entities import read

TZ = ZoneInfo("Europe/Zurich")
NOW = datetime(2017, 3, 24, 9, 0, tzinfo=TZ)  # the demo's "now": Friday 24 March 2017
NEXT_MEETING = date(2017, 4, 25)
EVENTS = {"7msp": date(2017, 9, 4)}
CORPUS = Path(__file__).parents[1] / "tests" / "dates"
SETS = ("coverage_tune.tsv", "coverage_heldout.tsv", "coverage_heldout2.tsv")


@dataclass(frozen=True)
class Row:
    line: str
    phrases: tuple[str, ...]
    days: tuple[date | None, ...]


@dataclass
class Figures:
    lines: int = 0
    phrases: int = 0
    detected: int = 0
    read: int = 0
    dated: int = 0  # phrases with an expected day
    right_day: int = 0
    detections: int = 0
    true_detections: int = 0
    plain_lines: int = 0  # lines without a date
    plain_left_alone: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def silent(self) -> int:
        return self.phrases - self.detected

    @property
    def precision(self) -> float:
        return self.true_detections / self.detections if self.detections else 1.0

    @property
    def recall(self) -> float:
        return self.detected / self.phrases if self.phrases else 1.0


def load(name: str) -> list[Row]:
    rows = []
    for raw in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        line, phrases, days = [*raw.split("\t"), "", ""][:3]
        said = tuple(p.strip() for p in phrases.split(" | ") if p.strip())
        day_list = [d.strip() for d in days.split(" | ")] if days.strip() else []
        parsed = tuple(
            date.fromisoformat(day_list[k]) if k < len(day_list) and day_list[k] else None
            for k in range(len(said))
        )
        for p in said:
            if p not in line:
                raise ValueError(f"{name}: “{p}” is not in “{line}”")
        rows.append(Row(line.strip(), said, parsed))
    return rows


def survey_line(line: str, states: StateDirectory) -> list[DateSpan]:
    """As the bot does for a line it logs: entities first, then dates and date-like leftovers."""
    known = known_spans(read(line, states=states, with_dates=False).entities)
    return date_spans(line, now=NOW, tz=TZ, next_meeting=NEXT_MEETING, events=EVENTS, known=known)


def measure(rows: list[Row], states: StateDirectory) -> Figures:
    fig = Figures()
    for row in rows:
        found = survey_line(row.line, states)
        detected = [(s.start, s.end, s.reading.due if s.reading else None) for s in found]
        wanted = [(row.line.find(p), row.line.find(p) + len(p)) for p in row.phrases]
        fig.lines += 1
        fig.phrases += len(wanted)
        fig.detections += len(detected)
        fig.true_detections += sum(
            any(s < we and ws < e for ws, we in wanted) for s, e, _ in detected
        )
        if not wanted:
            fig.plain_lines += 1
            fig.plain_left_alone += not detected
            if detected:
                fig.misses.append(f"FALSE   {_shown(row.line, detected)}")
        for (ws, we), day in zip(wanted, row.days, strict=True):
            hits = [d for d in detected if d[0] < we and ws < d[1]]
            fig.detected += bool(hits)
            dues = [d[2] for d in hits if d[2] is not None]
            fig.read += bool(dues)
            if day is not None:
                fig.dated += 1
                fig.right_day += day in dues
                if dues and day not in dues:
                    fig.misses.append(f"DAY     {row.line}: {dues} not {day}")
            if hits and not dues:
                fig.misses.append(f"FLAGGED {row.line} [{row.line[ws:we]}]")
            if not hits:
                fig.misses.append(f"SILENT  {row.line} [{row.line[ws:we]}]")
        extra = [
            d for d in detected if wanted and not any(d[0] < we and ws < d[1] for ws, we in wanted)
        ]
        if extra:
            fig.misses.append(f"EXTRA   {_shown(row.line, extra)}")
    return fig


def _shown(line: str, detected: list[tuple[int, int, date | None]]) -> str:
    return f"{line} -> " + ", ".join(f"“{line[s:e]}”" for s, e, _ in detected)


def report(name: str, fig: Figures) -> str:
    return (
        f"{name}: {fig.lines} lines, {fig.phrases} date phrases; detected {fig.detected} "
        f"(recall {fig.recall:.1%}), silently dropped {fig.silent}; read {fig.read}; "
        f"right day {fig.right_day}/{fig.dated}; precision {fig.precision:.1%} "
        f"({fig.true_detections}/{fig.detections}); non-date lines left alone "
        f"{fig.plain_left_alone}/{fig.plain_lines}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print each miss")
    parser.add_argument("--only", choices=SETS, help="one set only")
    args = parser.parse_args()
    states = StateDirectory.default()
    for name in [args.only] if args.only else SETS:
        if not (CORPUS / name).exists():
            continue
        fig = measure(load(name), states)
        print(report(name, fig))
        if args.show:
            print("\n".join(f"  {m}" for m in fig.misses))


if __name__ == "__main__":
    main()
