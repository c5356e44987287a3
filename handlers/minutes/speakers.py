"""Who a subject phrase means: a State, an area's coordinators, the Presidency, the ISU.

Minutes report speech ("Italy added that it would ..."), so pronouns and "the Coordinator(s)"
point back at whoever is speaking in the section; the heading names the area and its States.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.minutes.organisations import organisation
from handlers.people.owners import Owner
from handlers.reference.areas import AREA_BY_KEY, find_area
from handlers.reference.states import StateDirectory
from handlers.reply.text import fold

PRESIDENCY = Owner("presidency", None, "the Presidency")
ISU = Owner("isu", None, "the ISU")
COMMITTEE = Owner("committee", None, "the Committee")
CHAIR = Owner("presidency", None, "the Chair")
SECRETARIAT = Owner("isu", None, "the Secretariat")
COORDINATORS = Owner("organisation", "Coordinators", "the Coordinators")

_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "the latter", "the former"}
    # summary records: "Ms. Pérez (Peru) said that her Government would ..."
    | {
        f"{p} {n}"
        for p in ("his", "her", "its", "their", "my", "our")
        for n in ("government", "delegation", "country", "organization", "organisation")
    }
)
# "Ms. Pérez (Peru)", "Mr. Dubois (International Committee of the Red Cross)": a speaker named
# by their delegation, as UN summary records write them.
_DELEGATE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}\((?P<delegation>[^()]{2,80})\)$")
_PRESIDENCY = re.compile(
    r"^(?:the )?(?:[\w-]+ (?:and [\w-]+ )?)?(?:president|presidency|presidencies|chair|chairperson)"
    r"(?: of the [\w ]+)?$|^(?:h\.?e\.? )?ambassador [\w .'-]+$"
)
_ISU = re.compile(
    r"^(?:the )?(?:ccm )?(?:(?:isu(?:-ccm)?|implementation support unit|secretariat)"
    r"(?: director| staff| team)?|(?:isu(?:-ccm)? )?director)$"
)
_COORDINATORS = re.compile(
    r"^(?:the )?(?:two |both |thematic |ccm |relevant |other )*co-?ordinators?\b(?P<rest>.*)$"
)
_COMMITTEE = re.compile(r"^(?:the )?(?:coordination )?committee(?: members)?$|^(?:the )?cc$")
_LEADING = re.compile(r"^(?:and|but|then|also|further|furthermore|finally|so|thus)\s+")
_TRAILING = re.compile(
    r"\s+(?:also|further|still|jointly|soon|then|already|now|themselves|probably|likely|"
    r"in turn|both|had been|has been|have been|was|were|is|are|had|has|have|would|will)$"
)
_JOINERS = re.compile(r"\s*(?:,|\band\b|&|\bas well as\b|\btogether with\b|\bboth\b|\bthe\b)\s*")


@dataclass(frozen=True)
class SectionFrame:
    """What a section's heading tells about its speakers."""

    area_key: str | None
    coordinators: tuple[str, ...]
    default: Owner | None


def area_owner(area_key: str, states: tuple[str, ...]) -> Owner:
    area = AREA_BY_KEY[area_key]
    return Owner("area", area_key, f"{area.name} coordinators", states, area_key)


def tidy_subject(phrase: str) -> str:
    """The bare noun phrase: no parentheticals, leading conjunctions or trailing auxiliaries."""
    text = re.sub(r",[^,]*,", " ", f" {phrase.strip()} ").strip(" ,")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
        text = _TRAILING.sub("", text).strip(" ,")
    return text


def resolve(
    phrase: str, *, frame: SectionFrame, speaker: Owner | None, states: StateDirectory
) -> Owner | None:
    """The owner a subject phrase names, or None when it names no actor the bot knows."""
    if m := _DELEGATE.match(re.sub(r"^\d{1,3}\.\s+", "", phrase.strip(" ,"))):
        found = _states(m["delegation"], states)
        org = organisation(m["delegation"], whole=True)
        if found is not None:
            return found
        if org is not None:
            return Owner("organisation", org, org)
    text = tidy_subject(phrase)
    folded = fold(text)
    if not folded:
        return None
    if folded in _PRONOUNS:
        return speaker
    singular = folded in {"the coordinator", "coordinator"}
    if singular and speaker is not None and speaker.kind in {"state", "area"}:
        return speaker
    if m := _COORDINATORS.match(folded):
        area = find_area(m["rest"]) if m["rest"].strip() else None
        key = area.key if area else frame.area_key
        if key is None:  # "the Coordinators" of a body the bot has no areas for
            return speaker if speaker is not None and speaker.kind == "area" else COORDINATORS
        return area_owner(key, frame.coordinators if key == frame.area_key else ())
    if _PRESIDENCY.match(folded):
        # other bodies' minutes say "the Chair": same owner, the word the reader knows
        return CHAIR if re.search(r"\bchair", folded) else PRESIDENCY
    if _ISU.match(folded):
        return SECRETARIAT if "secretariat" in folded else ISU
    if _COMMITTEE.match(folded):
        return COMMITTEE
    found = _states(text, states)
    if (
        found is None
        and (org := organisation(text, whole=True)) is not None
        and org not in {"ISU", "Secretariat"}
    ):
        return Owner("organisation", org, org)  # "The HALO Trust will prepare ..."
    return found


def _states(text: str, states: StateDirectory) -> Owner | None:
    """One or more States and nothing else ("Chile and Italy", "Bosnia and Herzegovina")."""
    whole = states.lookup(text)
    if whole is not None:
        return Owner("state", whole.iso3, whole.short, (whole.iso3,))
    found = states.find_in_text(text)
    if not found:
        return None
    leftover = text
    for match in found:
        leftover = leftover.replace(match.matched, " ")
    if _JOINERS.sub(" ", leftover).strip(" .'s"):
        return None
    iso3s = tuple(dict.fromkeys(m.state.iso3 for m in found))
    label = " and ".join(dict.fromkeys(m.state.short for m in found))
    return Owner("state" if len(iso3s) == 1 else "states", ",".join(iso3s), label, iso3s)


def leading_owner(
    clause: str, *, frame: SectionFrame, speaker: Owner | None, states: StateDirectory
) -> tuple[Owner, int] | None:
    """The owner named by a clause's first words ("The President thanked ...") and how many."""
    words = clause.split()
    for n in range(1, min(len(words), 8) + 1):
        owner = resolve(" ".join(words[:n]), frame=frame, speaker=speaker, states=states)
        if owner is not None:
            return owner, n
    return None


REPORTING = re.compile(
    r"\b(?:reported|explained|informed|mentioned|added|stated|said|noted|indicated|told|conveyed|"
    r"emphasi[sz]ed|highlighted|reiterated|underlined|stressed|announced|confirmed|clarified|"
    r"elaborated|specified|pointed out|reminded|concluded|commended|thanked|acknowledged|"
    r"suggested|proposed|expressed|described|provided|presented|recalled|observed|welcomed|"
    r"agreed|undertook|started|opened|encouraged|envisaged|envisioned)\b"
)


def reporter(
    sentence: str, *, frame: SectionFrame, speaker: Owner | None, states: StateDirectory
) -> Owner | None:
    """Who is speaking in this sentence ("On behalf of ..., Italy explained that ...")."""
    m = REPORTING.search(sentence)
    if m is None:
        return None
    prefix = sentence[: m.start()]
    prefix = re.split(r"\bthat\b", prefix)[-1]
    for segment in reversed(prefix.split(",")):
        if not segment.strip():
            continue
        owner = resolve(segment, frame=frame, speaker=speaker, states=states)
        if owner is not None:
            return owner
    return None
