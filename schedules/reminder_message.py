"""What a reminder says: one item with its buttons, or one summary per person after a gap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handlers.i18n import _, ngettext
from handlers.items.render import item_blocks, item_line
from handlers.reply.reply import Block, Reply, context, section
from schedules.split import fallback, line_sections
from schedules.steps import Step
from storage.models import ActionItem

MAX_WITH_BUTTONS = 23  # 1 intro + 23 x (section + buttons) + 1 rest = 48 of Slack's 50 blocks


@dataclass(frozen=True)
class Due:
    """An item whose reminder step is due for one recipient."""

    key: str
    item: ActionItem
    states: list[str]
    step: Step


def _why(step: Step) -> str:
    if step.name.startswith("overdue"):
        return _(":bell: Reminder: *#{id}* is overdue.")
    if step.name == "d0":
        return _(":bell: Reminder: *#{id}* is due today.")
    return _(":bell: Reminder: *#{id}* is due soon.")


def reminder_reply(dues: list[Due], *, today: date, direct: bool = True) -> Reply:
    """A single item as itself; several as one summary, buttons on each.

    A person is told what needs *them* (and, after a gap, that this is the catch-up); a channel
    is told what needs attention, without the second person.
    """
    if len(dues) == 1:
        due = dues[0]
        intro = _why(due.step).format(id=due.item.id)
        single = [section(intro), *item_blocks(due.item, due.states, today)]
        single.append(context(_("Done, snooze or reassign with the buttons.")))
        return Reply(text=f"{intro}\n{item_line(due.item, today)}", blocks=single)
    late = any(due.step.fires_on < today for due in dues)
    if direct:
        title = _("While I was away") if late else _("Your reminders")
        need = ngettext(
            "{count} action item needs you.", "{count} action items need you.", len(dues)
        ).format(count=len(dues))
        intro = f":bell: *{title}*: {need}"
    else:
        need = ngettext(
            "{count} action item needs attention.",
            "{count} action items need attention.",
            len(dues),
        ).format(count=len(dues))
        intro = ":bell: *{}*: {}".format(_("Reminders"), need)
    ordered = sorted(dues, key=lambda d: (d.item.due or today, d.item.id or 0))
    blocks: list[Block] = [section(intro)]
    for due in ordered[:MAX_WITH_BUTTONS]:
        blocks += item_blocks(due.item, due.states, today)
    rest = ordered[MAX_WITH_BUTTONS:]
    if rest:
        more = _("…and {count} more").format(count=len(rest))
        blocks += line_sections(more, [item_line(d.item, today) for d in rest])[:1]
    lines = [item_line(d.item, today) for d in ordered]
    text = fallback([section(intro + "\n" + "\n".join(lines))])
    return Reply(text=text, blocks=blocks)
