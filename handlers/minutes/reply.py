"""The import summary as a Reply: what was found, then each draft with Confirm / Edit / Discard."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.dates.reading import format_day
from handlers.i18n import _
from handlers.i18n.terms import deadline_kind, term
from handlers.minutes.model import Attendee, DraftItem, MeetingInfo, MinutesExtract
from handlers.money import format_chf
from handlers.reply.reply import Block, Reply, context, header, section
from handlers.reply.text import escape, shorten

MAX_NAMES = 30
MAX_LISTED = 20  # two blocks per draft: stays under Slack's 50 blocks per message


def _when(meeting: MeetingInfo | None) -> str:
    if meeting is None:
        return _("not found")
    out = format_day(meeting.start.date())
    if meeting.start.hour or meeting.start.minute:
        out += f" {meeting.start:%H:%M}" + (f"–{meeting.end:%H:%M}" if meeting.end else "")
    return out + (f", {escape(meeting.place)}" if meeting.place else "")


def _who(a: Attendee) -> str:
    people = f" ({escape(', '.join(a.people))})" if a.people else ""
    role = f" — {escape(a.role)}" if a.role and a.kind == "person" else ""
    return escape(a.name) + people + role


def summary_text(extract: MinutesExtract) -> str:
    """The plain summary (also what the CLI prints without --json): what was found, and what
    was not, so the importer knows what to check before confirming."""
    lines = ["*{}* {}".format(_("Meeting:"), _when(extract.meeting))]
    if extract.meeting is None:
        lines[0] = "*{}* {}".format(
            _("Meeting:"),
            _(
                "no meeting date found — set it with *Set meeting date* before confirming "
                "(relative due dates are read from it)"
            ),
        )
    elif extract.meeting.note:
        lines.append(f"⚠️ {escape(extract.meeting.note)}")
    lines.append("*{}* {}".format(_("Next meeting:"), _when(extract.next_meeting)))
    if extract.attendees:
        names = "; ".join(_who(a) for a in extract.attendees[:MAX_NAMES])
        more = len(extract.attendees) - MAX_NAMES
        names += "; " + _("…and {count} more").format(count=more) if more > 0 else ""
        present = _("Present ({count}):").format(count=len(extract.attendees))
        lines.append(f"*{present}* {names}")
    else:
        lines.append("*{}* {}".format(_("Present:"), _("no attendance list found")))
    if extract.apologies:
        apologies = "; ".join(_who(a) for a in extract.apologies)
        lines.append("*{}* {}".format(_("Apologies:"), apologies))
    if extract.absent:
        absent = "; ".join(_who(a) for a in extract.absent)
        lines.append("*{}* {}".format(_("Absent:"), absent))
    for c in extract.contributions:
        what = (
            _("total")
            if c.total
            else (
                _("component {name}").format(name=escape(c.component))
                if c.component
                else c.state_iso3 or ""
            )
        )
        paid = (
            " ({})".format(_("{count} States paid").format(count=c.states_paid))
            if c.states_paid
            else ""
        )
        label = _("Contribution {year}, {what}:").format(year=c.year, what=what)
        amount = format_chf(c.amount_cents, c.currency)
        lines.append(f"*{label}* {amount} {term(c.status)}{paid}")
    for d in extract.deadlines:
        kind = deadline_kind(d.kind)
        lines.append("*{}* {} {} {}".format(_("Deadline:"), d.state_iso3, kind, format_day(d.due)))
    found = len(extract.decisions)
    lines.append("*{}* {}".format(_("Decisions:"), found if found else _("none found")))
    count = len(extract.items)
    lines.append("*{}* {}".format(_("Draft action items:"), count if count else _("none found")))
    return "\n".join(lines)


def item_line(item: DraftItem, item_id: int | None = None) -> str:
    ref = f"#{item_id} " if item_id is not None else ""
    due = " — " + _("due {day}").format(day=format_day(item.due)) if item.due else ""
    return (
        f"{ref}§{escape(item.section)} *{escape(item.owner.label)}*: "
        f"{escape(shorten(item.text, 200))}{due}"
    )


def _buttons(item_id: int) -> Block:
    def button(label: str, action: str, style: str | None = None) -> Block:
        out: Block = {
            "type": "button",
            "text": {"type": "plain_text", "text": label},
            "action_id": action,
            "value": str(item_id),
        }
        if style:
            out["style"] = style
        return out

    return {
        "type": "actions",
        "block_id": f"draft_{item_id}",
        "elements": [
            button(_("Confirm"), "draft_confirm", "primary"),
            button(_("Edit"), "draft_edit"),
            button(_("Discard"), "draft_discard", "danger"),
        ],
    }


SET_DATE = "minutes_set_date"


def date_button(extract: MinutesExtract) -> Block:
    """ "Set meeting date" (no date found) or "Change meeting date": read the minutes again
    against the date the importer gives, before anything is confirmed."""
    missing = extract.meeting is None
    button: Block = {
        "type": "button",
        "text": {
            "type": "plain_text",
            "text": _("Set meeting date") if missing else _("Change meeting date"),
        },
        "action_id": SET_DATE,
        "value": extract.meeting_day.isoformat() if extract.meeting_day else "",
    }
    if missing:
        button["style"] = "primary"
    return {"type": "actions", "block_id": "minutes_date", "elements": [button]}


def summary_reply(extract: MinutesExtract, *, item_ids: Sequence[int] = ()) -> Reply:
    """Summary plus one block per draft; with stored ids, each draft gets its buttons."""
    summary = summary_text(extract)
    blocks: list[Block] = [
        header(_("Minutes import: {document}").format(document=extract.document)),
        section(summary),
    ]
    ids: list[int | None] = list(item_ids) if item_ids else [None] * len(extract.items)
    for item, item_id in list(zip(extract.items, ids, strict=False))[:MAX_LISTED]:
        blocks.append(section(item_line(item, item_id)))
        if item_id is not None:
            blocks.append(_buttons(item_id))
    if len(extract.items) > MAX_LISTED:
        more = _("…and {count} more drafts.").format(count=len(extract.items) - MAX_LISTED)
        blocks.append(context(more))
    if item_ids:
        day = extract.meeting_day.isoformat() if extract.meeting_day else "all"
        blocks.append(date_button(extract))
        blocks.append(
            {
                "type": "actions",
                "block_id": "draft_all",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": _("Confirm all")},
                        "action_id": "draft_confirm_all",
                        "value": day,
                        "style": "primary",
                    }
                ],
            }
        )
    blocks.append(context(_("Drafts are not live: nothing is listed or reminded until confirmed.")))
    text = (
        summary
        + "\n"
        + "\n".join(item_line(i, n) for i, n in zip(extract.items, ids, strict=False))
    )
    return Reply(text=text, blocks=blocks)
