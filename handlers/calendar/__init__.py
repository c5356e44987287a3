"""The calendar: a private feed per person (meetings, treaty deadlines, their items) as iCalendar."""

from handlers.calendar.feed import build_feed, calendar_of, meeting_event, names_in
from handlers.calendar.tokens import feed_path, issue, owner_of, revoke

__all__ = [
    "build_feed",
    "calendar_of",
    "feed_path",
    "issue",
    "meeting_event",
    "names_in",
    "owner_of",
    "revoke",
]
