"""A line with no command word: read it, judge the intent, then answer, confirm or ask.

* one clear reading of a question: answered at once, with the command it was read as;
* one clear reading of a change (a payment, a report, a commitment, an item done): shown
  first with Confirm / Cancel; nothing is stored until Confirm runs the command;
* two or three close readings: offered as choices (buttons; numbers in the console);
* nothing close: what was understood (the entities) and the closest commands, filled in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache

from handlers.dates.vocab import MONTH_NAMES, same_length_fold
from handlers.dates.when import calendar_of, new_date_of
from handlers.i18n import _, state_label
from handlers.i18n.notes import localize_stored, reading_note
from handlers.i18n.phrases import fill, state_in_text
from handlers.ports import Ctx
from handlers.reference.states import StateDirectory, StateName
from handlers.reply.reply import Choice, Reply, choice_block, context, section
from handlers.reply.text import escape, shorten
from handlers.understanding.changes import MANY, NOT_IN_YET, without_new_owner
from handlers.understanding.clauses import candidates, clause_spans, typed_command, with_context
from handlers.understanding.commitments import promises
from handlers.understanding.compose import WRITES, Proposal, compose, fold_
from handlers.understanding.coordination import coordination_change, may_change_coordination
from handlers.understanding.corrections import FREE_TEXT, takes_back_an_order, undecided
from handlers.understanding.deeds import deed_asked
from handlers.understanding.describe import entity_list, state_guesses
from handlers.understanding.described import described_items
from handlers.understanding.entities import Entity, Reading, read
from handlers.understanding.forwarded import unforwarded
from handlers.understanding.greeting import greeting
from handlers.understanding.helpfind import command_asked_about
from handlers.understanding.judge import Judgement, adds_a_meeting, cue_scores, judge
from handlers.understanding.mood import (
    asks_a_change,
    asks_a_change_somewhere,
    is_how_to,
    is_question,
)
from handlers.understanding.numbers import with_digits
from handlers.understanding.spelling import corrected
from handlers.understanding.undo import may_undo, undone

Runner = Callable[[str], Reply]
FLOOR = 0.25  # below this, an intent is not offered at all
BARE_FLOOR = 0.5  # a line with no entity and no cue word needs a close example
SURE = 0.35  # a lone reading below this is offered, not acted on
# A question whose best reading is well ahead of the next (by LEAD times, and at least
# LEAD_FLOOR) is answered at once, the runner-up offered beside the answer: a wrong listing
# costs one click, a question back costs the answer.
LEAD, LEAD_FLOOR = 1.3, 0.4
SPELL_LIMIT = 300  # characters: a longer message is read as typed, not respelt
CONTEXT_EDGE = 0.1  # how much a clause completed from its message is preferred to it bare


@cache
def masker(states: StateDirectory) -> Callable[[str], str]:
    """What the matcher compares: the line with its entities replaced by their kinds."""

    def mask(text: str) -> str:
        return read(text, states=states, with_dates=False).masked()

    return mask


_ANCHORED = re.compile(
    r"next|prochain|proxim|msp|\brc\b|intersession|entre\s+sesiones|review\s+conference|"
    r"meeting|reunion|\bcc\b|\baep\b|\brep\b|\d\s*rep\b",
    re.I,
)


def reading_of(ctx: Ctx, line: str) -> Reading:
    """The reading of a line; the calendar is read only when a date may count from a meeting."""
    if _ANCHORED.search(same_length_fold(line)) is None:
        return read(line, states=ctx.states, now=ctx.now, tz=ctx.tz)
    cal = calendar_of(ctx)
    return read(
        line,
        states=ctx.states,
        now=ctx.now,
        tz=ctx.tz,
        next_meeting=cal.next_meeting,
        events=cal.events,
    )


def interpret(ctx: Ctx, line: str) -> tuple[Reading, Judgement, list[Proposal]]:
    """The reading, the judgement and the proposals of the close intents, best first.

    A message of several clauses ("Costa Rica here. which SPs still owe their art 7?") is read
    whole and clause by clause (see clauses.candidates); the clearest reading wins: a certain
    one first, then (when the message asks something) the clause that asks, then the highest
    score; a tie goes to the whole message."""
    shown = _asked_to_see(line)
    if shown:  # "comment je fais pour voir les réunions du mois prochain ?": show them
        read = _as_said(ctx, shown, _interpreted(ctx, shown))
        first = read[2][0] if read[2] else None
        if (
            first is not None
            and first.command
            and not (first.problem or first.writes)
            and first.intent not in {"help", "greeting"}
            and read[1].best[1] >= SURE
        ):
            return read
    return _as_said(ctx, line, _interpreted(ctx, line))


# Asking how to see something is asking to see it: "is there a way to see everything Lusaka
# signed up for?", "¿cómo puedo ver lo que está vencido?", "how do I get the meetings into Outlook"
_TO_SEE = re.compile(
    r"^\W*(?:how\s+(?:do|can|could|would)\s+(?:i|we)|how\s+to|is\s+there\s+a\s+way\s+to|"
    r"comment\s+(?:je\s+fais|faire|on\s+fait|puis-je|peut-on)\s*"
    r"(?:pour)?|como\s+(?:puedo|hago\s+para|se\s+puede|podemos))\s+"
    r"(?P<rest>(?:see|view|get|find|list|show|check|look\s+at|voir|afficher|consulter|avoir|"
    r"obtenir|trouver|ver|consultar|mostrar|tener|revisar|sacar)\b.+)$",
    re.I,
)


def _asked_to_see(line: str) -> str | None:
    found = _TO_SEE.match(fold_(line.strip().lstrip("¿")))
    return line.strip().lstrip("¿")[found.start("rest") :] if found else None


def _as_said(
    ctx: Ctx, line: str, read: tuple[Reading, Judgement, list[Proposal]]
) -> tuple[Reading, Judgement, list[Proposal]]:
    """A payment the message says is not in yet ("…, log it as pledged until it hits the
    account"), wherever it says so, is recorded as pledged."""
    reading, judgement, proposals = read
    if may_undo(line) or may_change_coordination(line):
        # what the whole message says, in whichever clause (read again only when a clause won)
        whole = (
            Reading(line, tuple(e for e in reading.entities if e.start < len(line)))  # as said
            if reading.line == line
            else reading_of(ctx, line)
        )
        said = undone(ctx, whole) or coordination_change(ctx, whole)
        if said is not None:  # "undo pls: I deleted #21", "Senegal joins universalization"
            return whole, Judgement(((said.intent, 0.9),)), [said]
    if proposals and proposals[0].intent == "paid" and NOT_IN_YET.search(fold_(line)):
        return reading, judgement, [compose(ctx, "pledged", reading), *proposals[1:]]
    if (
        (not proposals or proposals[0].intent not in {"meeting_add", "commitment", "reschedule"})
        and reading.has("date")
        and not reading.has("item")  # "le séminaire est reporté, mettre le #10 au 15 mai"
        and adds_a_meeting(line)
    ):  # "reunión de coordinadores … el 5 de abril …, agréguenla": its request set aside
        added = compose(ctx, "meeting_add", reading)
        if added.command and not added.problem:
            return reading, _leading(judgement, "meeting_add"), [added, *proposals]
    return read


def _interpreted(ctx: Ctx, line: str) -> tuple[Reading, Judgement, list[Proposal]]:
    texts, told = candidates(with_digits(line))  # "douze mille francs" is 12000 francs
    if len(texts) == 1:
        return _interpret_text(ctx, texts[0], told=told)
    read = [_interpret_text(ctx, texts[0], told=told)]
    # a clause offers items alike only if the message names none ("13 — …, mute it")
    alike = not read[0][0].has("item")
    read += [_interpret_text(ctx, text, told=told, alike=alike) for text in texts[1:]]
    read += [_as_typed(ctx, text) for text in texts[1:] if typed_command(text)]
    plain = len(read)
    read += [_interpret_text(ctx, text, told=told) for text in with_context(read[0][0], texts)]
    # A message that asks something is answered, by the clause that asks; its other clauses
    # are context ("who's on universalization? I need to cc them"), unless it asked for
    # something to be recorded.
    asking = not told and any(is_question(r[0].line) for r in read if r[2])

    # A clause completed with what the message names ("what's their clearance deadline" with
    # "the Lebanese delegation" before it) says more than the bare clause: it wins a near tie.
    # A clause that asks, politely, for a change ("can you move #12 to 31 May?") is the message.
    def asks_its_change(number: int) -> bool:
        _reading, _judgement, proposals = read[number]
        return bool(proposals) and proposals[0].writes and not proposals[0].problem

    # the whole message asks its change only in a clause none of whose readings has it
    # ("…, snooze till 2 May" of the item the message describes)
    asked = [
        n for n in range(1, len(read)) if asks_its_change(n) and asks_a_change(read[n][0].line)
    ]
    same = {read[n][2][0].command for n in asked}  # the clause's change, read with all the rest
    whole_asks = asks_its_change(0) and (
        asks_a_change(line)
        or read[0][2][0].command in same
        or (not asked and asks_a_change_somewhere(line))
    )

    def asks(number: int) -> bool:
        if not asks_its_change(number):
            return False
        return whole_asks if number == 0 else asks_a_change_somewhere(read[number][0].line)

    return max(
        enumerate(read),
        key=lambda ir: (
            asks(ir[0]),
            asks(ir[0]) and len(ir[1][2]) == 1,  # of two that ask it, the one with nothing else
            asking
            and is_question(ir[1][0].line)
            and len(clause_spans(ir[1][0].line)) == 1
            and bool(ir[1][2])
            and not ir[1][2][0].problem,
            bool(ir[1][2]) and not ir[1][2][0].problem and ir[1][1].certain,
            (ir[1][1].best[1] + (CONTEXT_EDGE if ir[0] >= plain else 0.0)) if ir[1][2] else 0.0,
        ),
    )[1]


def _as_typed(ctx: Ctx, text: str) -> tuple[Reading, Judgement, list[Proposal]]:
    """A clause typed as a command ("SVP : done 17, envoyée hier"), said back with the item it
    changes ("done #17, …")."""
    from handlers.commands.registry import COMMANDS

    word, _sep, args = text.strip().rstrip(".!").partition(" ")
    spec = COMMANDS[word.lower()]
    reading = reading_of(ctx, text)
    command = f"{word} {args}".strip()
    says = re.sub(r"^(\w+) #?(\d{1,4})\b", r"\1 #\2", command)  # "done #17, …"
    proposal = Proposal(spec.name, command, says, spec.writes_for(args))
    return reading, Judgement(((spec.name, 1.0),)), [proposal]


def _interpret_text(
    ctx: Ctx, line: str, *, told: bool = False, alike: bool = True
) -> tuple[Reading, Judgement, list[Proposal]]:
    """Intents that come to the same command are one reading, not rivals ("what do I have to
    do" votes for both `items` and `mine`, which both mean `mine`): their scores add up, and the
    judgement returned ranks commands, with the intents that were not composed after them."""
    reading = reading_of(ctx, line)
    promised = promises(ctx, reading)
    judgement = judge(reading, masker(ctx.states), promised=promised, told=told)
    described = [] if promised else _described(ctx, reading, judgement)
    change = described[0][1] if described else ""
    if len(described) > 1 and alike and change in WRITES and not is_question(line):
        # two items alike ("les lettres traduites sont parties"): the reader picks
        offered = [compose(ctx, change, r) for r, _change in described]
        return reading, Judgement(tuple((change, 0.5) for _p in offered)), offered
    if len(described) == 1:  # "c'est fait pour la prévision documentaire": #17, in words
        reading = described[0][0]
        judgement = judge(reading, masker(ctx.states), promised=promised, told=told)
        if change in _SAID_IS_ENOUGH or (change in WRITES and asks_a_change_somewhere(line)):
            judgement = _leading(judgement, change)
    said = cue_scores(line)
    if "reopen" in said and _NOT_DONE.search(fold_(line)):
        judgement = _leading(judgement, "reopen")  # "#19 isn't really done": open again
    if (
        "done" in said
        and not described
        and not reading.has("item")
        and _WHICH_ONES.search(fold_(line))
        and is_question(line)
        and not is_how_to(line)
    ):
        judgement = _leading(judgement, "items")  # "what have we already closed?": items done
    ordered = next((c for c in _CHANGES if c in said), None)
    named = judgement.best[0] == "commitment" and reading.has("item")
    if named and ordered and asks_a_change_somewhere(line):
        # "NZ will only report back in May, can u push 12 to end of May": #12 moved, no new item
        judgement = _leading(judgement, ordered)
    due_said = (
        reading.has("item")
        and reading.has("date")
        and _DUE_IS.search(fold_(line)) is not None
        and not ({"done", "delete", "reopen"} & set(said))
    )
    if due_said and not is_question(line):  # "the NZ report-back (#12) is due 12 April, not 13"
        judgement = _leading(judgement, "reschedule")
    best = judgement.best[1]
    if not reading.entities and not said and best < BARE_FLOOR:
        return reading, judgement, []  # no entity, no cue word, only a faint likeness
    floor = FLOOR if judgement.certain else FLOOR * 0.6  # unsure: offer the runners-up too
    merged: dict[str, tuple[Proposal, float]] = {}
    composed = 0
    for intent, score in judgement.ranked[:4]:
        if score < floor or (merged and score < best * 0.5):
            break
        composed += 1
        proposal = compose(ctx, intent, reading)
        key = proposal.command or f"?{intent}"  # a question back is never merged
        earlier = merged.get(key)
        merged[key] = (earlier[0], earlier[1] + score) if earlier else (proposal, score)
    ranked = sorted(merged.values(), key=lambda pair: -pair[1])
    rest = judgement.ranked[composed:]
    by_command = tuple((p.intent, round(min(s, 1.5), 3)) for p, s in ranked) + rest
    return reading, Judgement(by_command), [p for p, _score in ranked]


# Done said not to be: "#19 isn't really done", "le 18 n'est pas vraiment fait", "no está hecho"
_NOT_DONE = re.compile(
    r"\b(?:isn'?t|is\s+not|wasn'?t|not)\s+(?:really\s+|actually\s+|quite\s+)?(?:done|finished|"
    r"complete)|n'est\s+pas\s+(?:vraiment\s+|encore\s+)?(?:fait|fini|termine)|"
    r"no\s+esta\s+(?:realmente\s+|todavia\s+)?(?:hecho|terminado|listo)"
)


# A question asking for a list: "what have we closed?", "qu'est-ce qui est fait ?", "¿qué cerramos?"
_WHICH_ONES = re.compile(
    r"\b(?:what|which|list|qu'est-ce|quoi|quel(?:le)?s?|lesquel(?:le)?s|liste|que|cuales|lista)\b"
)


# A due date stated for a named item: "#12 is due 12 April", "l'échéance du #15 c'est le 12
# avril", "la fecha del #10 es el 28 de abril"
_DUE_IS = re.compile(
    r"\b(?:(?:is|are|was)\s+(?:now\s+)?due|due\s+date\s+(?:is|should\s+be)|new\s+(?:due\s+)?date|"
    r"change\s+(?:the\s+)?(?:due\s+date|deadline)|"
    r"nouvelle\s+(?:date|echeance)|(?:echeance|date\s+limite)\s+(?:du|de\s+la|de)\s+\S+\s+"
    r"(?:c'est|est)|nueva\s+fecha|(?:fecha|plazo)\s+(?:del?|de\s+la)\s+\S+\s+es)\b"
)


# Changes to one item: when the line gives no number, the item may be named by its words.
_ON_ONE_ITEM = {"done": "open", "reopen": "done", "delete": "open", "reschedule": "open"}
_ON_ONE_ITEM |= {"assign": "open", "status": "open", "history": "open"}
_ON_ONE_ITEM |= {"note": "open", "edit": "open"}


# Changes whose words alone say they are wanted ("point clos", "c'est un doublon"); the others
# ("note", "reword", "move") lead only when asked for ("à noter", "can you move…").
_SAID_IS_ENOUGH = {"done", "reopen", "delete"}


def _leading(judgement: Judgement, change: str) -> Judgement:
    """The change asked in so many words, on the item the line describes, ahead of the
    readings that only share its words ("sobre el modelo de financiación: …, anotarlo")."""
    best = judgement.best[1]
    rest = tuple((i, s) for i, s in judgement.ranked if i != change)
    return Judgement(((change, max(best, 0.35) + 0.25), *rest))


def _described(ctx: Ctx, reading: Reading, judgement: Judgement) -> list[tuple[Reading, str]]:
    """The reading with the item its words describe, or one reading per item when a few are
    alike, each with the change asked; none when no change to one item is among the likeliest
    intents or an item number was given."""
    if reading.has("item", "amount") or is_how_to(reading.line):  # money is never an item's
        return []
    if MANY.search(fold_(reading.line)):  # "delete everything from February": which ones?
        return []
    said = cue_scores(reading.line)  # a change whose own word is said, even if other
    # readings lead ("le forecast doc pour UNODA : … change la date")
    change = next((i for i, _s in judgement.ranked[:3] if i in _ON_ONE_ITEM and i in said), None)
    change = change or next((i for i in _ON_ONE_ITEM if i in said and i != "status"), None)
    if change is None or (change == "status" and reading.has("state")):
        return []  # a State's status shows its items: "Uganda … host of the seminar" is Uganda's
    # "…las hace Chile, reasignar": Chile is the new owner, not whose item it is; "lo de Uganda
    # pásaselo a Nueva Zelanda": Uganda says which item
    given = without_new_owner(reading) if change == "assign" else None
    describing, by_state = (given, True) if given is not None else (reading, change != "assign")
    items = described_items(
        ctx,
        describing,
        status=_ON_ONE_ITEM[change],
        by_state=by_state,
        likeness=0.25 if change == "status" else None,  # a State's status unless clearly an item
        alone=change not in {"note", "edit"},
    )
    end = len(reading.line)
    return [
        (
            Reading(
                reading.line, (*reading.entities, Entity("item", end, end, f"#{i.id}", str(i.id)))
            ),
            change,
        )
        for i in items
        if i.id is not None
    ]


def understand(
    ctx: Ctx, line: str, *, run: Runner, unless: str | None = None, spelled: bool = False
) -> Reply | None:
    """The reply for a line read in words; None when it would only repeat ``unless`` (the
    command that was already tried and refused) or would run another command instead."""
    line = unforwarded(line)  # a pasted email: its body and the note with it, not its headers
    spelled = spelled or len(line) > SPELL_LIMIT  # a typo is looked for in a short line only
    if not spelled and unless is None:  # "délai article 4 du Lebannon ?": a State, misspelt
        # (a command typed by its name with a misspelt State gets "did you mean" instead)
        named, misspelt = corrected(line, names_only=True)
        if misspelt:
            reply = understand(ctx, named, run=run, unless=unless, spelled=True)
            return _spelling_said(reply, misspelt) if reply is not None else None
    if takes_back_an_order(line):  # "borra el 12… no espera, no lo borres": nothing is done
        text = _(
            "You took that back in the same message, so nothing was changed. "
            "Say again what you want done, e.g. `/ccm done 12`."
        )
        return Reply(text=text, blocks=[section(text)], ok=False)
    deed = deed_asked(line)
    if deed is not None:  # "could you email the minutes to Dublin?": not the bot's to do
        return _not_mine(deed)
    about = command_asked_about(line)
    if about is not None:  # "what does snooze actually do?": its help, not snoozing
        return noted(run(f"help {about}"), f"help {about}")
    interpreted = interpret(ctx, line)
    if not spelled and not interpreted[1].certain:  # "items overdeu pls": try it without typos
        fixed, typos = corrected(line)
        again = interpret(ctx, fixed) if typos else None
        if again is not None and again[1].certain:
            reply = _answer(ctx, fixed, again, run=run, unless=unless)
            return _spelling_said(reply, typos) if reply is not None else None
    return _answer(ctx, line, interpreted, run=run, unless=unless)


def _answer(
    ctx: Ctx,
    line: str,
    interpreted: tuple[Reading, Judgement, list[Proposal]],
    *,
    run: Runner,
    unless: str | None,
) -> Reply | None:
    """The reply for a line already read and judged (see ``understand``)."""
    reading, judgement, proposals = interpreted
    typed = line.partition(" ")[0].lower()
    if unless is not None and (not proposals or _same(proposals[0].command, unless)):
        return None
    if (
        unless is not None
        and typed == unless
        and proposals[0].command.partition(" ")[0] not in {unless, ""}
    ):
        # A command typed by its own name was chosen: never replaced, the guess is offered.
        guess = proposals[0]
        choice = Choice(shorten(guess.says, 60), guess.command)
        text = _("Or did you mean `/ccm {command}`?").format(command=escape(guess.command))
        return Reply(text=text, blocks=[], ok=False, choices=(choice,))
    asked = _change_asked(ctx, line, reading, proposals)
    if asked is not None:  # "décalez l'échéance à vendredi prochain svp": which item?
        if asked.problem:
            return _ask(ctx, reading, asked.problem, [])
        return _confirm(reading, asked, ctx, line)
    if not proposals:
        return _nothing_fits(ctx, reading)
    first = proposals[0]
    if first.intent in _CHANGES and first.intent not in FREE_TEXT and undecided(line):
        # "marquer le 15 comme fait, enfin non, repousser à fin avril... je ne sais plus"
        return _ask(ctx, reading, _("That sounds undecided, so nothing was changed."), [])
    if (first.writes or first.intent in WRITES) and _NEGATED.search(fold_(line)):
        # "Chile says #15 must not be deleted": the one change the line rules out
        return _ask(ctx, reading, _("Nothing was changed: the message says not to."), [])
    hedged = _HEDGED.search(fold_(line)) and not (first.writes or first.intent in WRITES)
    if hedged and not is_question(line) and not asks_a_change_somewhere(line):
        # "Laurent a dit que la Suisse pourrait peut-être accueillir un atelier": news, maybe
        usable = [p for p in proposals if p.command and not p.problem][:3]
        return _ask(
            ctx, reading, _("That sounds like news, not yet a request: nothing was done."), usable
        )
    if first.intent == "greeting" and judgement.certain:
        return greeting(line)
    if judgement.certain or (len(proposals) == 1 and judgement.best[1] >= SURE):
        if first.problem:
            return _ask(ctx, reading, first.problem, proposals[1:])
        if first.writes or first.intent in WRITES:
            return _confirm(reading, first, ctx, line)
        reply = run(first.command)
        return noted(reply, first.command, unused=_unused_dates(reading, first.command))
    if _well_ahead(reading, judgement, first):
        reply = noted(
            run(first.command), first.command, unused=_unused_dates(reading, first.command)
        )
        return _or_else(reply, [p for p in proposals[1:3] if p.command])
    usable = [p for p in proposals if p.command][:3]
    if (
        first.problem or not usable
    ):  # the likeliest reading lacks something: say what, offer the rest
        return _ask(ctx, reading, first.problem or "", usable)
    if len(usable) == 1 and _says_so(reading, usable[0]):
        # One reading, and the line has its word: a change is shown to be confirmed (as a
        # choice of one would), a question answered.
        only = usable[0]
        if only.writes or only.intent in WRITES:
            return _confirm(reading, only, ctx, line)
        reply = run(only.command)
        return noted(reply, only.command, unused=_unused_dates(reading, only.command))
    return _choose(reading, usable)


# What may or may not happen: "pourrait peut-être", "quizás podría", "might", "if … I'll eat my hat"
_HEDGED = re.compile(
    r"\b(?:might|maybe|perhaps|possibly|"
    r"(?<!you\s)(?<!u\s)could\s+(?!you\b|u\b|someone\b|we\b|finally\b|not\b|also\b)\w+|"
    r"if\s+.{3,60}\b(?:i'll|i\s+will|we'll)|peut-etre|pourrai(?:t|ent)|eventuellement|"
    r"quizas?|tal\s+vez|podria(?:n)?|a\s+lo\s+mejor|posiblemente|rien\s+de\s+decide|"
    r"nothing\s+(?:decided|agreed)|nada\s+decidido)\b"
)


# A change said not to be made: "#15 must not be deleted", "don't close it", "ne supprimez pas
# le 14", "no lo borres", "no hay que cerrarlo".
_NEGATED = re.compile(
    r"\b(?:not|don'?t|do\s+not|never|n'|ne|no|nunca|jamais|no\s+hay\s+que)\s+(?:\w+\s+){0,2}?"
    r"(?:delet|remov|clos|finish|mark|move|postpon|push|reassign|assign|supprim|ferm|clotur|marqu|"
    r"repouss|decal|borr|elimin|cerr|marc|mov|pospon|aplaz|reasign|asign)\w*"
)
_CHANGES = ("reschedule", "done", "reopen", "delete", "assign", "note", "edit")


def _change_asked(
    ctx: Ctx, line: str, reading: Reading, proposals: list[Proposal]
) -> Proposal | None:
    """The change a line orders in so many words ("décalez l'échéance…", "reabran el punto"),
    when the likeliest reading only answers a question that shares its words."""
    if proposals and (proposals[0].writes or proposals[0].problem):
        return None
    said = cue_scores(reading.line)
    changes = [c for c in _CHANGES if c in said]
    if not changes:
        return None
    change = max(changes, key=lambda c: said[c])  # "texte" (reword) over "correction" (move)
    if asks_a_change(line):
        return compose(ctx, change, reading)
    # "Correction pour le point 10 : …, il faut décaler l'échéance": an item named by its number
    # and a change said about it, in a line that asks nothing
    typed = [e for e in reading.of("item") if e.end > e.start]
    if _NEGATED.search(fold_(line)):  # "Chile says #15 must not be deleted": no change asked
        return None
    if (len(typed) == 1 and not is_question(line)) or (typed and asks_a_change_somewhere(line)):
        proposal = compose(ctx, change, reading)
        return proposal if proposal.command and not proposal.problem else None
    return None


def _not_mine(deed: str) -> Reply:
    """A deed for a person, not for the bot: say so, and how to log it for whoever will do it."""
    text = _(
        "“{deed}” is for a person to do: I keep the Committee's records (items, deadlines, "
        "meetings, contributions). To log it for whoever will do it: "
        "`/ccm action <owner> to … by <when>`."
    ).format(deed=escape(shorten(deed, 80)))
    return Reply(text=text, blocks=[section(text)], ok=False)


def _spelling_said(reply: Reply, typos: list[tuple[str, str]]) -> Reply:
    """Say which words were read as which, so a wrong correction is seen."""
    said = ", ".join(f"“{escape(typed)}” → “{escape(word)}”" for typed, word in typos)
    note = "_" + _("Read with corrected spelling: {words}").format(words=said) + "_"
    return replace(reply, text=f"{reply.text}\n{note}", blocks=[*reply.blocks, context(note)])


def _says_so(reading: Reading, proposal: Proposal) -> bool:
    """The line holds a cue word of the proposal's own intent (not only a likeness)."""
    return proposal.intent in cue_scores(reading.line)


def _well_ahead(reading: Reading, judgement: Judgement, first: Proposal) -> bool:
    """A question (nothing written) whose best reading clearly leads the rest, on more than a
    likeness to the examples: a cue word of its own or something named besides a date ("what's
    the weather like tomorrow?" only looks like "what's due tomorrow?"); and no change close
    behind it ("hay que pasar el 7 a fines de junio" may move #7: that is asked, not guessed)."""
    if first.problem or not first.command or first.writes or first.intent in WRITES:
        return False
    best = judgement.best[1]
    second = judgement.ranked[1][1] if len(judgement.ranked) > 1 else 0.0
    if best < LEAD_FLOOR or best < LEAD * second:
        return False
    if any(i in WRITES and s >= best * 0.5 for i, s in judgement.ranked[1:4]):
        return False
    named = any(e.kind not in {"date", "period"} for e in reading.entities)
    return named or first.intent in cue_scores(reading.line)


def _or_else(reply: Reply, others: list[Proposal]) -> Reply:
    """The answer, with the other close readings as buttons under it."""
    if reply.choices or not others or not reply.ok:
        return reply
    choices = tuple(Choice(shorten(p.says, 60), p.command) for p in others)
    note = _("Or did you mean:") + " " + " · ".join(f"`/ccm {escape(p.command)}`" for p in others)
    return replace(
        reply,
        text=f"{reply.text}\n{note}",
        blocks=[*reply.blocks, context(note), choice_block(choices)],
        choices=choices,
    )


def _same(command: str, refused: str) -> bool:
    """The reading would only run the refused command again, with nothing more understood."""
    word, _sep, args = command.partition(" ")
    return word in {"", refused} and not args.strip()


_A_YEAR = re.compile(r"\b(?:this|next|last)\s+year|\bannee\b|\bl'an\b|\bano\b")


# the words that lead a date phrase to the day itself: "due by", "para la 8MSP", "avant le"
_LEAD_WORDS = re.compile(
    r"^(?:(?:due|by|before|until|in|on|for|para|pour|avant|antes|de|del|du|la|le|el|the)\s+)+",
    re.I,
)


def _unused_dates(reading: Reading, command: str, today: date | None = None) -> list[str]:
    """Date phrases of the line the command does not carry: said, never dropped in silence.
    Money recorded as received with no day is received ``today``: "paid today" is carried."""
    folded = same_length_fold(command)
    unused = []
    has_year = re.search(r"\b(?:19|20)\d\d\b", command) is not None
    for e in reading.of("date"):
        if has_year and _A_YEAR.search(same_length_fold(e.text)):
            continue  # "this year" became the command's year
        year = re.search(r"\b(?:19|20)\d\d\b", e.text)
        if year and re.fullmatch(r"\W*(?:\w+\s+)?(?:19|20)\d\d\W*", e.text) and year[0] in command:
            continue  # "para 2017", "pour 2017": the command's year
        words = re.sub(_LEAD_WORDS, "", same_length_fold(e.text))
        day = e.reading.due if e.reading is not None else None
        said_as_day = (
            day is not None and f" {day.day} {MONTH_NAMES[day.month - 1]} " in f" {command} "
        )
        received_today = (
            day is not None
            and day == today
            and command.startswith("contribution ")
            and command.endswith(" received")
        )
        if words and words not in folded and not said_as_day and not received_today:
            unused.append(e.text)
    return unused


def noted(reply: Reply, command: str, *, unused: list[str] | None = None) -> Reply:
    """Say which command the line was read as, so people learn it and can check it."""
    note = "_{}_ `/ccm {}`".format(_("Read as"), escape(command))
    if unused:
        quoted = ", ".join(f"“{escape(u)}”" for u in unused)
        note += " _({})_".format(
            _("I did not use {words} here; add a period, e.g. `/ccm {command} April`.").format(
                words=quoted, command=escape(command)
            )
        )
    # replace, not a new Reply: the marks the command set (private money, an upload, a direct
    # message) stay with its answer
    return replace(reply, text=f"{reply.text}\n{note}", blocks=[*reply.blocks, context(note)])


def _dates_said(reading: Reading, command: str = "", today: date | None = None) -> list[str]:
    """What each date phrase was read as; one the command does not carry ("Austria will pay
    25,000 CHF by 30 June" is a pledge, which has no date) is said to be left out."""
    from handlers.dates.spans import known_spans, loose_date_words

    said = []
    unused = set(_unused_dates(reading, command, today)) if command else set()
    for e in reading.of("date"):
        if e.text in unused:
            said.append(_left_out(e.text))
        elif e.reading is not None:
            stored = e.reading.note  # English, as items store it: said in the reader's words
            day = _day_carried(e.reading.due, command)
            note = (
                localize_stored(stored)
                if stored and day == e.reading.due
                else reading_note(e.reading.phrase, day, None)
            )
            said.append(f"📅 {escape(note)}")
        elif e.problem and not (command.startswith("coordinator ") and _carried(e.text, command)):
            # "coordinador … para la 8MSP": the cycle, not a date; an item's words still say it
            said.append(
                f"⚠️ {escape(e.problem)} "
                + _("The item would have no due date; set one with `due #<id> <when>`.")
            )

    covered = [(e.start, e.end) for e in reading.of("date")]
    for words in loose_date_words(reading.line, covered, known_spans(reading.entities)):
        said.append(
            "⚠️ "
            + _("I could not read “{words}” as a date; set one with `due #<id> <when>`.").format(
                words=escape(words)
            )
        )
    return said


def _left_out(words: str) -> str:
    return "⚠️ " + _("“{words}” is not part of this change; it is not stored.").format(
        words=escape(words)
    )


def _carried(words: str, command: str) -> bool:
    """The command carries these words as they were said ("8MSP" in a coordinator's cycle)."""
    said = re.sub(_LEAD_WORDS, "", same_length_fold(words)).strip()
    return bool(said) and f" {said} " in f" {same_length_fold(command)} "


def _day_carried(day: date, command: str) -> date:
    """The day as the command carries it: money received "le 20/03", on 24 March, came in on
    20 March this year, not the next one (see changes._received_on)."""
    said = re.search(rf"\b{day.day} {MONTH_NAMES[day.month - 1]} ((?:19|20)\d\d)\b", command)
    if said is None or int(said[1]) == day.year:
        return day
    try:
        return day.replace(year=int(said[1]))
    except ValueError:
        return day


BUTTON_VALUE = 2000  # Slack's limit on a button's value: a longer command cannot ride on one


def _confirm(
    reading: Reading, proposal: Proposal, ctx: Ctx | None = None, line: str | None = None
) -> Reply:
    """The change shown before it is stored, with every date the message says: read, or said
    to be left out (also one in another clause of the ``line`` than the one read)."""
    if len(proposal.command) > BUTTON_VALUE:
        text = _(
            "I read this as a change (*{meaning}*), but it is too long to confirm with a button. "
            "Nothing was stored: send it as `/ccm {command}` in full, or shorten it."
        ).format(
            meaning=escape(shorten(proposal.says, 200)),
            command=escape(shorten(proposal.command, 60)),
        )
        return Reply(text=text, blocks=[section(text)], ok=False)
    lines = [
        _("I read this as: *{meaning}*").format(meaning=escape(proposal.says)),
        f"`/ccm {escape(proposal.command)}`",
    ]
    said = _dates_said(reading, proposal.command, ctx.today if ctx is not None else None)
    new_date = new_date_of(ctx, proposal.command) if ctx is not None and not said else None
    if new_date is not None:  # "snooze #20 a week": the day it comes to, before it is stored
        words, when = new_date
        said = [f"📅 {escape(reading_note(words, when.due, None))}"]
    if ctx is not None and line is not None and line != reading.line:
        # "Uganda seminar confirmed!! 26–27 April in Kampala, pls add it": never in silence
        said += [
            _left_out(e.text)
            for e in reading_of(ctx, line).of("date")
            if e.text not in reading.line and e.text not in proposal.command
        ]
    lines += said
    lines.append(_("Nothing is stored until you confirm."))
    text = "\n".join(lines)
    choices = (Choice(_("Confirm"), proposal.command, confirm=True), Choice(_("Cancel"), ""))
    return Reply(text=text, blocks=[section(text), choice_block(choices)], choices=choices)


def _choose(reading: Reading, proposals: list[Proposal]) -> Reply:
    lines = [
        _("I'm not sure what you meant by “{text}”. Did you mean:").format(
            text=escape(shorten(reading.line, 120))
        )
    ]
    for number, proposal in enumerate(proposals, 1):
        lines.append(f"{number}. {escape(proposal.says)} — `/ccm {escape(proposal.command)}`")
    lines.append(_("Pick one (in the console: type its number)."))
    text = "\n".join(lines)
    choices = tuple(
        Choice(f"{n}. {shorten(p.says, 60)}", p.command) for n, p in enumerate(proposals, 1)
    )
    return Reply(text=text, blocks=[section(text), choice_block(choices)], choices=choices)


def _guessed(ctx: Ctx, reading: Reading) -> tuple[list[str], list[Choice]]:
    """Did-you-mean for words that look like a mistyped State, with its status as a choice."""
    said, offers = [], []
    for word, state in state_guesses(ctx, reading):
        said.append(
            _("No State called “{text}” — did you mean *{state}*?").format(
                text=escape(word), state=state_label(state.iso3, state.short)
            )
        )
        offers.append(_status_choice(state))
    return said, offers


def _status_choice(state: StateName) -> Choice:
    """A button for a State's status, labelled in the reader's words."""
    label = fill(
        _("where things stand with {subject}"), subject=state_in_text(state.iso3, state.short)
    )
    return Choice(label, f"status {state.short}")


def _ask(ctx: Ctx, reading: Reading, problem: str, others: list[Proposal]) -> Reply:
    understood = entity_list(ctx, reading)
    guessed, offers = _guessed(ctx, reading)
    lines = ([problem] if problem else []) + guessed
    if understood:
        lines.append(
            _("I understood: {things}.").format(things="; ".join(escape(u) for u in understood))
        )
    usable = [p for p in others if p.command][:3]
    text = "\n".join(lines)
    if not usable and not offers:
        return Reply(text=text, blocks=[section(text)], ok=False)
    choices = tuple(offers + [Choice(shorten(p.says, 60), p.command) for p in usable])[:3]
    text += (
        "\n"
        + _("Or did you mean one of these?")
        + "\n"
        + "\n".join(
            f"{n}. {escape(c.label)} — `/ccm {escape(c.command)}`" for n, c in enumerate(choices, 1)
        )
    )
    return Reply(
        text=text, blocks=[section(text), choice_block(choices)], ok=False, choices=choices
    )


def _nothing_fits(ctx: Ctx, reading: Reading) -> Reply:
    """Say what was understood and offer the closest commands, filled in with it."""
    understood = entity_list(ctx, reading)
    guessed, offers = _guessed(ctx, reading)
    states = [
        s
        for iso3 in dict.fromkeys(e.value for e in reading.of("state"))
        if (s := ctx.states.get(iso3))
    ]
    item = reading.first("item")
    if item:
        offers.append(Choice(_("item #{id}").format(id=item.value), f"status #{item.value}"))
    for state in states[:1]:
        items_label = "{} ({})".format(_("open items"), state_label(state.iso3, state.short))
        offers += [_status_choice(state), Choice(items_label, f"items {state.short}")]
    if not offers:
        offers = [
            Choice(_("what's overdue"), "overdue"),
            Choice(_("deadlines"), "deadlines"),
            Choice(_("help"), "help"),
        ]
    head = _("I couldn't work out what to do with “{text}”.").format(
        text=escape(shorten(reading.line, 120))
    )
    head += "".join(f" {g}" for g in guessed)
    said = (
        " " + _("I understood: {things}.").format(things="; ".join(escape(u) for u in understood))
        if understood
        else ""
    )
    tail = " " + _("Try one of these, or `help <what you want to do>`:")
    lines = [
        head + said + tail,
        *[f"{n}. `/ccm {escape(c.command)}`" for n, c in enumerate(offers[:3], 1)],
    ]
    text = "\n".join(lines)
    choices = tuple(offers[:3])
    return Reply(
        text=text, blocks=[section(text), choice_block(choices)], ok=False, choices=choices
    )


def warm_up(states: StateDirectory) -> None:
    """Fit the matcher now (a terminal warms it while the first line is being typed), and load
    the month and weekday names the date detector uses."""
    from handlers.dates.leftovers import warm_up as warm_names
    from handlers.understanding.intents import matcher

    matcher(masker(states))
    warm_names()
