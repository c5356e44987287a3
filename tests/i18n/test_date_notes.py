"""How a date was read, said to a French or Spanish reader: every date phrase of the coverage
corpora (three languages, as committee members type them) is read, and its note (stored in
English) is said in the reader's language without an English clause, and without failing."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.date_coverage import EVENTS, NEXT_MEETING, NOW, SETS, TZ, load
from handlers.dates.reading import DateError, parse_when
from handlers.i18n import use_language
from handlers.i18n.notes import localize_stored
from tests.i18n.language import english_lines

# Phrases whose notes the corpora do not reach: shorthand and counts from an event.
MORE = (
    "EOW",
    "COB Friday",
    "COB",
    "in a fortnight",
    "in two fortnights",
    "before the intersessionals",
    "2 weeks before the 7MSP",
    "3 weeks before the next MSP",
    "in 3 days",
    "in a month",
    "the day before the 7MSP",
    "at the 7MSP",
    "end of Q2",
    "mid-April",
    "before the summer",
    "after Easter",
    "next Friday",
    "Friday",
)


def _notes() -> list[str]:
    phrases = [p for name in SETS for row in load(name) for p in row.phrases] + list(MORE)
    events = {**EVENTS, "intersessionals": date(2017, 6, 7)}
    notes = []
    for phrase in dict.fromkeys(phrases):
        try:
            reading = parse_when(phrase, now=NOW, tz=TZ, next_meeting=NEXT_MEETING, events=events)
        except DateError:
            continue
        if reading.note:
            notes.append(reading.note)
    return notes


NOTES = _notes()


def test_the_corpora_give_many_notes() -> None:
    assert len(NOTES) > 100
    assert english_lines("\n".join(NOTES))  # the detector sees the English notes


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_note_is_said_in_the_readers_language(lang: str) -> None:
    with use_language(lang):
        said = {note: localize_stored(note) for note in NOTES}
    english = {note: shown for note, shown in said.items() if english_lines(shown, threshold=1)}
    assert english == {}
