"""`decided <State or topic>`: what imported minutes recorded as decided (and committed to)
about a State or a topic, each answer with its meeting and section."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import col, select

from handlers.commands.registry import command
from handlers.dates.reading import format_day
from handlers.i18n import _
from handlers.i18n.phrases import Names, fill, state_in_text
from handlers.i18n.phrases import words as said_as
from handlers.i18n.terms import term
from handlers.items.render import owner_shown
from handlers.ports import Ctx
from handlers.reference.areas import find_area
from handlers.reference.glossary import in_english
from handlers.reply.reply import Reply, context, error, header, sections
from handlers.reply.text import escape, fold, shorten
from storage.items import DELETED, DRAFT
from storage.models import ActionItem, ItemState, MinutesImport

MAX_SHOWN = 15
# Words that say nothing about the subject, in the three languages: what is left is searched.
_STOP_WORDS = """
a about again an and any are as at be been by decide decided decision decisions did do does
for from had has have in is it its of on or re regarding concerning the their them they this
that to was we were what which who with our us
au aux avec ce ces concernant dans de des du en est et il la le les l on ou par pour qu que
qui sur un une a-t-on decidee nous avons quoi quel quelle
al con del el es las lo los para por se sobre una y decidio decidimos decidido acordo
acordamos decision decisiones
"""
_STOP = frozenset(_STOP_WORDS.split())


def same_word(asked: str, written: str) -> bool:
    """The word asked about is in the text: the same word, one that starts with it ("seminar",
    "seminars"), or its French or Spanish cognate ("séminaire" and "seminar", "africain" and
    "African", "financiación" and "financing"): minutes are kept in one language, people ask
    in three."""
    if asked == written:
        return True
    if min(len(asked), len(written)) < 5 or min(len(asked), len(written)) < 0.75 * max(
        len(asked), len(written)
    ):
        return False  # "up" and "upcoming", "general" and "generous" are not one word
    if written.startswith(asked):  # "seminar", "seminars"
        return True
    return _ratio(asked, written) >= 80


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio  # loaded only when decisions are searched

    return float(ratio(a, b))


@dataclass(frozen=True)
class _Subject:
    wordings: list[list[str]]  # the words asked, and again with the glossary's English terms
    iso3: str | None
    area: str | None
    label: Names  # the subject as the reply names it, in the reader's language

    def matches(self, text: str, states: list[str], area: str | None) -> bool:
        if self.iso3 is not None:
            return self.iso3 in states
        if self.area is not None and area == self.area:
            return True
        found = set(_words(text)) | set(_words(in_english(text) or ""))  # minutes in French
        # a majority of the subject's words, not all: "the Bangkok follow up seminar" finds "the
        # follow-up to the Bangkok seminar"
        return any(
            words and sum(1 for w in words if any(same_word(w, t) for t in found)) * 2 > len(words)
            for words in self.wordings
        )


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", fold(text).replace("'", " "))


def _subject(ctx: Ctx, args: str) -> _Subject:
    state = ctx.states.lookup(args) or next(
        iter(m.state for m in ctx.states.find_in_text(args)), None
    )
    area = find_area(args)
    english = in_english(args)
    wordings = [
        [w for w in _words(wording) if w not in _STOP and len(w) > 2]
        for wording in ([args, english] if english else [args])
    ]
    label = (
        state_in_text(state.iso3, state.short)
        if state
        else said_as(term(area.name) if area else args)
    )
    return _Subject(wordings, state.iso3 if state else None, area.key if area else None, label)


@command(
    "decided",
    usage="decided <State or topic>",
    examples=("decided Lebanon", "decided universalization", "decided side event"),
    aliases=("decisions",),
)
def decided(ctx: Ctx, args: str) -> Reply:
    """What imported minutes decided about a State or topic, with meeting and section."""
    text = args.strip()
    if not text:
        return error(
            _("Say what about: `/ccm decided Lebanon` or `/ccm decided victim assistance`.")
        )
    subject = _subject(ctx, text)
    found: list[tuple[date, str]] = []
    for record in ctx.session.exec(select(MinutesImport)):
        payload: dict[str, Any] = json.loads(record.payload or "{}")
        draft = (
            " _({})_".format(_("import not yet confirmed")) if record.status != "confirmed" else ""
        )
        for d in payload.get("decisions", []):
            if subject.matches(d.get("text", ""), d.get("states", []), d.get("area")):
                where = _where(record.meeting_day, d.get("section", ""))
                found.append(
                    (record.meeting_day, f"• {where}{draft}: {escape(shorten(d['text'], 300))}")
                )
    found += _commitments(ctx, subject)
    if not found:
        return Reply(
            text=fill(
                _(
                    "No imported decision or commitment about {subject} found. "
                    "Decisions become searchable when minutes are imported."
                ),
                subject=Names(tuple(escape(name) for name in subject.label.names)),
            ),
            blocks=[],
        )
    found.sort(key=lambda pair: pair[0], reverse=True)
    lines = [line for _day, line in found[:MAX_SHOWN]]
    title = fill(_("Decided about {subject}"), subject=subject.label)
    blocks = [header(title), *sections("\n".join(lines))]
    if len(found) > MAX_SHOWN:
        blocks.append(context(_("…and {count} more.").format(count=len(found) - MAX_SHOWN)))
    return Reply(text=f"*{escape(title)}*\n" + "\n".join(lines), blocks=blocks)


def _where(day: date, section: str) -> str:
    minutes = _("Minutes of {day}").format(day=format_day(day))
    place = ", " + _("section {section}").format(section=escape(section)) if section else ""
    return f"*{minutes}*{place}"


def _commitments(ctx: Ctx, subject: _Subject) -> list[tuple[date, str]]:
    """Imported action items about the subject (live ones), as commitments of that meeting."""
    query = select(ActionItem).where(
        col(ActionItem.import_key).is_not(None), col(ActionItem.status).not_in([DRAFT, DELETED])
    )
    if subject.iso3 is not None:
        ids = select(ItemState.item_id).where(ItemState.iso3 == subject.iso3)
        query = query.where(col(ActionItem.id).in_(ids))
    out: list[tuple[date, str]] = []
    for item in ctx.session.exec(query.limit(500)):
        if subject.iso3 is None and not subject.matches(item.text, [], item.area_key):
            continue
        day = _day_of(item.import_key or "") or item.created_at.date()
        where = _where(day, item.section or "")
        out.append(
            (day, f"• {where}: #{item.id} {owner_shown(item)} — {escape(shorten(item.text, 200))}")
        )
    return out


def _day_of(key: str) -> date | None:
    m = re.match(r"minutes:(\d{4}-\d{2}-\d{2}):", key)
    return date.fromisoformat(m.group(1)) if m else None
