"""Importing this package registers every /ccm sub-command (order = order in help)."""

from handlers.commands import (  # noqa: F401
    action,
    contributions,
    deadlines,
    decided,
    digest,
    help,
    history,
    item_dates,
    item_owner,
    item_status,
    item_text,
    lang,
    listing,
    meetings,
    questions,
    report,
    roster,
    status,
    who,
)
