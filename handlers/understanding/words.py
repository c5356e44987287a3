"""Command words in French and Spanish, and English aliases too loose to trust alone.

``FOREIGN`` maps a first word to the English command it stands for ("statut Botswana" is
"status Botswana", "hecho #12" is "done #12"); keys are folded (lower case, no accents).
``LOOSE`` are aliases that also start ordinary questions ("who hasn't paid", "next week's
deadlines", "open items for the Presidency"): a line starting with one is read as a whole.
"""

from __future__ import annotations

FOREIGN: dict[str, str] = {
    # status
    "statut": "status", "etat": "status", "situation": "status", "estado": "status",
    "situacion": "status", "resumen": "status",
    # items and lists
    "actions": "items", "taches": "items", "tareas": "items", "acciones": "items",
    "pendientes": "items", "liste": "items", "lista": "items",
    "retard": "overdue", "retards": "overdue", "atrasados": "overdue", "vencidos": "overdue",
    "mes": "mine", "moi": "mine", "mis": "mine",
    # log an item
    "ajouter": "action", "anadir": "action", "agregar": "action",
    # item changes
    "fait": "done", "fini": "done", "termine": "done", "hecho": "done", "hecha": "done",
    "terminado": "done", "terminada": "done", "cerrar": "done", "fermer": "done",
    "rouvrir": "reopen", "reabrir": "reopen",
    "supprimer": "delete", "effacer": "delete", "borrar": "delete", "eliminar": "delete",
    "restaurer": "restore", "restaurar": "restore",
    "reporter": "snooze", "repousser": "snooze", "aplazar": "snooze", "posponer": "snooze",
    "echeance": "due", "vence": "due", "vencimiento": "due",
    "attribuer": "assign", "assigner": "assign", "confier": "assign", "asignar": "assign",
    "reasignar": "assign", "reattribuer": "assign",
    "historique": "history", "historial": "history",
    # calendar, money, people
    "reunion": "meeting", "reunions": "meeting", "reuniones": "meeting",
    "echeances": "deadlines", "delais": "deadlines", "plazos": "deadlines",
    "contribucion": "contribution", "versement": "contribution", "pago": "contribution",
    "contribuciones": "contributions", "finanzas": "contributions",
    "promesse": "pledge", "promesa": "pledge",
    "coordinateurs": "who", "coordonnateurs": "who", "coordinadores": "who", "qui": "who",
    "aide": "help", "aidez-moi": "help", "ayuda": "help", "ayudame": "help",
}

LOOSE: frozenset[str] = frozenset(
    {
        "next", "show", "open", "who", "where", "about", "info", "list", "me", "my", "add",
        "remove", "upcoming", "money", "funding", "finances", "close", "complete", "ls",
        "qui", "mes", "mis", "moi", "situation", "vence", "echeance", "pago", "lista", "liste",
    }
)
