"""`snooze` and `due`: when an item is due and when it may remind again."""

from __future__ import annotations

from handlers.commands.item_change import with_item
from handlers.commands.registry import command
from handlers.dates.reading import DateError, DateReading, when_value
from handlers.dates.when import past_said, read_new_date, snooze_phrase
from handlers.i18n import N_, _
from handlers.i18n.said import Said, say
from handlers.i18n.terms import term
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error
from handlers.reply.text import escape
from storage.items import OPEN
from storage.models import ActionItem


def _read_date(ctx: Ctx, phrase: str) -> DateReading | Reply:
    try:
        return read_new_date(ctx, phrase)
    except DateError as problem:
        return error(f"{escape(str(problem))} " + _("Nothing changed."))


@command(
    "snooze",
    usage="snooze <#id> <when>",
    examples=("snooze 12 next Monday", "snooze #12 1 week"),
    writes=True,
)
def snooze(ctx: Ctx, args: str) -> Reply:
    """Hold an item's reminders until a date."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> Said | Reply:
        if item.status != OPEN:
            return error(
                _("Item #{id} is {status}; only open items can be snoozed.").format(
                    id=item.id, status=term(item.status)
                )
            )
        reading = _read_date(ctx, snooze_phrase(rest))
        if isinstance(reading, Reply):
            return reading
        day = reading.due
        if day <= ctx.today:
            return error(
                _("{when} is not in the future; snooze to a later day.").format(when=escape(rest))
            )
        item.snoozed_until = day
        return say(N_("😴 #{id} snoozed until {when}."), id=item.id, when=when_value(reading))

    return with_item(ctx, args, "snooze", change, needs_rest="<when>")


@command(
    "due", usage="due <#id> <when>", examples=("due 12 end of April", "due #12 15/05"), writes=True
)
def due(ctx: Ctx, args: str) -> Reply:
    """Set or change an item's due date."""

    def change(ctx: Ctx, item: ActionItem, rest: str) -> Said | Reply:
        reading = _read_date(ctx, rest)
        if isinstance(reading, Reply):
            return reading
        item.due, item.due_at, item.due_note = (
            reading.due,
            reading.at,
            reading.note,
        )
        now_due = say(N_("#{id} is now due {when}."), id=item.id, when=when_value(reading))
        return now_due + past_said(reading)

    return with_item(ctx, args, "due", change, needs_rest="<when>")
