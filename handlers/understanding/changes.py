"""Readings that change something (a payment, a pledge, a report received, an item done,
moved or reassigned, a commitment) as the command that would make the change: always shown
for confirmation first (see ``understand``), never run from a reading alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from handlers.dates.vocab import MONTH_NAMES, NUMBER_WORDS, add_months, same_length_fold
from handlers.i18n import N_, _, format_amount, format_day
from handlers.i18n.phrases import Names, fill
from handlers.i18n.terms import term
from handlers.people.owners import owner_said
from handlers.ports import Ctx
from handlers.reply.text import shorten
from handlers.understanding.compose import (
    Builder,
    Proposal,
    _me,
    _role,
    _year,
    fold_,
    state_labels,
    state_names,
    states_said,
)
from handlers.understanding.described import described_item
from handlers.understanding.entities import Entity, Reading
from handlers.understanding.mood import is_question
from storage.models import ActionItem

# Said in so many words: the money is promised, not in ("log it as pledged until it hits the
# account", "todavía no llega"). It outweighs any word of paying nearby.
NOT_IN_YET = re.compile(
    r"\b(?:as\s+(?:a\s+)?pledged?|comme\s+(?:une\s+)?promesse|como\s+promesa|en\s+promesa|"
    r"not\s+(?:yet\s+)?(?:received|in|arrived|transferred)|not\s+\w+\s+yet|"
    r"pas\s+encore\s+(?:recu|arrive|verse|vire)|(?:todavia|aun)\s+no\s+(?:llega|ha\s+llegado|"
    r"lo\s+han\s+transferido|transfier\w*|ingres\w*)|"
    # the money is still to come: "transfer expected in May", "virement prévu en juin",
    # "la transferencia sale en junio", "will be transferred", "se transferirá"
    r"(?:transfer|payment|wire|virement|versement|paiement|transferencia|pago)\s+"
    r"(?:(?:is\s+)?expected|due|planned|scheduled|to\s+follow|prevue?|attendue?|prevista|"
    r"esperad[oa]|sale|saldra|llegara)|"
    r"will\s+be\s+(?:transferred|paid|wired)|sera\s+(?:verse|vire|transfere)e?|"
    r"se\s+(?:transferira|pagara|depositara))"
)


def _money(status: str) -> Builder:
    def build(ctx: Ctx, r: Reading) -> Proposal:
        names = state_names(ctx, r)
        amounts = r.of("amount")
        # "EUR 18'600 convertis = CHF 20'000.-": the amount in CHF is the one recorded
        amount = next((a for a in amounts if a.currency == "CHF"), amounts[0] if amounts else None)
        if not names:
            return Proposal(status, "", "", True, problem=_("Which State? I found none."))
        state, said = names[0], states_said(ctx, r)
        if amount is None and is_question(r.line):  # "has Italy paid?": a question, not news
            return Proposal(
                "status",
                f"status {state}",
                fill(_("where things stand with {subject}"), subject=said),
                False,
            )
        if amount is None:
            return Proposal(
                status,
                "",
                "",
                True,
                problem=_(
                    "How much, and in which currency? e.g. "
                    "`contribution {state} 25'000 CHF {year} {status}`."
                ).format(state=state, year=ctx.today.year, status=status),
            )
        currency = amount.currency or "CHF"
        if currency != "CHF":
            return Proposal(
                status,
                "",
                "",
                True,
                problem=fill(
                    _(
                        "I read {amount} for {name}, but the ISU keeps its accounts in CHF: "
                        "convert it and write e.g. `contribution {state} 25'000 CHF {year} "
                        "{status}`. Nothing was recorded."
                    ),
                    amount=amount.text,
                    name=said,
                    state=state,
                    year=ctx.today.year,
                    status=status,
                ),
            )
        cents = int(amount.value)
        number = f"{cents // 100}" + (f".{cents % 100:02d}" if cents % 100 else "")
        year = _year(r, ctx.today.year) or str(ctx.today.year)  # "for next year": + 1
        verb = "received" if status == "received" else "pledged"
        command = f"contribution {state} {number} CHF {year} {verb}"
        on = _received_on(ctx, r) if status == "received" else None
        if on is not None:  # "contrib Mexico 8000 rcvd 21/3": the day it came in, kept
            command += f" on {on.day} {MONTH_NAMES[on.month - 1]} {on.year}"
        says = _("{state}: {amount} {status} for {year}").format(
            state=state_labels(ctx, r)[0], amount=format_amount(cents), status=term(verb), year=year
        )
        return Proposal("paid" if status == "received" else "pledged", command, says, True)

    return build


def _received_on(ctx: Ctx, r: Reading) -> date | None:
    """The day a payment came in, when the line gives one that has passed (or is today)."""
    days = [
        e.reading.due
        for e in r.of("date")
        if e.reading is not None and _A_DAY.search(same_length_fold(e.text))
    ]
    # a day and month read as the next one to come ("el 20 de marzo", on 24 March: 2018) is the
    # one just gone, for money that has come in
    past = [d if d <= ctx.today or (d - ctx.today).days < 180 else _a_year_before(d) for d in days]
    kept = [d for d in past if d is not None and 0 < (ctx.today - d).days <= 366]
    return kept[-1] if kept and len(kept) == len(days) else None


# A day, not a year or a month ("para 2017", "this year"): "el 22/03", "le 17 mars", "yesterday"
_A_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)|\b(?:yesterday|hier|ayer|avant-hier|anteayer)\b", re.I)


def _a_year_before(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return None


def _report(ctx: Ctx, r: Reading) -> Proposal:
    names = state_names(ctx, r)
    if not names:
        return Proposal(
            "report", "", "", True, problem=_("Whose Article 7 report? I found no State.")
        )
    if is_question(r.line):  # "did Chile send its Article 7 report?": that report, asked
        return Proposal(
            "article7",
            " ".join(["article7", *names]),
            fill(_("whether {states} sent the Article 7 report"), states=states_said(ctx, r)),
            False,
        )
    year = _year(r) or str(ctx.today.year)
    command = f"report {names[0]} article 7 {year}"
    return Proposal(
        "report",
        command,
        fill(
            _("Article 7 report of {state} for {year} received"),
            state=Names(states_said(ctx, r).names[:1]),
            year=year,
        ),
        True,
    )


def _item(r: Reading) -> str | None:
    item = r.first("item")
    return item.value if item else None


# More than one item at once: never guessed as the one the words describe.
MANY = re.compile(
    r"\b(?:everything|all\s+(?:of\s+)?(?:the|them|those|these|items|actions|points)|every\s+item|"
    r"all\s+from|tout|toutes?\s+les|tous\s+les|todo|todos\s+los|todas\s+las)\b"
)


def which_item(
    ctx: Ctx, r: Reading, *, status: str = "open", by_state: bool = True
) -> tuple[str | None, str]:
    """The item the line names by number, else the one its words describe ("c'est fait pour
    la prévision documentaire"), with that item's text to show in the proposal."""
    found = r.first("item")
    if found is not None and found.start < len(r.line):
        return found.value, ""
    if MANY.search(fold_(r.line)):  # "delete everything from the February meeting": one at a
        return None, ""  # time, each by its number: the bot asks which
    described = (
        ctx.session.get(ActionItem, int(found.value))  # named by its words (understand._described)
        if found is not None
        else described_item(ctx, r, status=status, by_state=by_state)
    )
    if described is None or described.id is None:
        return None, ""
    return str(described.id), f" — “{shorten(described.text, 70)}”"


def _done(ctx: Ctx, r: Reading) -> Proposal:
    item, text = which_item(ctx, r)
    if item is None and is_question(r.line):  # "which action points have been closed?"
        return Proposal("items", "items done", _("the items done"), False)
    if item is None:
        return Proposal(
            "done", "", "", True, problem=_("Which item? Give its number, e.g. `done #12`.")
        )
    if is_question(r.line):  # "is #4 done?": a question about the item
        return Proposal("status", f"status #{item}", _("item #{id}").format(id=item), False)
    return Proposal("done", f"done {item}", _("mark #{id} done").format(id=item) + text, True)


_SHIFT = re.compile(
    r"(?:(?:back|by|another|more|extra|de|por|otra?|for|pendant|durante|pospon\w*|aplaz\w*|pause|"
    r"veille|pausa|hold|mute|snooze|silenc\w*|"
    r"repouss\w*|decal\w*|push(?:\s+it)?|postpone(?:\s+it)?|delay(?:\s+it)?)\s+|d'|(?<=\d)\s+)"
    r"(?P<n>\d{1,2}|a|an|one|two|three|four|deux|trois|dos|tres|une?|una?)?\s*"
    r"(?P<unit>days?|weeks?|months?|fortnight|jours?|semaines?|mois|d[ií]as?|semanas?|mes(?:es)?)"
    r"(?!\s+santa)"  # "después de Semana Santa" is Easter, not a week
)


# Holding the reminders, not moving the deadline.
_HOLD = re.compile(
    r"\b(?:snooze|pause|pausar|en\s+pausa|en\s+veille|hold|mute|silenc|stop\s+(?:pinging|reminding)|"
    r"no\s+(?:me\s+)?mandes\s+(?:mas\s+)?recordatorios|no\s+more\s+reminders|stop\s+the\s+reminders|"
    r"arrete[rz]?\s+les\s+rappels|reminding\s+us|pas\s+la\s+peine\s+de\s+(?:me\s+|nous\s+)?relancer|"
    r"ne\s+(?:me\s+|nous\s+)?relance[zr]?\s+pas|no\s+hace\s+falta\s+recordar|recordatorios|"
    r"reminders|rappels|"
    r"(?:plus|pas)\s+de\s+rappels?|sin\s+recordatorios|no\s+(?:me\s+)?recuerdes)"
)


def _reschedule(ctx: Ctx, r: Reading) -> Proposal:
    item, text = which_item(ctx, r)  # the item's words, when named by them
    if item is None:
        return Proposal(
            "reschedule", "", "", True, problem=_("Which item? e.g. `due #12 end of April`.")
        )
    shift = _SHIFT.search(fold_(r.line))
    if shift and any(e.reading is not None and e.start > shift.end() for e in r.of("date")):
        shift = None  # "two more weeks … please move #13 to 14 April": the day said wins
    row = ctx.session.get(ActionItem, int(item))
    hold = _HOLD.search(fold_(r.line)) is not None
    if shift and hold:  # "mute it for 2 weeks", "posponla una semana" (its reminders)
        n = shift["n"] or "1"
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 1)
        unit = {"fo": "weeks", "da": "days", "jo": "days", "di": "days", "dí": "days"}.get(
            shift["unit"][:2], "months" if shift["unit"][:2] in {"mo", "me"} else "weeks"
        )
        count *= 2 if shift["unit"].startswith("fo") else 1
        return Proposal(
            "reschedule",
            f"snooze {item} in {count} {unit}",
            _("hold the reminders of #{id} until {when}").format(id=item, when=f"+{count} {unit}")
            + text,
            True,
        )
    if shift and row is not None:
        n = shift["n"] or "1"
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 1)
        unit = shift["unit"][:2]
        # a week more for an item already late is a week from today, not from the day missed
        start = max(row.due or ctx.today, ctx.today)
        if unit == "fo":
            new = start + timedelta(weeks=2 * count)
        elif unit in {"da", "jo", "di", "dí"}:
            new = start + timedelta(days=count)
        elif unit in {"we", "se"}:
            new = start + timedelta(weeks=count)
        else:
            new = add_months(start, count)
        when = f"{new.day}/{new.month}/{new.year}"
        return Proposal(
            "reschedule",
            f"due {item} {when}",
            (
                _("move #{id} from {before} to {after}").format(
                    id=item, before=format_day(row.due), after=format_day(new)
                )
                if row.due
                else _("set #{id} due {when}").format(id=item, when=format_day(new))
            )
            + text,
            True,
        )
    dates = [e for e in r.of("date") if e.reading is not None]
    if not dates:
        return Proposal(
            "reschedule",
            "",
            "",
            True,
            problem=_("To when? e.g. `due #{id} end of April`.").format(id=item),
        )
    # "won't make mid-April, make it end of April": the new one is last; "is due 12 April": 12 April
    phrase = re.sub(r"^due\s+(?=\S)", "", dates[-1].text, flags=re.I)
    if hold:  # "snooze #20 a week", "mettre le 14 en pause jusqu'au…"
        return Proposal(
            "reschedule",
            f"snooze {item} {phrase}",
            _("hold the reminders of #{id} until {when}").format(id=item, when=phrase) + text,
            True,
        )
    return Proposal(
        "reschedule",
        f"due {item} {phrase}",
        _("set #{id} due {when}").format(id=item, when=phrase) + text,
        True,
    )


def _assign(ctx: Ctx, r: Reading) -> Proposal:
    item, text = which_item(ctx, without_new_owner(r) or r)
    owner = owner_phrase(ctx, r)
    if item is None or owner is None:
        return Proposal(
            "assign", "", "", True, problem=_("Which item, and to whom? e.g. `assign #12 Norway`.")
        )
    return Proposal(
        "assign",
        f"assign {item} {owner}",
        fill(_("give #{id} to {owner}"), id=item, owner=owner_said(ctx, owner)) + text,
        True,
    )


# An owner denied: "lo lleva ahora Chile, no Italia", "la Présidence, pas l'ISU", "not Italy".
_NOT = re.compile(
    r"(?:\bno|\bnot|\bpas|\bni|\bnor|instead\s+of|rather\s+than|au\s+lieu\s+de|en\s+lugar\s+de|"
    r"en\s+vez\s+de|plutot\s+que)\s+(?:the\s+|la\s+|le\s+|l'|el\s+|a\s+)?$"
)


def _joined_states(ctx: Ctx, r: Reading, owners: list[Entity]) -> list[str]:
    """The first State named and those joined to it ("Chile and Italy", "Chile e Italia");
    not a State named later for another reason ("…on France instead, Zambia is swamped")."""
    states = [e for e in owners if e.kind == "state"]
    if not states:
        return []
    kept = [states[0]]
    for e in states[1:]:
        gap = r.line[kept[-1].end : e.start]
        if not re.fullmatch(
            r"\s*(?:and|&|\+|/|,|et|y|e)?\s*(?:the\s+|la\s+|le\s+|el\s+|l')?", gap, re.I
        ):
            break
        # a comma lists States only when more follow: "Chile, Italy and Peru", not "to Chile,
        # Italy is stretched"
        if "," in gap and not re.match(r"\s*(?:,|and|&|et|y|e)\b", r.line[e.end :]):
            break
        kept.append(e)
    names = []
    for e in kept:
        state = ctx.states.get(e.value)
        if state is not None and state.short not in names:
            names.append(state.short)
    return names


# Whom something is given to: "give it to Santiago", "pásaselo a Nueva Zelanda", "à Bagdad"
_GIVEN_TO = re.compile(
    r"\b(?:to|a|al|au|aux|à)\s+(?:the\s+|la\s+|le\s+|l'|el\s+|los\s+|las\s+|les\s+)?$"
)
_OWNER_KINDS = ("mention", "state", "role", "person")


def new_owner(r: Reading) -> Entity | None:
    """The owner an item is given to, when the line says so with "to": in "lo de Uganda
    pásaselo a Nueva Zelanda" Uganda says which item, New Zealand whose it becomes."""
    return next(
        (
            e
            for e in r.entities
            if e.kind in _OWNER_KINDS
            and _GIVEN_TO.search(fold_(r.line[max(0, e.start - 12) : e.start]))
        ),
        None,
    )


def without_new_owner(r: Reading) -> Reading | None:
    """The reading with the owner an item is given "to" set aside as the owner, so that the
    rest says which item ("lo de Uganda pásaselo a Nueva Zelanda": Uganda's item, given to
    NZ; its words are still not the item's); None when nothing is given "to" anyone."""
    given = new_owner(r)
    if given is None:
        return None
    return Reading(
        r.line, tuple(e if e is not given else replace(e, kind="owner") for e in r.entities)
    )


def owner_phrase(ctx: Ctx, r: Reading) -> str | None:
    """Whom an item goes to: the one it is given "to", else the first owner named, a mention
    that opens the message (who is addressed) only when nobody else is; a State before a role
    when both come first."""
    kinds = _OWNER_KINDS
    given = new_owner(r)
    if given is not None and given.kind != "person":  # "Rome is swamped, give it to Santiago":
        # the owners from the one it is given to on ("to Iraq and Australia")
        r = Reading(
            r.line, tuple(e for e in r.entities if e.kind not in kinds or e.start >= given.start)
        )
    owners = [
        e
        for e in r.entities
        if e.kind in kinds
        and not (e.kind == "person" and e.value == "we")
        and not _NOT.search(fold_(r.line[max(0, e.start - 16) : e.start]))
    ]
    if len(owners) < len([e for e in r.entities if e.kind in kinds]):  # "Chile, no Italia"
        r = Reading(r.line, tuple(e for e in r.entities if e.kind not in kinds or e in owners))
    if len(owners) > 1 and owners[0].kind == "mention" and not r.line[: owners[0].start].strip():
        owners = owners[1:]  # "<@U1> can the ISU take over #8?": the ISU
    first = owners[0] if owners else None
    if first is not None and first.kind == "mention":
        return f"<@{first.value}>"
    role = _role(r)  # the first role named, in words ("the ISU", "VA coordinators")
    state = r.first("state")
    if (  # "la Présidence, pas l'ISU…" before any State: the role
        role
        and first is not None
        and first.kind == "role"
        and state is not None
        and first.start < state.start
    ):
        return role
    names = _joined_states(ctx, r, owners)
    if names:
        return " and ".join(names)
    if role:
        return role
    if _me(r):
        return "me"
    return None


def _commitment(ctx: Ctx, r: Reading) -> Proposal:
    from handlers.understanding.commitments import commitment

    return commitment(ctx, r)


def _item_change(verb: str, says: str) -> Builder:
    def build(ctx: Ctx, r: Reading) -> Proposal:
        item, text = which_item(ctx, r, status="done" if verb == "reopen" else "open")
        if item is None:
            problem = _("Which item? e.g. `{command} #12`.").format(command=verb)
            return Proposal(verb, "", "", True, problem=problem)
        return Proposal(verb, f"{verb} {item}", _(says).format(item=item) + text, True)

    return build


# What is left of a request once its own words are gone: "…, à noter sur le point", "add that
# to the item", "anotarlo" leave a dangling "sur le point", "à", "->".
_DANGLING = re.compile(
    r"(?:\s*(?:[-–>:,;]+|\b(?:sur|on|to|en|al|au|a|à|the|le|la|el|point|punto|item|pls|please|svp|"
    r"stp|por\s+favor|merci|thanks))\b)*\W*$",
    re.I,
)


def _besides_the_request(line: str, intent: str) -> str:
    from handlers.understanding.judge import cue_spans

    text = line
    for start, end in sorted(cue_spans(line, intent), reverse=True):
        text = text[:start] + " " + text[end:]
    return _DANGLING.sub("", " ".join(text.split())).strip(" -–>:,;")


_NOTE_TEXT = re.compile(r"^.*?(?:#\s?\d+|\b\d+\b)\s*(?:[:,-]|that)?\s*(?P<text>.+)$", re.S)


def _note(ctx: Ctx, r: Reading) -> Proposal:
    item = _item(r)
    named = r.first("item")
    if named is not None and named.start == len(r.line):  # the item named by its words: the
        text = _besides_the_request(r.line, "note")  # note is the line, less "à noter sur…"
    else:
        found = _NOTE_TEXT.match(r.line)
        text = found["text"].strip() if found else ""
    if item is None or not text:
        return Proposal(
            "note",
            "",
            "",
            True,
            problem=_("Which item, and what note? e.g. `note #12 Albania answered`."),
        )
    return Proposal(
        "note",
        f"note {item} {text}",
        _("add to #{id}: {note}").format(id=item, note=text) + _its_text(ctx, r),
        True,
    )


def _its_text(ctx: Ctx, r: Reading) -> str:
    """The text of the item the line named by its words, to show beside the change (so a wrong
    guess is seen); nothing when it was named by its number."""
    named = r.first("item")
    if named is None or named.start < len(r.line):
        return ""
    item = ctx.session.get(ActionItem, int(named.value))
    return f" — “{shorten(item.text, 70)}”" if item is not None else ""


# The new wording of an item: in quotes, else after a colon or "as"/"en"/"por".
_QUOTED = re.compile(r"[\"“«]\s*(?P<text>[^\"”»]{3,}?)\s*[\"”»]")
# "reword #10 → confirm Uganda (Kampala) as host…", "corrige la 11 : …", "reword 9 as …": the
# new words follow an arrow or a colon, or "as"/"to" right after the item (not one inside them)
_NEW_TEXT = re.compile(
    r"(?:→|->|=>|:)\s*(?P<text>.{3,})$|#?\d{1,4}\W*\s+(?:as|to|en|por|par)\s+(?P<as>.{3,})$",
    re.S,
)


def _edit(ctx: Ctx, r: Reading) -> Proposal:
    """ "can you reword #9 as "…"", "corrige le texte de la 11 : …": the item's new wording."""
    item = _item(r)
    quoted = _QUOTED.search(r.line)
    found = _NEW_TEXT.search(r.line)
    text = quoted["text"] if quoted else (found["text"] or found["as"]).strip() if found else ""
    if item is None or not text:
        return Proposal(
            "edit", "", "", True, problem=_("Which item, and what new text? e.g. `edit #12 …`.")
        )
    return Proposal(
        "edit",
        f"edit {item} {text}",
        _("reword #{id}: {text}").format(id=item, text=text) + _its_text(ctx, r),
        True,
    )


CHANGES: dict[str, Builder] = {
    "delete": _item_change("delete", N_("delete #{item} (it can be restored)")),
    "reopen": _item_change("reopen", N_("reopen #{item}")),
    "note": _note,
    "edit": _edit,
    "paid": _money("received"),
    "pledged": _money("pledged"),
    "report": _report,
    "commitment": _commitment,
    "done": _done,
    "reschedule": _reschedule,
    "assign": _assign,
}
