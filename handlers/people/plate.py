"""What is on someone's plate: their own items, and those of what they stand for in the roster
(the State they speak for, the areas that State coordinates, the ISU or the Presidency)."""

from __future__ import annotations

from sqlalchemy import and_, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from handlers.i18n import _, state_label
from handlers.people.permissions import ISU, PRESIDENCY
from handlers.ports import Ctx
from storage.models import ActionItem, Coordinator


def plate_filter(ctx: Ctx) -> tuple[ColumnElement[bool], list[str]]:
    """The condition on items that are the asker's, and what it covers in words."""
    mine = and_(col(ActionItem.owner_kind) == "person", col(ActionItem.owner_ref) == ctx.user)
    parts: list[ColumnElement[bool]] = [mine]
    covers: list[str] = []
    actor = ctx.actor
    if actor.bootstrap:  # acting as admin only because no ISU admin exists yet
        return mine, covers
    if actor.state_iso3:
        iso3 = actor.state_iso3
        parts.append(
            and_(
                col(ActionItem.owner_kind).in_(["state", "states"]),
                col(ActionItem.owner_ref).contains(iso3),
            )
        )
        areas = list(
            ctx.session.exec(select(Coordinator.area_key).where(Coordinator.state_iso3 == iso3))
        )
        if areas:
            parts.append(
                and_(col(ActionItem.owner_kind) == "area", col(ActionItem.area_key).in_(areas))
            )
        state = ctx.states.get(iso3)
        covers.append(state_label(iso3, state.short) if state else iso3)
    if actor.role == ISU:
        parts.append(col(ActionItem.owner_kind) == "isu")
        covers.append(_("the ISU"))
    elif actor.role == PRESIDENCY:
        parts.append(col(ActionItem.owner_kind) == "presidency")
        covers.append(_("the Presidency"))
    return or_(*parts), covers
