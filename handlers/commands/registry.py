"""The /ccm sub-commands: each registers itself with its usage and examples (its help text)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from handlers.ports import Ctx
from handlers.reply.reply import Reply

CommandFunc = Callable[[Ctx, str], Reply]


@dataclass(frozen=True)
class Command:
    name: str
    func: CommandFunc
    usage: str
    examples: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    writes: bool = False
    write_words: tuple[str, ...] = ()
    private: bool = False  # shows money, audit or roster: members only, never in shared channels

    def writes_for(self, args: str) -> bool:
        """Whether this call may change data: some commands only write after a verb ("add")."""
        if not self.writes or not self.write_words:
            return self.writes
        first = args.split(maxsplit=1)[0].lower() if args.split() else ""
        return first in self.write_words

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
    write_words: tuple[str, ...] = (),
    private: bool = False,
) -> Callable[[CommandFunc], CommandFunc]:
    """Register a sub-command under its name and aliases (``private``: see Command)."""

    def register(func: CommandFunc) -> CommandFunc:
        spec = Command(name, func, usage, examples, aliases, writes, write_words, private)
        COMMANDS[name] = spec
        for word in (name, *aliases):
            LOOKUP[word] = spec
        return func

    return register
