"""Property-based bad input through handle(): >= 10,000 commands (x CCM_FUZZ_SCALE), no crash.

One database per test function (the demo data set), a fingerprint compared per example:
hypothesis is derandomized, so CI sees the same examples every run.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.ports import Deps
from tests.fuzz.invariants import Checker
from tests.fuzz.strategies import (
    adversarial_lines,
    examples,
    huge_lines,
    junk,
    subcommand_lines,
)

BASE = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def fuzz(count: int) -> settings:
    """`count` examples (times CCM_FUZZ_SCALE), derandomized: CI sees the same ones every run."""
    return settings(BASE, max_examples=examples(count))


@pytest.fixture
def check(demo_deps: Deps) -> Checker:
    """One demo database per test function; every example runs against it in turn."""
    return Checker(demo_deps)


@fuzz(2000)
@given(text=st.one_of(st.text(max_size=80), junk()))
def test_any_text_gets_an_answer(check: Checker, text: str) -> None:
    check(text)


@fuzz(2500)
@given(text=subcommand_lines())
def test_every_subcommand_word_followed_by_junk(check: Checker, text: str) -> None:
    check(text)


@fuzz(2000)
@given(text=adversarial_lines())
def test_well_shaped_commands_with_a_poisoned_slot(check: Checker, text: str) -> None:
    check(text)


@fuzz(150)
@given(text=huge_lines())
def test_huge_commands_around_the_cap(check: Checker, text: str) -> None:
    reply = check(text)
    if len(text) > 4000:
        assert not reply.ok and "limit is 4,000" in reply.text
