"""`roster`: who is ISU admin, Presidency, coordinator or observer (ISU admins change it)."""

from __future__ import annotations

from handlers.commands.registry import command
from handlers.i18n import _
from handlers.i18n.terms import term
from handlers.people.permissions import isu_admins, read_only_reason, roster_is_empty
from handlers.people.roster import (
    RosterError,
    describe,
    entries,
    remove,
    role_from_word,
    set_role,
    user_key,
)
from handlers.ports import Ctx
from handlers.reply.mrkdwn import user_ref
from handlers.reply.reply import Reply, error, header, section
from handlers.reply.text import escape, shorten
from storage.models import Person

USAGE = "`/ccm roster add @someone <isu|presidency|coordinator|member|observer> [State or organisation]`"


@command(
    "roster",
    usage="roster [add <@user> <role> [State | organisation] | remove <@user>]",
    examples=(
        "roster",
        "roster add @anna isu",
        "roster add @bruno coordinator Italy",
        "roster add @carla observer ICRC",
        "roster remove @bruno",
    ),
    aliases=("role", "roles"),
    writes=True,
    write_words=("add", "set", "remove", "rm"),
)
def roster(ctx: Ctx, args: str) -> Reply:
    """Show or change who holds which role."""
    words = args.split()
    if not ctx.sees_private:
        return error(
            _(
                "The roster is shared with the committee's members only. "
                "Ask {admins} if you need to know who holds a role."
            ).format(admins=isu_admins(ctx.session))
        )
    if not words or words[0].lower() in {"list", "show"}:
        return _list(ctx)
    verb = words[0].lower()
    if verb not in {"add", "set", "remove", "rm"}:
        return error(
            _("I didn't understand “{text}”. Try {usage}.").format(
                text=escape(shorten(args, 80)), usage=USAGE
            )
        )
    if not ctx.actor.is_admin:
        if ctx.actor.closed:
            return error(read_only_reason(ctx.session, ctx.actor))
        return error(
            _("Only ISU admins change the roster; ask {admins}. Nothing was changed.").format(
                admins=isu_admins(ctx.session)
            )
        )
    if len(words) < 2:
        return error(_("Whose role? Try {usage}.").format(usage=USAGE))
    user = user_key(words[1], me=ctx.user)
    if user is None:
        return error(
            _(
                "“{name}” is a name, and a name identifies nobody: mention the person (@name) "
                "or type their member ID. Try {usage}."
            ).format(name=escape(shorten(words[1], 60)), usage=USAGE)
        )
    try:
        if verb in {"remove", "rm"}:
            person = remove(ctx.session, user=user)
            text = _("{who} no longer holds a role (now a member).").format(who=user_ref(user))
            return Reply(text=text, blocks=[section(text)])
        if len(words) < 3:
            return error(
                _("Which role for {who}? Try {usage}.").format(who=escape(words[1]), usage=USAGE)
            )
        role = role_from_word(words[2])
        rest = " ".join(words[3:])
        found = ctx.states.find_in_text(rest) if rest else []
        state = found[0].state.iso3 if found else None
        organisation = None if found or not rest else rest
        if roster_is_empty(ctx.session) and role != "isu":
            return error(
                _(
                    "Name an ISU admin first (`/ccm roster add @someone isu`): until then only "
                    "the workspace's owners and admins may change anything."
                )
            )
        person, previous = set_role(
            ctx.session, user=user, role=role, state_iso3=state, organisation=organisation
        )
    except RosterError as problem:
        return error(f"{problem} " + _("Nothing was changed."))
    described = escape(describe(person))
    if previous and previous != person.role:
        text = _("{who} is now {role} (was {previous}).").format(
            who=user_ref(user), role=described, previous=term(previous)
        )
    else:
        text = _("{who} is now {role}.").format(who=user_ref(user), role=described)
    return Reply(text=text, blocks=[section(text)])


def _list(ctx: Ctx) -> Reply:
    people = entries(ctx.session)
    if not people:
        body = _(
            "No roles yet: until an ISU admin is named, only the workspace's owners and admins "
            "may change anything. One of them starts the roster with "
            "`/ccm roster add @someone isu`."
        )
    else:
        body = "\n".join(_line(p) for p in people)
    title = _("Roster")
    return Reply(text=f"*{title}*\n{body}", blocks=[header(title), section(body)])


def _line(person: Person) -> str:
    who = user_ref(person.slack_user_id) if person.slack_user_id else escape(person.name)
    flag = (
        " ⚠ " + _("name reads like {other}").format(other=escape(person.name_clash))
        if person.name_clash
        else ""
    )
    return f"{who} — {escape(describe(person))}{flag}"
