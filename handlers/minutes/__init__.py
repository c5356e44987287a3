"""Minutes import: read a document, extract drafts, store them, confirm or discard them."""

from __future__ import annotations

from handlers.minutes.drafts import confirm, discard, store_drafts
from handlers.minutes.extract import extract
from handlers.minutes.model import (
    Attendee,
    DraftContribution,
    DraftDeadline,
    DraftItem,
    MeetingInfo,
    MinutesExtract,
)
from handlers.minutes.reading import ReadError, read_bytes, read_document
from handlers.minutes.reply import summary_reply, summary_text
from handlers.minutes.shape import to_json

__all__ = [
    "Attendee",
    "DraftContribution",
    "DraftDeadline",
    "DraftItem",
    "MeetingInfo",
    "MinutesExtract",
    "ReadError",
    "confirm",
    "discard",
    "extract",
    "read_bytes",
    "read_document",
    "store_drafts",
    "summary_reply",
    "summary_text",
    "to_json",
]
