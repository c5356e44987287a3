"""Charts uploaded with files_upload_v2 and calendar feeds fetched over HTTP, through the real app."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from datetime import date

from icalendar import Calendar

from tests.slack.conftest import Served

PNG = b"\x89PNG\r\n\x1a\n"


def _root(served: Served) -> str:
    return served.sender.url.removesuffix("/slack/events")


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as problem:
        return problem.code, problem.headers["Content-Type"], problem.read()


def test_chart_is_uploaded_into_the_conversation_with_alt_text(served: Served) -> None:
    served.sender.command("action Italy to follow up with Albania by 15 April")
    answer = served.sender.command(
        "chart items", channel="C42", response_url=served.fake.response_url()
    )
    assert answer.status == 200
    served.fake.wait_for("files.completeUploadExternal", timeout=60)
    served.settle()
    asked = served.fake.of("files.getUploadURLExternal")
    assert len(asked) == 1
    upload = next(iter(served.fake.uploads.values()))
    assert upload["bytes"].startswith(PNG)
    assert int(asked[0].body["length"]) == len(upload["bytes"])
    assert upload["filename"].endswith(".png")
    assert "open action items" in upload["alt_txt"] and "1 open" in upload["alt_txt"]
    assert upload["completed"]["channel_id"] == "C42"
    assert upload["completed"]["title"]


def test_chart_goes_to_the_dm_where_the_bot_cannot_post(served: Served) -> None:
    served.fake.fail("files.completeUploadExternal", status=200, error="not_in_channel")
    served.sender.command(
        "chart deadlines", channel="C9", user="U2", response_url=served.fake.response_url()
    )
    served.fake.wait_for("files.completeUploadExternal", count=2, timeout=60)
    served.settle()
    completed = [u["completed"] for u in served.fake.uploads.values() if u["completed"]]
    assert [c["channel_id"] for c in completed] == ["D2"]
    notes = [c for c in served.fake.calls if c.method.startswith("response/")]
    assert notes, "the asker is told the chart went to their DM"


def test_bad_chart_kind_uploads_nothing(served: Served) -> None:
    body = served.sender.command("chart pie").json()
    assert "contributions, deadlines or items" in body["text"]
    served.settle()
    assert served.fake.of("files.getUploadURLExternal") == []


def _feed_url(served: Served, user: str) -> str:
    before = len(served.fake.of("chat.postMessage"))
    answer = served.sender.command("calendar", user=user).json()
    assert "direct message" in answer["text"] and "calendar/" not in answer["text"]
    posted = served.fake.wait_for("chat.postMessage", count=before + 1)[-1]
    assert posted.body["channel"] == "D" + user[1:]  # the fake's DM id for the user
    found = re.search(r"https://ccm\.example\.org(/calendar/[\w-]+\.ics)", posted.body["text"])
    assert found, posted.body["text"]
    return _root(served) + found[1]


def test_calendar_feed_over_http_parses_moves_and_is_revoked(served: Served) -> None:
    served.deps.public_url = "https://ccm.example.org"
    # A workspace admin: before an ISU admin exists only they may log items (closed by default).
    served.fake.users["U024BE7LH"] = {"name": "Ana Rossi", "tz": "Europe/Rome", "is_admin": True}
    served.sender.command(
        "meeting add 25 April 2017 from 10:00h to 11:30h at the Permanent Mission of Germany"
    )
    served.sender.command("action me to send the letters to GICHD by 15 April", user="U024BE7LH")
    served.sender.command("action Italy to follow up with Albania by 20 April")  # not U2's
    url = _feed_url(served, "U024BE7LH")
    assert _feed_url(served, "U024BE7LH") == url  # asking again gives the same address

    status, content_type, body = _get(url)
    assert status == 200 and content_type.startswith("text/calendar")
    events = Calendar.from_ical(body).walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in events}
    meeting = next(e for uid, e in by_uid.items() if uid.startswith("meeting-"))
    assert "Permanent Mission of Germany" in str(meeting["LOCATION"])
    items = [e for uid, e in by_uid.items() if uid.startswith("item-")]
    assert len(items) == 1  # only U2's own item
    title = str(items[0]["SUMMARY"])
    assert "Ana Rossi" in title and "<@" not in title
    assert items[0].decoded("DTSTART") == date(2017, 4, 15)
    assert any(uid.startswith("treaty-") for uid in by_uid)

    item_id = str(items[0]["UID"]).split("-")[1].split("@")[0]
    served.sender.command(f"due {item_id} 28 April", user="U024BE7LH")
    moved = Calendar.from_ical(_get(url)[2]).walk("VEVENT")
    same = [e for e in moved if str(e["UID"]) == str(items[0]["UID"])]
    assert len(same) == 1 and same[0].decoded("DTSTART") == date(2017, 4, 28)
    assert len(moved) == len(events)

    reset = served.sender.command("calendar reset", user="U024BE7LH").json()
    assert "no longer works" in reset["text"]
    assert _get(url)[0] == 404
    assert _get(_root(served) + "/calendar/not-a-real-secret-at-all-0000000000000.ics")[0] == 404


def test_calendar_without_public_url_is_refused_politely(served: Served) -> None:
    served.deps.public_url = None
    body = served.sender.command("calendar").json()
    assert "CCM_PUBLIC_URL" in body["text"]
    served.settle()
    assert served.fake.of("chat.postMessage") == []


def test_slow_chart_still_arrives_after_working_on_it(served: Served) -> None:
    served.runtime.ack_budget_s = 0.0  # every answer takes the response_url path
    answer = served.sender.command(
        "chart contributions 2017", channel="C7", response_url=served.fake.response_url()
    ).json()
    assert "Working on it" in answer["text"]
    served.fake.wait_for("files.completeUploadExternal", timeout=60)
    served.settle()
    upload = next(iter(served.fake.uploads.values()))
    assert upload["completed"]["channel_id"] == "C7"
    assert "2017" in upload["alt_txt"]


TS = "1490259600.000100"


def test_mention_chart_goes_into_the_thread(served: Served) -> None:
    from tests.slack.fake_slack import BOT_USER

    event = {
        "type": "app_mention",
        "channel": "C5",
        "channel_type": "channel",
        "user": "U1",
        "text": f"<@{BOT_USER}> chart deadlines",
        "ts": TS,
    }
    assert served.sender.event(event).status == 200
    served.fake.wait_for("files.completeUploadExternal", timeout=60)
    (upload,) = served.fake.uploads.values()
    assert upload["completed"]["channel_id"] == "C5"
    assert upload["completed"]["thread_ts"] == TS
    assert "Treaty deadlines" in served.fake.of("chat.postMessage")[0].body["text"]


def test_calendar_asked_in_a_dm_to_the_bot(served: Served) -> None:
    served.deps.public_url = "https://ccm.example.org"
    event = {
        "type": "message",
        "channel": "D7",
        "channel_type": "im",
        "user": "U024BE7LH",
        "text": "calendar",
        "ts": TS,
    }
    assert served.sender.event(event).status == 200
    posted = served.fake.of("chat.postMessage")
    private = [c for c in posted if "https://ccm.example.org/calendar/" in c.body["text"]]
    assert len(private) == 1 and private[0].body["channel"] == "D024BE7LH"


def test_calendar_feed_is_written_in_its_owners_language(served: Served) -> None:
    """The feed is fetched without any person in the request: its owner's stored language
    (here `/ccm lang fr`) decides, as it would for a reply; another person's feed stays English."""
    served.deps.public_url = "https://ccm.example.org"
    served.fake.users["U024BE7LH"] = {"name": "Ana Rossi", "tz": "Europe/Rome", "is_admin": True}
    mine, theirs = _feed_url(served, "U024BE7LH"), _feed_url(served, "U2")
    served.sender.command("lang fr", user="U024BE7LH")
    served.sender.command("action me to send the letters to GICHD by 15 April", user="U024BE7LH")
    french = Calendar.from_ical(_get(mine)[2])
    english = Calendar.from_ical(_get(theirs)[2])
    assert str(french["X-WR-CALNAME"]) == "Comité de coordination de la CASM"
    assert str(english["X-WR-CALNAME"]) == "CCM Coordination Committee"
    item = next(e for e in french.walk("VEVENT") if str(e["UID"]).startswith("item-"))
    assert str(item["DESCRIPTION"]).startswith("Responsable : Ana Rossi")
    treaty = [str(e["SUMMARY"]) for e in french.walk("VEVENT") if "treaty-" in str(e["UID"])]
    assert any(summary.startswith("Croatie : ") for summary in treaty)
