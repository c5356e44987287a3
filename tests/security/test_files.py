"""Part 4: files come from Slack's file host only, the import is queued, bounded and isolated."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter

from bot.isolated_read import IsolatedReadError, Limits, read_isolated
from bot.slack.files import FileRefused, SharedFile, download
from handlers.minutes.limits import MAX_PDF_PAGES
from handlers.minutes.reading import ReadError, read_document
from storage.models import ActionItem, ProcessedEvent
from tests.security.conftest import ADMIN, Served, changed, snapshot
from tests.slack.fake_slack import BOT_USER, FakeSlack

TS = "1490259600.000100"
SEED = Path(
    json.loads(
        (Path(__file__).parents[1] / "minutes" / "fixtures" / "seed000_expected.json").read_text()
    )["document"]
)


def mention(files: list[dict[str, Any]], *, ts: str = TS, user: str = ADMIN) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "channel": "C1",
        "user": user,
        "text": f"<@{BOT_USER}> import",
        "ts": ts,
        "event_ts": ts,
        "files": files,
    }


def answer_text(served: Served) -> str:
    return str(served.fake.wait_for("chat.postMessage", timeout=20)[0].body["text"])


@pytest.fixture
def elsewhere() -> Any:
    """Another web server: it must never receive a request, least of all the bot token."""
    server = FakeSlack()
    yield server
    server.stop()


def test_a_file_on_a_foreign_host_is_refused_and_gets_no_token(
    served: Served, elsewhere: FakeSlack, know: Any
) -> None:
    raw = elsewhere.add_file("FE", "minutes.txt", SEED.read_bytes())
    know(ADMIN)
    before = snapshot(served.deps.db)
    assert served.sender.event(mention([raw])).status == 200
    text = answer_text(served)
    assert "not stored in Slack" in text and "Nothing was stored" in text
    assert elsewhere.calls == []
    assert not changed(before, snapshot(served.deps.db), ignore=("processedevent",))


def test_a_remote_file_is_refused_with_a_clear_reply(served: Served, elsewhere: FakeSlack) -> None:
    raw = served.fake.add_file("FR", "minutes.txt", SEED.read_bytes())
    raw.update(is_external=True, external_type="gdrive", mode="external")
    assert served.sender.event(mention([raw])).status == 200
    assert "outside Slack" in answer_text(served)
    assert not served.fake.of("files-pri/T0CCM-FR/download/minutes.txt")


def test_file_urls_and_redirects_never_leave_the_file_host(
    served: Served, elsewhere: FakeSlack, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("ACTION: Italy to leak the password file by May")
    base = served.fake.files_url
    for url in (f"file://{secret}", "ftp://files.slack.com/x", elsewhere.url + "x"):
        with pytest.raises(FileRefused, match="not stored in Slack"):
            download(SharedFile("F", "m.txt", ".txt", 10, url), token="xoxb-1", files_base=base)
    target = elsewhere.add_file("FT", "minutes.txt", b"x")["url_private_download"]
    raw = served.fake.add_file("FJ", "minutes.txt", b"x", redirect_to=target)
    shared = SharedFile("FJ", "minutes.txt", ".txt", 1, raw["url_private_download"])
    with pytest.raises(FileRefused, match="did not follow"):
        download(shared, token="xoxb-1", files_base=base)
    assert elsewhere.calls == []


def test_download_errors_say_nothing_about_the_network(served: Served) -> None:
    base, closed = served.fake.files_url, "http://127.0.0.1:1/files-pri/"  # 404; refused port
    for url, allowed in ((base + "T0CCM-FX/download/gone.txt", base), (closed + "x", closed)):
        shared = SharedFile("FX", "gone.txt", ".txt", 1, url)
        with pytest.raises(FileRefused) as refused:
            download(shared, token="xoxb-1", files_base=allowed)
        message = str(refused.value)
        assert message.startswith("I couldn't download gone.txt from Slack")
        for leak in ("refused", "Errno", "404", "127.0.0.1", "port", "HTTP"):
            assert leak not in message, message


def test_an_import_is_recorded_before_download_and_never_parsed_twice(served: Served) -> None:
    raw = served.fake.add_file("F1", "CC minutes 23 March 2017.txt", SEED.read_bytes(), delay_s=1.0)
    started = time.monotonic()
    assert served.sender.event(mention([raw]), event_id="EvOne").status == 200
    assert time.monotonic() - started < 0.9  # acknowledged before the slow download ends
    assert served.count(ProcessedEvent) == 1  # recorded before the download
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert served.sender.event(mention([raw]), event_id="EvOne", headers=retry).status == 200
    answer_text(served)
    served.settle()
    downloads = [c for c in served.fake.calls if c.method.startswith("files-pri/")]
    assert len(downloads) == 1 and served.count(ActionItem) > 0


def test_imports_run_a_few_at_a_time_and_say_when_busy(served: Served) -> None:
    runtime = served.runtime
    files = [
        served.fake.add_file(
            f"F{n}", f"minutes {n}.txt", b"ACTION: Italy to call Albania", delay_s=0.6
        )
        for n in range(12)
    ]
    for n, raw in enumerate(files):
        ts = f"1490259600.{n + 200:06d}"
        assert served.sender.event(mention([raw], ts=ts)).status == 200
    served.settle()
    texts = [c.body["text"] for c in served.fake.of("chat.postMessage")]
    assert served.fake.most_downloading <= runtime.import_workers
    assert any("several minutes already" in t for t in texts)
    assert len(texts) == len(files)  # every request answered, busy or done


def _bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * size)
    return path


def test_a_docx_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.docx", 80_000_000)
    assert bomb.stat().st_size < 200_000
    started = time.monotonic()
    with pytest.raises(ReadError, match="would unpack to"):
        read_document(bomb)
    assert time.monotonic() - started < 1.0


def test_a_pdf_with_too_many_pages_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    for _ in range(MAX_PDF_PAGES + 1):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "long.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(ReadError, match="pages"):
        read_document(path)


def test_the_child_process_has_memory_and_wall_clock_limits() -> None:
    data = b"ACTION: Italy to call Albania by May"
    assert "Italy" in read_isolated(data, name="m.txt")
    with pytest.raises(IsolatedReadError, match="too long"):
        read_isolated(data, name="m.txt", limits=Limits(wall_s=0.001))
    with pytest.raises(IsolatedReadError, match="more memory"):
        read_isolated(data, name="m.txt", limits=Limits(memory_bytes=16_000_000))


def test_the_child_reports_pdf_progress(tmp_path: Path) -> None:
    writer = PdfWriter()
    for _ in range(12):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    seen: list[tuple[int, int]] = []
    text = read_isolated(
        out.getvalue(), name="blank.pdf", progress=lambda d, t: seen.append((d, t))
    )
    assert not text.strip()  # blank pages: no text, but every page was read and reported
    assert seen == [(n, 12) for n in range(1, 13)]


def test_the_child_process_gets_no_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.isolated_read import _child_env

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-secret")
    monkeypatch.setenv("CCM_DATABASE_URL", "postgresql://secret")
    env = _child_env()
    assert "SLACK_BOT_TOKEN" not in env and "CCM_DATABASE_URL" not in env
