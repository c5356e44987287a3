"""What every listener shares: the handlers' Deps, the client, who we are, a worker pool."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from slack_sdk import WebClient

from bot.slack.channels import Channels
from bot.slack.client import Identity
from bot.slack.home import publish_home
from bot.slack.people import People
from handlers.people.permissions import Caller
from handlers.ports import Deps

log = logging.getLogger(__name__)

# Slack wants the ack within 3 s; answers ready within this budget go inline in the ack,
# slower ones are posted through response_url when they are done.
ACK_BUDGET_S = 2.0


@dataclass
class Runtime:
    deps: Deps
    client: WebClient
    identity: Identity
    people: People
    channels: Channels
    workers: int = 8
    ack_budget_s: float = ACK_BUDGET_S
    files_base: str = "https://files.slack.com/"
    # Minutes imports run apart: a slow download or parse never takes a command's worker.
    import_workers: int = 2
    import_queue: int = 6
    executor: ThreadPoolExecutor = field(init=False)
    importer: ThreadPoolExecutor = field(init=False)
    _imports: int = field(init=False, default=0)
    _pending: set[Future[Any]] = field(init=False, default_factory=set)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="ccm-slack")
        self.importer = ThreadPoolExecutor(
            max_workers=self.import_workers, thread_name_prefix="ccm-import"
        )

    def submit(self, func: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run on the worker pool, tracked so that shutdown and tests can wait for quiet."""
        return self._track(self.executor.submit(func, *args))

    def _track(self, future: Future[Any]) -> Future[Any]:
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)
        return future

    def submit_import(self, func: Callable[..., Any], *args: Any) -> bool:
        """Queue a minutes import; False when the queue is full (the caller says "busy")."""
        with self._lock:
            if self._imports >= self.import_workers + self.import_queue:
                return False
            self._imports += 1

        def run() -> None:
            try:
                func(*args)
            except Exception:
                log.exception("minutes import failed")
            finally:
                with self._lock:
                    self._imports -= 1

        self._track(self.importer.submit(run))
        return True

    def _forget(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until no submitted work is left, including work that work submitted."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                pending = set(self._pending)
            if not pending:
                return
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{len(pending)} task(s) still running")
            wait(pending, timeout=left)

    def background(self, func: Callable[..., Any], *args: Any) -> Future[Any]:
        """Work nobody waits for (Home refresh): failures are logged, never raised."""

        def run() -> Any:
            try:
                return func(*args)
            except Exception:
                log.exception("background task %s failed", getattr(func, "__name__", func))
                return None

        return self.submit(run)

    def caller(self, user: str, *, team: str | None = None) -> Caller:
        """Who ``user`` is to Slack (cached users.info facts); ``team`` as the request said it."""
        return self.people.caller(user, user_team=team)

    def caller_of(self, body: dict[str, Any]) -> Caller:
        """The presser of a button or the submitter of a modal (interactive payloads)."""
        who = body.get("user") or {}
        return self.caller(str(who.get("id") or ""), team=who.get("team_id"))

    def refresh_home(self, user: str | None) -> None:
        """Keep a user's Home tab current after they change something."""
        if user:
            self.background(publish_home, self.client, self.deps, user)

    def shutdown(self) -> None:
        self.importer.shutdown(wait=True, cancel_futures=False)
        self.executor.shutdown(wait=True, cancel_futures=False)
