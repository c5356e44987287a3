"""The committee's vocabulary stored as English words in the database, shown in the reader's language.

Statuses, roles, area names and history verbs are data (a column says "State Party" or
"pledged"), so they are marked here for the catalogs and translated where they are shown.
"""

from __future__ import annotations

from handlers.i18n.catalog import N_, _

TERMS: frozenset[str] = frozenset(
    {
        # CCM status of a State (state.ccm_status) and how it joined (state.instrument)
        N_("State Party"),
        N_("Signatory"),
        N_("not party"),
        N_("withdrawn"),
        N_("ratification"),
        N_("accession"),
        N_("approval"),
        N_("acceptance"),
        N_("succession"),
        # contributions (contribution.status)
        N_("pledged"),
        N_("received"),
        # action items (actionitem.status)
        N_("open"),
        N_("done"),
        N_("deleted"),
        N_("draft"),
        # thematic areas (handlers/reference/areas.py)
        N_("General Status and Operation of the Convention"),
        N_("Universalization"),
        N_("Stockpile Destruction and Retention"),
        N_("Clearance and Risk Reduction Education"),
        N_("Victim Assistance"),
        N_("International Cooperation and Assistance"),
        N_("Transparency Measures"),
        N_("National Implementation Measures"),
        # roles (handlers/people/permissions.py)
        N_("ISU admin"),
        N_("Presidency"),
        N_("coordinator"),
        N_("member"),
        N_("observer"),
        # history of an item (itemevent.action)
        N_("created"),
        N_("reimported"),
        N_("confirmed"),
        N_("reopened"),
        N_("restored"),
        N_("snoozed"),
        N_("assigned"),
        N_("reassigned"),
        N_("noted"),
        N_("edited"),
        N_("note"),
        N_("edit"),
        N_("delete"),
        N_("restore"),
        N_("reopen"),
        N_("snooze"),
        N_("due"),
        N_("assign"),
        N_("imported"),
        # meeting kinds (meeting.kind)
        N_("CC meeting"),
        N_("MSP"),
        N_("intersessional"),
        N_("seminar"),
        N_("Review Conference"),
        N_("Seminar"),
        N_("Intersessional"),
    }
)


def term(value: str | None) -> str:
    """A stored English term in the reader's language; anything else (names, free text) as it is."""
    if not value:
        return ""
    return _(value) if value in TERMS else value


DEADLINE_KINDS = {
    "article3": N_("article 3"),
    "article3_extension": N_("article 3 extension"),
    "article4": N_("article 4"),
    "article4_extension": N_("article 4 extension"),
    "extension_request": N_("extension request"),
    "article7": N_("article 7"),
}


def deadline_kind(kind: str) -> str:
    """A treaty deadline's kind as a short phrase ("article7" -> "Article 7 report due")."""
    return _(DEADLINE_KINDS[kind]) if kind in DEADLINE_KINDS else kind.replace("_", " ")
