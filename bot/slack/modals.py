"""Modal views as pure functions, and reading their submitted values back."""

from __future__ import annotations

import json
from typing import Any

from bot.slack.prefill import Draft
from handlers.i18n import _
from handlers.i18n.notes import localize_stored
from handlers.i18n.terms import term
from handlers.reference.areas import AREA_BY_KEY, AREAS

View = dict[str, Any]
LOG_ITEM = "log_action_item"
REASSIGN = "reassign_item"
STATE_SEARCH = "reassign_state"
VALUE = "value"


def _text(text: str) -> dict[str, str]:
    return {"type": "plain_text", "text": text}


def _input(
    block_id: str, label: str, element: dict[str, Any], *, optional: bool, hint: str | None = None
) -> dict[str, Any]:
    block: dict[str, Any] = {
        "type": "input",
        "block_id": block_id,
        "label": _text(label),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = _text(hint[:2000])
    return block


def _plain(initial: str, *, multiline: bool = False, placeholder: str = "") -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": VALUE,
        "multiline": multiline,
    }
    if initial:
        element["initial_value"] = initial[:3000]
    if placeholder:
        element["placeholder"] = _text(placeholder)
    return element


def _area_option(key: str) -> dict[str, Any]:
    return {"text": _text(term(AREA_BY_KEY[key].name)[:75]), "value": key}


def log_item_modal(draft: Draft, *, metadata: dict[str, Any]) -> View:
    """'Log as action item': prefilled from the message, validated by the core on submit."""
    area: dict[str, Any] = {
        "type": "static_select",
        "action_id": VALUE,
        "placeholder": _text(_("Thematic area")),
        "options": [_area_option(a.key) for a in AREAS],
    }
    if draft.area_key in AREA_BY_KEY:
        area["initial_option"] = _area_option(str(draft.area_key))
    due_hint = (
        localize_stored(draft.due_note)
        if draft.due_note
        else _("“15 April”, “end of March”, “in two weeks”, “next meeting”.")
    )
    return {
        "type": "modal",
        "callback_id": LOG_ITEM,
        "title": _text(_("Log action item")[:24]),
        "submit": _text(_("Log it")),
        "close": _text(_("Cancel")),
        "private_metadata": json.dumps(metadata)[:3000],
        "blocks": [
            _input(
                "owner",
                _("Owner"),
                _plain(draft.owner, placeholder=_("Italy, VA coordinators, the ISU, @name")),
                optional=False,
                hint=_(
                    "A State, several States, an area's coordinators, the Presidency, the ISU "
                    "or @name."
                ),
            ),
            _input("what", _("What"), _plain(draft.what, multiline=True), optional=False),
            _input(
                "due",
                _("Due"),
                _plain(draft.due, placeholder=_("15 April")),
                optional=True,
                hint=due_hint,
            ),
            _input("area", _("Area"), area, optional=True),
            _input(
                "states",
                _("States"),
                _plain(", ".join(draft.states), placeholder=_("Albania, Chile")),
                optional=True,
                hint=_("Related States, separated by commas."),
            ),
        ],
    }


def reassign_modal(item_id: int, *, metadata: dict[str, Any]) -> View:
    """Give an item to a person, a State or another owner the core understands."""
    return {
        "type": "modal",
        "callback_id": REASSIGN,
        "title": _text(_("Reassign #{id}").format(id=item_id)[:24]),
        "submit": _text(_("Reassign")),
        "close": _text(_("Cancel")),
        "private_metadata": json.dumps({**metadata, "item": item_id})[:3000],
        "blocks": [
            _input(
                "person",
                _("A person"),
                {
                    "type": "users_select",
                    "action_id": VALUE,
                    "placeholder": _text(_("Pick someone")),
                },
                optional=True,
            ),
            _input(
                "state",
                _("…or a State"),
                {
                    "type": "external_select",
                    "action_id": STATE_SEARCH,
                    "min_query_length": 1,
                    "placeholder": _text(_("Type a State")),
                },
                optional=True,
            ),
            _input(
                "other",
                _("…or another owner"),
                _plain("", placeholder=_("VA coordinators, the Presidency, the ISU")),
                optional=True,
            ),
        ],
    }


def state_options(matches: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Options for the State search (external_select: 100 at most)."""
    return [{"text": _text(name[:75]), "value": iso3} for iso3, name in matches[:100]]


def submitted(view: dict[str, Any]) -> dict[str, str]:
    """A submitted view's values as block_id -> plain string ('' when left empty)."""
    out: dict[str, str] = {}
    for block_id, actions in (view.get("state", {}).get("values", {}) or {}).items():
        for element in actions.values():
            value = (
                element.get("value")
                or element.get("selected_user")
                or element.get("selected_date")
                or (element.get("selected_option") or {}).get("value")
                or ""
            )
            out[block_id] = str(value).strip()
    return out


def metadata_of(view: dict[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}
