"""The shared shape of every change to one item: find '#id', check who may, apply, log, show."""

from __future__ import annotations

import re
from collections.abc import Callable

from handlers.i18n import N_, _
from handlers.i18n.said import Said
from handlers.items.render import item_blocks
from handlers.people.permissions import may_edit_item, who_may_edit
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, section
from handlers.reply.text import escape, shorten
from handlers.understanding.words import POLITE, THANKS
from storage.items import add_event, get_item, states_of
from storage.models import ActionItem

_ID = re.compile(r"^\s*#?(\d{1,9})\b[\s,:]*(.*)$", re.S)
Change = Callable[[Ctx, ActionItem, str], Said | Reply]  # what the change says, as data
REFUSALS = {
    "done": N_("You can't close #{id}: only {who} can. Nothing was changed."),
    "reopen": N_("You can't reopen #{id}: only {who} can. Nothing was changed."),
    "assign": N_("You can't reassign #{id}: only {who} can. Nothing was changed."),
    "due": N_("You can't change the due date of #{id}: only {who} can. Nothing was changed."),
    "snooze": N_("You can't snooze #{id}: only {who} can. Nothing was changed."),
    "edit": N_("You can't edit #{id}: only {who} can. Nothing was changed."),
    "delete": N_("You can't delete #{id}: only {who} can. Nothing was changed."),
    "restore": N_("You can't restore #{id}: only {who} can. Nothing was changed."),
}
OTHER_REFUSAL = N_("You can't change #{id}: only {who} can. Nothing was changed.")


# After the item and what to set, the rest of a line is often why: "reopen 19 pls, not all
# letters went out", "snooze 13 till monday, GICHD said they'll reply then". It starts at a
# clause break or a word that gives a reason; a "please" alone is dropped.
_BREAK = re.compile(
    r"\s*(?:[,;—–]|\s-\s|\.\s|\((?=[^)]*\)\s*$))\s*|"
    r"\s+(?=(?:because|since|as|so|car|parce\s+que|puisque|porque|ya\s+que|pues)\b)",
    re.I,
)
_POLITE = re.compile(
    rf"\b(?:{POLITE}|{THANKS}|por\s+fa|s'il\s+(?:te|vous)\s+pla[iî]t|asap)\b[\s!.,]*", re.I
)
_ANOTHER_ITEM = re.compile(r"(?:^|\s)#?\d{1,9}(?:\s|$)")


def split_reason(rest: str, *, keep: bool = False) -> tuple[str, str]:
    """(what to set, why): the words before the first clause break, and those after it
    (politeness dropped). ``keep`` leaves a note's text whole."""
    if keep:
        return rest, ""
    cut = _BREAK.search(rest)
    while cut and "," in cut[0] and _only_names(rest[cut.end() :]):
        cut = _BREAK.search(rest, cut.end())  # "Chile, Italy and Peru": one list of owners
    head, why = (rest[: cut.start()], rest[cut.end() :]) if cut else (rest, "")
    head = _POLITE.sub("", head).strip(" ,.")
    return head, _POLITE.sub("", why).strip(" ,.()")


def _only_names(text: str) -> bool:
    """The next clause only names States ("Italy and Peru"): a list, not a reason."""
    from handlers.reference.states import StateDirectory

    clause = _BREAK.split(text, maxsplit=1)[0]
    for match in sorted(StateDirectory.default().find_in_text(clause), key=lambda m: -m.start):
        clause = clause[: match.start] + clause[match.end :]
    return not re.sub(r"\b(?:and|et|y|e|the|la|le|l'|el)\b|[&+/]", "", clause, flags=re.I).strip()


def with_item(ctx: Ctx, args: str, verb: str, change: Change, *, needs_rest: str = "") -> Reply:
    """Find the item named by '#id', apply ``change``, log it, and show the item again."""
    match = _ID.match(args)
    if not match:
        example = f"`/ccm {verb} #12{' ' + needs_rest if needs_rest else ''}`"
        return error(_("Which item? Give its number, e.g. {example}.").format(example=example))
    item = get_item(session=ctx.session, item_id=int(match[1]))
    if item is None or item.status == "draft":
        return error(
            _("There is no item #{id}. `/ccm items` lists the open ones.").format(id=match[1])
        )
    if verb != "note" and not may_edit_item(ctx.session, ctx.actor, item):
        refusal = _(REFUSALS.get(verb, OTHER_REFUSAL))
        return error(refusal.format(id=item.id, who=who_may_edit(ctx.session, item)))
    rest, reason = split_reason(match[2].strip(), keep=verb == "note")
    if not needs_rest and rest and _ANOTHER_ITEM.search(rest):
        return error(
            _(
                "`{verb}` takes one item at a time: I read #{id} and then “{rest}”. "
                "Try `/ccm {verb} #{id}`; nothing was changed."
            ).format(verb=verb, id=item.id, rest=escape(shorten(rest, 60)))
        )
    if not needs_rest and rest:  # "reopen 19 not all letters went out": the why, kept
        rest, reason = "", f"{rest} {reason}".strip()
    if needs_rest and not rest:
        return error(
            _("What should I set? Try `/ccm {verb} #{id} {example}`.").format(
                verb=verb, id=item.id, example=needs_rest
            )
        )
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
        detail=outcome.stored(),  # said in each later reader's language (handlers.i18n.said)
    )
    if reason:  # kept as a note on the item, as `/ccm note` would
        add_event(
            session=ctx.session,
            item_id=item.id,
            actor=ctx.user,
            action="note",
            now=ctx.now,
            detail=reason,
        )
        outcome += " " + _("Your reason is kept as a note: “{reason}”.").format(
            reason=escape(shorten(reason, 200))
        )
    states = states_of(session=ctx.session, item_ids=[item.id])[item.id]
    text = f"{outcome.text()}\n" + item_blocks(item, states, ctx.today)[0]["text"]["text"]
    return Reply(
        text=text,
        blocks=[section(text), *item_blocks(item, states, ctx.today)[1:]],
        item_id=item.id,
    )
