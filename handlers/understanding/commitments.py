"""A commitment said in words ("Italy will call the Albanian mission by next Wednesday") as the
`action` command it means, in English, French or Spanish: who (the first owner named at the
start), what (the rest, after the modal verb), and the date phrase left inside for `action`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handlers.i18n import _
from handlers.i18n.phrases import fill
from handlers.people.owners import owner_said
from handlers.ports import Ctx
from handlers.reply.text import fold
from handlers.understanding.entities import Entity, Reading
from handlers.understanding.language import line_language, words

if TYPE_CHECKING:
    from handlers.understanding.compose import Proposal

_LEAD = re.compile(
    r"^\s*(?:ok(?:ay)?[,:]?\s+|so\s+|please\s+|pls\s+|can\s+|could\s+|let's\s+ask\s+|ask\s+|"
    r"[A-Z][\w-]+\s+(?:says|said|confirms|confirmed|writes|wrote|reports|told\s+us|dit|a\s+dit|"
    r"confirme|dice|dijo|confirma|confirmó)(?:\s+that|\s+que|\s+qu')?[,:]?\s+|"
    r"(?:\+1\W*)?(?:and\s+|also\s+)?(?:pls\s+|please\s+|plz\s+|can\s+you\s+)?(?:log|note|record)\s+that\s+|"
    r"\+1\W*|(?:and|et|y|also|aussi|tambien|también)\s+(?=\S)|"
    r"(?:re|about|concerning|regarding|au\s+sujet\s+de|concernant|sobre|respecto\s+a)\s+[^:]{1,40}:\s*|"
    r"(?:if|si|once|une\s+fois\s+que|cuando|when)\s+[^,]{3,80},\s+|"
    r"we\s+agreed\s+(?:that\s+)?|agreed\s*:?\s+|(?:note|nb|fyi|reminder|rappel|recordatorio|"
    r"action|todo|ai)\s*:\s*|(?:please\s+|(?:i\s+want\s+to|i'd\s+like\s+to|i\s+would\s+like\s+to|"
    r"je\s+veux|je\s+voudrais|j'aimerais|quiero|quisiera|can\s+you|could\s+you|pouvez-vous|"
    r"peux-tu|pourriez-vous|puedes|podrias|pueden)\s+)?(?:add|log|new|create|put|open|record|"
    r"ajoute[rz]?|"
    r"rajoute[rz]?|mets|mettez|nouvelle|nouvel|nueva|nuevo|añade|anade|agrega|agregue|agregar|crea|"
    r"crear|registra|pon)?\s*"
    r"(?:an?\s+|une\s+|un\s+|una\s+|the\s+)?(?P<noun>action(?:\s+item)?|item|todo|task|tâche|tache|"
    r"tarea|acción|accion)(?:\s+(?:for|pour|para)\s+|\s*:\s*))*",
    re.I,
)
_MODAL = re.compile(
    r"^\s*(?:'s\s+)?(?:[,:]\s*)?(?:se\s+)?(?:will|'ll|shall|should|must|to|is\s+to|are\s+to|is\s+going\s+to|are\s+going\s+to|"
    r"needs?\s+to|has\s+to|have\s+to|agreed\s+to|promised\s+to|offered\s+to|undertook\s+to|"
    r"volunteered\s+to|intends?\s+to|plans?\s+to|will\s+have\s+to|aims?\s+to|hopes?\s+to|"
    r"expects?\s+to|is\s+expected\s+to|are\s+expected\s+to|offers?\s+to|"
    r"va\s+a|van\s+a|doit|doivent|devra|devront|va|vont|s'engage\s+à|s'est\s+engagée?\s+à|"
    r"se\s+charge\s+de|debe|deben|deberá|tiene\s+que|tienen\s+que|se\s+compromete\s+a|queda\s+en|"
    r"a(?=\s+[a-zñ]+(?:ar|er|ir)\b))\s+",
    re.I,
)
# "Irak pour envoyer…", "la Nouvelle-Zélande de transmettre…", "Perú para enviar…": the deed
# in the infinitive after a preposition, as an order is written in French and Spanish
_TO_INFINITIVE = re.compile(
    r"^\s*(?:[,:]\s*)?(?:de\s+|d'|pour\s+|para\s+)(?=[a-zà-ÿñ]+(?:er|ir|re|ar)\b)", re.I
)
_NOT_A_VERB = re.compile(
    r"(?:and|or|the|a|an|of|for|about|with|on|in|at|et|ou|le|la|les|de|du|des|y|o|el|los|las|"
    r"del|con|sobre|is|are|was|has|have|est|es|'s|s)\b",
    re.I,
)
# A request to record what follows, inside the line.
_LOG_THAT = re.compile(
    r"\b(?:log|note|record|register)\s+that\s+|\b(?:notez|enregistrez|notez\s+bien)\s+que\s+|"
    r"\b(?:anoten|registren|apunten)\s+que\s+",
    re.I,
)
_REMIND_ME = re.compile(
    r"\s*(?:remind\s+me\s+(?P<when>(?:on\s+|next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+|"
    r"tomorrow\s+|tmrw\s+|in\s+\w+\s+(?:days?|weeks?)\s+)?to\s+|rappelle[sz]?[\s-]+moi\s+(?:de\s+|d['’]\s*)|"
    r"rappel(?:ez|le)[\s-]+moi\s+(?:de\s+|d['’]\s*)|recu[ée]rda(?:me|nos)\s+(?:que\s+)?)",
    re.I,
)
# A deed in the future tense right after the owner: "la Suisse fera circuler…", "Costa Rica
# llamará a las misiones…", "le Sénégal transmettra…" (French -ra/-ront, Spanish -rá/-rán,
# also typed without the accent).
_FUTURE = re.compile(
    r"^\s*(?:[a-zà-ÿ]+(?:era|ira|ra|ront|eront|iront)|[a-zñá-ú]+(?:ará|erá|irá|arán|erán|irán|"
    r"ara|ira|aran|eran|iran))\b",
    re.I,
)
_OWNER_KINDS = {"state", "role", "person", "mention"}
# A person known by first name, then whom they work for: "Matthieu de l'ISU", "Sheila de la
# ISU", "Silvia de Italia", "Víctor (Mexique)", "Laurent from the ISU": the owner is the latter.
_NAMED_OF = re.compile(
    r"^\s*[A-ZÀ-Ý][a-zà-ÿ'-]+\s*(?:\(|,?\s+(?:de\s+la|de\s+l'|de|du|del|des|of|from|at)\s*"
    r"(?:the\s+|la\s+|le\s+|el\s+|l')?)\s*$"
)
_ARTICLE = re.compile(
    r"^[\s:;,–-]*(?:the|la|le|les|el|los|las|l')?\s*(?:(?:delegation|délégation|delegacion|delegación|"
    r"mission|misión|mision|team|équipe|equipe|equipo)\s+(?:of\s+|de\s+|du\s+|del\s+|d')?"
    r"(?:the\s+|la\s+|le\s+|el\s+|l')?)?\s*$",
    re.I,
)


# "Zambia said they'd ping Kampala…", "from the NZ side: they will confirm…": "they" with a
# modal, after the one State the line names before it.
_THEY = re.compile(
    r"(?:^|[:;,.—–-]\s*|\b(?:that|que|qu'|said|says|dice|dijo|dit|confirmed|confirms|told\s+us)\s+)"
    r"(?P<they>they|ils|elles|ellos|ellas)"
    r"(?:'d|'ll|\s+(?:will|would|are\s+going\s+to|shall|vont|va|van\s+a|iban\s+a|doivent|deben))\s+",
    re.I,
)


def _they_as(ctx: Ctx, reading: Reading) -> tuple[str, str, bool] | None:
    """ "they" as the one State (or role) named before it; None when none or several are."""
    from handlers.understanding.compose import owner_of

    found = _THEY.search(reading.line)
    if found is None:
        return None
    before = [e for e in reading.entities if e.kind in {"state", "role"} and e.end <= found.start()]
    if len({(e.kind, e.value) for e in before}) != 1:
        return None
    owner = owner_of(ctx, reading, before[0].end, after=before[0].start)
    what = reading.line[found.end() :].strip().rstrip(".")
    if owner is None or not what:
        return None
    return owner, re.split(r",\s*(?:can|could|pls|please)\b", what)[0].strip(), True


def split_natural(ctx: Ctx, reading: Reading) -> tuple[str, str] | None:
    """(owner, what) when the line starts with an owner; the owner in words the `action`
    command reads ("Switzerland", "the ISU", "me", "<@U1>")."""
    split = _split(ctx, reading)
    return (split[0], split[1]) if split else None


def _split(ctx: Ctx, reading: Reading) -> tuple[str, str, bool] | None:
    """(owner, what, whether a modal or "remind me to" joined them)."""
    return _split_owner_first(ctx, reading) or _they_as(ctx, reading)


def _split_owner_first(ctx: Ctx, reading: Reading) -> tuple[str, str, bool] | None:
    from handlers.understanding.compose import owner_of

    line = reading.line
    lead = _LEAD.match(line)
    start = lead.end() if lead else 0
    marker = _LOG_THAT.search(line, start)
    if marker is not None:  # "Following the President's update, please log that we will…"
        start = marker.end()
    remind = _REMIND_ME.match(line, start)
    if remind:  # "remind me to call the Lebanese mission on Monday": mine to do
        when = (remind.groupdict().get("when") or "").strip()
        if when and when.split()[0].lower() not in {"on", "next", "this", "in", "tomorrow", "tmrw"}:
            when = f"on {when}"  # "remind me tuesday to…": on Tuesday
        return "me", f"{line[remind.end() :].strip().rstrip('.')} {when}".strip(), True
    speaking = speaker(reading)
    if speaking is not None and speaking[1] <= start:  # "Ireland here. We'll…": from "We"
        start = max(start, speaking[2] + 1)
    owners = [
        e
        for e in reading.entities
        if e.kind in _OWNER_KINDS
        and e.start >= start
        and (speaking is None or e is not speaking[0])
    ]
    if not owners:
        return None
    for_us = _FOR_US.match(line, start)
    if for_us:  # "Pour le Sénégal : nous transmettons…": we, for Senegal
        we = next((e for e in owners if e.kind == "person" and e.value == "we"), None)
        if we is not None and we.start == for_us.end():
            return _we_as(ctx, reading, start, we)
    first = owners[0]
    head = line[start : first.start]
    area = next((e for e in reading.of("area") if e.start >= start and e.end <= first.start), None)
    if first.value == "coordinators" and area is not None:  # "VA coordinators to contact…"
        head = line[start : area.start]
    if not _ARTICLE.match(head) and not _NAMED_OF.match(head) and head.strip():
        return None
    end = first.end
    for e in owners[1:]:  # "Chile and Italy", "the VA coordinators"
        gap = line[end : e.start]
        if re.fullmatch(r"\s*(?:and|&|\+|/|,|et|y|e)?\s*", gap, re.I):
            end = e.end
        else:
            break
    area_next = next((e for e in reading.of("area") if e.start >= end), None)
    if (
        first.kind == "role"
        and first.value == "coordinators"
        and area_next is not None
        and len(line[end : area_next.start]) <= 30  # "de destrucción de", "for", "on the"
        and not re.search(r"[,.;:!?]|\d", line[end : area_next.start])
    ):
        end = area_next.end  # "los coordinadores de destrucción de arsenales se van a reunir…"
    area_after = re.match(
        r"\s*(?:coordinators?|coordinateurs|coordinadores|delegation|mission|team)\b",
        line[end:],
        re.I,
    )
    if area_after:
        end += area_after.end()
    owner = owner_of(ctx, reading, end, after=start)  # not "re Albania:" before it
    asked_for = bool(lead and lead["noun"])  # "add an action for Chile: …" is an order to log
    if first.kind == "person" and first.value == "we":
        return _we_as(ctx, reading, start, first)  # "nous, le Niger, organisons…"
    if _NAMED_OF.match(head):  # "Víctor (Mexique) relance…": past the bracket
        end += len(re.match(r"\s*\)?", line[end:])[0])  # type: ignore[index]
    modal = _MODAL.match(line[end:]) or _TO_INFINITIVE.match(line[end:])
    what = line[end + modal.end() :] if modal else line[end:].lstrip(" :,-–")
    if owner is None or not what.strip():
        return None
    if modal is None and _NOT_A_VERB.match(what):  # "Costa Rica and the seminar": no deed
        return None
    if modal is None and _SPEECH.match(what):  # "la Zambie confirme : …": news, not a deed
        return None
    return owner, what.strip().rstrip("."), modal is not None or asked_for


# A verb that reports what someone said: what follows is news ("la Zambie confirme : les
# lettres sont traduites", "Uganda says that…"), not a deed the owner takes on.
_SPEECH = re.compile(
    r"(?:confirm\w*|says|said|dit|dice|dijo|report(?:s|ed)|inform\w*|indic\w*|writes|wrote|"
    r"[ée]crit|escribe|tells|told|explique|explica|explains)\s*(?::|\bque\b|\bqu'|\bthat\b|$)",
    re.I,
)


# Words with a future's ending that say nothing is promised: être/avoir/ser/estar ("la Suisse
# sera absente"), the Spanish imperfect and subjunctive, and ordinary words.
_NOT_A_DEED = frozenset(
    [
        "sera",
        "seront",
        "aura",
        "auront",
        "serai",
        "aurai",
        "etait",
        "era",
        "eran",
        "fuera",
        "fueran",
        "sera",
        "seran",
        "estara",
        "estaran",
        "habra",
        "habran",
        "ahora",
        "contra",
        "otra",
        "para",
        "hora",
        "sobre",
        "entre",
        "nuestra",
        "vuestra",
        "cara",
        "clara",
        "quisiera",
        "pudiera",
        "tuviera",
        "hubiera",
        "debiera",
    ]
)


# A deed in the present tense right after the owner ("France sends the readout by Easter",
# "Germany reaching out to RACVIAC early April", "la France envoie…", "Chile se coordina con
# Italia…"): English -s/-ing, French -e/-ent/-it, Spanish -a/-an/-e/-en, after a reflexive or
# object pronoun if any. Only a promise when a date still ahead follows it.
_PRONOUN = r"(?P<pronoun>(?:se|s'|nous|nos|me|m'|lui|leur|les|lo|los|le)\s*)?"
_PRESENT = {
    "en": re.compile(r"^\s*(?P<verb>[a-z]{2,}(?:[^s]s|ing))\b", re.I),
    "fr": re.compile(rf"^\s*{_PRONOUN}(?P<verb>[a-zà-ÿ]{{2,}}(?:e|ent|it))\b", re.I),
    "es": re.compile(rf"^\s*{_PRONOUN}(?P<verb>[a-zñá-ú]{{2,}}(?:a|an|e|en))\b", re.I),
}
_NOT_PRESENT = re.compile(r"(?:ss|us|is|ys|é|ée|ées|és|ado|ada|ido|ida|ción|sion|ment)$")


# Verbs of state, not deeds: "Uganda needs until the 28th" asks for time, it promises nothing.
_STATIVE = words(
    "needs wants asks says thinks hopes expects prefers agrees knows seems remains wishes "
    "believes feels means owes looks sounds being having saying thinking hoping waiting "
    "veut souhaite demande pense espere prefere croit semble reste attend doit "
    "quiere necesita pide piensa espera prefiere cree parece queda debe dice acaba acaban vient "
    "viennent"
)


def _present_deed(ctx: Ctx, reading: Reading, what: str) -> bool:
    """``what`` starts with a verb in the present tense and a date still ahead follows."""
    from handlers.understanding.compose import WRITES
    from handlers.understanding.judge import cue_scores

    lang = line_language(reading.line)
    found = _PRESENT[lang].match(what) if lang else None
    if found is None:
        return False
    if reading.has("item"):  # "re item 10 — Uganda needs til the 28th": about #10, not new
        return False
    verb = fold(found["verb"])
    if (
        verb in _STATIVE
        or verb in _NOT_A_DEED
        or _NOT_A_VERB.fullmatch(verb)
        or _NOT_PRESENT.search(verb)
    ):
        return False
    asks = set(cue_scores(verb)) - WRITES - {"commitment"}
    if asks and not found.groupdict().get(
        "pronoun"
    ):  # "Chile deadlines in April": a question's noun
        return False
    return _dated_ahead(ctx, reading, what)


# "Pour le Sénégal : nous…", "For Chile: we…", "Para Chile: nosotros…"
_FOR_US = re.compile(
    r"\s*(?:pour|for|para|de\s+la\s+part\s+de|on\s+behalf\s+of|de\s+parte\s+de)\s+"
    r"(?:le\s+|la\s+|l'|el\s+|the\s+)?[^:,]{2,40}?\s*[:,-]\s*",
    re.I,
)
# After "we": the deed in the first person plural, or a base verb in English.
_WE_DEED = re.compile(
    r"^\s*(?:(?:nous|nos|se)\s+)?(?:[a-zà-ÿ]+ons|[a-zñá-ú]+(?:amos|emos|imos)|(?-i:[a-z]{2,}))\b",
    re.I,
)


def _we_as(ctx: Ctx, reading: Reading, start: int, we: Entity) -> tuple[str, str, bool] | None:
    """ "we" as the State the message names beside it ("nous, le Niger, organisons…",
    "nosotros (México) presentamos…", "Pour le Sénégal : nous…"), else the asker's own State in
    the roster; None when neither says who "we" is."""
    line = reading.line
    beside = [
        e
        for e in reading.of("state")
        if _APPOSED.fullmatch(
            line[e.end : we.start] if e.end <= we.start else line[we.end : e.start]
        )
    ]
    speaking = speaker(reading)
    if beside:
        state = ctx.states.get(beside[0].value)
        end = max(we.end, beside[0].end)
    elif speaking is not None:  # "Ireland here. We'll send…"
        state = ctx.states.get(speaking[0].value)
        end = we.end
    else:
        from handlers.people.permissions import person_by_id

        person = person_by_id(ctx.session, ctx.user)
        iso3 = person.state_iso3 if person is not None else None
        state = ctx.states.get(iso3) if iso3 else None
        end = we.end
    # else the one role the message names: "Following the President's update, we will…"
    owner = state.short if state is not None else _only_role(reading)
    if owner is None:
        return None
    end += len(re.match(r"[\s,)–-]*", line[end:])[0])  # type: ignore[index]
    modal = _MODAL.match(line[end:])
    what = line[end + modal.end() :] if modal else line[end:]
    if speaking is not None and speaking[1] > end:  # "…du Niger. C'est pour le Sénégal, d'ici…"
        cut = speaking[1] - len(line) + len(what), speaking[2] - len(line) + len(what)
        what = f"{what[: cut[0]].rstrip(' .,;:')} {what[cut[1] :].lstrip(' .,;:')}"
    if not what.strip() or (modal is None and (state is None or _NOT_A_VERB.match(what))):
        return None
    deed = modal is not None or (
        _WE_DEED.match(what) is not None and _dated_ahead(ctx, reading, what)
    )
    return owner, what.strip().rstrip("."), deed


# Where a clause may end, finer than a sentence: "Desde Chile: vamos…", "…, c'est pour le Sénégal"
_CLAUSE_EDGE = re.compile(r"[.:;!?\n]|\s[–—-]\s|,\s")


def speaker(reading: Reading) -> tuple[Entity, int, int] | None:
    """The State a clause of its own names as the one speaking ("Ireland here. We'll send…",
    "Desde Chile: vamos a…", "…d'ici le 10/04, c'est pour le Sénégal"), with that clause's
    span."""
    from handlers.understanding.clauses import says_who

    line = reading.line
    for state in reading.of("state"):
        before = [m.end() for m in _CLAUSE_EDGE.finditer(line, 0, state.start)]
        after = _CLAUSE_EDGE.search(line, state.end)
        start, end = (before[-1] if before else 0), (after.start() if after else len(line))
        if says_who(line[start:end]):
            return state, start, end
    return None


def _only_role(reading: Reading) -> str | None:
    roles = {e.value for e in reading.of("role") if e.value in {"presidency", "isu"}}
    if len(roles) != 1:
        return None
    return "the Presidency" if roles == {"presidency"} else "the ISU"


_APPOSED = re.compile(r"[\s,:;()–-]*(?:(?:le|la|l'|el|the|pour|for|para|de)\s*)*[\s,:;()–-]*", re.I)


def _dated_ahead(ctx: Ctx, reading: Reading, what: str) -> bool:
    """A day still ahead is said after the deed (a year alone, "para 2017", is not a deadline)."""
    at = reading.line.find(what)
    today = ctx.now.astimezone(ctx.tz).date().isoformat()
    return any(
        e.start >= at and e.value >= today and not _YEAR_ONLY.fullmatch(e.text)
        for e in reading.of("date")
        if e.value
    )


_YEAR_ONLY = re.compile(r"(?:(?:for|para|pour|in|en|de|of)\s+)?(?:19|20)\d\d", re.I)


def promises(ctx: Ctx, reading: Reading) -> bool:
    """The line has the form of a commitment: an owner first, then a modal ("will", "to",
    "doit", "tiene que"…), a verb in the future tense, or one in the present tense with a date
    still ahead ("la France envoie la démarche vendredi"), or "remind me to". Evidence for the
    judge, in any language, whatever the deed is."""
    split = _split(ctx, reading)
    if split is None:
        return False
    first = fold(split[1].split()[0]) if split[1].split() else ""
    if split[2] or (_FUTURE.match(split[1]) is not None and first not in _NOT_A_DEED):
        return True
    return _present_deed(ctx, reading, split[1])


_IRREGULAR = {"has": "have", "does": "do", "goes": "go", "is": "is"}


def _base_form(what: str) -> str:
    """ "sends the readout" as the task it is: "send the readout" (English third person only; a
    French or Spanish deed is kept as typed)."""
    first, sep, rest = what.partition(" ")
    if not re.fullmatch(r"[a-z]{3,}s", first) or first.endswith(("ss", "us", "is", "ys")):
        return what
    if first in _IRREGULAR:
        base = _IRREGULAR[first]
    elif first.endswith("ies"):
        base = first[:-3] + "y"
    elif first.endswith(("shes", "ches", "sses", "xes", "zes")):
        base = first[:-2]
    else:
        base = first[:-1]
    return base + sep + rest


_OWNER_CHANGED = re.compile(
    r"\b(?:change\s+the\s+owner|new\s+owner|reassign\w*|re-assign\w*|reattribu\w*|reasign\w*|"
    r"changer\s+(?:le|de)\s+responsable|changez\s+le\s+responsable|nouveau\s+responsable|"
    r"cambiar\s+(?:el|de)\s+responsable|cambien\s+el\s+responsable|nuevo\s+responsable)\b"
)


def commitment(ctx: Ctx, reading: Reading) -> Proposal:
    from handlers.understanding.compose import Proposal

    # "…: France will send them, not both coordinators. change the owner pls": an item's owner
    # changed, not a new item
    split = None if _OWNER_CHANGED.search(fold(reading.line)) else _split(ctx, reading)
    if split is None:
        return Proposal(
            "commitment",
            "",
            "",
            True,
            problem=_(
                "Who will do it? Start with the owner, e.g. "
                "`action Italy to call the Albanian mission by next Wednesday`."
            ),
        )
    owner, what, joined = split
    if not joined:  # "France sends the readout by Easter": the deed is "send"
        what = _base_form(what)
    return Proposal(
        "commitment",
        f"action {owner} to {what}",
        fill(_("log an item for {owner}: {what}"), owner=owner_said(ctx, owner), what=what),
        True,
    )
