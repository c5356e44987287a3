"""From an intent and the entities of a line to the `/ccm` command it means.

Every reading ends as a plain command line ("overdue Italy", "contribution Austria 25000 CHF
2017 received"), run by the same handlers as a typed command: so what the bot did can be shown,
offered as a button, and typed again. ``None`` means the intent lacks something it needs; the
caller then asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale

from handlers.dates.vocab import same_length_fold
from handlers.i18n import _, current_language, state_label
from handlers.i18n.phrases import Names, fill, states_in_text, words
from handlers.i18n.terms import term
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY
from handlers.understanding.entities import Reading
from handlers.understanding.mood import is_how_to

Builder = Callable[[Ctx, "Reading"], "Proposal"]
WRITES = {"paid", "pledged", "report", "commitment", "done", "reschedule", "assign"}
WRITES |= {"delete", "reopen", "restore", "note", "meeting_add", "edit", "coordinator"}


@dataclass(frozen=True)
class Proposal:
    """A command to run, and how to say it in words (for a confirmation or a button)."""

    intent: str
    command: str
    says: str
    writes: bool
    problem: str | None = None  # when set, no command: what is missing, said to the user


def _states(reading: Reading) -> list[str]:
    names = []
    for e in reading.of("state"):
        names.append(e.value)
    return list(dict.fromkeys(names))


def state_names(ctx: Ctx, reading: Reading) -> list[str]:
    out = []
    for iso3 in _states(reading):
        state = ctx.states.get(iso3)
        out.append(state.short if state else iso3)
    return out


def states_said(ctx: Ctx, reading: Reading) -> Names:
    """The States of a reading as a reply's sentence names them, in the reader's language."""
    found = [(iso3, s.short if (s := ctx.states.get(iso3)) else iso3) for iso3 in _states(reading)]
    return states_in_text(found)


def state_labels(ctx: Ctx, reading: Reading) -> list[str]:
    """The States of a reading as a reply's label names them ("Chili", "Suiza")."""
    return [state_label(i, s.short if (s := ctx.states.get(i)) else i) for i in _states(reading)]


def _subject_said(ctx: Ctx, reading: Reading) -> Names:
    """The first State, else the first area, as a sentence names it."""
    states = states_said(ctx, reading)
    if states.names:
        return Names(states.names[:1])
    return words(*[term(area) for area in _area_names(reading)][:1])


def _area_names(reading: Reading) -> list[str]:
    return list(dict.fromkeys(AREA_BY_KEY[e.value].name for e in reading.of("area")))


def _role(reading: Reading) -> str | None:
    role = reading.first("role")
    if role is None:
        return None
    if role.value == "presidency":
        return "the Presidency"
    if role.value == "isu":
        return "the ISU"
    if role.value == "coordinators":
        areas = _area_names(reading)
        return f"{areas[0]} coordinators" if areas else None
    return None


def _role_said(reading: Reading) -> str | None:
    """The role named, as the reader's language names it ("la Présidence")."""
    role = reading.first("role")
    areas = _area_names(reading)
    if role is None:
        return None
    if role.value == "presidency":
        return _("the Presidency")
    if role.value == "isu":
        return _("the ISU")
    if role.value == "coordinators" and areas:
        return _("the {area} coordinators").format(area=term(areas[0]))
    return None


def _period_said(reading: Reading) -> str | None:
    """The period as it was typed (the command carries it in English)."""
    period = reading.first("period")
    year = reading.first("year")
    return period.text if period else year.value if year else None


def _period(reading: Reading) -> str | None:
    period = reading.first("period")
    if period is not None:
        from handlers.dates.periods import english_period

        return english_period(period.text)
    year = reading.first("year")
    return year.value if year else None


def _year(reading: Reading, today_year: int | None = None) -> str:
    year = reading.first("year")
    if year:
        return year.value
    said = fold_(reading.line)
    if today_year is not None and _THIS_YEAR.search(said):  # "who still owes this year?"
        return str(today_year)
    if today_year is not None and _LAST_YEAR.search(said):  # "outstanding art 7s from last year"
        return str(today_year - 1)
    if today_year is not None and _NEXT_YEAR.search(said):
        return str(today_year + 1)
    return ""


_THIS_YEAR = re.compile(
    r"this\s+year|cette\s+annee|este\s+ano|l'annee\s+en\s+cours|ano\s+en\s+curso"
)
_LAST_YEAR = re.compile(
    r"last\s+year|l'an\s+dernier|l'annee\s+derniere|ano\s+pasado|el\s+ano\s+anterior"
)
_NEXT_YEAR = re.compile(
    r"next\s+year|l'an\s+prochain|l'annee\s+prochaine|ano\s+que\s+viene|proximo\s+ano"
)


def _me(reading: Reading) -> bool:
    return any(e.value == "me" for e in reading.of("person"))


def _mine_asked(reading: Reading) -> bool:
    """The reader is named as whose items ("my items", "for me", "mes actions"), not as the one
    doing something else ("anything overdue before I brief the Ambassador?")."""
    return any(
        e.value == "me" and not _DOING.match(reading.line, e.end) for e in reading.of("person")
    )


# "I brief", "je prépare", "yo hablo": the reader doing something, no owner asked about
_DOING = re.compile(
    r"\s+(?!am\b|have\b|need\b|own\b|got\b)[a-z]{3,}(?<!ed)\b(?:\s+(?:the|a|my|le|la|el))", re.I
)


def _filters(ctx: Ctx, reading: Reading) -> tuple[list[str], str | None]:
    """State and area filters, and the owner filter (which must come last: it takes the rest)."""
    parts: list[str] = []
    role = _role(reading)
    if role is None and reading.first("role") is not None:
        role = {"presidency": "the Presidency", "isu": "the ISU"}.get(reading.first("role").value)  # type: ignore[union-attr]
    if not role or "coordinators" not in role:
        parts.extend(_area_names(reading))
    parts.extend(state_names(ctx, reading))
    mention = reading.first("mention")
    owner = f"owner {role}" if role else None
    if mention:
        owner = f"owner <@{mention.value}>"
    elif _mine_asked(reading) and owner is None:
        parts.append("mine")
    return parts, owner


# A listing asked for by the items' name ("items due in April", "tâches de la semaine")
_ITEMS_SAID = re.compile(
    r"\b(?:items?|action\s+(?:items?|points?)|actions?|tasks?|to-?dos?|follow-?ups?|taches?|"
    r"points?|acciones|tareas?|pendientes)\b"
)
_BY = re.compile(r"(?:by|before|until|till|avant|d'ici|antes\s+de|hasta)\b")


# "between now and 7 April", "d'ici au 7 avril", "de aquí al 7 de abril": by that day
_FROM_NOW_TO = re.compile(
    r"(?:between\s+now\s+and|from\s+now\s+(?:un)?till?|(?:from\s+)?today\s+(?:un)?till?|"
    r"entre\s+(?:maintenant|aujourd'hui|hoy|ahora)\s+(?:et|y)|d'ici\s+(?:au|le|a|à)|"
    r"de\s+aqui\s+(?:al|a)|desde\s+(?:hoy|ahora)\s+hasta(?:\s+el)?)\s*$"
)


def _deadline_said(r: Reading) -> str | None:
    """The day a listing runs up to: "due before Easter", "between now and 7 April"."""
    for e in r.of("date"):
        if e.reading is None:
            continue
        if _BY.match(_undue(e.text)):
            return _undue(e.text)
        if _FROM_NOW_TO.search(fold_(r.line[: e.start]).lower()):
            return f"by {e.text}"
    return None


def _undue(text: str) -> str:
    return re.sub(r"^due\s+", "", fold_(text)) if fold_(text).startswith("due ") else text


_PERIODIC = {"items", "overdue", "deadlines", "meetings", "treaty"}


def compose(ctx: Ctx, intent: str, reading: Reading) -> Proposal:
    """The command ``intent`` means with these entities."""
    from handlers.understanding.asking import ASKING
    from handlers.understanding.changes import CHANGES  # changes build on this module

    builder = _BUILDERS.get(intent) or CHANGES.get(intent) or ASKING.get(intent)
    if builder is None:
        return Proposal(intent, "help", _("show what I can do"), False)
    unread = [e for e in reading.of("date") if e.problem]
    if intent in _PERIODIC and unread:  # "due before the 8MSP" with no 8MSP: never drop it
        return Proposal(intent, "", "", False, problem=f"“{unread[0].text}”: {unread[0].problem}")
    return builder(ctx, reading)


def _meetings(ctx: Ctx, r: Reading) -> Proposal:
    period = _period(r)
    if period and not re.search(r"next|prochain|proxim", fold_(r.line)):
        return Proposal(
            "meetings",
            f"meetings {period}",
            _("the meetings in {period}").format(period=_period_said(r) or period),
            False,
        )
    plural = re.search(
        r"\b(?:meetings|reunions|reuniones|calendar|calendrier|calendario)\b", fold_(r.line)
    )
    if plural or (r.first("meeting") and r.first("meeting").value != "next cc"):  # type: ignore[union-attr]
        return Proposal("meetings", "meetings", _("the upcoming meetings"), False)
    return Proposal("meetings", "next meeting", _("the next CC meeting"), False)


def fold_(text: str) -> str:
    return same_length_fold(text)


def _unpaid(ctx: Ctx, r: Reading) -> Proposal:
    names = state_names(ctx, r)
    if len(names) == 1:  # "what does NZ owe us": that State's contributions
        return Proposal(
            "status",
            f"status {names[0]}",
            fill(_("where things stand with {subject}"), subject=states_said(ctx, r)),
            False,
        )
    year = _year(r, ctx.today.year) or str(ctx.today.year)
    return Proposal(
        "unpaid", f"unpaid {year}", _("who has not paid for {year}").format(year=year), False
    )


def _contributions(ctx: Ctx, r: Reading) -> Proposal:
    names = state_names(ctx, r)
    if names:
        return Proposal(
            "status",
            f"status {names[0]}",
            fill(_("where things stand with {subject}"), subject=_subject_said(ctx, r)),
            False,
        )
    year = _year(r, ctx.today.year)
    return Proposal("contributions", f"contributions {year}".strip(), _("the contributions"), False)


def _listing(name: str) -> Builder:
    def build(ctx: Ctx, r: Reading) -> Proposal:
        parts, owner = _filters(ctx, r)
        shown = _filters_said(ctx, r, parts)
        period = _period(r)
        deadline = _deadline_said(r)
        if name == "items" and deadline is not None:
            parts.append(f"due {deadline}")  # "anything due before Easter?"
            shown.append(_("due {period}").format(period=deadline))
        elif name == "items" and period:
            parts.append(f"due {period}")
            shown.append(_("due {period}").format(period=_period_said(r) or period))
        if owner:
            parts.append(owner)
            mention = r.first("mention")
            who = f"<@{mention.value}>" if mention else _role_said(r) or owner
            shown.append(_("owner “{who}”").format(who=who))
        if name == "items" and re.search(
            r"\b(done|completed|closed|ticked|fait|hecho|termin|cerrad|cerramos|cerraron|clos|"
            r"clotur|boucl|cumplid|listo)",
            fold_(r.line),
        ):
            parts.insert(0, "done")
        if name == "items" and parts == ["mine"]:  # "what do I have to do": that is `mine`
            return Proposal("mine", "mine", _("your open items"), False)
        if (
            name == "items"
            and len(parts) == 1
            and parts[0].startswith("due ")
            and not owner
            and not _ITEMS_SAID.search(fold_(r.line))
        ):  # "what's due in April?": every deadline of the period, the items' and the treaty's
            return _deadlines(ctx, r, phrase=parts[0].removeprefix("due "))
        command = " ".join([name, *parts])
        label = _("overdue items") if name == "overdue" else _("open items")
        label = _("done items") if parts[:1] == ["done"] else label
        return Proposal(name, command, f"{label} ({', '.join(shown)})" if shown else label, False)

    return build


def _we(reading: Reading) -> bool:
    return any(e.value == "we" for e in reading.of("person"))


def _filters_said(ctx: Ctx, r: Reading, parts: list[str]) -> list[str]:
    """The filters ``_filters`` put in ``parts``, in the reader's words."""
    areas = [term(a) for a in _area_names(r) if a in parts]
    return areas + state_labels(ctx, r) + ([_("yours")] if "mine" in parts else [])


def _mine(ctx: Ctx, r: Reading) -> Proposal:
    """ "what's on my plate": mine; "what is Switzerland supposed to do": Switzerland's items;
    "what are we on the hook for": the committee's, since "we" is everyone the bot serves."""
    if not _me(r) and (r.has("state") or r.has("role") or _we(r)):
        return _listing("items")(ctx, r)
    return Proposal("mine", "mine", _("your open items"), False)


def _who(ctx: Ctx, r: Reading) -> Proposal:
    areas, names = _area_names(r), state_names(ctx, r)
    subject = areas[0] if areas else (names[0] if names else "")
    said = words(term(areas[0])) if areas else states_said(ctx, r)
    return Proposal(
        "who",
        f"who {subject}".strip(),
        (
            fill(_("who coordinates {subject}"), subject=Names(said.names[:1]))
            if subject
            else _("who coordinates each area")
        ),
        False,
    )


def _article7(ctx: Ctx, r: Reading) -> Proposal:
    year = _year(r, ctx.today.year)
    names = state_names(ctx, r)
    if names:  # "did Botswana send its article 7 report?"
        return Proposal(
            "article7",
            " ".join(["article7", *names, year]).strip(),
            fill(_("whether {states} sent the Article 7 report"), states=states_said(ctx, r)),
            False,
        )
    return Proposal(
        "article7", f"article7 {year}".strip(), _("who owes an Article 7 report"), False
    )


def _treaty(ctx: Ctx, r: Reading) -> Proposal:
    parts: list[str] = []
    article = r.first("article")
    if article:
        parts.append(f"article {article.value}")
    else:
        for e in r.of("area"):
            if e.value in {"clearance", "stockpile"}:
                parts.append("article 4" if e.value == "clearance" else "article 3")
                break
    shown = [_("Article {number}").format(number=p.split()[1]) for p in parts]
    parts.extend(state_names(ctx, r))
    shown.extend(state_labels(ctx, r))
    period = _period(r)
    if period:
        parts.append(period)
        shown.append(_period_said(r) or period)
    command = " ".join(["treaty", *parts])
    return Proposal(
        "treaty",
        command,
        _("treaty deadlines {filters}").format(filters=", ".join(shown)).strip(),
        False,
    )


def _status(ctx: Ctx, r: Reading) -> Proposal:
    item = r.first("item")
    if item:
        return Proposal(
            "status", f"status #{item.value}", _("item #{id}").format(id=item.value), False
        )
    names, areas = state_names(ctx, r), _area_names(r)
    subject = names[0] if names else (areas[0] if areas else "")
    if not subject and _me(r):
        return Proposal("mine", "mine", _("your open items"), False)
    if not subject:
        return Proposal(
            "status", "", "", False, problem=_("Status of what? Name a State, an area or an item.")
        )
    return Proposal(
        "status",
        f"status {subject}",
        fill(_("where things stand with {subject}"), subject=_subject_said(ctx, r)),
        False,
    )


_HOW = re.compile(
    r"^(?:how\s+(?:do|can|should)\s+(?:i|we|you)|how\s+to|comment\s+(?:je\s+|on\s+)?|cómo\s+|como\s+)",
    re.I,
)


_EVERYTHING = re.compile(
    r"what\s+(?:else\s+)?(?:can|do|does)\s+(?:you|this\s+bot|the\s+bot|it)\s+(?:actually\s+|really\s+)?do|"
    r"comment\s+(?:ca\s+)?marche|que\s+comandos|como\s+funciona|how\s+does\s+(?:this|the)\s+bot\s+work|what\s+are\s+you\s+for|"
    r"que\s+sais-tu\s+faire|qu'est-ce\s+que\s+tu\s+(?:sais\s+|peux\s+)?faire|"
    r"que\s+puedes\s+hacer|que\s+sabes\s+hacer|"
    # the list of commands: "quelles commandes existent ?", "c'est quoi les commandes", "qué
    # comandos hay", "which commands are there", "list of commands"
    r"(?:quell?es?|les|which|what|the|list\s+of|los|cuales|que)\s+(?:sont\s+les\s+)?"
    r"(?:commandes|commands|comandos)\b",
    re.I,
)


def _help(ctx: Ctx, r: Reading) -> Proposal:
    if _EVERYTHING.search(fold_(r.line)):  # "what can you actually do?": everything
        return Proposal("help", "help", _("how to use the bot"), False)
    topic = _HOW.sub("", r.line.lstrip(" ¿")).strip(" ?!.¿")
    asked = topic
    if topic == r.line.strip(" ?!.¿") and len(topic.split()) <= 4:
        topic = ""
    named = [e for e in r.entities if e.kind not in {"person", "date"}]
    if asked and not is_how_to(r.line) and not named:
        from handlers.understanding.helpfind import rank_commands

        ranked = rank_commands(asked, limit=1)
        if not ranked or ranked[0][1] < _UNRELATED:  # "can you book me a room?": not mine to do
            problem = _("That is not something I can do. `help` lists what I can.")
            return Proposal("help", "", "", False, problem=problem)
    return Proposal("help", f"help {topic}".strip(), _("how to use the bot"), False)


_UNRELATED = 0.2  # a request no command's description comes this close to


def _deadlines(ctx: Ctx, r: Reading, phrase: str | None = None) -> Proposal:
    if r.has("article", "state") or any(
        e.value in {"clearance", "stockpile"} for e in r.of("area")
    ):  # "stockpile destruction deadlines", "deadlines for Botswana": the treaty's, filtered
        return _treaty(ctx, r)
    period = phrase or _period(r)
    return Proposal("deadlines", f"deadlines {period or ''}".strip(), _("the deadlines"), False)


def _history(ctx: Ctx, r: Reading) -> Proposal:
    item = r.first("item")
    if item is None:
        return Proposal(
            "history", "", "", False, problem=_("The history of which item? e.g. `history #12`.")
        )
    return Proposal(
        "history",
        f"history #{item.value}",
        _("every change to #{id}").format(id=item.value),
        False,
    )


_LANGUAGES = (
    ("fr", re.compile(r"\b(?:french|francais|frances|france?s)\b")),
    ("es", re.compile(r"\b(?:spanish|espagnol|espanol|castellano)\b")),
    ("en", re.compile(r"\b(?:english|anglais|ingles)\b")),
)


_TO_ME = re.compile(
    r"\b(?:(?:reply|answer|write|respond|talk|speak)\s+(?:to\s+)?me|with\s+me|to\s+me|"
    r"(?:reponds|repondez|parle|parlez|ecris|ecrivez)-moi|respondeme|contestame|hablame|"
    r"escribeme|(?:contestar|responder|hablar|escribir)me|me\s+(?:contestas|respondes|hablas|"
    r"escribes|repondre|ecrire|parler|reponds|repondez)|answer\s+me|"
    r"(?:reply|answer|respond)\s+in\s+\w+\s+to\s+me|conmigo|a\s+mi)\b"
)


def _lang(ctx: Ctx, r: Reading) -> Proposal:
    """ "can you answer me in French?": the reader's language; without one named, which it is."""
    folded = fold_(r.line)
    for code, named in _LANGUAGES:
        if named.search(folded):
            return Proposal(
                "lang",
                f"lang {code}",
                _("answer you in {language}").format(
                    language=Locale.parse(code).get_display_name(current_language()) or code
                ),
                # "réponds-moi en français": the reader's own setting, switched back as easily,
                # is set at once; "the letters go out in French" is only shown
                _TO_ME.search(folded) is None,
            )
    return Proposal("lang", "lang", _("the language I answer you in"), False)


_CHART_OF = (
    (
        "contributions",
        re.compile(r"\b(?:contrib|paid|pay|money|financ|fund|versement|pago|aporte|cotisa)\w*"),
    ),
    (
        "deadlines",
        re.compile(r"\b(?:deadline|treaty|echeance|plazo|tratado|vencimiento|article\s*[347])\w*"),
    ),
    (
        "items",
        re.compile(
            r"\b(?:item|action|task|tache|tarea|overdue|retard|atrasad|open|ouvert|abiert)\w*"
        ),
    ),
)


def _chart(ctx: Ctx, r: Reading) -> Proposal:
    """ "a chart of 2017 contributions", "un graphique des actions en retard": which picture."""
    folded = fold_(r.line)
    kind = next((k for k, words in _CHART_OF if words.search(folded)), None)
    if kind is None:
        problem = _("A chart of what? `chart contributions`, `chart deadlines` or `chart items`.")
        return Proposal("chart", "", "", False, problem=problem)
    year = _year(r, ctx.today.year) if kind == "contributions" else ""
    command = f"chart {kind} {year}".strip()
    says = {
        "contributions": _("a chart of the contributions"),
        "deadlines": _("a chart of the deadlines"),
        "items": _("a chart of the open items"),
    }[kind]
    return Proposal("chart", command, says, False)


def _meeting_add(ctx: Ctx, r: Reading) -> Proposal:
    from handlers.understanding.meeting_add import meeting_command

    found = meeting_command(ctx, r)
    if found is None:
        problem = _("On which day? e.g. `meeting add 25 April 2017 from 10:00 to 11:30 at Geneva`.")
        return Proposal("meeting_add", "", "", True, problem=problem)
    return Proposal("meeting_add", found[0], found[1], True)


def _calendar(ctx: Ctx, r: Reading) -> Proposal:
    return Proposal("calendar", "calendar", _("your calendar feed (meetings and deadlines)"), False)


def _digest(ctx: Ctx, r: Reading) -> Proposal:
    return Proposal("digest", "digest", _("a preview of the weekly digest"), False)


def _greeting(ctx: Ctx, r: Reading) -> Proposal:
    return Proposal("greeting", "", "", False)


_BUILDERS: dict[str, Builder] = {
    "meetings": _meetings,
    "unpaid": _unpaid,
    "contributions": _contributions,
    "overdue": _listing("overdue"),
    "items": _listing("items"),
    "mine": _mine,
    "who": _who,
    "article7": _article7,
    "treaty": _treaty,
    "status": _status,
    "help": _help,
    "deadlines": _deadlines,
    "greeting": _greeting,
    "digest": _digest,
    "calendar": _calendar,
    "meeting_add": _meeting_add,
    "chart": _chart,
    "lang": _lang,
    "history": _history,
}


def owner_of(ctx: Ctx, r: Reading, before: int, after: int = 0) -> str | None:
    """The owner named between ``after`` and ``before``: States, a role, a mention or "me"."""
    from handlers.understanding.changes import owner_phrase

    head = Reading(r.line, tuple(e for e in r.entities if after <= e.start and e.end <= before))
    return owner_phrase(ctx, head)
