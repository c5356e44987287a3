"""The pure reading of a minutes document: text in, a MinutesExtract out (nothing stored)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from handlers.dates.years import YEAR_IN_TEXT
from handlers.minutes.commitments import Context, commitments_in, section_frame, speaker_after
from handlers.minutes.figures import contributions_in, deadlines_in
from handlers.minutes.meetings import held_meeting, next_meeting_in
from handlers.minutes.model import MinutesExtract
from handlers.minutes.sentences import split_sentences
from handlers.minutes.speakers import SectionFrame
from handlers.minutes.structure import Section, coordinators_of, read_layout
from handlers.reference.states import StateDirectory


def extract(
    text: str,
    *,
    now: datetime | None,
    tz: ZoneInfo,
    states: StateDirectory,
    document: str = "minutes",
) -> MinutesExtract:
    """Read meeting, attendance, next meeting, commitments, contributions and treaty deadlines.

    Relative dates resolve against the meeting's own date (``now`` only when the document
    names none), and "at the next meeting" against the next meeting the same minutes fix.
    """
    layout = read_layout(text, states)
    fallback = now or datetime.now(UTC)
    out = MinutesExtract(document=document)
    out.attendees, out.apologies, out.absent = layout.attendees, layout.apologies, layout.absent
    out.meeting = held_meeting(text, tz=tz, fallback=fallback)
    moment = out.meeting.start if out.meeting else fallback.astimezone(tz)
    dated = out.meeting is not None
    sentences = [(s, sentence) for s in layout.sections for sentence in _sentences(s)]
    out.next_meeting = next_meeting_in(sentences, now=moment, tz=tz)
    next_day: date | None = out.next_meeting.start.date() if out.next_meeting else None
    frames: dict[int, SectionFrame] = {}
    speaker = None
    current: Section | None = None
    for section, sentence in sentences:
        if section is not current:
            current = section
            parent = frames.get(id(section.parent)) if section.parent else None
            frame = section_frame(section.area_key, coordinators_of(section), section.title, parent)
            frames[id(section)] = frame
            speaker = frame.default
        label = section.number or section.title
        ctx = Context(label, frames[id(section)], states, moment, tz, next_day, dated)
        speaker = speaker_after(sentence, speaker, ctx)
        out.items += commitments_in(sentence, speaker, ctx)
        out.contributions += contributions_in(sentence, section=label, year=moment.year)
        out.deadlines += deadlines_in(sentence, section=label, states=states, now=moment, tz=tz)
    return out


def _sentences(section: Section) -> list[str]:
    return [s for paragraph in section.paragraphs for s in split_sentences(paragraph)]


def document_year(text: str) -> int | None:
    """The first plausible year the text names, for dates written without one."""
    m = YEAR_IN_TEXT.search(text)
    return int(m.group(1)) if m else None
