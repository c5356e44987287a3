"""Command words in French and Spanish, and English aliases too loose to trust alone.

``FOREIGN`` maps a first word to the English command it stands for ("statut Botswana" is
"status Botswana", "hecho #12" is "done #12"); keys are folded (lower case, no accents).
``LOOSE`` are aliases that also start ordinary questions ("who hasn't paid", "next week's
deadlines", "open items for the Presidency"): a line starting with one is read as a whole.
"""

from __future__ import annotations

from handlers.dates.vocab import UNIT_SHORTHAND

FOREIGN: dict[str, str] = {
    # status
    "statut": "status",
    "etat": "status",
    "situation": "status",
    "estado": "status",
    "situacion": "status",
    "resumen": "status",
    # items and lists
    "actions": "items",
    "taches": "items",
    "tareas": "items",
    "acciones": "items",
    "pendientes": "items",
    "liste": "items",
    "lista": "items",
    "retard": "overdue",
    "retards": "overdue",
    "atrasados": "overdue",
    "vencidos": "overdue",
    "mes": "mine",
    "moi": "mine",
    "mis": "mine",
    # log an item
    "ajouter": "action",
    "anadir": "action",
    "agregar": "action",
    # item changes
    "fait": "done",
    "fini": "done",
    "termine": "done",
    "hecho": "done",
    "hecha": "done",
    "terminado": "done",
    "terminada": "done",
    "cerrar": "done",
    "fermer": "done",
    "rouvrir": "reopen",
    "reabrir": "reopen",
    "supprimer": "delete",
    "effacer": "delete",
    "borrar": "delete",
    "eliminar": "delete",
    "restaurer": "restore",
    "restaurar": "restore",
    "echeance": "due",
    "vence": "due",
    "vencimiento": "due",
    "attribuer": "assign",
    "assigner": "assign",
    "confier": "assign",
    "asignar": "assign",
    "reasignar": "assign",
    "reattribuer": "assign",
    "historique": "history",
    "historial": "history",
    # calendar, money, people
    "reunion": "meeting",
    "reunions": "meeting",
    "reuniones": "meeting",
    "echeances": "deadlines",
    "delais": "deadlines",
    "plazos": "deadlines",
    "contribucion": "contribution",
    "versement": "contribution",
    "pago": "contribution",
    "contribuciones": "contributions",
    "finanzas": "contributions",
    "promesse": "pledge",
    "promesa": "pledge",
    "coordinateurs": "who",
    "coordonnateurs": "who",
    "coordinadores": "who",
    "qui": "who",
    "aide": "help",
    "aidez-moi": "help",
    "ayuda": "help",
    "ayudame": "help",
}

LOOSE: frozenset[str] = frozenset(
    {
        "next",
        "show",
        "open",
        "who",
        "where",
        "about",
        "info",
        "list",
        "me",
        "my",
        "add",
        "remove",
        "upcoming",
        "money",
        "funding",
        "finances",
        "close",
        "complete",
        "ls",
        "qui",
        "mes",
        "mis",
        "moi",
        "situation",
        "vence",
        "echeance",
        "pago",
        "lista",
        "liste",
    }
)

# Chat shorthand, folded, and the word it stands for: the matcher and the cue words read
# "any mtgs in june?" as "any meetings in june?". Only forms that mean one thing here.
SHORTHAND: dict[str, str] = {
    "mtg": "meeting",
    "mtgs": "meetings",
    "mtng": "meeting",
    "meetg": "meeting",
    "rpt": "report",
    "rpts": "reports",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2moro": "tomorrow",
    "pls": "please",
    "plz": "please",
    "pmt": "payment",
    "pymt": "payment",
    "govt": "government",
    "contrib": "contribution",
    "contribs": "contributions",
    "coord": "coordinator",
    "coords": "coordinators",
    "reu": "reunion",
    "rdv": "reunion",
    "qd": "quand",
    "pr": "pour",
    "ds": "dans",
    "cad": "c'est-a-dire",
    "xq": "porque",
    "pq": "porque",
    "tb": "tambien",
    "info": "information",
    "cal": "calendar",
    "rcvd": "received",
    "recd": "received",
    "dup": "duplicate",
    "dupe": "duplicate",
    "dupl": "duplicate",
    "asap": "as soon as possible",
    **UNIT_SHORTHAND,  # "wk", "wks", "yr"…: the dates' own table
}

# The words that make a request polite in the three languages, as a regex alternation: the
# request is read without them ("overdue items pls", "reopen 19 pls, …", "please, has…?").
POLITE = r"please|pls|plz|svp|stp|por\s+favor|merci"
# … and the thanks that may close one ("…, thanks").
THANKS = r"thanks|thx|gracias"
