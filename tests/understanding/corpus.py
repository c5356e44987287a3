"""Judge lines as committee members type them: right, acceptable, unhelpful or wrong.

Each corpus row says which command(s) a line means (or "ask": a question back is right) and,
optionally, text the answer must contain (a date read, a name). A line is

* right: the bot ran, or asked to confirm, one of the expected commands, with that text;
* acceptable: it offered choices among which an expected one (nothing done);
* unhelpful: it asked or offered, but not the expected command (nothing done);
* wrong: it ran or proposed another command, or missed the expected text (a wrong State,
  item, amount or date, a date dropped).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import datetime
from fnmatch import fnmatchcase
from pathlib import Path

from handlers.commands.decided import same_word
from handlers.commands.item_change import split_reason
from handlers.commands.registry import COMMANDS
from handlers.commands.router import handle, item_args, route, without_prefix
from handlers.dates.vocab import MONTH_NAMES
from handlers.people.permissions import Caller
from handlers.ports import Deps
from handlers.reference.glossary import in_english
from handlers.reference.states import StateDirectory
from handlers.reply.text import clean, fold
from handlers.understanding.entities import read

HERE = Path(__file__).parent
_SETS_LANGUAGE = re.compile(r"`/ccm lang \w")
_READ_AS = re.compile(r"_Read as_ `/ccm (.+?)`")
_LOGGED = re.compile(r"^Logged \*?#\d+\*?: (.+?) — ", re.M)


@dataclass(frozen=True)
class Row:
    expected: tuple[str, ...]
    contains: str
    line: str


@dataclass(frozen=True)
class Verdict:
    row: Row
    grade: str  # right, acceptable, unhelpful, wrong
    kind: str  # run, confirm, choose, ask
    commands: tuple[str, ...]
    text: str


def load(name: str) -> list[Row]:
    return load_path(HERE / name)


def load_path(path: Path) -> list[Row]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        expected, contains, line = raw.split("\t")
        rows.append(
            Row(tuple(e.strip() for e in expected.split(" | ")), contains.strip(), line.strip())
        )
    return rows


_FILLER = {"to", "the", "for", "of", "du", "de", "la", "le", "recu", "reçu", "items", "tâches", "à"}
_SAME = {"wk": "week", "wks": "weeks", "meeting": "meetings", "mine": "mine"}


def _norm(command: str) -> str:
    """The substance of a command: States as ISO3 codes, no filler words or punctuation.

    ("assign #11 to Zambia" and "assign 11 Zambia" are the same command; so are "status laos?"
    and "status Lao PDR".)"""
    text = command.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    for match in sorted(StateDirectory.default().find_in_text(text), key=lambda m: -m.start):
        text = text[: match.start] + f" {match.state.iso3} " + text[match.end :]
    text = re.sub(r"#(\d)", r"\1", text)
    words = [_SAME.get(w, w) for w in re.findall(r"[\w*'/.<>@-]+", text.lower())]
    if words[:1] == ["mine"]:
        words = ["mine"]  # `mine` takes no arguments
    return " ".join(w for w in words if w not in _FILLER)


def _matches(command: str, expected: tuple[str, ...]) -> bool:
    got = _norm(command)
    return any(e != "ask" and fnmatchcase(got, _norm(e)) for e in expected)


def _day_style(text: str) -> str:
    """ "31 March 2017" and "31 Mar 2017" are the same day as the bot prints it."""
    for month in MONTH_NAMES:
        text = re.sub(rf"\b{month}\b", month[:3], text)
    return text.replace("&amp;", "&")


_ON_ITEMS = {"done", "reopen", "delete", "restore", "snooze", "due", "assign", "note", "edit"}
_ON_ITEMS |= {"history", "status"}


# Listings filtered by a period: a year there narrows what is shown, and the text the answer
# must hold says whether the one wanted is in it.
_PERIODIC = {"treaty", "deadlines", "meetings", "items", "overdue"}
NOW_YEAR = 2017  # the demo's "now", at which every corpus is judged
_MARKS = {"pledged", "received", "mine", "done", "overdue"}
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _extras(verb: str, args: str) -> frozenset[str]:
    """What else a command sets or filters by: received or pledged, a year, an Article, an
    owner filter, whom an item is given to, what was decided about."""
    words = _norm(f"{verb} {args}").split()[1:]
    # the year of a date a change sets is judged by the day the answer shows ("contains")
    dated = _PERIODIC | {"due", "snooze", "meeting"}
    found = {w for w in words if w in _MARKS or (_YEAR.match(w) and verb not in dated)}
    found |= {f"article:{b}" for a, b in itertools.pairwise(words) if a == "article"}
    if "owner" in words:
        found.add("owner:" + " ".join(words[words.index("owner") + 1 :]))
    if verb == "assign":
        rest = args.partition(" ")[2]
        named = read(rest, states=StateDirectory.default(), with_dates=False).entities
        found |= {f"{e.kind}:{e.value}" for e in named}
    if verb == "decided":
        found |= {f"topic:{w}" for w in words}
    if verb == "contribution" and "pledged" not in found:
        found.add("received")
    if verb in {"contributions", "unpaid", "article7"} and not any(_YEAR.match(w) for w in found):
        found.add(str(NOW_YEAR))  # these default to this year
    return frozenset(found)


def _substance(
    command: str,
) -> tuple[str, frozenset[str], frozenset[str], str, frozenset[str]]:
    """What a command does, whatever its wording: the command, the items, the States, for a
    new item its owner (the words of the task itself are the user's, not judged), and what
    else it sets or filters by."""
    spec, args = route(clean(command.replace("&amp;", "&")))
    verb = spec.name if spec else command.partition(" ")[0]
    if verb in _ON_ITEMS:  # what a change to an item sets, not the reason given after it
        number, _sep, rest = args.partition(" ")
        number, rest = number.rstrip(",:;."), rest if not number.endswith(",") else ""
        if rest.startswith(":"):  # "reopen 18 : l'Italie doit renvoyer…": the reason given
            rest = ""
        args = f"{number} {split_reason(rest)[0]}".strip()
    items = frozenset(
        re.findall(r"(?:^|\s)#?(\d{1,4})(?=\s|$)", args)[:1] if verb in _ON_ITEMS else []
    )
    owner = ""
    if verb == "action":
        args = re.sub(r"^(?:action|todo|add)\s*(?::\s*|\s)", "", args, flags=re.I)
        who = re.split(r"\s+(?:to|will|should|must|needs? to)\s+", args, maxsplit=1)[0]
        named = read(who, states=StateDirectory.default(), with_dates=False).entities
        owner = " ".join(sorted(f"{e.kind}:{e.value}" for e in named)) or _norm(who)
        items = frozenset()
    found = read(args, states=StateDirectory.default(), with_dates=False).of("state")
    states = frozenset(e.value for e in found)
    extras = _extras(verb, args) if verb not in {"action", "decided"} else frozenset()
    if verb == "pledge":  # "pledge Chile 10000 2017" is "contribution Chile 10000 CHF 2017 pledged"
        verb, extras = "contribution", extras | {"pledged"}
    return verb, items, states if verb != "action" else frozenset(), owner, extras


# "items due April" is answered in full by "deadlines April": the items due in that period
# and the treaty's deadlines beside them
_ITEMS_DUE_IN = re.compile(r"items\s+due\s+(?:in\s+|during\s+)?(?P<period>.+)", re.I)


def _with_supersets(expected: tuple[str, ...]) -> tuple[str, ...]:
    wider = [f"deadlines {m['period']}" for e in expected if (m := _ITEMS_DUE_IN.fullmatch(e))]
    return (*expected, *wider)


def same_substance(command: str, expected: tuple[str, ...], text: str, contains: str) -> bool:
    """The command does what one expected command does: the same literally, or the same
    command on the same items, States and owner with the text the answer must hold (a date,
    an amount) in the answer; `help X` is right when the answer shows `/ccm X`."""
    expected = _with_supersets(expected)
    if _matches(command, expected):
        return True
    got = _substance(command)
    logged = _LOGGED.search(text)
    if got[0] == "action" and logged:  # the owner the bot stored, as its answer names it
        got = (*got[:3], _substance(f"action {logged[1]} to it")[3], got[4])
    for wanted in (e for e in expected if e != "ask"):
        if wanted.startswith("help ") and got[0] == "help":
            topic = wanted.removeprefix("help ").strip()
            first = text.strip().splitlines()[0] if text.strip() else ""
            if re.match(rf"`/ccm {re.escape(topic)}(?![\w-])", first):  # the answer, not "see also"
                return True
        elif (contains or not text or (got[0] in _ON_ITEMS and got[1])) and got == _substance(
            wanted
        ):
            return True
        elif got[0] == "decided" and _substance(wanted)[0] == "decided":
            # the topic searched: every word of one expected topic is among the words searched
            # (and the same words in English, which the command also searches with)
            translated = in_english(command.partition(" ")[2]) or ""
            asked = {fold(w) for w in _norm(command).split()[1:] + translated.split()}
            subject = {fold(w) for w in _norm(wanted).split()[1:]}
            if asked and all(any(same_word(w, a) for a in asked) for w in subject):
                return True
    return False


def outcome(
    deps: Deps, line: str, *, user: str, now: datetime, refusal_asks: bool = False
) -> tuple[str, tuple[str, ...], str]:
    """What the bot did with a line. A typed command it refused (saying why, changing nothing)
    counts as a question back when ``refusal_asks`` (the corpus wanted one)."""
    # As the console: understanding is judged, not permissions (closed by default, issue 12).
    # A deployment people use has its public address set: the calendar answers with a feed.
    deps = replace(deps, public_url=deps.public_url or "https://ccm.example.org")
    reply = handle(deps, line, user=user, now=now, caller=Caller(user, operator=True))
    text = reply.text + (f"\n{reply.direct}" if reply.direct else "")  # what a DM carries too
    if _SETS_LANGUAGE.search(text) or route(without_prefix(clean(line)))[0] is COMMANDS["lang"]:
        # "réponds-moi en français" was done: the next line is judged as before
        handle(deps, "lang auto", user=user, now=now, caller=Caller(user, operator=True))
    confirm = [c.command for c in reply.choices if c.confirm]
    if confirm:
        return "confirm", tuple(confirm), text
    read_as = _READ_AS.search(text)
    if read_as:
        return "run", (read_as[1],), text
    if reply.choices:
        kind = "ask" if text.startswith("I couldn't work out") else "choose"
        return kind, tuple(c.command for c in reply.choices), text
    spec, args = route(without_prefix(clean(line)))  # as handle reads it
    if spec is not None and (reply.ok or not refusal_asks):
        return "run", (f"{spec.name} {item_args(spec, args)}".strip(),), text
    return "ask", (), text  # refused, saying why and how: nothing was done


def judge_row(deps: Deps, row: Row, *, user: str, now: datetime) -> Verdict:
    kind, commands, text = outcome(
        deps, row.line, user=user, now=now, refusal_asks="ask" in row.expected
    )
    wants_ask = "ask" in row.expected
    plain = _day_style(text)
    contains = _day_style(row.contains)
    if kind in {"run", "confirm"}:
        if same_substance(commands[0], row.expected, plain, contains) and contains in plain:
            grade = "right"
        else:
            grade = "wrong"
    elif wants_ask:
        grade = "right" if contains in plain else "unhelpful"
    elif any(same_substance(c, row.expected, "", "") for c in commands):
        grade = "acceptable"
    else:
        grade = "unhelpful"
    return Verdict(row, grade, kind, commands, text)


def judge_all(deps: Deps, rows: list[Row], *, user: str, now: datetime) -> list[Verdict]:
    return [judge_row(deps, row, user=user, now=now) for row in rows]


def summary(verdicts: list[Verdict]) -> dict[str, int]:
    counts = {"right": 0, "acceptable": 0, "unhelpful": 0, "wrong": 0}
    for verdict in verdicts:
        counts[verdict.grade] += 1
    return counts
