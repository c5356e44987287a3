"""The example bank: its size and languages, and the matcher's accuracy on what it was not fitted on."""

from __future__ import annotations

from collections import Counter

from handlers.reference.states import StateDirectory
from handlers.understanding import intents
from handlers.understanding.entities import read
from handlers.understanding.judge import judge
from handlers.understanding.understand import masker


def test_bank_is_data_of_at_least_300_lines_in_three_languages_for_every_intent() -> None:
    bank = intents.load_bank()
    assert len(bank) >= 300
    languages = {
        intent: {e.lang for e in bank if e.intent == intent} for intent in intents.intents()
    }
    for intent, langs in languages.items():
        assert {"en", "fr", "es"} <= langs, intent


def test_matcher_alone_on_a_held_out_fifth() -> None:
    """Fitted on four fifths, tested on the fifth left out, five times over."""
    mask = masker(StateDirectory.default())
    accuracy, total, _misses = intents.holdout_accuracy(mask)
    print(f"matcher alone: {accuracy:.1%} of {total}")
    assert accuracy >= 0.45


def test_matcher_with_cue_words_and_entities_on_a_held_out_fifth() -> None:
    states = StateDirectory.default()
    mask = masker(states)
    bank = intents.load_bank()
    right = 0
    saved = dict(intents._MATCHERS)
    try:
        for fold_no in range(5):
            train = [e for i, e in enumerate(bank) if i % 5 != fold_no]
            intents._MATCHERS[id(mask)] = intents.Matcher(train, mask)
            for i, example in enumerate(bank):
                if i % 5 == fold_no:
                    reading = read(example.text, states=states, with_dates=False)
                    right += judge(reading, mask).best[0] == example.intent
    finally:
        intents._MATCHERS.clear()
        intents._MATCHERS.update(saved)
    accuracy = right / len(bank)
    print(f"matcher + cues + entities: {accuracy:.1%} of {len(bank)}")
    assert accuracy >= 0.75


def test_per_intent_counts_are_balanced_enough() -> None:
    counts = Counter(e.intent for e in intents.load_bank())
    assert min(counts.values()) >= 10, counts
