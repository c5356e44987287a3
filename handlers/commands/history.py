"""`history <#id>`: every change to an item from the audit log, with before and after."""

from __future__ import annotations

import json
import re

from handlers.commands.registry import command
from handlers.dates.reading import format_day
from handlers.i18n import N_, _, current_language
from handlers.i18n.formats import labelled
from handlers.i18n.notes import localize_stored
from handlers.i18n.phrases import owner_in_text
from handlers.i18n.said import shown
from handlers.i18n.terms import term
from handlers.ports import Ctx
from handlers.reference.areas import AREA_BY_KEY
from handlers.reply.mrkdwn import user_ref
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape, shorten
from storage.audit import entries
from storage.items import notes_of
from storage.models import AuditLog

_ID = re.compile(r"^\s*#?(\d{1,9})\s*$")
SKIP = {"updated_at", "created_at", "id"}
FIELDS = {
    "text": N_("text"),
    "owner": N_("owner"),
    "owner_kind": N_("kind of owner"),
    "owner_ref": N_("owner reference"),
    "area_key": N_("area"),
    "due": N_("due date"),
    "due_at": N_("due time"),
    "due_note": N_("how the date was read"),
    "status": N_("status"),
    "snoozed_until": N_("snoozed until"),
    "created_by": N_("created by"),
    "source": N_("source"),
    "section": N_("section"),
    "import_key": N_("import"),
}


def _field(key: str) -> str:
    """English shows the column's own name, as it always did; other languages a word for it."""
    if current_language() == "en" or key not in FIELDS:
        return key
    return _(FIELDS[key])


OWNER_KINDS = {
    "state": N_("a State"),
    "states": N_("several States"),
    "area": N_("an area's coordinators"),
    "presidency": N_("the Presidency"),
    "isu": N_("the ISU"),
    "committee": N_("the Committee"),
    "person": N_("a person"),
    "organisation": N_("an organisation"),
}


def _value(value: object, key: str = "", side: dict[str, object] | None = None) -> str:
    """A field's value as shown: statuses, owners and how a date was read in the reader's
    language (``side``: the other fields of the same before or after), nothing as a dash."""
    if current_language() == "en":
        return escape(shorten(str(value), 80))
    if value is None or value == "":
        return "—"
    if key == "owner":
        return shorten(_owner(str(value), side or {}), 80)
    if key == "owner_kind" and value in OWNER_KINDS:
        return _(OWNER_KINDS[str(value)])
    shown = localize_stored(str(value)) if key == "due_note" else term(str(value))
    return escape(shorten(shown, 80))


def _owner(label: str, side: dict[str, object]) -> str:
    """An owner as the reader's language names it, from the kind and reference changed with it
    (a reference alone: an area's key, else State codes)."""
    kind, ref = side.get("owner_kind"), side.get("owner_ref")
    if kind is None and isinstance(ref, str) and ref:
        kind = "area" if ref in AREA_BY_KEY else "states"
    return str(
        owner_in_text(str(kind) if kind else None, str(ref) if ref else None, label, article=False)
    )


def describe_change(row: AuditLog) -> str:
    """'due: 2017-04-15 → 2017-04-30', one field per clause; user values escaped."""
    before = json.loads(row.before) if row.before else {}
    after = json.loads(row.after) if row.after else {}
    if row.action == "create":
        return _("created")
    if row.action == "delete":
        return _("removed")
    parts = [
        labelled(
            _field(key),
            f"{_value(before.get(key), key, before)} → {_value(after.get(key), key, after)}",
        )
        for key in after
        if key not in SKIP
    ]
    return "; ".join(parts) or _("touched")


@command(
    "history",
    usage="history <#id>",
    examples=("history 12", "history #12"),
    aliases=("audit", "log"),
    private=True,
)
def history(ctx: Ctx, args: str) -> Reply:
    """Every change to an item: who, when, what, before and after."""
    match = _ID.match(args)
    if not match:
        return error(_("Which item? Try `/ccm history #12`."))
    item_id = int(match[1])
    found = notes_of(session=ctx.session, item_id=item_id)
    if found is None:
        return error(
            _("There is no item #{id}. `/ccm items` lists the open ones.").format(id=item_id)
        )
    changes = [
        (row.at, row.actor, describe_change(row))
        for row in entries(ctx.session, entity="actionitem", entity_id=str(item_id), limit=100)
    ]
    notes = [(e.at, e.actor, shown(e.detail)) for e in found]
    lines = [
        f"{format_day(at.astimezone(ctx.tz).date())} {at.astimezone(ctx.tz):%H:%M} · {user_ref(actor)} · {what}"
        for at, actor, what in sorted(changes + notes, key=lambda change: change[0])
    ]
    body = "\n".join(lines[-40:]) or "_{}_".format(_("No recorded changes."))
    title = _("History of #{id}").format(id=item_id)
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)], item_id=item_id)
