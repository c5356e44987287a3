"""The /ccm sub-commands: each registers itself with its usage and examples (its help text)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from handlers.ports import Ctx
from handlers.reply import Reply

CommandFunc = Callable[[Ctx, str], Reply]


@dataclass(frozen=True)
class Command:
    name: str
    func: CommandFunc
    usage: str
    examples: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    writes: bool = False

    @property
    def summary(self) -> str:
        """The docstring's first line doubles as the help line."""
        doc = (self.func.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""


COMMANDS: dict[str, Command] = {}
LOOKUP: dict[str, Command] = {}


def command(
    name: str,
    *,
    usage: str,
    examples: tuple[str, ...],
    aliases: tuple[str, ...] = (),
    writes: bool = False,
) -> Callable[[CommandFunc], CommandFunc]:
    """Register a sub-command under its name and aliases."""

    def register(func: CommandFunc) -> CommandFunc:
        spec = Command(name, func, usage, examples, aliases, writes)
        COMMANDS[name] = spec
        for word in (name, *aliases):
            LOOKUP[word] = spec
        return func

    return register
