"""Read an untrusted minutes file in a child process with memory, CPU and wall-clock limits.

A file shared in Slack is anybody's: a crafted PDF can parse for minutes, a crafted .docx can
ask for gigabytes. The parent (the bot) only waits; the child sets its own rlimits first
thing (``resource.setrlimit``: address space, CPU seconds, no files written, no core dumps),
reads the bytes from stdin with the same ``read_bytes`` as the console, and prints one JSON
line per page read (the "reading…" message) and then the text. Whatever the child does, the
bot loses at most one import worker for ``wall_s`` seconds. The child gets no Slack token and
no database address in its environment.

Run as ``python -m bot.isolated_read NAME MEMORY_BYTES CPU_S`` (only by ``read_isolated``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

Progress = Callable[[int, int], None]


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


def _pump(
    child: subprocess.Popen[bytes], data: bytes, progress: Progress | None, out: dict[str, Any]
) -> None:
    """Feed the bytes, then read the child's lines: progress as it comes, the answer last."""
    stdin, stdout = child.stdin, child.stdout
    assert stdin is not None and stdout is not None
    try:
        stdin.write(data)
        stdin.close()
    except OSError:
        pass  # the child died early (a limit): its exit says the rest
    for raw in stdout:
        try:
            message = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(message, dict):
            continue
        if "progress" in message:
            if progress is not None:
                try:
                    done, total = message["progress"]
                    progress(int(done), int(total))
                except Exception:  # a progress message must never fail the import
                    pass
            continue
        out.update(message)


def read_isolated(
    data: bytes, *, name: str, limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None
) -> str:
    """The document's text, read by a limited child process; IsolatedReadError otherwise."""
    command = [
        sys.executable,
        "-m",
        "bot.isolated_read",
        name,
        str(limits.memory_bytes),
        str(limits.cpu_s),
    ]
    root = str(Path(__file__).resolve().parent.parent)
    env = _child_env()
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    child = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    answer: dict[str, Any] = {}
    reader = threading.Thread(target=_pump, args=(child, data, progress, answer), daemon=True)
    reader.start()
    reader.join(limits.wall_s)
    if reader.is_alive():
        child.kill()
        child.wait()
        reader.join(1.0)
        from handlers.i18n import _  # here, not at the top: the child process stays small

        raise IsolatedReadError(_("Reading {name} took too long, so I stopped.").format(name=name))
    child.wait()
    if isinstance(answer.get("text"), str):
        return str(answer["text"])
    from handlers.i18n import _

    if isinstance(answer.get("refused"), str):
        template, values = answer.get("template"), answer.get("values")
        if isinstance(template, str) and isinstance(values, dict):  # said in the reader's words
            raise IsolatedReadError(_(template).format(**{k: str(v) for k, v in values.items()}))
        raise IsolatedReadError(str(answer["refused"]))
    raise IsolatedReadError(
        _("{name} needs more memory or time to read than minutes should, so I stopped.").format(
            name=name
        )
    )


def _limit_self(memory_bytes: int, cpu_s: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # reading writes no file
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _bare_package(name: str) -> None:
    """Register a package without running its __init__ (which imports dateparser and co.)."""
    import types

    import handlers

    package = types.ModuleType(name)
    package.__path__ = [str(Path(handlers.__file__).parent / name.rsplit(".", 1)[-1])]
    sys.modules[name] = package


def _say(out: IO[str], message: dict[str, Any]) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


def _main(argv: list[str]) -> int:
    name, memory_bytes, cpu_s = argv[0], int(argv[1]), int(argv[2])
    _limit_self(memory_bytes, cpu_s)
    data = sys.stdin.buffer.read()
    _bare_package("handlers.minutes")  # the reader alone, not the whole extraction stack
    from handlers.minutes.reading import ReadError, read_bytes
    from storage.explained import N_

    def progress(done: int, total: int) -> None:
        _say(sys.stdout, {"progress": [done, total]})

    try:
        text = read_bytes(data, name, progress=progress)
    except ReadError as problem:
        refusal: ReadError = problem
    except MemoryError:
        refusal = ReadError(N_("{name} needs more memory than minutes should."), name=name)
    else:
        _say(sys.stdout, {"text": text})
        return 0
    # The parent says it in the reader's language: the template and its values go with it.
    _say(
        sys.stdout,
        {"refused": str(refusal), "template": refusal.template, "values": refusal.values},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
