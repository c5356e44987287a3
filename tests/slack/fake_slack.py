"""A loopback fake of Slack's Web API (and of response_url) that records every call.

Same idea as bolt-python's tests/mock_web_api_server: a real HTTP server on 127.0.0.1:0, a real
WebClient pointed at it with base_url, assertions on what it received.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, urlparse

BOT_USER = "UBOT"
BOT_ID = "BBOT"
TEAM = "T0CCM"


@dataclass
class Call:
    method: str
    body: dict[str, Any]
    headers: dict[str, str]


@dataclass
class Failure:
    status: int
    times: int
    retry_after: int | None = None
    error: str | None = None


def _decode(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
    data: dict[str, Any] = dict(parse_qsl(query))
    if not raw:
        return data
    text = raw.decode("utf-8")
    if "json" in content_type:
        data.update(json.loads(text))
        return data
    for key, value in parse_qsl(text, keep_blank_values=True):
        data[key] = json.loads(value) if value[:1] in "[{" else value
    return data


@dataclass
class FakeFile:
    """An uploaded file: its Slack object (files.info) and the bytes its download URL serves."""

    info: dict[str, Any]
    content: bytes
    content_type: str = "application/octet-stream"
    delay_s: float = 0.0  # a slow download
    redirect_to: str | None = None  # answer 302 to this URL instead of the bytes


@dataclass
class FakeSlack:
    """Answers like Slack; ``fail(method, ...)`` makes the next calls of a method fail."""

    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, Failure] = field(default_factory=dict)
    auth_error: str | None = None
    files: dict[str, FakeFile] = field(default_factory=dict)
    messages: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    # files_upload_v2: file id -> what getUploadURLExternal was told, the bytes, the completion
    uploads: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (method, channel) -> a Slack error answered every time (account_inactive, ...)
    errors: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._count_lock = threading.Lock()
        self.downloading = 0
        self.most_downloading = 0
        self._ts = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._serve()

            def do_POST(self) -> None:
                self._serve()

            def _serve(self) -> None:
                url = urlparse(self.path)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                method = url.path.strip("/").removeprefix("api/")
                if method.startswith("upload/"):
                    body: dict[str, Any] = {"bytes": raw}  # a file's bytes, not a form
                else:
                    body = _decode(raw, self.headers.get("Content-Type", ""), url.query)
                status, headers, payload = fake.answer(method, body, dict(self.headers.items()))
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Type" not in headers:
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/"

    @property
    def files_url(self) -> str:
        """Where this fake serves uploads: the tests' stand-in for https://files.slack.com/."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/files-pri/"

    def response_url(self, name: str = "r1") -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/response/{name}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail(
        self,
        method: str,
        *,
        status: int = 500,
        times: int = 1,
        retry_after: int | None = None,
        error: str | None = None,
    ) -> None:
        self.failures[method] = Failure(status, times, retry_after, error)

    def add_file(
        self,
        file_id: str,
        name: str,
        content: bytes,
        *,
        size: int | None = None,
        content_type: str = "application/octet-stream",
        delay_s: float = 0.0,
        redirect_to: str | None = None,
    ) -> dict[str, Any]:
        """Upload a file; returns its object as Slack puts it in a message's ``files``."""
        root, quoted = self.url.removesuffix("/api/"), quote(name)
        info = {
            "id": file_id,
            "name": name,
            "title": name,
            "filetype": name.rsplit(".", 1)[-1] if "." in name else "binary",
            "size": len(content) if size is None else size,
            "url_private": f"{root}/files-pri/{TEAM}-{file_id}/{quoted}",
            "url_private_download": f"{root}/files-pri/{TEAM}-{file_id}/download/{quoted}",
        }
        self.files[file_id] = FakeFile(info, content, content_type, delay_s, redirect_to)
        return dict(info)

    # -- what tests read -------------------------------------------------------------
    def of(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def methods(self) -> list[str]:
        with self._lock:
            return [call.method for call in self.calls]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.of(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} × {method}, got {self.methods()}")

    # -- how it answers ----------------------------------------------------------------
    def _next_ts(self) -> str:
        self._ts += 1
        return f"1490263200.{self._ts:06d}"

    def answer(
        self, method: str, body: dict[str, Any], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], Any]:
        with self._lock:
            self.calls.append(Call(method, body, headers))
            failure = self.failures.get(method)
            if failure and failure.times > 0:
                failure.times -= 1
                extra = (
                    {"Retry-After": str(failure.retry_after)}
                    if failure.retry_after is not None
                    else {}
                )
                return failure.status, extra, {"ok": False, "error": failure.error or "ratelimited"}
            refused = self.errors.get((method, str(body.get("channel"))))
            if refused:
                return 200, {}, {"ok": False, "error": refused}
            if method.startswith("response/"):
                return 200, {}, b"ok"
            if method.startswith("files-pri/"):
                return self._download(method, headers)
            if method.startswith("upload/"):
                return self._receive_upload(method, body)
            return 200, {}, self._ok(method, body)

    def _download(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        """Like Slack: the bytes with the bot token, else a 200 HTML login page."""
        file_id = path.split("/")[1].removeprefix(f"{TEAM}-")
        found = self.files.get(file_id)
        if found is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        if found.redirect_to:
            return 302, {"Location": found.redirect_to, "Content-Type": "text/plain"}, b""
        if not headers.get("Authorization", "").startswith("Bearer xoxb-"):
            return 200, {"Content-Type": "text/html"}, b"<html>Sign in to Slack</html>"
        if found.delay_s:
            self._lock.release()  # let other downloads overlap while this one is slow
            try:
                with self._count_lock:
                    self.downloading += 1
                    self.most_downloading = max(self.most_downloading, self.downloading)
                time.sleep(found.delay_s)
                with self._count_lock:
                    self.downloading -= 1
            finally:
                self._lock.acquire()
        return 200, {"Content-Type": found.content_type}, found.content

    def _upload_url(self, body: dict[str, Any]) -> dict[str, Any]:
        """Step 1 of files_upload_v2: a one-off URL (on this fake) for the file's bytes."""
        if not body.get("filename") or not str(body.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{len(self.uploads) + 1:08d}"
        root = self.url.removesuffix("/api/")
        self.uploads[file_id] = {
            "filename": body["filename"],
            "length": int(body["length"]),
            "alt_txt": body.get("alt_txt"),
            "bytes": None,
            "completed": None,
        }
        return {"ok": True, "upload_url": f"{root}/upload/v1/{file_id}", "file_id": file_id}

    def _receive_upload(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        """Step 2: the bytes, POSTed to the URL of step 1 (Slack answers a plain 'OK')."""
        upload = self.uploads.get(path.rsplit("/", 1)[-1])
        if upload is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        upload["bytes"] = body["bytes"]
        return 200, {"Content-Type": "text/plain"}, b"OK - " + str(len(body["bytes"])).encode()

    def _complete_upload(self, body: dict[str, Any]) -> dict[str, Any]:
        """Step 3: share the uploaded files in a channel (or keep them private without one)."""
        files = body.get("files")
        files = json.loads(files) if isinstance(files, str) else files
        if not isinstance(files, list) or not files:
            return {"ok": False, "error": "invalid_arguments"}
        shared = []
        for entry in files:
            upload = self.uploads.get(str(entry.get("id")))
            if upload is None or upload["bytes"] is None:
                return {"ok": False, "error": "file_not_found"}
            upload["completed"] = {
                "title": entry.get("title"),
                "channel_id": body.get("channel_id"),
                "initial_comment": body.get("initial_comment"),
                "thread_ts": body.get("thread_ts"),
            }
            shared.append({"id": entry["id"], "title": entry.get("title")})
        return {"ok": True, "files": shared}

    def _replies(self, body: dict[str, Any]) -> dict[str, Any]:
        """The thread's messages (as posted or updated here) between oldest and latest."""
        channel, parent = str(body.get("channel")), str(body.get("ts"))
        oldest, latest = float(body.get("oldest") or 0), float(body.get("latest") or 1e10)
        found = [
            message
            for (where, ts), message in sorted(self.messages.items())
            if where == channel
            and (ts == parent or message.get("thread_ts") == parent)
            and oldest <= float(ts) <= latest
        ]
        return {"ok": True, "messages": found, "has_more": False}

    def _ok(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            if self.auth_error:
                return {"ok": False, "error": self.auth_error}
            return {
                "ok": True,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "team_id": TEAM,
                "user": "ccm",
            }
        if method in ("chat.postMessage", "chat.update"):
            ts = body.get("ts") or self._next_ts()
            known = self.messages.get((str(body.get("channel")), str(ts)), {})
            self.messages[(str(body.get("channel")), str(ts))] = {
                **known,
                **{k: body[k] for k in ("text", "blocks", "thread_ts") if k in body},
                "ts": ts,
            }
            return {
                "ok": True,
                "channel": body.get("channel"),
                "ts": ts,
                "message": {"text": body.get("text")},
            }
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method == "chat.getPermalink":
            ts = str(body.get("message_ts", "")).replace(".", "")
            return {
                "ok": True,
                "channel": body.get("channel"),
                "permalink": f"https://ccm.slack.com/archives/{body.get('channel')}/p{ts}",
            }
        if method in ("views.open", "views.publish", "views.update"):
            return {"ok": True, "view": {"id": "V0001", **(body.get("view") or {})}}
        if method == "files.info":
            upload = self.files.get(str(body.get("file")))
            if upload is None:
                return {"ok": False, "error": "file_not_found"}
            return {"ok": True, "file": upload.info}
        if method == "files.getUploadURLExternal":
            return self._upload_url(body)
        if method == "files.completeUploadExternal":
            return self._complete_upload(body)
        if method == "conversations.replies":
            return self._replies(body)
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(body.get("users", "X"))[1:]}}
        if method == "users.info":
            user = str(body.get("user"))
            profile = self.users.get(user, {})
            if profile.get("error"):
                return {"ok": False, "error": profile["error"]}
            flags = ("is_admin", "is_owner", "is_restricted", "is_ultra_restricted", "is_stranger")
            found: dict[str, Any] = {
                "id": user,
                "team_id": profile.get("team_id", TEAM),
                "name": user.lower(),
                "real_name": profile.get("name", f"Person {user}"),
                "tz": profile.get("tz", "Europe/Zurich"),
                "deleted": bool(profile.get("deleted", False)),
                **{flag: bool(profile.get(flag, False)) for flag in flags},
            }
            # Like Slack: the locale comes back only when asked for with include_locale.
            if str(body.get("include_locale", "")).lower() in ("true", "1"):
                found["locale"] = profile.get("locale", "en-US")
            return {"ok": True, "user": found}
        if method == "conversations.info":
            channel = str(body.get("channel"))
            facts = self.channels.get(channel, {})
            if facts.get("error"):
                return {"ok": False, "error": facts["error"]}
            return {
                "ok": True,
                "channel": {
                    "id": channel,
                    "is_ext_shared": bool(facts.get("is_ext_shared", False)),
                    "is_shared": bool(facts.get("is_shared", False)),
                    "is_private": bool(facts.get("is_private", False)),
                },
            }
        return {"ok": False, "error": "unknown_method"}
