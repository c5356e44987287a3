"""Fuzz over signed HTTP: whatever an untrusted caller types, nothing changes and no money shows.

Random /ccm lines (every sub-command word, junk, mentions, SQL-ish text, dates, numbers) from
callers who may change nothing: a plain member (or one named like a State or "the ISU")
before an admin exists; guests and people of other workspaces after one exists.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.strategies import examples, subcommand_lines
from tests.security.conftest import (
    ADMIN,
    ISU_NAMED,
    ITALY_NAMED,
    MEMBER,
    OUTSIDERS,
    Served,
    ask,
    changed,
    name_admin,
    snapshot,
)

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    max_examples=examples(60),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
UNTRUSTED_BEFORE_ADMIN = (MEMBER, ITALY_NAMED, ISU_NAMED, *OUTSIDERS)


def _prepare(served: Served, *, admin: bool) -> None:
    """Once per app: first contacts made (they add a Person row), an admin and money if asked."""
    if getattr(served, "_fuzz_ready", False):
        return
    for user in (*UNTRUSTED_BEFORE_ADMIN, ADMIN):
        ask(served, "help", user=user)
    if admin:
        name_admin(served)
        ask(served, "contribution Norway 25000 CHF 2017 received", user=ADMIN)
        ask(served, "action Norway to write to Albania by 15 April", user=ADMIN)
    served._fuzz_ready = True  # type: ignore[attr-defined]


@FUZZ
@given(user=st.sampled_from(UNTRUSTED_BEFORE_ADMIN), line=subcommand_lines())
def test_before_an_admin_untrusted_callers_change_nothing(
    served: Served, user: str, line: str
) -> None:
    _prepare(served, admin=False)
    before = snapshot(served.deps.db)
    answer = served.sender.command(line, user=user)
    assert answer.status == 200
    assert not changed(before, snapshot(served.deps.db)), (user, line)


@FUZZ
@given(user=st.sampled_from(OUTSIDERS), line=subcommand_lines())
def test_guests_and_outsiders_change_nothing_and_see_no_money(
    served: Served, user: str, line: str
) -> None:
    _prepare(served, admin=True)
    before = snapshot(served.deps.db)
    answer = served.sender.command(line, user=user)
    assert answer.status == 200
    text = str((answer.json() or {}).get("text", ""))
    assert "25,000.00" not in text, (user, line)  # the recorded contribution, as replies show it
    assert not changed(before, snapshot(served.deps.db)), (user, line)
