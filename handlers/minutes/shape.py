"""The `import-minutes --json` shape (PRODUCT.md): plain dicts, items shaped like exported items."""

from __future__ import annotations

from typing import Any

from handlers.minutes.model import (
    Attendee,
    Decision,
    DraftContribution,
    DraftDeadline,
    DraftItem,
    MeetingInfo,
    MinutesExtract,
)


def source_of(document: str, section: str) -> str:
    """ "Minutes of 23 March 2017, section 5.8" — where the commitment was said."""
    return f"{document}, section {section}" if section else document


def meeting_json(meeting: MeetingInfo | None) -> dict[str, Any] | None:
    if meeting is None:
        return None
    return {
        "start": meeting.start.isoformat(),
        "end": meeting.end.isoformat() if meeting.end else None,
        "place": meeting.place,
        "note": meeting.note,  # for whoever reads the JSON, in the language of the run
        "conflict": (
            {"written": meeting.conflict.written, "day": meeting.conflict.day.isoformat()}
            if meeting.conflict
            else None
        ),
    }


def attendee_json(who: Attendee) -> dict[str, Any]:
    return {
        "name": who.name,
        "kind": who.kind,
        "iso3": who.iso3,
        "people": list(who.people),
        "role": who.role,
        "as_written": who.written,
    }


def item_json(item: DraftItem, document: str, item_id: int | None = None) -> dict[str, Any]:
    return {
        "id": item_id,
        "text": item.text,
        "owner": item.owner.label,
        "owner_kind": item.owner.kind,
        "owner_ref": item.owner.ref,
        "states": list(item.states),
        "area": item.area_key,
        "due": item.due.isoformat() if item.due else None,
        "due_at": None,
        "due_note": item.due_note,
        "status": "draft",
        "created_at": None,
        "source": source_of(document, item.section),
        "section": item.section,
        "sentence": item.sentence,
    }


def contribution_json(c: DraftContribution) -> dict[str, Any]:
    return {
        "state": c.state_iso3,
        "total": c.total,
        "component": c.component,
        "states_paid": c.states_paid,
        "year": c.year,
        "amount": c.amount_cents / 100,
        "amount_cents": c.amount_cents,
        "currency": c.currency,
        "status": c.status,
        "section": c.section,
    }


def deadline_json(d: DraftDeadline) -> dict[str, Any]:
    return {
        "state": d.state_iso3,
        "kind": d.kind,
        "date": d.due.isoformat(),
        "extended": d.extended,
        "section": d.section,
    }


def decision_json(d: Decision) -> dict[str, Any]:
    return {"section": d.section, "text": d.text, "states": list(d.states), "area": d.area_key}


def to_json(extract: MinutesExtract, item_ids: list[int] | None = None) -> dict[str, Any]:
    """One JSON object: meeting, next_meeting, attendees, items, contributions, deadlines."""
    ids: list[int | None] = list(item_ids) if item_ids else [None] * len(extract.items)
    return {
        "document": extract.document,
        "meeting": meeting_json(extract.meeting),
        "next_meeting": meeting_json(extract.next_meeting),
        "attendees": [attendee_json(a) for a in extract.attendees],
        "apologies": [attendee_json(a) for a in extract.apologies],
        "absent": [attendee_json(a) for a in extract.absent],
        "items": [
            item_json(i, extract.document, n) for i, n in zip(extract.items, ids, strict=True)
        ],
        "contributions": [contribution_json(c) for c in extract.contributions],
        "deadlines": [deadline_json(d) for d in extract.deadlines],
        "decisions": [decision_json(d) for d in extract.decisions],
        "title": extract.title,
        "not_found": not_found(extract),
    }


def not_found(extract: MinutesExtract) -> list[str]:
    """What the import looked for and did not find, said plainly (the summary shows it)."""
    missing: list[tuple[bool, str]] = [
        (extract.meeting is None, "no meeting date found"),
        (extract.next_meeting is None, "no next meeting found"),
        (not extract.attendees, "no attendance list found"),
        (not extract.items, "no action items found"),
        (not extract.decisions, "no decisions found"),
    ]
    return [text for missed, text in missing if missed]
