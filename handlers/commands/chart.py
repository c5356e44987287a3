"""`chart contributions [year] | deadlines | items`: a picture where people would rather look."""

from __future__ import annotations

import re

from handlers.charts import KINDS, make_chart
from handlers.commands.registry import command
from handlers.i18n import _
from handlers.people.permissions import isu_admins
from handlers.ports import Ctx
from handlers.reply.reply import Reply, context, error, section
from handlers.reply.text import escape, shorten

_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_WORDS = {
    "contributions": "contributions",
    "contribution": "contributions",
    "money": "contributions",
    "finances": "contributions",
    "deadlines": "deadlines",
    "deadline": "deadlines",
    "treaty": "deadlines",
    "items": "items",
    "item": "items",
    "actions": "items",
}


@command(
    "chart",
    usage="chart contributions [year] | deadlines | items",
    examples=("chart contributions 2017", "chart deadlines", "chart items"),
    aliases=("graph", "plot", "picture"),
)
def chart(ctx: Ctx, args: str) -> Reply:
    """Draw a chart: contributions per State, treaty deadlines ahead, open and overdue items."""
    words = args.strip().lower().split()
    if not words:
        return error(
            _(
                "Which chart? `/ccm chart contributions 2017`, `/ccm chart deadlines` or `/ccm chart items`."
            )
        )
    kind = _WORDS.get(words[0])
    if kind is None:
        from rapidfuzz import fuzz, process  # only for a typo: the first answer stays light

        guess = process.extractOne(words[0], KINDS, scorer=fuzz.ratio, score_cutoff=60)
        hint = " " + _("Did you mean `/ccm chart {kind}`?").format(kind=guess[0]) if guess else ""
        return error(
            _("I can draw contributions, deadlines or items, not “{word}”.").format(
                word=escape(shorten(words[0], 40))
            )
            + hint
        )
    rest = " ".join(words[1:])
    year_match = _YEAR.search(rest)
    if kind != "contributions" and rest:
        return error(
            _(
                "`chart {kind}` takes nothing more; I read “{rest}”. Try `/ccm chart {kind}`."
            ).format(kind=kind, rest=escape(shorten(rest, 40)))
        )
    if rest and not year_match:
        return error(
            _("I couldn't read a year in “{rest}”. Try `/ccm chart contributions 2017`.").format(
                rest=escape(shorten(rest, 40))
            )
        )
    if kind == "contributions" and not ctx.sees_private:
        return error(
            _(
                "Contributions are shared with the committee's members only. "
                "Ask {admins} to add you to the roster."
            ).format(admins=isu_admins(ctx.session))
        )
    upload = make_chart(
        ctx.session, kind, now=ctx.now, tz=ctx.tz, year=int(year_match[1]) if year_match else None
    )
    text = f"📊 *{upload.title}*"
    # Money never goes where another organisation reads (the transports honour ``private``).
    return Reply(
        text=text,
        blocks=[section(text), context(escape(upload.alt_text))],
        upload=upload,
        private=kind == "contributions",
    )
