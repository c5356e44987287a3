"""Importing this package registers every /ccm sub-command (order = order in help)."""

from handlers.commands import (  # noqa: F401
    action,
    contributions,
    deadlines,
    digest,
    help,
    history,
    item_ops,
    listing,
    meetings,
    roster,
    status,
    who,
)
