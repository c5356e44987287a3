"""What the defences of issue 12 cost and what they stop, as figures.

Run: python -m benchmarks.security_bench

- a minutes file read in the limited child process vs in-process (the isolation's price);
- a .docx zip bomb (4.9 MB would inflate past 6 GB in the report; here 200 MB of zeros) and a
  301-page PDF: time to refusal and the peak memory of the process that refused;
- the per-command cost of identity facts: users.info once per user per 5 minutes, measured
  over signed HTTP against the loopback fake (calls per 100 commands);
- 150 idle sockets held open, then a signed command: does it still answer, and how fast.
"""

from __future__ import annotations

import io
import resource
import socket
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.isolated_read import read_isolated  # noqa: E402
from handlers.minutes.reading import ReadError, read_document  # noqa: E402

SEED = Path("/work/shared/seeds/000_d100ddb046d10195.txt")


def _ms(samples: list[float]) -> str:
    return f"p50 {statistics.median(samples) * 1000:.0f} ms, max {max(samples) * 1000:.0f} ms"


def isolation(folder: Path) -> None:
    path = folder / "minutes.txt"
    path.write_text(SEED.read_text(encoding="utf-8") if SEED.exists() else "ACTION: Italy to call")
    inline, child = [], []
    for _ in range(5):
        start = time.perf_counter()
        read_document(path)
        inline.append(time.perf_counter() - start)
        start = time.perf_counter()
        read_isolated(path.read_bytes(), name=path.name)
        child.append(time.perf_counter() - start)
    print(
        f"read {path.stat().st_size:,} B in-process: {_ms(inline)}; in the limited child: {_ms(child)}"
    )


def bombs(folder: Path) -> None:
    bomb = folder / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 200_000_000)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        read_document(bomb)
        outcome = "READ (not refused!)"
    except ReadError:
        outcome = "refused"
    took = time.perf_counter() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    print(
        f".docx bomb ({bomb.stat().st_size:,} B, 200 MB inflated): {outcome} in "
        f"{took * 1000:.1f} ms, peak memory grew {grown / 1024:.1f} MB"
    )
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(301):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    pdf = folder / "long.pdf"
    pdf.write_bytes(out.getvalue())
    start = time.perf_counter()
    try:
        read_document(pdf)
        outcome = "READ (not refused!)"
    except ReadError:
        outcome = "refused"
    print(
        f"301-page PDF ({pdf.stat().st_size:,} B): {outcome} in {(time.perf_counter() - start) * 1000:.1f} ms"
    )


def over_http() -> None:
    import threading

    import waitress

    from bot.serve import make_wsgi, waitress_options
    from bot.settings import Settings
    from bot.slack.app import create_app, runtime_of
    from bot.wiring import build_deps, prepare_database
    from tests.slack.conftest import stop_waitress
    from tests.slack.fake_slack import FakeSlack
    from tests.slack.signed import SECRET, Sender

    with tempfile.TemporaryDirectory() as folder:
        fake = FakeSlack(users={f"U{n:08d}": {"is_admin": n == 0} for n in range(10)})
        url = f"sqlite:///{folder}/bench.db"
        settings = Settings(
            database_url=url,
            slack_bot_token="xoxb-bench",
            slack_signing_secret=SECRET,
            slack_api_url=fake.url,
            slack_files_url=fake.files_url,
        )
        deps = build_deps(settings, db=prepare_database(settings))
        app = create_app(settings, deps)
        server = waitress.create_server(
            make_wsgi(app, settings, deps), host="127.0.0.1", port=0, **waitress_options()
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        port = server.effective_port  # type: ignore[union-attr]
        sender = Sender(f"http://127.0.0.1:{port}/slack/events")
        fake.calls.clear()
        samples = []
        for n in range(100):
            start = time.perf_counter()
            assert sender.command("status Italy", user=f"U{n % 10:08d}").status == 200
            samples.append(time.perf_counter() - start)
        print(
            f"100 commands by 10 users: {len(fake.of('users.info'))} users.info calls; "
            f"status over signed HTTP {_ms(samples)}"
        )
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(150)]
        start = time.perf_counter()
        status = sender.command("status Italy", user="U00000001").status
        print(
            f"with 150 idle sockets open: a signed command answered {status} in {(time.perf_counter() - start) * 1000:.0f} ms"
        )
        for sock in idle:
            sock.close()
        runtime_of(app).shutdown()
        stop_waitress(server, thread)
        fake.stop()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        isolation(Path(folder))
        bombs(Path(folder))
    over_http()


if __name__ == "__main__":
    main()
