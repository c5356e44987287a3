"""The project's copy of the CCM facts matches the shared reference file, row for row."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from handlers.reference.load import CCM_CSV

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = [
    Path(os.environ.get("CCM_SHARED_DATA", "/nonexistent")) / "ccm_states.csv",
    ROOT.parent / "shared" / "data" / "ccm_states.csv",
    ROOT.parents[1] / "shared" / "data" / "ccm_states.csv",
]


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {row["iso3"]: row for row in csv.DictReader(handle)}


def test_project_copy_equals_shared_file() -> None:
    shared = next((p for p in CANDIDATES if p.is_file()), None)
    if shared is None:
        pytest.skip("the shared reference file (../shared/data/ccm_states.csv) is not here")
    ours, theirs = _rows(CCM_CSV), _rows(shared)
    assert sorted(ours) == sorted(theirs)
    different = {iso3: (ours[iso3], theirs[iso3]) for iso3 in ours if ours[iso3] != theirs[iso3]}
    assert different == {}


def test_known_corrections_are_in_the_copy() -> None:
    rows = _rows(CCM_CSV)
    palestine = rows["PSE"]
    assert (palestine["ratified_or_acceded"], palestine["instrument"]) == (
        "2015-01-02",
        "accession",
    )
    assert palestine["entry_into_force"] == "2015-07-01"
    assert (rows["PLW"]["signed"], rows["PLW"]["instrument"]) == ("2008-12-03", "ratification")
    assert rows["JPN"]["instrument"] == "acceptance"


def test_every_row_is_internally_consistent() -> None:
    """Dates in order; entry into force on the first day of the sixth month after deposit
    (Article 17), or 1 August 2010 for the first 30 instruments."""
    for iso3, row in _rows(CCM_CSV).items():
        deposit, in_force = row["ratified_or_acceded"], row["entry_into_force"]
        if row["signed"] and deposit:
            assert row["signed"] <= deposit, iso3
        if row["instrument"] == "accession":
            assert not row["signed"], iso3
        if deposit and in_force:
            year, month = int(deposit[:4]), int(deposit[5:7])
            month += 6
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            assert in_force in (f"{year}-{month:02d}-01", "2010-08-01"), iso3


UN_EXCERPT = Path(__file__).with_name("un_xxvi6_excerpt.txt")
UN_NAMES = {"Bolivia": "BOL", "Congo": "COG", "Democratic Republic of the Congo": "COD"}
INSTRUMENTS = {"": "ratification", "a": "accession", "A": "acceptance", "AA": "approval"}


@pytest.mark.parametrize(
    ("excerpt", "instruments_told", "least"),
    [(UN_EXCERPT, True, 37), (UN_EXCERPT.with_name("monitor_status_excerpt.txt"), False, 16)],
)
def test_rows_agree_with_the_depositary_record(
    excerpt: Path, instruments_told: bool, least: int
) -> None:
    """Signature, deposit and instrument of each participant in the excerpts read."""
    from datetime import datetime

    rows = _rows(CCM_CSV)
    by_name = {row["state"]: row for row in rows.values()}

    def day(text: str) -> str:
        return datetime.strptime(text, "%d %b %Y").date().isoformat() if text else ""

    checked = 0
    for line in excerpt.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        name, signed, deposited, kind = line.split("|")
        row = rows[UN_NAMES[name]] if name in UN_NAMES else by_name.get(name)
        if row is None:
            row = next(r for n, r in by_name.items() if n.startswith(name))
        assert row["signed"] == day(signed), name
        assert row["ratified_or_acceded"] == day(deposited), name
        if deposited and (instruments_told or kind):
            assert row["instrument"] == INSTRUMENTS[kind], name
        checked += 1
    assert checked >= least
