"""`help` and `help <command>`: generated from each command's docstring, usage and examples."""

from __future__ import annotations

from handlers.commands.registry import COMMANDS, LOOKUP
from handlers.commands.registry import command as register
from handlers.i18n import N_, _, pgettext
from handlers.ports import Ctx
from handlers.reply.reply import Reply, context, error, header, section
from handlers.reply.text import escape, shorten

HELP_ORDER = (
    "status",
    "mine",
    "action",
    "items",
    "overdue",
    "deadlines",
    "done",
    "reopen",
    "snooze",
    "due",
    "assign",
    "note",
    "edit",
    "delete",
    "restore",
    "meeting",
    "contribution",
    "pledge",
    "contributions",
    "unpaid",
    "article7",
    "report",
    "treaty",
    "who",
    "coordinator",
    "digest",
    "chart",
    "calendar",
    "history",
    "roster",
    "lang",
    "help",
)


# Commands reached through another's word that a newcomer looks for by their own name.
ALSO: dict[str, tuple[tuple[str, str], ...]] = {
    "meeting": (
        ("meetings", N_("The coming meetings: CC meetings, MSPs, seminars, with their place.")),
        ("next meeting", N_("The next meeting: when and where.")),
    ),
}


def usage(line: str) -> str:
    """A usage line with its placeholders in the reader's language (`status <État | domaine…>`)."""
    return pgettext("command usage", line)


@register(
    "help", usage="help [command]", examples=("help", "help action"), aliases=("?", "commands", "h")
)
def help_command(ctx: Ctx, args: str) -> Reply:
    """List the commands, or explain one with examples."""
    name = args.strip().lower().lstrip("/")
    if name in {"me", "moi", "please", "pls", "svp", "por favor", "us"}:  # "help me" = help
        name = ""
    if name:
        spec = LOOKUP.get(name.split()[0]) if len(name.split()) == 1 else None
        also: list[str] = []
        close: list[str] = []
        if spec is None:  # "help log an action item", "help comment payer": by meaning
            from handlers.understanding.helpfind import rank_commands

            ranked = rank_commands(name)
            found = [command_name for command_name, _score in ranked]
            # A runner-up nearly as close is shown in full too: "a chart of contributions" is
            # as much `chart` as `contribution`; the reader picks, nobody guesses for them.
            close = [n for n, score in ranked[1:] if score >= 0.8 * ranked[0][1]] if ranked else []
            if not found:
                return error(
                    _("I found no command about “{name}”. `/ccm help` lists them all.").format(
                        name=escape(shorten(name, 40))
                    )
                )
            spec, also = COMMANDS[found[0]], [n for n in found[1:] if n not in close]
        examples = "\n".join(f"• `/ccm {example}`" for example in spec.examples)
        see_also = _("Also: {aliases}").format(aliases=", ".join(spec.aliases))
        aliases = f"\n{see_also}" if spec.aliases else ""
        related = (
            "\n" + _("See also: {commands}").format(commands=", ".join(f"`{n}`" for n in also))
            if also
            else ""
        )
        title = _("Examples")
        perhaps = "".join(
            "\n\n"
            + _("Or perhaps:")
            + f" `/ccm {usage(COMMANDS[n].usage)}`\n{_(COMMANDS[n].summary)}"
            for n in close
        )
        body = f"`/ccm {usage(spec.usage)}`\n{_(spec.summary)}\n\n*{title}*\n{examples}{aliases}{related}{perhaps}"
        return Reply(text=body, blocks=[section(body)])
    ordered = sorted(
        COMMANDS.values(),
        key=lambda spec: (
            HELP_ORDER.index(spec.name) if spec.name in HELP_ORDER else len(HELP_ORDER)
        ),
    )
    lines = []
    for spec in ordered:
        lines.append(f"`{usage(spec.usage)}` — {_(spec.summary)}")
        lines += [f"`{usage(line)}` — {_(summary)}" for line, summary in ALSO.get(spec.name, ())]
    body = "\n".join(lines)
    tip = _(
        "Dates read like people write them: “by 15/04”, “end of March”, “mid-April”, "
        "“next Friday”. `/ccm help <command>` for examples."
    )
    title = _("ccm-bot commands")
    return Reply(
        text=f"*{title}*\n{body}\n{tip}",
        blocks=[header(title), section(body), context(tip)],
    )
