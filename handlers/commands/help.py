"""`help` and `help <command>`: generated from each command's docstring, usage and examples."""

from __future__ import annotations

from handlers.commands.registry import COMMANDS, LOOKUP
from handlers.commands.registry import command as register
from handlers.i18n import _, pgettext
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
    "who",
    "coordinator",
    "digest",
    "lang",
    "help",
)


def usage(line: str) -> str:
    """A usage line with its placeholders in the reader's language (`status <État | domaine…>`)."""
    return pgettext("command usage", line)


@register(
    "help", usage="help [command]", examples=("help", "help action"), aliases=("?", "commands", "h")
)
def help_command(ctx: Ctx, args: str) -> Reply:
    """List the commands, or explain one with examples."""
    name = args.strip().lower().lstrip("/")
    if name:
        spec = LOOKUP.get(name.split()[0])
        if spec is None:
            return error(
                _("There is no command “{name}”. `/ccm help` lists them all.").format(
                    name=escape(shorten(name, 40))
                )
            )
        examples = "\n".join(f"• `/ccm {example}`" for example in spec.examples)
        also = _("Also: {aliases}").format(aliases=", ".join(spec.aliases))
        aliases = f"\n{also}" if spec.aliases else ""
        title = _("Examples")
        body = f"`/ccm {usage(spec.usage)}`\n{_(spec.summary)}\n\n*{title}*\n{examples}{aliases}"
        return Reply(text=body, blocks=[section(body)])
    ordered = sorted(
        COMMANDS.values(),
        key=lambda spec: (
            HELP_ORDER.index(spec.name) if spec.name in HELP_ORDER else len(HELP_ORDER)
        ),
    )
    lines = [f"`{usage(spec.usage)}` — {_(spec.summary)}" for spec in ordered]
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
