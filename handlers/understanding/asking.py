"""What a line asks to be searched: the subject of "what did we decide about …".

Kept apart from ``compose`` (which builds every other command) because finding the subject is
its own small grammar: the decision word, the words that lead from it, and what is left.
"""

from __future__ import annotations

import re

from handlers.i18n import _
from handlers.i18n.phrases import Names, fill, words
from handlers.ports import Ctx
from handlers.understanding.compose import Builder, Proposal, fold_, state_names, states_said
from handlers.understanding.entities import Reading

# A decision word, and the words that lead from it to its subject ("decided on the…",
# "décidé pour le…", "se decidió sobre el…"): the subject is what follows them.
_DECISION = re.compile(
    r"\b(?:decid\w*|décid\w*|decision\w*|décision\w*|decisión\w*|agreed?|acord\w*|"
    r"outcome|say|said|conclu\w*)\b(?:[\s,:']+(?:about|on|re|regarding|concerning|for|with|"
    r"sur|pour|concernant|au\s+sujet\s+de|à\s+propos\s+de|sobre|para|respecto\s+a|acerca\s+de|"
    r"de|del|du|des|the|la|le|les|l|el|los|las|at|in|en)\b)*[\s,:']*",
    re.I,
)


def _decided(ctx: Ctx, r: Reading) -> Proposal:
    names = state_names(ctx, r)
    topic = names[0] if len(names) == 1 and len(r.of("state")) == 1 else ""
    said: Names = states_said(ctx, r) if topic else words()
    if not topic:
        found = list(_DECISION.finditer(r.line))
        rest = r.line[found[-1].end() :] if found else r.line
        if not rest.strip(" ?!.¿") and found:  # "Lebanon decisions?": the subject came first
            rest = r.line[: found[-1].start()]
        topic = rest.strip(" ?!.¿,;:")
        said = words(topic)
    if _ONLY_CUES.fullmatch(fold_(topic)):  # "decided", "any decisions?": about what?
        return Proposal(
            "decided", "", "", False, problem=_("Decided about what? Name a State or a topic.")
        )
    return Proposal(
        "decided",
        f"decided {topic}".strip(),
        fill(_("what was decided about {topic}"), topic=said),
        False,
    )


_ONLY_CUES = re.compile(
    r"[\s?!.]*(?:(?:any|what|which|the|we|did|have|decid\w*|decision\w*|agreed?|acord\w*|"
    r"decisiones|was|were|made)[\s?!.]*)*"
)


ASKING: dict[str, Builder] = {"decided": _decided}
