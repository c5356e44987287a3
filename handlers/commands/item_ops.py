"""Changes to one item: done, reopen, snooze, assign, due, note, edit, delete, restore."""

from __future__ import annotations

import re
from collections.abc import Callable

from handlers.dates import DateError, DateReading, format_reading
from handlers.owners import OwnerError, parse_owner
from handlers.permissions import may_edit_item, who_may_edit
from handlers.ports import Ctx
from handlers.registry import command
from handlers.render import item_blocks
from handlers.reply import Reply, error, section
from handlers.slackfmt import owner_text
from handlers.text import escape, shorten
from handlers.when import past_warning, read_due
from storage.items import DELETED, DONE, OPEN, add_event, get_item, set_states, states_of
from storage.models import ActionItem

_ID = re.compile(r"^\s*#?(\d{1,9})\b[\s,:]*(.*)$", re.S)
Change = Callable[[Ctx, ActionItem, str], str | Reply]
VERB_PHRASES = {"done": "close", "assign": "reassign", "due": "change the due date of"}


def _with_item(ctx: Ctx, args: str, verb: str, change: Change, *, needs_rest: str = "") -> Reply:
    """Find the item named by '#id', apply ``change``, log it, and show the item again."""
    match = _ID.match(args)
    if not match:
        example = f"`/ccm {verb} #12{' ' + needs_rest if needs_rest else ''}`"
        return error(f"Which item? Give its number, e.g. {example}.")
    item = get_item(session=ctx.session, item_id=int(match[1]))
    if item is None or item.status == "draft":
        return error(f"There is no item #{match[1]}. `/ccm items` lists the open ones.")
    if verb != "note" and not may_edit_item(ctx.session, ctx.actor, item):
        return error(
            f"You can't {VERB_PHRASES.get(verb, verb)} #{item.id}: only {who_may_edit(ctx.session, item)} can. "
            "Nothing was changed."
        )
    rest = match[2].strip()
    if not needs_rest and rest:
        return error(
            f"`{verb}` takes one item at a time: I read #{item.id} and then “{escape(shorten(rest, 60))}”. "
            f"Try `/ccm {verb} #{item.id}`; nothing was changed."
        )
    if needs_rest and not rest:
        return error(f"What should I set? Try `/ccm {verb} #{item.id} {needs_rest}`.")
    outcome = change(ctx, item, rest)
    if isinstance(outcome, Reply):
        return outcome
    assert item.id is not None
    item.updated_at = ctx.now
    ctx.session.add(item)
    add_event(
        session=ctx.session,
        item_id=item.id,
        actor=ctx.user,
        action=verb,
        now=ctx.now,
        detail=outcome,
    )
    states = states_of(session=ctx.session, item_ids=[item.id])[item.id]
    text = f"{outcome}\n" + item_blocks(item, states, ctx.today)[0]["text"]["text"]
    return Reply(
        text=text,
        blocks=[section(text), *item_blocks(item, states, ctx.today)[1:]],
        item_id=item.id,
    )


def _set_status(status: str, message: str, *, allowed: tuple[str, ...]) -> Change:
    def change(ctx: Ctx, item: ActionItem, _rest: str) -> str | Reply:
        if item.status not in allowed:
            return error(f"Item #{item.id} is {item.status}; nothing changed.")
        item.status = status
        item.snoozed_until = None
        return message.format(id=item.id)

    return change


@command(
    "done",
    usage="done <#id>",
    examples=("done 12", "done #12"),
    aliases=("close", "complete"),
    writes=True,
)
def done(ctx: Ctx, args: str) -> Reply:
    """Mark an item done."""
    return _with_item(
        ctx, args, "done", _set_status(DONE, "✅ #{id} marked done.", allowed=(OPEN,))
    )


@command("reopen", usage="reopen <#id>", examples=("reopen 12",), writes=True)
def reopen(ctx: Ctx, args: str) -> Reply:
    """Reopen a done item."""
    return _with_item(
        ctx, args, "reopen", _set_status(OPEN, "#{id} is open again.", allowed=(DONE,))
    )


@command(
    "delete", usage="delete <#id>", examples=("delete 12",), aliases=("remove", "rm"), writes=True
)
def delete(ctx: Ctx, args: str) -> Reply:
    """Delete an item (it can be restored with `restore`)."""
    change = _set_status(
        DELETED, "🗑 #{id} deleted. Undo with `/ccm restore #{id}`.", allowed=(OPEN, DONE)
    )
    return _with_item(ctx, args, "delete", change)


@command(
    "restore", usage="restore <#id>", examples=("restore 12",), aliases=("undelete",), writes=True
)
def restore(ctx: Ctx, args: str) -> Reply:
    """Bring back a deleted item."""
    return _with_item(
        ctx, args, "restore", _set_status(OPEN, "#{id} restored.", allowed=(DELETED,))
    )


def _read_date(ctx: Ctx, phrase: str) -> tuple[DateReading, str] | Reply:
    try:
        reading = read_due(ctx, phrase)
    except DateError as problem:
        return error(f"{escape(str(problem))} Nothing changed.")
    return reading, format_reading(reading)


@command(
    "snooze",
    usage="snooze <#id> <when>",
    examples=("snooze 12 next Monday", "snooze #12 1 week"),
    writes=True,
)
def snooze(ctx: Ctx, args: str) -> Reply:
    """Hold an item's reminders until a date."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> str | Reply:
        if item.status != OPEN:
            return error(f"Item #{item.id} is {item.status}; only open items can be snoozed.")
        phrase = re.sub(
            r"^(?:for\s+)?(\d+)\s*(d|w)$",
            lambda m: f"in {m[1]} {'days' if m[2] == 'd' else 'weeks'}",
            rest,
            flags=re.I,
        )
        phrase = re.sub(r"^for\s+", "in ", phrase, flags=re.I)
        read = _read_date(ctx, phrase)
        if isinstance(read, Reply):
            return read
        reading = read[0]
        day = reading.due
        if day <= ctx.today:
            return error(f"{escape(rest)} is not in the future; snooze to a later day.")
        item.snoozed_until = day
        return f"😴 #{item.id} snoozed until {read[1].removeprefix('due ')}."

    return _with_item(ctx, args, "snooze", change, needs_rest="<when>")


@command(
    "due", usage="due <#id> <when>", examples=("due 12 end of April", "due #12 15/05"), writes=True
)
def due(ctx: Ctx, args: str) -> Reply:
    """Set or change an item's due date."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> str | Reply:
        read = _read_date(ctx, rest)
        if isinstance(read, Reply):
            return read
        reading = read[0]
        item.due, item.due_at, item.due_note = (
            reading.due,
            reading.at,
            reading.note,
        )
        return f"#{item.id} is now {read[1]}.{past_warning(reading)}"

    return _with_item(ctx, args, "due", change, needs_rest="<when>")


@command(
    "assign",
    usage="assign <#id> <owner>",
    examples=("assign 12 Norway", "assign #12 @someone", "assign 12 the ISU"),
    aliases=("reassign",),
    writes=True,
)
def assign(ctx: Ctx, args: str) -> Reply:
    """Give an item to another owner."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> str | Reply:
        try:
            owner = parse_owner(ctx, re.sub(r"^to\s+", "", rest, flags=re.I))
        except OwnerError as problem:
            return error(f"{problem} Nothing changed.")
        before = item.owner
        item.owner, item.owner_kind, item.owner_ref = owner.label, owner.kind, owner.ref
        if owner.area_key:
            item.area_key = owner.area_key
        assert item.id is not None
        mentioned = [m.state.iso3 for m in ctx.states.find_in_text(item.text)]
        set_states(session=ctx.session, item_id=item.id, states=[*owner.states, *mentioned])
        return f"#{item.id} reassigned from {owner_text(before)} to {owner_text(owner.label)}."

    return _with_item(ctx, args, "assign", change, needs_rest="<owner>")


@command(
    "note",
    usage="note <#id> <text>",
    examples=("note 12 Albania answered on 3 April",),
    writes=True,
)
def note(ctx: Ctx, args: str) -> Reply:
    """Add a note to an item's history."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> str | Reply:
        return f"📝 Note added to #{item.id}: {escape(shorten(rest, 500))}"

    return _with_item(ctx, args, "note", change, needs_rest="<text>")


@command(
    "edit",
    usage="edit <#id> <new text>",
    examples=("edit 12 follow up with Albania and Croatia",),
    writes=True,
)
def edit(ctx: Ctx, args: str) -> Reply:
    """Replace an item's text."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> str | Reply:
        if len(rest) > 2000:
            return error("The new text is over 2000 characters; nothing changed.")
        before = item.text
        item.text = rest
        assert item.id is not None
        owner_states = (
            [s for s in (item.owner_ref or "").split(",") if len(s) == 3 and s.isupper()]
            if item.owner_kind in ("state", "states")
            else []
        )
        mentioned = [m.state.iso3 for m in ctx.states.find_in_text(rest)]
        set_states(session=ctx.session, item_id=item.id, states=[*owner_states, *mentioned])
        return f"✏️ #{item.id} edited (was: {escape(shorten(before, 200))})."

    return _with_item(ctx, args, "edit", change, needs_rest="<new text>")
