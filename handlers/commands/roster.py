"""`roster`: who is ISU admin, Presidency, coordinator or observer (ISU admins change it)."""

from __future__ import annotations

from handlers.commands.registry import command
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
            "The roster is shared with the committee's members only. "
            f"Ask {isu_admins(ctx.session)} if you need to know who holds a role."
        )
    if not words or words[0].lower() in {"list", "show"}:
        return _list(ctx)
    verb = words[0].lower()
    if verb not in {"add", "set", "remove", "rm"}:
        return error(f"I didn't understand “{escape(shorten(args, 80))}”. Try {USAGE}.")
    if not ctx.actor.is_admin:
        if ctx.actor.closed:
            return error(read_only_reason(ctx.session, ctx.actor))
        return error(
            f"Only ISU admins change the roster; ask {isu_admins(ctx.session)}. Nothing was changed."
        )
    if len(words) < 2:
        return error(f"Whose role? Try {USAGE}.")
    user = user_key(words[1], me=ctx.user)
    if user is None:
        return error(
            f"“{escape(shorten(words[1], 60))}” is a name, and a name identifies nobody: "
            f"mention the person (@name) or type their member ID. Try {USAGE}."
        )
    try:
        if verb in {"remove", "rm"}:
            person = remove(ctx.session, user=user)
            text = f"{user_ref(user)} no longer holds a role (now a member)."
            return Reply(text=text, blocks=[section(text)])
        if len(words) < 3:
            return error(f"Which role for {escape(words[1])}? Try {USAGE}.")
        role = role_from_word(words[2])
        rest = " ".join(words[3:])
        found = ctx.states.find_in_text(rest) if rest else []
        state = found[0].state.iso3 if found else None
        organisation = None if found or not rest else rest
        if roster_is_empty(ctx.session) and role != "isu":
            return error(
                "Name an ISU admin first (`/ccm roster add @someone isu`): until then only the "
                "workspace's owners and admins may change anything."
            )
        person, previous = set_role(
            ctx.session, user=user, role=role, state_iso3=state, organisation=organisation
        )
    except RosterError as problem:
        return error(f"{problem} Nothing was changed.")
    was = f" (was {previous})" if previous and previous != person.role else ""
    text = f"{user_ref(user)} is now {escape(describe(person))}{was}."
    return Reply(text=text, blocks=[section(text)])


def _list(ctx: Ctx) -> Reply:
    people = entries(ctx.session)
    if not people:
        body = (
            "No roles yet: until an ISU admin is named, only the workspace's owners and admins "
            "may change anything. One of them starts the roster with `/ccm roster add @someone isu`."
        )
    else:
        body = "\n".join(_line(p) for p in people)
    return Reply(text=f"*Roster*\n{body}", blocks=[header("Roster"), section(body)])


def _line(person: Person) -> str:
    who = user_ref(person.slack_user_id) if person.slack_user_id else escape(person.name)
    flag = f" ⚠ name reads like {escape(person.name_clash)}" if person.name_clash else ""
    return f"{who} — {escape(describe(person))}{flag}"
