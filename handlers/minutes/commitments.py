"""Commitments in running text: a sentence with future or obligation modality whose subject is
an actor the bot knows becomes a draft action item (owner, related States, area, due date).

Rules are about grammar ("would/will/should", "undertook to", "was requested to", "hoped to",
"envisaged holding", a deadline introduced by "by"/"before"), never about particular sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.dates.finding import find_when
from handlers.dates.reading import DateError, DateReading
from handlers.dates.spans import unread_note
from handlers.minutes.commitment_words import (
    _AGENT,
    _BOUNDARY,
    _CUT,
    _DEADLINE,
    _NEXT_MEETING,
    _NOT_VERBS,
    _PASSIVE,
    _STATIVE,
    _TRIGGER,
)
from handlers.minutes.model import DraftItem
from handlers.minutes.relative import before_event
from handlers.minutes.speakers import SectionFrame, leading_owner, reporter, resolve, tidy_subject
from handlers.people.owners import Owner
from handlers.reference.areas import AREAS
from handlers.reference.states import StateDirectory
from handlers.reply.text import fold

MAX_TEXT = 220


@dataclass(frozen=True)
class Context:
    """Everything a sentence is read against: the section, the meeting's moment, the next one."""

    section: str
    frame: SectionFrame
    states: StateDirectory
    now: datetime
    tz: ZoneInfo
    next_meeting: date | None
    dated: bool = True  # the document names its meeting's date, so earlier deadlines are past


@dataclass(frozen=True)
class _Found:
    owner: Owner
    text: str
    due: DateReading | None


def commitments_in(sentence: str, speaker: Owner | None, ctx: Context) -> list[DraftItem]:
    """The draft items one sentence commits someone to (usually none, sometimes one)."""
    if _NEXT_MEETING.search(sentence):
        return []
    ruled_out: list[str] = []  # why a modal clause is no commitment ("hoped that Peru would")
    found = list(_by_modality(sentence, speaker, ctx, ruled_out))
    if not found and not ruled_out:
        found = list(_by_deadline(sentence, speaker, ctx))
    items: list[DraftItem] = []
    owners: set[tuple[str, str | None]] = set()
    for hit in found:
        key = (hit.owner.kind, hit.owner.ref)
        if key in owners or not hit.text:
            continue
        if ctx.dated and hit.due is not None and hit.due.due < ctx.now.date():
            continue  # a deadline already past at the meeting: a report, not a commitment
        owners.add(key)
        items.append(_draft(sentence, hit, ctx))
    return items


def _by_modality(
    sentence: str, speaker: Owner | None, ctx: Context, ruled_out: list[str]
) -> Iterator[_Found]:
    for m in _TRIGGER.finditer(sentence):
        verb = (m["mverb"] or m["tverb"] or m["gverb"] or "").lower()
        if verb in _NOT_VERBS:
            continue
        if _about_others(m):
            ruled_out.append("an expectation of someone else's act")
            continue
        pieces = _BOUNDARY.split(sentence[: m.start()])
        region = pieces[-1]
        relative = len(pieces) > 1 and not tidy_subject(region) and _after_noun(pieces[-2])
        start = m.start("mverb") if m["mverb"] else m.start("tverb") if m["tverb"] else m.start()
        if m["gverb"]:
            start = m.start("gverb")
        predicate = _predicate(sentence[start:])
        owner = None if relative else _subject_owner(region, sentence, speaker, ctx)
        if owner is None and not relative:  # "Iraq conveyed its plans to ...": the reporter
            owner = reporter(region, frame=ctx.frame, speaker=speaker, states=ctx.states)
        if owner is None and m["tv"] and _ASKING.match(m["tv"]) and _object(m["mid"]):
            # "The Bureau requested the Secretariat to ...": whoever was asked, if known
            owner = resolve(_object(m["mid"]), frame=ctx.frame, speaker=speaker, states=ctx.states)
        if owner is None:
            owner = _passive_owner(pieces, predicate, sentence, speaker, ctx)
            if owner is None or _EVENT.match(predicate):
                continue
            subject = _antecedent(pieces[-2], 8) if relative else _antecedent(region, 12)
            predicate = f"{subject} to {predicate}".strip()
        elif verb in _STATIVE or (verb == "be" and not _PASSIVE.match(predicate)):
            continue
        if _NEGATED.search(f"{region} {m[0]}"):
            continue
        if m["tv"] and _ASKING.match(m["tv"]) and _object(m["mid"]):
            # "The President asked Chile to circulate ...": Chile's, if Chile is an actor we know
            owner = resolve(_object(m["mid"]), frame=ctx.frame, speaker=speaker, states=ctx.states)
            if owner is None:
                ruled_out.append("asked of someone the bot does not know")
                continue
        if len(pieces) > 1 and _hoped_of_another(pieces[-2], region, owner, speaker, ctx):
            ruled_out.append("a hope about someone else")
            continue
        yield _with_due(owner, predicate, sentence[start:], region, ctx)


_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
_ASKING = re.compile(r"^(?:request|ask|task|mandat)", re.IGNORECASE)
_HOPING = re.compile(r"\b(?:hop|expect|wish|trust|anticipat)\w*\s*$", re.IGNORECASE)


def _object(mid: str | None) -> str:
    """ "asked Chile to ...": the object between the verb and "to" (not "as a first step,")."""
    text = (mid or "").strip()
    if not text or _MID_FILLER.match(" " + text) or re.match(r"^(?:,|[a-z]+ly\b)", text):
        return ""
    if re.match(r"^(?:as|in|by|for|with|at|on|during|within|from|after|before|of)\b", text):
        return ""
    return text


def _hoped_of_another(
    before: str, region: str, owner: Owner, speaker: Owner | None, ctx: Context
) -> bool:
    """ "Chile hoped that Peru would reply": a hope about someone else, not Peru's commitment
    ("Chile hoped that it would ...": its own)."""
    if not _HOPING.search(before) or fold(tidy_subject(region)) in _PRONOUNS:
        return False
    found = leading_owner(before.strip(" ,"), frame=ctx.frame, speaker=speaker, states=ctx.states)
    hoper = found[0] if found else speaker
    return hoper is not None and (hoper.kind, hoper.ref) != (owner.kind, owner.ref)


def _subject_owner(region: str, sentence: str, speaker: Owner | None, ctx: Context) -> Owner | None:
    bare = region.strip()
    if re.search(r"\band$", bare) or not bare.strip(" ,"):
        # "... thanked the Director and suggested ...": the clause shares the sentence's subject
        head = _BOUNDARY.split(sentence)[0]
        found = leading_owner(head, frame=ctx.frame, speaker=speaker, states=ctx.states)
        return found[0] if found else None
    # "On behalf of X, Italy would ...": the last comma piece; "Chile, as coordinator, would":
    # the whole subject less its parenthetical (a trailing one too: "A and B, in their capacity
    # as Coordinators, would ...")
    last = bare.rstrip(" ,").split(",")[-1]
    appositive = re.match(r"\s*(?:as|in\s+(?:its|his|her|their)\s+capacity)\b", last, re.I)
    for subject in ([] if appositive else [last]) + [bare.rstrip(" ") + ","]:
        owner = resolve(tidy_subject(subject), frame=ctx.frame, speaker=speaker, states=ctx.states)
        if owner is not None:
            return owner
    if bare.endswith(","):  # "The President thanked the Director, and would ...": shared
        found = leading_owner(
            _BOUNDARY.split(sentence)[0], frame=ctx.frame, speaker=speaker, states=ctx.states
        )
        return found[0] if found else None
    return None


def _passive_owner(
    pieces: list[str], predicate: str, sentence: str, speaker: Owner | None, ctx: Context
) -> Owner | None:
    """ "the report would be shared soon": whoever the agent names; else the actor of the clause
    just before in the same sentence ("... that the Coordinators had received feedback and that
    the report would be shared soon"); else the speaker."""
    m = _PASSIVE.match(predicate)
    if m is None or m["part"].lower() in _STATIVE_PARTICIPLES:
        return None
    agent = _AGENT.search(predicate)
    if agent is not None and not _DEADLINE_WORD.match(agent["agent"]):
        named = resolve(agent["agent"], frame=ctx.frame, speaker=speaker, states=ctx.states)
        return named
    if re.search(r"\bit\s+was\s+agreed\b", sentence, re.I):
        return resolve("the Committee", frame=ctx.frame, speaker=speaker, states=ctx.states)
    for clause in reversed(pieces[1:-1]):  # the first piece is the reporting one: the speaker
        found = leading_owner(
            clause.strip(" ,"), frame=ctx.frame, speaker=speaker, states=ctx.states
        )
        if found is not None:
            return found[0]
    return speaker or ctx.frame.default


_DEADLINE_WORD = re.compile(
    r"(?:the\s+)?(?:end|beginning|middle|latest|mid|next|early|late|\d|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)",
    re.I,
)


def _after_noun(text: str) -> bool:
    """ "letters that would be sent": a relative clause (a noun before "that"), not reported speech."""
    words = text.split()
    return bool(words) and not _REPORTING_END.search(words[-1])


_REPORTING_END = re.compile(
    r"(?:ed|ly|said|told|so|such|now|meeting|Committee|Chair|President|view|fact|[,;:])$", re.I
)
_NEGATED = re.compile(r"\b(?:not|no|never|neither|nor)\b", re.I)
_EVENT = re.compile(r"^be\s+(?:held|organi[sz]ed|convened|hosted)\b")
_STATIVE_PARTICIPLES = frozenset(
    [
        "based",
        "composed",
        "led",
        "required",
        "needed",
        "influenced",
        "interested",
        "located",
        "concerned",
        "involved",
        "aimed",
        "made",
        "possible",
        "able",
        "necessary",
        "useful",
    ]
)


def _antecedent(region: str, most: int) -> str:
    words = tidy_subject(region).split()
    return " ".join(words[-most:])


def _predicate(text: str) -> str:
    cut = _CUT.search(text)
    text = text[: cut.start()] if cut else text
    return text.strip().rstrip(".").strip()


def _with_due(owner: Owner, predicate: str, tail: str, region: str, ctx: Context) -> _Found:
    if (before := before_event(tail, now=ctx.now, tz=ctx.tz)) is not None:
        return _Found(owner, predicate, before)
    due, text = _due(predicate, ctx)
    if due is None:
        due, _ = _due(region, ctx)
    return _Found(owner, text, due)


def _due(text: str, ctx: Context) -> tuple[DateReading | None, str]:
    try:
        found = find_when(text, now=ctx.now, tz=ctx.tz, next_meeting=ctx.next_meeting)
    except DateError:
        return None, text
    return (found[0], found[1]) if found else (None, text)


def _by_deadline(sentence: str, speaker: Owner | None, ctx: Context) -> Iterator[_Found]:
    """No modal verb, but an actor and a future deadline: "... inviting them to reply by May"."""
    if not _DEADLINE.search(sentence):
        return  # no "by", "before", "until" ...: no deadline (and no date reading to pay for)
    due, rest = _due(sentence, ctx)
    if due is None or due.due <= ctx.now.date():
        return
    phrase = re.escape(due.phrase.split()[0])
    if not re.search(_DEADLINE.pattern + phrase, sentence, re.I):
        return
    clauses = re.split(r"\bthat\b", rest)
    for i in range(len(clauses) - 1, -1, -1):
        clause = clauses[i].strip(" ,")
        found = leading_owner(clause, frame=ctx.frame, speaker=speaker, states=ctx.states)
        if found is not None:
            owner, used = found
            words = " that ".join(clauses[i:]).split()[used:]
            if _done(" ".join(words)):
                return  # "X had sent a letter inviting States to reply by May": done already
            yield _Found(owner, _predicate(" ".join(words)), due)
            return


_PARTICIPLE = r"[a-z]+(?:ed|en|wn|nt|lt|ne|de|ht|ld|ng|un|ot|et)"
_DONE = re.compile(
    r"^(?:(?:already|also|just|then|recently)\s+)*(?:"
    rf"(?:had|has|have)\s+(?:(?:already|also|just|recently)\s+)*(?:been\s+)?+{_PARTICIPLE}"
    rf"|(?:was|were)\s+(?:(?:already|also|just|recently)\s+)*{_PARTICIPLE}"
    r"|(?![a-z]*eed\b)[a-z]{2,}ed|sent|held|made|met|wrote|gave|took|spoke|began|told|said|"
    r"brought|sought|paid|kept|led|left|won|got|went|came|saw|did)\b(?!\s+to\s)",
    re.IGNORECASE,
)
_EXPECTING = re.compile(r"^(?:expect|hop|wish|want)", re.IGNORECASE)
_MID_FILLER = re.compile(
    r"^(?:\s+(?:also|further|then|soon|now|still|jointly|first|only|very\s+much|much|"
    r"strongly|therefore|thus|however|,))*\s*$",
    re.IGNORECASE,
)


def _done(predicate: str) -> bool:
    """ "had sent a letter", "has been held", "was circulated", "sent": past or perfect, so a
    report of what was done (a mandate stays open: "had been asked to submit ...")."""
    return _DONE.match(predicate.strip()) is not None


def _about_others(m: re.Match[str]) -> bool:
    """ "expected States to reply", "hoped the ISU would ...": an expectation of someone else's
    act, not a commitment of the subject ("expected to hear back" is its own)."""
    return bool(m["tv"] and _EXPECTING.match(m["tv"]) and _object(m["mid"]))


def _draft(sentence: str, hit: _Found, ctx: Context) -> DraftItem:
    text = " ".join(hit.text.split())
    text = text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rsplit(" ", 1)[0] + "…"
    related = [m.state.iso3 for m in ctx.states.find_in_text(hit.text)]
    states = tuple(dict.fromkeys([*hit.owner.states, *related]))
    area = area_cue(hit.text) or ctx.frame.area_key or hit.owner.area_key
    return DraftItem(
        section=ctx.section,
        text=text,
        owner=hit.owner,
        states=states,
        area_key=area,
        due=hit.due.due if hit.due else None,
        due_note=hit.due.note
        if hit.due
        else unread_note(hit.text, now=ctx.now, tz=ctx.tz, next_meeting=ctx.next_meeting),
        sentence=sentence,
    )


_GENERIC_COOPERATION = re.compile(
    r"\b(?:in\s+(?:close\s+)?cooperation\s+with|cooperation\s+(?:between|among)|"
    r"(?:co-?ordinators?|committee)\s+(?:on|for)\s+[\w\s,&-]+?(?=\s+(?:and|to|in|on|at|by)\b|$))",
    re.IGNORECASE,
)


_ALIAS_KEY = {alias: area.key for area in AREAS for alias in area.aliases} | {
    fold(area.name): area.key for area in AREAS
}
_AREA_WORDS = re.compile(
    r"\b(" + "|".join(re.escape(a) for a in sorted(_ALIAS_KEY, key=len, reverse=True)) + r")\b"
)


def area_cue(text: str) -> str | None:
    """The one area a commitment's own words name ("extend its Article 4 deadline": clearance),
    or None when they name none or several. "In cooperation with Austria" names no area, nor
    does a mention of other Coordinators."""
    text = fold(_GENERIC_COOPERATION.sub(" ", text))
    keys = {_ALIAS_KEY[m.group(1)] for m in _AREA_WORDS.finditer(text)}
    return keys.pop() if len(keys) == 1 else None


def section_frame(
    area_key: str | None, coordinators: tuple[str, ...], title: str, parent: SectionFrame | None
) -> SectionFrame:
    """Who speaks by default under a heading: its coordinators, the Presidency, or the ISU."""
    from handlers.minutes.speakers import ISU, PRESIDENCY, area_owner

    default: Owner | None = None
    if area_key is not None and coordinators:
        default = area_owner(area_key, coordinators)
    elif re.search(r"\bpresiden", title, re.I):
        default = PRESIDENCY
    elif re.search(r"\b(?:ISU|secretariat|finances|budget|documentation)\b", title, re.I):
        default = ISU
    elif parent is not None:
        default = parent.default
        coordinators = coordinators or parent.coordinators
        area_key = area_key or parent.area_key
    return SectionFrame(area_key, coordinators, default)


def speaker_after(sentence: str, speaker: Owner | None, ctx: Context) -> Owner | None:
    """The speaker for the sentences that follow (the one reporting in this sentence, if any)."""
    found = reporter(sentence, frame=ctx.frame, speaker=speaker, states=ctx.states)
    return found or speaker
