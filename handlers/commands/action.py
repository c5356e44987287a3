"""`action`: log a commitment said in chat, with its owner, States, area and due date."""

from __future__ import annotations

from handlers.commands.registry import command
from handlers.dates.reading import DateError, DateReading, format_reading
from handlers.dates.when import find_due, past_warning, unread_dates
from handlers.i18n import _, format_number
from handlers.items.capture import split_commitment, strip_capture
from handlers.items.render import item_blocks, owner_shown
from handlers.people.owners import Owner, OwnerError
from handlers.ports import Ctx
from handlers.reference.areas import find_area
from handlers.reply.mrkdwn import owner_text
from handlers.reply.reply import Reply, context, error, section
from handlers.reply.text import clean, escape, shorten
from storage.items import create_item
from storage.models import ActionItem, StateMention

MAX_ITEM_CHARS = 2000

USAGE = "`/ccm action <owner> to <what> [by <when>]`"


def _nothing_logged() -> str:
    return _("Nothing was logged.")


@command(
    "action",
    usage="action <owner> to <what> [by <when>]",
    examples=(
        "action Italy to follow up with Albania by 15 April",
        "ACTION: Switzerland to send letters to GICHD by end of March",
        "todo VA coordinators to contact ICRC in two weeks",
        "action the ISU to send reminder letters by May",
    ),
    aliases=("todo", "add", "action:", "todo:", "acción", "accion", "acción:", "accion:"),
    writes=True,
)
def action(ctx: Ctx, args: str) -> Reply:
    """Log an action item: who does what by when."""
    text = strip_capture(args)
    if not text:
        return error(
            _(
                "What should I log? Try {usage}, e.g. "
                "`/ccm action Italy to follow up with Albania by 15 April`."
            ).format(usage=USAGE)
        )
    if len(text) > MAX_ITEM_CHARS:
        return error(
            _(
                "That item is {length} characters long; keep it under {limit}. Nothing was logged."
            ).format(length=format_number(len(text)), limit=format_number(MAX_ITEM_CHARS))
        )
    split = split_commitment(text) or _split_in_words(ctx, text)
    if split is None:
        return error(
            _(
                "I read “{text}” but found no “<owner> to <what>”. Try {usage}, e.g. "
                "`/ccm action Italy to follow up with Albania by 15 April`."
            ).format(text=escape(shorten(text, 200)), usage=USAGE)
        )
    try:
        owner = _owner(ctx, split[0])
        reading, what = _due(ctx, split[1], _known(ctx, split[1]))
    except OwnerError as problem:  # its message escapes what it quotes
        return error(f"{problem} {_nothing_logged()}")
    except DateError as problem:  # quotes the user's words as typed
        return error(f"{escape(str(problem))} {_nothing_logged()}")
    if not what:
        return error(
            _("I understood the owner ({owner}) but not what they should do. Try {usage}.").format(
                owner=owner_text(owner.label), usage=USAGE
            )
        )
    rest = what if reading else split[1]  # a second phrase is said too, never dropped
    unread = unread_dates(ctx, rest, _known(ctx, rest))
    return _store(ctx, owner=owner, what=what, reading=reading, unread=unread)


def _owner(ctx: Ctx, phrase: str) -> Owner:
    """The owner as written, or as the reader names it ("the Swiss", "la Suisse", "je")."""
    from handlers.understanding.owner import owner_in_words

    return owner_in_words(ctx, phrase)


def _split_in_words(ctx: Ctx, text: str) -> tuple[str, str] | None:
    """ "la Suisse doit envoyer ...", "Italia llamará ...": the owner named first, in any language."""
    from handlers.understanding.commitments import split_natural
    from handlers.understanding.entities import read

    return split_natural(ctx, read(text, states=ctx.states, with_dates=False))


def _known(ctx: Ctx, text: str) -> list[tuple[int, int]]:
    """Entities of ``text`` once cleaned that are not dates: "by Italy", "before the ISU"."""
    from handlers.dates.spans import known_spans
    from handlers.understanding.entities import read

    return known_spans(read(clean(text), states=ctx.states, with_dates=False).entities)


def _due(ctx: Ctx, what: str, known: list[tuple[int, int]]) -> tuple[DateReading | None, str]:
    found = find_due(ctx, what, known)
    if found is None:
        return None, what.strip().rstrip(".")
    reading, rest = found
    return reading, rest.strip().rstrip(".")


def _store(
    ctx: Ctx,
    *,
    owner: Owner,
    what: str,
    reading: DateReading | None,
    unread: list[str] | None = None,
) -> Reply:
    mentioned = [match.state.iso3 for match in ctx.states.find_in_text(what, demonyms=True)]
    states = list(dict.fromkeys([*owner.states, *mentioned]))
    named_area = find_area(what)
    item = ActionItem(
        text=what,
        owner=owner.label,
        owner_kind=owner.kind,
        owner_ref=owner.ref,
        area_key=owner.area_key or (named_area.key if named_area else None),
        due=reading.due if reading else None,
        due_at=reading.at if reading else None,
        due_note=reading.note if reading else None,
        created_by=ctx.user,
        source=ctx.source,
    )
    create_item(session=ctx.session, item=item, states=states, actor=ctx.user, now=ctx.now)
    excerpt = shorten(what, 200)
    for iso3 in states:
        ctx.session.add(
            StateMention(iso3=iso3, at=ctx.now, where=f"item #{item.id}", excerpt=excerpt)
        )
    when = (
        format_reading(reading)
        if reading
        else _("no due date (add one: `/ccm due #{id} <when>`)").format(id=item.id)
    )
    if unread:
        when += " ⚠️ " + " ".join(escape(u) for u in unread)
    logged = _("Logged *#{id}*:").format(id=item.id)
    text = f"{logged} {owner_shown(item)} — {escape(shorten(what, 300))} · {when}{past_warning(reading)}"
    blocks = [section(text), *item_blocks(item, states, ctx.today)[1:]]
    if states:
        blocks.insert(1, context(_("States: {codes}").format(codes=", ".join(states))))
    return Reply(text=text, blocks=blocks, item_id=item.id)
