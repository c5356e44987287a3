"""Read an untrusted minutes file in a child process with memory, CPU and wall-clock limits.

A file shared in Slack is anybody's: a crafted PDF can parse for minutes, a crafted .docx can
ask for gigabytes. The parent (the bot) only waits; the child sets its own rlimits first
thing (``resource.setrlimit``: address space, CPU seconds, file size, no core dumps), reads,
and prints the text as JSON. Whatever the child does, the bot loses at most one worker for
``wall_s`` seconds. The child gets no Slack token and no database URL in its environment.

Run as ``python -m bot.isolated_read PATH MEMORY_BYTES CPU_S`` (only by ``read_isolated``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = 1_500_000_000  # address space: interpreter + lxml/pypdf + the document
    cpu_s: int = 30
    wall_s: float = 60.0


DEFAULT_LIMITS = Limits()
_SECRET_PREFIXES = ("SLACK_", "CCM_DATABASE", "PG", "DATABASE_URL")


class IsolatedReadError(ValueError):
    """The child refused, crashed or ran out of time; the message is for the user."""


def _child_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(_SECRET_PREFIXES)}


def read_isolated(path: Path, *, name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """The document's text, read by a limited child process; IsolatedReadError otherwise."""
    command = [
        sys.executable,
        "-m",
        "bot.isolated_read",
        str(path),
        str(limits.memory_bytes),
        str(limits.cpu_s),
    ]
    root = str(Path(__file__).resolve().parent.parent)
    env = _child_env()
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=limits.wall_s, env=env, check=False
        )
    except subprocess.TimeoutExpired as problem:
        raise IsolatedReadError(
            f"Reading {name} took longer than {limits.wall_s:.0f} s, so I stopped."
        ) from problem
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        answer = None
    if isinstance(answer, dict) and isinstance(answer.get("text"), str):
        return str(answer["text"])
    if isinstance(answer, dict) and isinstance(answer.get("refused"), str):
        raise IsolatedReadError(str(answer["refused"]))
    raise IsolatedReadError(
        f"{name} needs more memory or time to read than minutes should, so I stopped."
    )


def _limit_self(memory_bytes: int, cpu_s: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # reading writes nothing
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _bare_package(name: str) -> None:
    """Register a package without running its __init__ (which imports dateparser and co.)."""
    import types

    import handlers

    package = types.ModuleType(name)
    package.__path__ = [str(Path(handlers.__file__).parent / name.rsplit(".", 1)[-1])]
    sys.modules[name] = package


def _main(argv: list[str]) -> int:
    path, memory_bytes, cpu_s = Path(argv[0]), int(argv[1]), int(argv[2])
    _limit_self(memory_bytes, cpu_s)
    _bare_package("handlers.minutes")  # the reader alone, not the whole extraction stack
    from handlers.minutes.reading import ReadError, read_document

    try:
        text = read_document(path)
    except ReadError as problem:
        print(json.dumps({"refused": str(problem)}))
        return 0
    except MemoryError:
        print(json.dumps({"refused": f"{path.name} needs more memory than minutes should."}))
        return 0
    sys.stdout.write(json.dumps({"text": text}))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
