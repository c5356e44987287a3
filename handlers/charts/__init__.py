"""Charts of contributions, treaty deadlines and items: plain data in, a PNG Upload out."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from handlers.i18n import _, current_language
from handlers.i18n.formats import format_long_day
from handlers.reply.reply import Upload

KINDS = ("contributions", "deadlines", "items")


def make_chart(
    session: Session, kind: str, *, now: datetime, tz: ZoneInfo, year: int | None = None
) -> Upload:
    """Draw one chart; ``kind`` is one of KINDS (the caller has checked it)."""
    from handlers.charts import data, draw

    today = now.astimezone(tz).date()
    if kind == "contributions":
        chosen = year or today.year
        money = data.contribution_figures(session, year=chosen)
        return Upload(
            f"ccm-contributions-{chosen}.png",
            _drawn("contributions", money, draw.contributions_png),
            _("Contributions {year}").format(year=chosen),
            draw.contributions_alt(money),
        )
    if kind == "deadlines":
        timeline = data.deadline_figures(session, today=today)
        return Upload(
            f"ccm-deadlines-{today.isoformat()}.png",
            _drawn("deadlines", timeline, draw.deadlines_png),
            _("Treaty deadlines {start}–{end}").format(
                start=timeline.start.year, end=timeline.end.year
            ),
            draw.deadlines_alt(timeline),
        )
    if kind == "items":
        series = data.item_series(session, now=now, tz=tz)
        return Upload(
            f"ccm-items-{today.isoformat()}.png",
            _drawn("items", series, draw.items_png),
            _("Open and overdue items, {day}").format(day=format_long_day(today, padded=True)),
            draw.items_alt(series),
        )
    raise ValueError(f"unknown chart {kind!r}")


# The same figures in the same language make the same picture: drawn once (matplotlib takes a
# quarter of a second a chart), the last few kept.
_DRAWN: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
_DRAWN_LOCK = threading.Lock()
_KEPT = 16


def _drawn(kind: str, figures: Any, draw: Callable[[Any], bytes]) -> bytes:
    key = (kind, current_language(), repr(figures))
    with _DRAWN_LOCK:
        png = _DRAWN.get(key)
    if png is None:
        png = draw(figures)
        with _DRAWN_LOCK:
            _DRAWN[key] = png
            while len(_DRAWN) > _KEPT:
                _DRAWN.popitem(last=False)
    return png
