"""`calendar` / `calendar reset`: a private address for Outlook or Google Calendar to subscribe to."""

from __future__ import annotations

from handlers.calendar import feed_path, issue, revoke
from handlers.commands.registry import command
from handlers.i18n import N_, _
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, simple
from handlers.reply.text import escape, shorten

LOCAL_URL = "http://localhost:3000"
HOW = N_(
    "Outlook: *Add calendar → Subscribe from web*. Google Calendar: *Other calendars → + → From "
    "URL*. Apple Calendar: *File → New Calendar Subscription*. It holds the meetings (with their "
    "place), the treaty deadlines and your own items, and updates itself. Anyone with the address "
    "can read it: keep it to yourself, and `/ccm calendar reset` if it leaks."
)


def feed_url(base: str, secret: str) -> str:
    return f"{base}{feed_path(secret)}"


@command(
    "calendar",
    usage="calendar [reset]",
    examples=("calendar", "calendar reset"),
    aliases=("ical", "ics", "subscribe"),
)
def calendar(ctx: Ctx, args: str) -> Reply:
    """Your private calendar address (sent in a direct message); `reset` revokes it."""
    word = args.strip().lower()
    if word in ("reset", "revoke", "new", "regenerate"):
        had = revoke(ctx.session, user=ctx.user)
        if word in ("new", "regenerate"):
            return _send(ctx, replaced=had)
        return simple(
            _("🔒 Your old calendar address no longer works. `/ccm calendar` gives you a new one.")
            if had
            else _("You had no calendar address; nothing to revoke.")
        )
    if word:
        return error(
            _("`calendar` takes nothing or `reset`; I read “{word}”. Try `/ccm calendar`.").format(
                word=escape(shorten(word, 40))
            )
        )
    return _send(ctx, replaced=False)


def _send(ctx: Ctx, *, replaced: bool) -> Reply:
    base = ctx.public_url
    if base is None and ctx.source != "console":
        return error(
            _(
                "Calendar feeds need the bot's public address, and CCM_PUBLIC_URL is not set. "
                "Ask whoever runs the bot to set it (e.g. https://ccm.example.org); nothing was changed."
            )
        )
    url = feed_url(base or LOCAL_URL, issue(ctx.session, user=ctx.user, now=ctx.now))
    if base is None:
        head = _(
            "📅 Your private calendar address (set CCM_PUBLIC_URL for an address others can reach):"
        )
    else:
        head = _("📅 Your private calendar address:")
    direct = f"{head}\n{url}\n{_(HOW)}"
    done = _("A new address replaces the old one.") + " " if replaced else ""
    return Reply(
        text="📅 " + done + _("I've sent your private calendar address in a direct message."),
        direct=direct,
    )
