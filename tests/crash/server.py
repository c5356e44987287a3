"""`python -m bot serve` as a real child process: started, probed on /healthz, killed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tests.slack.signed import SECRET

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_env(*, database_url: str, slack_api_url: str) -> dict[str, str]:
    """The process environment, minus any SLACK_* of the shell (OAuth or Socket Mode)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CCM_"))}
    return env | {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack_api_url,
        "CCM_DATABASE_URL": database_url,
        # The tests' users act before any ISU admin exists: trusted as the install's admins.
        "CCM_ADMINS": "U1,U2",
        "PYTHONUNBUFFERED": "1",
    }


@dataclass
class ServerProcess:
    """One `ccm-bot serve --port N`; its output goes to ``log`` for post-mortems."""

    database_url: str
    slack_api_url: str
    log: Path
    port: int = field(default_factory=free_port)
    # What to run instead of `python -m bot serve --port N` ({port} is filled in).
    argv: list[str] | None = None
    process: subprocess.Popen[bytes] | None = None
    _out: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, *, timeout: float = 30.0) -> ServerProcess:
        self._out = self.log.open("ab")
        argv = self.argv or ["-m", "bot", "serve", "--port", "{port}"]
        self.process = subprocess.Popen(
            [sys.executable, *(a.format(port=self.port) for a in argv)],
            cwd=ROOT,
            env=server_env(database_url=self.database_url, slack_api_url=self.slack_api_url),
            stdout=self._out,
            stderr=subprocess.STDOUT,
        )
        self._wait_healthy(timeout)
        return self

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        health = f"http://127.0.0.1:{self.port}/healthz"
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}: {self.tail()}")
            try:
                with urllib.request.urlopen(health, timeout=1) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"server not healthy within {timeout} s: {self.tail()}")

    def peak_rss_kib(self) -> int:
        """The process's peak resident set (VmHWM), in KiB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def kill(self) -> None:
        """SIGKILL: no shutdown hook, no flush, no goodbye."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self._out is not None:
            self._out.close()
            self._out = None

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""
