"""`help` and `help <command>`: generated from each command's docstring, usage and examples."""

from __future__ import annotations

from handlers.commands.registry import COMMANDS, LOOKUP
from handlers.commands.registry import command as register
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
    "help",
)


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
        if spec is None:  # "help log an action item", "help comment payer": by meaning
            from handlers.understanding.helpfind import find_commands

            found = find_commands(name)
            if not found:
                return error(
                    f"I found no command about “{escape(shorten(name, 40))}”. `/ccm help` lists them all."
                )
            spec, also = COMMANDS[found[0]], found[1:]
        examples = "\n".join(f"• `/ccm {example}`" for example in spec.examples)
        aliases = f"\nAlso: {', '.join(spec.aliases)}" if spec.aliases else ""
        related = f"\nSee also: {', '.join(f'`{n}`' for n in also)}" if also else ""
        body = f"*/ccm {spec.usage}*\n{spec.summary}\n\n*Examples*\n{examples}{aliases}{related}"
        return Reply(text=body, blocks=[section(body)])
    ordered = sorted(
        COMMANDS.values(),
        key=lambda spec: (
            HELP_ORDER.index(spec.name) if spec.name in HELP_ORDER else len(HELP_ORDER)
        ),
    )
    lines = [f"`{spec.usage}` — {spec.summary}" for spec in ordered]
    body = "\n".join(lines)
    tip = "Dates read like people write them: “by 15/04”, “end of March”, “mid-April”, “next Friday”. `/ccm help <command>` for examples."
    return Reply(
        text=f"*ccm-bot commands*\n{body}\n{tip}",
        blocks=[header("ccm-bot commands"), section(body), context(tip)],
    )
