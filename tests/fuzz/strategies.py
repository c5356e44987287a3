"""Hypothesis strategies for what people (and attackers) type: every sub-command word plus junk."""

from __future__ import annotations

import os

from hypothesis import strategies as st

import handlers.commands  # noqa: F401  (registers the sub-commands: WORDS below)
from handlers.commands.registry import LOOKUP
from handlers.reply.text import MAX_COMMAND_CHARS
from tests.backends import postgres_url

# CCM_FUZZ_SCALE=20 for a nightly run: every example count is multiplied by it.
SCALE = float(os.environ.get("CCM_FUZZ_SCALE", "1") or 1)
# The PostgreSQL run repeats the SQLite run's examples on the other backend (integer overflow,
# NUL bytes and encodings differ there); a quarter of them keeps the two runs within budget.
# CCM_FUZZ_PG_SHARE=1 runs them all.
PG_SHARE = float(os.environ.get("CCM_FUZZ_PG_SHARE", "0.25") or 1)


def examples(count: int) -> int:
    """How many examples a test runs: ``count`` on SQLite, scaled for nightly and PostgreSQL."""
    share = PG_SHARE if postgres_url() else 1.0
    return max(1, int(count * SCALE * share))


WORDS = sorted(LOOKUP)
PREFIXES = ["", "/ccm ", "@ccm ", "<@U0CCMBOT> ", "  ", "public ", "ACTION: ", "TODO:", "to-do :"]
NATURAL = ["what's up with ", "where do we stand on ", "how's ", "what about "]
MENTIONS = [
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<!subteam^S0123|@cc>",
    "<!date^1490263200^{date}|23 March>",
    "<@U123ABC>",
    "<@W0XYZ|ana>",
    "<#C024BE7LR|general>",
    "<https://evil.example|click here>",
    "<mailto:a@b.c>",
    "&lt;!channel&gt;",
    "&amp;",
    "<",
    ">",
    "&",
    "*bold*",
    "`code`",
    "```",
]
SQLISH = [
    "'; DROP TABLE actionitem; --",
    "1 OR 1=1",
    '" OR ""="',
    "%",
    "_",
    "\\",
    "'",
    "1; SELECT pg_sleep(5)",
    "UNION SELECT * FROM person",
    "NULL",
    "%' --",
    "$1",
    ":iso3",
    "?",
    "/*",
    "E'\\x00'",
]
DATES = [
    "31/02",
    "30 February",
    "29/02/2017",
    "29 February 2016",
    "32 March",
    "0/0",
    "00/00/0000",
    "15/04",
    "by 15 April",
    "by the end of March",
    "mid-April",
    "next Friday",
    "in two weeks",
    "by May",
    "by 31 February 2017",
    "yesterday",
    "9999-12-31",
    "0001-01-01",
    "31/12/99999",
    "13/13/13",
    "in 99999999 days",
    "in -3 weeks",
    "next 0 days",
    "next 1000000 days",
    "2017-02-30T25:61",
    "by",
    "until",
]
NUMBERS = [
    "0",
    "-1",
    "12",
    "#12",
    "#1",
    "#0",
    "#-1",
    "#999999999999999999999",
    "# 3",
    "##3",
    "1e309",
    "NaN",
    "inf",
    "٣",
    "１２",
    "½",
    "CHF 5,000",
    "5000.00.00",
    "-5000",
    "1_000",
    "99999999999999999999999999",
    "2017",
]
UNICODE = [
    "\u202e",
    "\u200f",
    "\u200d",
    "\u2066",
    "👨\u200d👩\u200d👧\u200d👦",
    "🇨🇭",
    "💣",
    "e\u0301\u0301\u0301",
    "Z\u0337\u0322\u031ba\u0334l\u0338g\u0335o\u0336",
    "مرحبا بالعالم",
    "שלום",
    "Côte d’Ivoire",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u2028",
    "\x7f",
    "\U0010ffff",
    "ﷺ",
    "ǅ",
]
NAMES = [
    "Italy",
    "Botswana",
    "Albania",
    "Lao PDR",
    "BiH",
    "DRC",
    "Switzerland",
    "universalization",
    "victim assistance",
    "me",
    "ISU",
    "the ISU",
    "Italy and Albania",
    "U1",
    "isu",
    "observer",
    "to",
    "by",
]
SEPARATORS = ["\t", "\n", ",", ":", ";", "  ", "to", "by", "and", "-", "/", "."]
TOKENS = MENTIONS + SQLISH + DATES + NUMBERS + UNICODE + NAMES + WORDS + SEPARATORS
TEMPLATES = [
    "action {} to {} by {}",
    "ACTION: {} to {} {}",
    "status {} {} {}",
    "done {} {} {}",
    "snooze {} {} {}",
    "due {} {} {}",
    "assign {} {} {}",
    "note {} {} {}",
    "edit {} {} {}",
    "contribution {} {} {}",
    "pledge {} {} {}",
    "meeting add {} {} at {}",
    "roster add {} {} {}",
    "coordinator {} {} {}",
    "deadlines {} {} {}",
    "items {} {} {}",
    "who {} {} {}",
    "history {} {} {}",
    "delete {}{}{}",
    "restore {}{}{}",
    "reopen {}{}{}",
    "{} {} {}",
]

# Hypothesis pays per draw, so the strategies below draw few, large choices: a command is a
# handful of tokens picked from the lists above (plus raw unicode text now and then).
token = st.sampled_from(TOKENS)
numbers = st.integers(min_value=-10, max_value=10**22).map(lambda n: f"#{n}" if n % 2 else str(n))


def junk(*, max_tokens: int = 6) -> st.SearchStrategy[str]:
    """A few tokens joined by spaces: mentions, SQL, dates, numbers, unicode, names, words."""
    return st.lists(token, max_size=max_tokens).map(" ".join)


def subcommand_lines() -> st.SearchStrategy[str]:
    """`<prefix><word> <junk>`: every sub-command word, and a natural phrase, then anything."""
    head = st.sampled_from(WORDS + NATURAL)
    tail = st.one_of(junk(), st.text(max_size=30))
    return st.tuples(st.sampled_from(PREFIXES), head, tail).map(
        lambda parts: f"{parts[0]}{parts[1]} {parts[2]}"
    )


def adversarial_lines() -> st.SearchStrategy[str]:
    """Well-shaped commands with poisoned slots: `action <owner> to <what> by <when>` etc."""
    slot = st.one_of(token, token, numbers, junk(max_tokens=3))
    return st.tuples(st.sampled_from(TEMPLATES), slot, slot, slot).map(
        lambda parts: parts[0].format(*parts[1:])
    )


@st.composite
def huge_lines(draw: st.DrawFn) -> str:
    """Around and past the cap, built by repetition (generating 100 kB char by char is slow)."""
    head = draw(st.sampled_from(["", "action Italy to ", "status ", "note 1 ", "ACTION: ISU to "]))
    filler = draw(st.one_of(st.sampled_from(TOKENS), st.text(min_size=1, max_size=5)))
    filler = filler or "x"
    size = draw(
        st.sampled_from(
            [
                MAX_COMMAND_CHARS - 1,
                MAX_COMMAND_CHARS,
                MAX_COMMAND_CHARS + 1,
                MAX_COMMAND_CHARS * 2,
                2001,
                1999,
                100_000,
            ]
        )
    )
    body = (filler * (size // len(filler) + 1))[: max(size - len(head), 0)]
    return head + body
