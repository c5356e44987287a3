"""`/ccm` as a small router: clean the text, pick the sub-command, run it in one session."""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import replace
from datetime import datetime

from rapidfuzz import fuzz, process
from sqlmodel import Session

import handlers.commands  # noqa: F401  (registers the sub-commands)
from handlers.commands.registry import COMMANDS, LOOKUP, Command
from handlers.i18n import _, format_number, join_names, state_label, use_language
from handlers.i18n.reader import language_of
from handlers.items.capture import is_capture
from handlers.people.permissions import isu_admins, may_write
from handlers.ports import Ctx, Deps
from handlers.reference.areas import resolve_area
from handlers.reply.reply import Reply, error
from handlers.reply.text import MAX_COMMAND_CHARS, clean, defuse, escape, shorten

log = logging.getLogger(__name__)

_PREFIX = re.compile(r"^\s*(?:/ccm\b|@ccm\b|<@[UW][A-Z0-9]+>)\s*", re.I)
_NATURAL_STATUS = re.compile(
    r"^(?:what'?s up with|what about|where do we stand (?:with|on)|how is|how's)\b", re.I
)


def route(text: str) -> tuple[Command | None, str]:
    """Pick the sub-command for a line of text; (None, text) when nothing fits."""
    if is_capture(text):
        return COMMANDS["action"], text
    if _NATURAL_STATUS.match(text):
        return COMMANDS["status"], text
    word, _, rest = text.partition(" ")
    spec = LOOKUP.get(word.lower().rstrip(":?!,."))
    return (spec, rest.strip()) if spec else (None, text)


def handle(
    deps: Deps,
    text: str,
    *,
    user: str,
    now: datetime | None = None,
    source: str | None = None,
    session: Session | None = None,
    lang: str | None = None,
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
    line = _PREFIX.sub("", clean(raw))
    spec, args = route(line) if line else (COMMANDS["help"], "")
    moment = now or deps.clock()
    writes = spec.writes_for(args) if spec else False
    language = [lang or deps.language]

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
            lang=language[0],
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
    # A safety net under each command's own escaping: echoed text never pings a channel.
    return replace(reply, text=defuse(reply.text), blocks=defuse(reply.blocks), lang=language[0])


def _dispatch(ctx: Ctx, *, spec: Command | None, args: str, line: str, writes: bool) -> Reply:
    if spec is None:
        return _fallback(ctx, line)
    if writes and not may_write(ctx.actor):
        return error(
            _(
                "Observers can read but not change anything, so nothing was changed. "
                "Ask {admins} if you need a different role."
            ).format(admins=isu_admins(ctx.session))
        )
    return spec.func(ctx, args)


def _fallback(ctx: Ctx, line: str) -> Reply:
    """No command word: a bare State or area means status; otherwise say what was understood."""
    if ctx.states.lookup(line) or resolve_area(line):
        return COMMANDS["status"].func(ctx, line)
    word = line.split()[0].lower()
    best = process.extractOne(word, list(LOOKUP), scorer=fuzz.ratio, score_cutoff=70)
    states = ctx.states.find_in_text(line)
    names = join_names(state_label(m.state.iso3, m.state.short) for m in states)
    understood = " " + _("I noticed {states}.").format(states=names) if states else ""
    if best:
        spec = LOOKUP[best[0]]
        hint = _("Did you mean `/ccm {usage}`?").format(usage=spec.usage)
    elif states:
        hint = _("To see where things stand, try `/ccm status {state}`.").format(
            state=states[0].state.short
        )
    else:
        guess = ctx.states.suggest(line, limit=1)
        hint = (
            _("No State called “{text}” — did you mean *{state}*?").format(
                text=escape(shorten(line, 60)), state=state_label(guess[0].iso3, guess[0].short)
            )
            if guess
            else _("`/ccm help` lists what I can do.")
        )
    said = _("I didn't understand “{text}”.").format(text=escape(shorten(line, 120)))
    return error(f"{said}{understood} {hint}")
