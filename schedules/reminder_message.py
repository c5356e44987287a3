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
REST_LINES = 12  # one line each after those (a 3000-character section holds about 15)
SHOWN = MAX_WITH_BUTTONS + REST_LINES  # the items a message shows; the others are counted
# After a gap the list can run to hundreds: the ten most urgent carry buttons, the rest are lines.
AWAY_WITH_BUTTONS = 10


def shown(*, late: bool) -> int:
    """How many items a summary shows (the others are only counted)."""
    return (AWAY_WITH_BUTTONS if late else MAX_WITH_BUTTONS) + REST_LINES


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


def reminder_reply(
    dues: list[Due],
    *,
    today: date,
    direct: bool = True,
    hidden: int = 0,
    late: bool | None = None,
) -> Reply:
    """A single item as itself; several as one summary, buttons on the first ones.

    A person is told what needs *them* (and, after a gap, that this is the catch-up); a channel
    is told what needs attention, without the second person. ``hidden`` more items are due but
    not shown (only counted); ``late`` says a step came while the bot was away (by default:
    any shown step fired before today).
    """
    if len(dues) == 1 and not hidden:
        due = dues[0]
        intro = _why(due.step).format(id=due.item.id)
        single = [section(intro), *item_blocks(due.item, due.states, today)]
        single.append(context(_("Done, snooze or reassign with the buttons.")))
        return Reply(text=f"{intro}\n{item_line(due.item, today)}", blocks=single)
    if late is None:
        late = any(due.step.fires_on < today for due in dues)
    count = len(dues) + hidden
    if direct:
        title = _("While I was away") if late else _("Your reminders")
        need = ngettext(
            "{count} action item needs you.", "{count} action items need you.", count
        ).format(count=count)
        intro = f":bell: *{title}*: {need}"
    else:
        need = ngettext(
            "{count} action item needs attention.",
            "{count} action items need attention.",
            count,
        ).format(count=count)
        intro = ":bell: *{}*: {}".format(_("Reminders"), need)
    ordered = sorted(dues, key=lambda d: (d.item.due or today, d.item.id or 0))
    blocks: list[Block] = [section(intro)]
    buttons = AWAY_WITH_BUTTONS if late else MAX_WITH_BUTTONS
    for due in ordered[:buttons]:
        blocks += item_blocks(due.item, due.states, today)
    rest = ordered[buttons:]
    if rest or hidden:
        lines = [item_line(d.item, today) for d in rest]
        if hidden:
            where = "items mine" if direct else "items overdue"
            lines.append(
                _("…and {count} more: `/ccm {command}` lists them.").format(
                    count=hidden, command=where
                )
            )
        more = _("…and {count} more").format(count=len(rest) + hidden)
        blocks += line_sections(more, lines)[:1]
    lines = [item_line(d.item, today) for d in ordered]
    if hidden:
        lines.append(f"…and {hidden} more")
    text = fallback([section(intro + "\n" + "\n".join(lines))])
    return Reply(text=text, blocks=blocks)
