"""The pure reading of a minutes document: text in, a MinutesExtract out (nothing stored)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from handlers.dates.years import YEAR_IN_TEXT
from handlers.minutes.actions import explicit_items, initials, same_commitment, sentence_items
from handlers.minutes.commitments import Context, commitments_in, section_frame, speaker_after
from handlers.minutes.decisions import decision, is_decision
from handlers.minutes.figures import contributions_in, deadlines_in
from handlers.minutes.meetings import held_meeting, next_meeting_in
from handlers.minutes.model import MeetingInfo, MinutesExtract
from handlers.minutes.sentences import split_sentences
from handlers.minutes.speakers import SectionFrame
from handlers.minutes.structure import Section, coordinators_of, read_layout
from handlers.minutes.vocab import BULLET
from handlers.reference.states import StateDirectory


def extract(
    text: str,
    *,
    now: datetime | None,
    tz: ZoneInfo,
    states: StateDirectory,
    document: str = "minutes",
    filename: str = "",
    meeting_day: date | None = None,
) -> MinutesExtract:
    """Read meeting, attendance, next meeting, commitments, decisions, contributions and
    treaty deadlines.

    Relative dates resolve against the meeting's own date (``meeting_day`` when the importer
    gave it, else the document's; ``now`` only when neither names one), and "at the next
    meeting" against the next meeting the same minutes fix.
    """
    layout = read_layout(text, states)
    fallback = now or datetime.now(UTC)
    out = MinutesExtract(document=document, title=layout.title)
    out.attendees, out.apologies, out.absent = layout.attendees, layout.apologies, layout.absent
    out.meeting = held_meeting(text, tz=tz, fallback=fallback, filename=filename or document)
    if meeting_day is not None:
        out.meeting = _on_day(out.meeting, meeting_day, tz)
    moment = out.meeting.start if out.meeting else fallback.astimezone(tz)
    dated = out.meeting is not None
    sentences = [(s, sentence) for s in layout.sections for sentence in _sentences(s)]
    out.next_meeting = next_meeting_in(sentences, now=moment, tz=tz)
    next_day: date | None = out.next_meeting.start.date() if out.next_meeting else None
    frames: dict[int, SectionFrame] = {}
    contexts: dict[int, Context] = {}
    for section in layout.sections:
        parent = frames.get(id(section.parent)) if section.parent else None
        frame = section_frame(section.area_key, coordinators_of(section), section.title, parent)
        frames[id(section)] = frame
        label = section.number or section.title
        contexts[id(section)] = Context(label, frame, states, moment, tz, next_day, dated)
    people = [p for a in layout.attendees for p in (a.people if a.kind != "person" else (a.name,))]
    known = initials(people)
    speaker = None
    current: Section | None = None
    for section, sentence in sentences:
        ctx = contexts[id(section)]
        if section is not current:
            current, speaker = section, ctx.frame.default
        speaker = speaker_after(sentence, speaker, ctx)
        found = commitments_in(sentence, speaker, ctx)
        out.items += found or sentence_items(sentence, section, ctx, known)
        out.contributions += contributions_in(sentence, section=ctx.section, year=moment.year)
        out.deadlines += deadlines_in(
            sentence, section=ctx.section, states=states, now=moment, tz=tz
        )
        if is_decision(sentence):
            out.decisions.append(decision(ctx.section, sentence, states))
    default = Context("", SectionFrame(None, (), None), states, moment, tz, next_day, dated)
    marked = explicit_items(layout.actions, contexts, default, people)
    out.items = [i for i in out.items if not any(same_commitment(i, m) for m in marked)] + marked
    for mark in layout.decisions:
        label = (mark.section.number or mark.section.title) if mark.section else ""
        out.decisions.append(decision(label, mark.text, states))
    return out


def _on_day(meeting: MeetingInfo | None, day: date, tz: ZoneInfo) -> MeetingInfo:
    """The meeting on the day the importer gave (its time and place kept when the text had them)."""
    if meeting is None:
        return MeetingInfo(start=datetime.combine(day, time(0), tzinfo=tz), end=None, place=None)
    start = datetime.combine(day, meeting.start.timetz())
    end = datetime.combine(day, meeting.end.timetz()) if meeting.end else None
    return MeetingInfo(start=start, end=end, place=meeting.place)


def _sentences(section: Section) -> list[str]:
    """The section's sentences, a list item's bullet dropped ("- The Chair will ...")."""
    return [
        _LEADING_BULLET.sub("", s)
        for paragraph in section.paragraphs
        for s in split_sentences(paragraph)
    ]


_LEADING_BULLET = re.compile(rf"^{BULLET}\s+")


def document_year(text: str) -> int | None:
    """The first plausible year the text names, for dates written without one."""
    m = YEAR_IN_TEXT.search(text)
    return int(m.group(1)) if m else None
