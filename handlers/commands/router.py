"""`/ccm` as a small router: clean the text, pick the sub-command, run it in one session."""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import replace
from datetime import datetime

from sqlmodel import Session

import handlers.commands  # noqa: F401  (registers the sub-commands)
from handlers.commands.registry import COMMANDS, LOOKUP, Command
from handlers.i18n import _, format_number, use_language
from handlers.i18n.reader import language_of
from handlers.items.capture import is_capture
from handlers.people.permissions import Caller, isu_admins, may_write, read_only_reason
from handlers.ports import Ctx, Deps
from handlers.reference.areas import resolve_area
from handlers.reply.reply import Reply, choice_block, error
from handlers.reply.text import MAX_COMMAND_CHARS, clean, defuse, escape, fold, shorten
from handlers.understanding.coordination import coordination_change, may_change_coordination
from handlers.understanding.understand import noted, reading_of, understand
from handlers.understanding.words import FOREIGN, LOOSE, POLITE, THANKS

log = logging.getLogger(__name__)

_PREFIX = re.compile(r"^\s*(?:/ccm\b|@ccm\b)\s*", re.I)
_LEADING_MENTION = re.compile(r"^\s*<@[UW][A-Z0-9]+>\s*")


def without_prefix(text: str) -> str:
    """Drop "/ccm" or "@ccm"; a leading mention only before a command word (the bot's own, as
    pasted in the console): "<@U024> will send the draft" names who will send it."""
    line = _PREFIX.sub("", text)
    rest = _LEADING_MENTION.sub("", line)
    if rest != line and route(rest)[0] is not None:
        return rest
    return line


_NATURAL_STATUS = re.compile(
    r"^(?:what'?s up with|what about|where do we stand (?:with|on)|how is|how's)\b", re.I
)


def route(text: str) -> tuple[Command | None, str]:
    """Pick the sub-command for a line of text; (None, text) when nothing fits.

    The first word may be a command in English, French or Spanish ("statut", "hecho").
    """
    if is_capture(text):
        return COMMANDS["action"], text
    if _NATURAL_STATUS.match(text):
        return COMMANDS["status"], text
    word, _, rest = text.partition(" ")
    key = word.lower().rstrip(":?!,.")
    spec = LOOKUP.get(key)
    note = _ADD_NOTE.match(rest)
    if note and fold(key) in _ADDS:  # "add note to 15: …", "ajouter une note au #2 : …"
        return COMMANDS["note"], f"{note['id']} {rest[note.end() :].strip()}"
    if spec is None and (spec := LOOKUP.get(FOREIGN.get(fold(key), ""))) is not None:
        rest = _OF.sub("", rest.strip())  # "statut de la Bosnie", "estado de Perú"
    return (spec, rest.strip()) if spec else (None, text)


# "add"/"ajouter"/"agregar" a note to an item is a note, not a new item called "note".
_ADDS = frozenset({"add", "ajouter", "ajoute", "agregar", "agrega", "anadir", "anade", "put"})
_ADD_NOTE = re.compile(
    r"^(?:an?\s+|une\s+|una\s+)?(?:note|nota|comment(?:aire)?|comentario)\s+"
    r"(?:to|on|for|au|à|a|sur|en|para|de)?\s*(?:l['’]|la\s+|le\s+|el\s+)?"
    r"(?:item\s+|action\s+|point\s+|tarea\s+|punto\s+)?#?\s?(?P<id>\d{1,9})\s*[:,-]?",
    re.I,
)
_OF = re.compile(
    r"^(?:(?:de|du|des|del|sur|sobre|pour|para)\s+|d['’])?(?:(?:la|le|les|el|los|las)\s+|l['’])?",
    re.I,
)


def _loose(line: str) -> bool:
    """A first word that also starts ordinary questions ("who hasn't paid?"): read the whole line."""
    word = line.partition(" ")[0].lower().rstrip(":?!,.")
    return fold(word) in LOOSE and len(line.split()) > 2


def handle(
    deps: Deps,
    text: str,
    *,
    user: str,
    now: datetime | None = None,
    source: str | None = None,
    session: Session | None = None,
    lang: str | None = None,
    caller: Caller | None = None,
) -> Reply:
    """Run one command; a refused or failed command leaves the database exactly as it was.

    Given ``session``, the command joins that open transaction inside a savepoint (a refusal
    undoes only the command's own changes) and the caller commits: so a Slack event's dedupe row
    and the item it logs are committed together.

    The reply is written in ``lang`` when given (the console's --lang), else in the reader's
    own language (see handlers.i18n.reader).
    """
    raw = text or ""
    if len(raw) > MAX_COMMAND_CHARS:
        with use_language(lang or deps.language):
            return error(
                _(
                    "That command is {length} characters long; the limit is {limit}. Nothing was changed."
                ).format(length=format_number(len(raw)), limit=format_number(MAX_COMMAND_CHARS))
            )
    from handlers.understanding.corrections import (
        FREE_TEXT,
        taken_back,
        takes_back_an_order,
        undecided,
    )

    moment = now or deps.clock()
    # "…by COB Thursday. No wait, make that Friday": the date said instead is the one read
    line = taken_back(without_prefix(clean(raw)), now=moment, tz=deps.tz)
    said = line
    line = _note_said_as_add(line)  # "add to 11: NPA says…" is a note on #11, not a new item
    spec, args = route(line) if line else (COMMANDS["help"], "")
    if spec is not None and spec.name == "report" and _A_POSTPONEMENT.search(args):
        # "Report : la NZ demande jusqu'au 5 avril pour le #20": French for a postponement
        spec, line = None, f"reporter {args.lstrip(' :')}"
    if (
        spec is not None
        and spec.name not in FREE_TEXT  # "note 12 NZ not sure they can report by April"
        and spec.writes_for(args)
        and undecided(line)
    ):
        # "done 13 ou plutot snooze, je sais pas trop": which one is for the writer to say
        with use_language(lang or deps.language):
            return error(
                _(
                    "That sounds undecided, so nothing was changed. "
                    "Say the one change you want, e.g. `/ccm done 12`."
                )
            )
    if spec is not None and spec.writes_for(args) and takes_back_an_order(line):
        # "eliminar el 20… no espera, no lo elimines": an order taken back is never run
        with use_language(lang or deps.language):
            return error(
                _(
                    "You took that back in the same message, so nothing was changed. "
                    "Say again what you want done, e.g. `/ccm done 12`."
                )
            )
    writes = spec.writes_for(args) if spec else False
    language = [lang or deps.language]
    who = caller if caller is not None and caller.user == user else Caller(user=user)
    if user in deps.install_admins:
        who = replace(who, installer=True)

    def run_in(open_session: Session) -> Reply:
        if lang is None:
            language[0] = language_of(open_session, user, default=deps.language)
        ctx = Ctx(
            session=open_session,
            now=moment,
            tz=deps.tz,
            user=user,
            states=deps.states,
            source=source,
            public_url=deps.public_url,
            lang=language[0],
            caller=who,
            reference_cache=deps.db.reference,
        )
        with use_language(ctx.lang):
            return _dispatch(ctx, spec=spec, args=args, line=line, writes=writes)

    try:
        if session is None:
            with deps.db.session(write=writes, actor=user, now=moment) as own:
                reply = run_in(own)
                if not reply.ok:
                    own.rollback()
        else:
            session.info.update(actor=user, now=moment)
            savepoint = session.begin_nested()
            try:
                reply = run_in(session)
            except BaseException:
                savepoint.rollback()
                raise
            if reply.ok:
                savepoint.commit()
            else:
                savepoint.rollback()
    except Exception:
        ref = uuid.uuid4().hex[:8]
        log.exception("command failed (ref %s): %r", ref, shorten(line, 200))
        with use_language(language[0]):
            failure = _(
                "Something went wrong on my side (ref `{ref}`); nothing was changed. Please try again."
            ).format(ref=ref)
        return replace(error(failure), failed=True, lang=language[0])
    if line != said and spec is not None and reply.ok:  # say what it was read as
        with use_language(language[0]):
            reply = noted(reply, line)
    # A safety net under each command's own escaping: echoed text never pings a channel.
    return replace(reply, text=defuse(reply.text), blocks=defuse(reply.blocks), lang=language[0])


# "add to 11: …", "ajoute au 14 : …", "agrega al #6: …": what is added goes on the item
_ADD_TO_AN_ITEM = re.compile(
    r"^(?:add|ajoute[rz]?|agrega[r]?|añade|anade)\s+(?:to|on|au|à|a|al)\s+"
    r"(?:item\s+|point\s+|punto\s+|#)?(?P<n>\d{1,4})\s*[:,–—-]\s*(?P<text>\S.*)$",
    re.I,
)
# "Report" is French for a postponement: a "report" of an item (#20, "le 20"), no Article
_A_POSTPONEMENT = re.compile(r"(?=.*(?:#\d|\b(?:le|du|au)\s+\d))(?!.*\bart)", re.I | re.S)


def _note_said_as_add(line: str) -> str:
    found = _ADD_TO_AN_ITEM.match(line)
    return f"note {found['n']} {found['text']}" if found else line


# "overdue items pls", "deadlines in may?": what closes a request is not a filter.
_CLOSING = re.compile(rf"[\s,]*(?:\b(?:{POLITE}|{THANKS})\b[\s!.,]*|[?!.]+\s*)+$", re.I)


def _dispatch(ctx: Ctx, *, spec: Command | None, args: str, line: str, writes: bool) -> Reply:
    if spec is not None:
        args = item_args(spec, args)
        if not writes:
            args = _CLOSING.sub("", args)
    if spec is None or (_loose(line) and not writes) or _unnumbered(spec, args):
        if spec is None and (ctx.states.lookup(line) or resolve_area(line)):
            return noted(
                COMMANDS["status"].func(ctx, line), f"status {line}"
            )  # a bare State or area
        read = understand(ctx, line, run=lambda command: _run(ctx, command))
        assert read is not None  # no ``unless``: always a reply
        return read
    refused = _refusal(ctx, spec, writes=writes)
    if refused is not None:
        return refused
    typed_name = line.split()[0].lower().rstrip(":") == spec.name if line.split() else True
    if writes and not typed_name and _coordination_said(ctx, line):
        # "agregar Perú como coordinador de transparencia": "agregar" is no new item here
        read = understand(ctx, line, run=lambda command: _run(ctx, command))
        assert read is not None
        return read
    reply = _private(spec, spec.func(ctx, args))
    if reply.ok or not args.strip() or (writes and typed_name):
        # a bare command word gets the command's own prompt, not a second guess; a change typed
        # by its own name is refused as typed. A change word that is also an everyday word in
        # another language ("agregar nota al 16: …", "ajoute au 14 : …") is read in words.
        return reply
    # A question that starts like a command ("items owned by the ISU"): try reading it whole.
    other = understand(ctx, line, run=lambda command: _run(ctx, command), unless=spec.name)
    if other is None or not (other.ok or other.choices) or other.text.startswith("I couldn't"):
        return reply
    if not other.ok and other.choices and not other.blocks:  # the command's answer, and a guess
        text = f"{reply.text}\n{other.text}"
        return replace(
            reply,
            text=text,
            blocks=[*reply.blocks, choice_block(other.choices)],
            choices=other.choices,
        )
    return other


def _coordination_said(ctx: Ctx, line: str) -> bool:
    if not may_change_coordination(line):  # the words first: a reading only when they may
        return False
    return coordination_change(ctx, reading_of(ctx, line)) is not None


def _refusal(ctx: Ctx, spec: Command, *, writes: bool) -> Reply | None:
    """The two gates every command passes, typed or understood: who may see, who may change."""
    if spec.private and not ctx.sees_private:
        return error(
            _(
                "Contributions, the change history and the roster are shared with the "
                "committee's members only. Ask {admins} to add you to the roster."
            ).format(admins=isu_admins(ctx.session))
            + (" " + _("Nothing was changed.") if writes else "")
        )
    if writes and not may_write(ctx.actor):
        return error(read_only_reason(ctx.session, ctx.actor))
    return None


def _private(spec: Command, reply: Reply) -> Reply:
    """Money, audit and roster replies are marked, so no transport posts them where outsiders read."""
    return replace(reply, private=True) if spec.private and reply.ok else reply


_NUMBERED = {"done", "reopen", "delete", "restore", "snooze", "due", "assign", "note", "edit"}


_ITEM_LEAD = re.compile(
    r"^(?:(?:of|for|on|with|item|action|task|the|l'action|la\s+tarea|tarea|tâche|de|del|du)\s+|#\s*)+(?=#?\d)",
    re.I,
)


def item_args(spec: Command, args: str) -> str:
    """ "history of #12", "done with item 5": the item number first, as item commands want it."""
    if spec.name in _NUMBERED | {"history"}:
        return _ITEM_LEAD.sub("", args.strip())
    return args


def _unnumbered(spec: Command, args: str) -> bool:
    """ "attribuer l'action 13 à la Suisse": an item command whose item is not first."""
    return spec.name in _NUMBERED and re.match(r"\s*#?\d", args) is None and bool(args.strip())


def _run(ctx: Ctx, command: str) -> Reply:
    """Run a command an understood line stands for (never itself read as free text again)."""
    spec, args = route(command)
    if spec is None:
        return error(
            _(
                "I read that as `/ccm {command}`, which this version cannot answer yet. "
                "`/ccm help` lists what it can do."
            ).format(command=escape(command))
        )
    refused = _refusal(ctx, spec, writes=spec.writes_for(args))
    if refused is not None:
        return refused
    return _private(spec, spec.func(ctx, args))
