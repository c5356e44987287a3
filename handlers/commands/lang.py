"""`lang [en|fr|es]`: the language the bot answers you in (replies and your reminders)."""

from __future__ import annotations

from handlers.commands.registry import command
from handlers.i18n import _, use_language
from handlers.i18n.choice import normalize
from handlers.i18n.reader import set_language
from handlers.ports import Ctx
from handlers.reply.reply import Reply, error, simple
from handlers.reply.text import escape, shorten

_RESET = {"auto", "default", "reset", "slack", "défaut", "defaut", "predeterminado"}


def _name(code: str) -> str:
    return {"en": _("English"), "fr": _("French"), "es": _("Spanish")}[code]


@command(
    "lang",
    usage="lang [en|fr|es|auto]",
    examples=("lang fr", "lang es", "lang auto", "lang"),
    aliases=("language", "langue", "idioma", "lengua"),
)
def lang(ctx: Ctx, args: str) -> Reply:
    """Choose the language I answer you in: English, French or Spanish."""
    word = args.strip().lower()
    if not word:
        return simple(
            _(
                "I answer you in {language}. Change it with `/ccm lang en`, `/ccm lang fr` or "
                "`/ccm lang es`; `/ccm lang auto` follows your Slack language."
            ).format(language=_name(ctx.lang))
        )
    if word in _RESET:
        set_language(ctx.session, ctx.user, None)
        return simple(
            _(
                "Done: I will follow your Slack language, or the committee's default language "
                "when Slack does not say."
            )
        )
    code = normalize(word)
    if code is None:
        return error(
            _("I speak English (`en`), French (`fr`) and Spanish (`es`), not “{word}”.").format(
                word=escape(shorten(args.strip(), 30))
            )
        )
    set_language(ctx.session, ctx.user, code)
    with use_language(code):
        return simple(
            _("Done: I will answer you in {language}, reminders included.").format(
                language=_name(code)
            )
        )
