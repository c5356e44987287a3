"""`help <anything>` and "how do I ...?": the command whose words are closest in meaning.

Each command is described by its usage, its help line, its examples and the words people use
for it in English, French and Spanish (``WORDS``); a question is compared with each description
over the same character n-grams the intent matcher uses (TF-IDF, cosine).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

from handlers.commands.registry import COMMANDS
from handlers.reply.text import fold
from handlers.understanding.intents import features

WORDS: dict[str, str] = {
    "action": "log record add create new action item task todo commitment follow-up ajouter "
    "enregistrer créer nouvelle action tâche registrar crear nueva tarea acción compromiso",
    "done": "mark done complete finish close tick off terminer marquer fait terminé fermer cerrar "
    "marcar hecho completar terminar",
    "snooze": "snooze postpone remind later delay hold reminders stop pinging notifications mute "
    "stop reminding me about an item until "
    "pause quiet reporter repousser rappel pause aplazar posponer recordar pausar",
    "due": "change due date deadline set date move reschedule change an item's deadline extend "
    "changer la date échéance d'une action cambiar fecha vencimiento plazo de una tarea",
    "assign": "reassign assign give hand over owner someone else transfer réattribuer attribuer "
    "confier responsable reasignar asignar responsable",
    "note": "comment note add remark commentaire nota comentario",
    "edit": "edit rename change text wording correct modifier texte editar corregir texto",
    "delete": "delete remove erase supprimer effacer borrar eliminar",
    "restore": "restore undelete undo restaurer récupérer restaurar recuperar",
    "meeting": "meeting add schedule calendar CC MSP next meeting when meet réunion calendrier "
    "ajouter prochaine reunión calendario próxima",
    "contribution": "record contribution payment paid money received CHF enregistrer contribution "
    "paiement versement payé registrar contribución pago pagado",
    "pledge": "pledge promise announced promesse annonce promis promesa prometido",
    "contributions": "contributions totals finances received pledged who paid total combien "
    "finances cuánto finanzas",
    "unpaid": "not paid unpaid who hasn't paid owes chase impayé pas payé no ha pagado impagos",
    "who": "coordinators who coordinates area thematic coordinateurs qui coordonne coordinadores "
    "quién coordina",
    "coordinator": "add coordinator remove coordinator change coordinators ajouter coordinateur "
    "añadir coordinador",
    "status": "status where do we stand state situation overview picture statut où en est estado "
    "situación",
    "items": "list items open tasks filter show actions liste actions tareas lista",
    "overdue": "overdue late past due missed retard en retard atrasado vencido",
    "deadlines": "deadlines upcoming due soon coming up échéances plazos",
    "treaty": "treaty deadlines article 3 article 4 clearance stockpile extension obligations "
    "échéances article plazos artículo",
    "article7": "article 7 transparency report owed missing who owes rapport transparence informe "
    "transparencia",
    "report": "record article 7 report received arrived enregistrer rapport reçu registrar informe "
    "recibido",
    "history": "history changes audit log who changed historique historial",
    "roster": "roster roles people admin permissions rôles roles",
    "digest": "digest summary weekly preview résumé resumen semanal",
    "mine": "my items my tasks mine my plate mes actions mis tareas",
    "decided": "decided decision agreed minutes search what did we decide décision décidé decisión "
    "acordado",
    "help": "help commands aide ayuda",
    "calendar": "calendar feed ics outlook google apple subscribe my calendar agenda sync "
    "calendrier abonnement agenda synchroniser calendario suscribirse sincronizar",
    "chart": "chart graph picture plot image diagram bar graphique diagramme image gráfico "
    "gráfica diagrama",
    "lang": "language switch french spanish english langue changer de langue français espagnol "
    "anglais idioma cambiar francés español inglés",
}


def _vector(text: str) -> dict[str, float]:
    grams = features(text)
    norm = math.sqrt(sum(v * v for v in grams.values())) or 1.0
    return {g: v / norm for g, v in grams.items()}


@cache
def _index() -> tuple[tuple[str, dict[str, float]], ...]:
    """Per command: a TF-IDF-weighted vector of its description (built at first use)."""
    docs: list[tuple[str, Counter[str]]] = []
    for name, spec in COMMANDS.items():
        text = " ".join([spec.usage, spec.summary, WORDS.get(name, "")])
        docs.append((name, features(text)))
    df: Counter[str] = Counter()
    for _name, grams in docs:
        df.update(grams.keys())
    out = []
    for name, grams in docs:
        weighted = {g: c * math.log((1 + len(docs)) / (1 + df[g])) for g, c in grams.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        out.append((name, {g: v / norm for g, v in weighted.items()}))
    return tuple(out)


def rank_commands(question: str, *, limit: int = 3) -> list[tuple[str, float]]:
    """Command names closest to ``question`` in meaning with their likeness, best first; a
    command named by its own name or alias in the question ("a chart of …") counts more."""
    query = _vector(question)
    said = set(fold(question).replace("?", " ").split())
    scored = [
        (
            sum(w * doc.get(g, 0.0) for g, w in query.items())
            + (0.1 if said & {name, *COMMANDS[name].aliases} else 0.0),
            name,
        )
        for name, doc in _index()
    ]
    scored.sort(reverse=True)
    return [(name, score) for score, name in scored[:limit] if score >= 0.12]


# A question about a command itself: "what does snooze actually do?", "Que fait la commande
# « treaty » exactement ?", "¿qué hace el comando digest?", "is it /ccm todo or /ccm action?".
_NAMED = re.compile(
    r"/ccm\s+([\w-]+)|[«\"“'`‘]\s*/?([\w-]+)\s*[»\"”'`’]|"
    r"\b(?:command|commande|comando)\s+(?:/ccm\s+)?([\w-]+)|"
    r"\bwhat\s+does\s+(?:/ccm\s+)?([\w-]+)\s+(?:actually\s+|really\s+|exactly\s+)?do\b",
    re.I,
)
_ABOUT = re.compile(
    r"\b(?:what\s+does|what\s+is|what's|whats|difference|same\s+thing|is\s+it|which|que\s+fait|"
    r"c'est\s+quoi|a\s+quoi\s+sert|quelle|que\s+hace|para\s+que\s+sirve|cual|diferencia|"
    r"mismo|how\s+does|comment\s+marche|como\s+funciona)\b",
    re.I,
)


_ABOUT_A_COMMAND = re.compile(
    r"/ccm|\b(?:command|commande|comando|cmd|syntax|does|do\s+i\s+(?:use|type)|fait|hace|sirve|"
    r"same\s+thing|difference|diferencia|mismo|uso|utilise)\b"
)


def command_asked_about(line: str) -> str | None:
    """The command a question asks about by its name (or alias), or None: such a question is
    answered with that command's help, never by running it."""
    from handlers.commands.registry import LOOKUP

    folded = fold(line)
    if not _ABOUT.search(folded) or not _ABOUT_A_COMMAND.search(folded):
        return None  # "which items are 'done'?" asks for items
    for m in _NAMED.finditer(folded):
        word = next(g for g in m.groups() if g)
        if word in LOOKUP:
            return LOOKUP[word].name
    return None
