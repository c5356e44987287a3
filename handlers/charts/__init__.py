"""Charts of contributions, treaty deadlines and items: plain data in, a PNG Upload out."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from handlers.i18n import _
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
            draw.contributions_png(money),
            _("Contributions {year}").format(year=chosen),
            draw.contributions_alt(money),
        )
    if kind == "deadlines":
        timeline = data.deadline_figures(session, today=today)
        return Upload(
            f"ccm-deadlines-{today.isoformat()}.png",
            draw.deadlines_png(timeline),
            _("Treaty deadlines {start}–{end}").format(
                start=timeline.start.year, end=timeline.end.year
            ),
            draw.deadlines_alt(timeline),
        )
    if kind == "items":
        series = data.item_series(session, now=now, tz=tz)
        return Upload(
            f"ccm-items-{today.isoformat()}.png",
            draw.items_png(series),
            _("Open and overdue items, {day}").format(day=format_long_day(today, padded=True)),
            draw.items_alt(series),
        )
    raise ValueError(f"unknown chart {kind!r}")
