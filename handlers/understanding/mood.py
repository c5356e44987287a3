"""Is a line a question or a statement? The grammatical mood, read from its form alone.

A question ("has Austria paid?", "¿quién coordina…?") asks for an answer: it never means a
change to record. A statement naming one State ("Botswana's art 7 report is in") is about that
State, not a question about which States owe something. The form is enough: a question mark,
an inverted one, or an interrogative word or auxiliary first, in English, French or Spanish.
"""

from __future__ import annotations

import re

from handlers.reply.text import fold
from handlers.understanding.words import POLITE

_ASKING = re.compile(
    r"^\s*(?:"
    # English: wh-words, auxiliaries that open a yes/no question, "any(thing)"
    r"who|whom|whose|what|whats|which|when|where|why|how|is|are|was|were|has|have|had|did|do|"
    r"does|can|could|will|would|should|any|anything|anyone|"
    # French
    r"qui|que|quoi|quel|quelle|quels|quelles|quand|ou|comment|pourquoi|combien|est-ce|"
    r"qu|y\s+a-t-il|"
    # Spanish (folded: no accents)
    r"quien|quienes|cual|cuales|cuando|donde|como|cuanto|cuantos|cuantas|por\s+que|hay"
    r")\b"
)


# A request put politely as a question ("could you mark #12 done?") asks for a change: it
# opens with the request, after any "please".
_POLITE = re.compile(rf"^\W*(?:(?:{POLITE})\b[\s,!]*)+")
_REQUEST = re.compile(
    r"^(?:(?:can|could|would|will)\s+(?:you|u|we)|(?:pourrais|pourriez|peux|pouvez)[\s-]+(?:tu|vous)|"
    r"tu\s+peux|vous\s+pouvez|merci\s+de|on\s+(?:peut|pourrait)|peut-on|pourrait-on|(?:puedes|podrias|puede|podria)\s+(?!\w+\s+\w+\s+\?$)|"
    r"me\s+(?:puedes|podrias)|se\s+puede\s+(?:reabrir|cerrar|borrar|pasar|mover|asignar|aplazar|posponer)|"
    r"(?:le\s+|les\s+)?(?:pueden|puede|podrian|podeis|podriais)\s+(?:poner|cambiar|mover|pasar|cerrar|"
    r"reabrir|borrar|asignar|marcar|registrar|anotar|agregar)\w*)\b"
    # "can the ISU take over #8?", "est-ce que l'ISU peut reprendre la #8 ?": someone taking
    # an item is asked for, not asked about
    r"|^(?:(?:can|could)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?|(?:est-ce\s+que\s+)?(?:l\s+|le\s+|la\s+)?"
    r"[\w-]+\s+(?:peut|pourrait)|(?:puede|podria)\s+(?:la\s+|el\s+)?[\w-]+)\s+"
    r"(?:take\s+over|take|handle|pick\s+up|have|reprendre|prendre|s\s+occuper\s+de|"
    r"encargarse|hacerse\s+cargo|tomar|asumir)\s+(?:item\s+|the\s+|la\s+|le\s+|el\s+|del\s+|de\s+|du\s+)*#?\s?\d"
)
# "…by Friday, ok?", "…right?": a statement asking for a nod, not a question.
_TAG = re.compile(
    r"[\s,]*\b(?:ok|okay|right|yes|no|non|oui|d'accord|vale|si|correct)\s*\?+\s*$", re.I
)


_ADDRESS = re.compile(r"^(?:\s*<@\w+(?:\|[^>]*)?>[\s,:]*)+")


_PARTS = re.compile(r"(?<=[?.!;:])\s+|,\s+|\n+")
# What a polite request asks to change, in a later sentence of a message.
_CHANGE_VERB = re.compile(
    r"\b(?:mark|move|push|bring|advance|delay|extend|postpone|shift|bin|delete|remove|close|reopen|"
    r"assign|reassign|give|put|change|log|add|edit|reword|"
    r"record|snooze|mute|note|update|set|passer|passe|mettre|mets|cloturer|fermer|reattribuer|"
    r"attribuer|repousser|decaler|supprimer|ajouter|enregistrer|noter|rouvrir|marquer|changer|"
    r"asignar\w*|reabrir|poner\w*|cambiar|mover|marcar|cerrar|"
    r"borrar|registrar|anotar|agregar|anadir|pasar\w*|posponer|aplazar)\b"
)


def asks_a_change(part: str) -> bool:
    """A sentence of the message asks, politely or in the imperative, to change something."""
    part = _POLITE.sub("", _ADDRESS.sub("", fold(part).replace("'", " "))).lstrip("¿¡ ")
    if _IMPERATIVE.match(part):  # "cambia la fecha de la 10 al 21/4", "décalez l'échéance…"
        return True
    return _REQUEST.match(part) is not None and _CHANGE_VERB.search(part) is not None


def asks_a_change_somewhere(line: str) -> bool:
    """Some sentence or clause of the line asks for a change ("…en signature à Gaborone, à
    noter sur le point")."""
    return any(asks_a_change(part) for part in _PARTS.split(line))


_IMPERATIVE = re.compile(
    r"(?:cambia|cambien|mueve|muevan|pasa|pasen|pon|pongan|asigna|asignen|reasigna|marca|marquen|"
    r"cierra|cierren|borra|borren|elimina|eliminen|reabre|reabran|pospon\w*|aplaza|apunta|anota|"
    r"change|move|push|mark|close|assign|reassign|reopen|snooze|mute|delete|bin|postpone|put|"
    r"decalez|decale|repoussez|repousse|changez|mettez|passez|fermez|cloturez|supprimez|"
    r"rouvrez|reattribuez|attribuez|notez|ajoutez|corrige|corrigez|reformule|reformulez|reword|"
    r"rephrase|rename|"
    # an instruction in the infinitive: "…, à noter sur le point", "…, anotarlo", "cerrarlo"
    r"a\s+(?:noter|ajouter|mettre|enregistrer|changer|corriger|fermer|supprimer)|"
    r"[a-z]+(?:ar|er|ir)(?:lo|la|los|las))\b"
)
# Asking to be told something: a question, however politely put ("could you give me the full
# state of play", "me podrías dar un resumen", "pourriez-vous me donner la liste").
_INFO = re.compile(
    r"\b(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|also\s+)?(?:give|tell|show|send|list|"
    r"remind)\s+(?:me|us)\b|(?:pourriez|pouvez|peux|pourrais)[\s-]+(?:vous|tu)\s+(?:me|nous)\s+"
    r"(?:donner|dire|montrer|lister|envoyer|rappeler)|(?:me|nos)\s+(?:podrias|puedes|podrian|pueden)\s+"
    r"(?:dar|decir|mostrar|listar|enviar|mandar|recordar))"
)


def is_question(line: str) -> bool:
    """The line asks: it holds a question mark (not a tag such as "ok?") or starts as a
    question does; a request put politely ("can you log that Austria paid?") is an order."""
    text = _TAG.sub("", line.strip())
    folded = _POLITE.sub("", fold(text).replace("'", " "))
    addressed = _POLITE.sub("", _ADDRESS.sub("", folded)).lstrip("¿¡ ")  # "<@U1> can the ISU…?"
    if _INFO.search(folded):
        return True
    if _REQUEST.match(folded) or _REQUEST.match(addressed):
        return False
    if any(asks_a_change(part) for part in _PARTS.split(folded)[1:]):
        return False  # "Zambia confirmed … Could you mark that one as done? I think it's #21"
    if text != line.strip() and not asks_a_change_somewhere(folded):
        return True  # "the letters (19), that's closed right?": a check, not "close #12, ok?"
    if "?" in text or text.startswith("¿"):
        return True
    return _ASKING.match(folded) is not None


# Asking how to do something with the bot, not asking the bot to do it now.
_HOW_TO = re.compile(
    r"^\s*(?:how\s+(?:do|can|could|should|would)\s+(?:i|we|you|one)|how\s+to|"
    r"is\s+there\s+a\s+way|where\s+(?:can|do)\s+i\s+(?:find|see|get|look)|"
    r"ou\s+(?:puis-je|est-ce\s+que\s+je\s+peux)\s+(?:trouver|voir)|donde\s+(?:puedo\s+)?(?:encuentro|veo|encontrar|ver)|(?:what|where)\s?'?s\s+the\s+(?:command|way\s+to|syntax|format)|"
    r"which\s+command|what\s+(?:command|do\s+i\s+type)|quelle\s+commande|que\s+comando|"
    r"comment\s+(?:je|j|faire|puis-je|peut-on|est-ce\s+qu|on\s+(?:fait|peut|doit|ajoute|"
    r"enregistre|marque|change|met|note))|est-ce\s+que\s+je\s+peux|"
    r"como\s+(?:puedo|hago|registro|pongo|cambio|anado|agrego|marco|se\s+(?:registra|marca|"
    r"anade|agrega|pone|cambia|hace|usa)|(?:lo\s+|la\s+|le\s+)?[a-z]{2,}o(?=\s+(?:un|una|el|la|los|las|"
    r"lo|mis|mi|en|a|al|del|de|que)\b)))\b"
)


def is_how_to(line: str) -> bool:
    """ "How do I log a payment?", "comment j'enregistre…", "¿cómo registro…?": a question about
    using the bot, answered with the command, never by doing the thing."""
    return _HOW_TO.match(fold(line.strip().lstrip("¿")).replace("'", " ")) is not None


_APOSTROPHE = re.compile(r"['’`´]")
_ELIDED = re.compile(r"\b(qu|[nldjcsm]) (?=[aeiouyh])")


def spelled_loosely(folded: str) -> str:
    """One spelling whether or not the apostrophes were typed: "hasn't", "hasnt" → "hasnt";
    "n'a", "n a", "na" → "na"; "qu'est-ce", "qu est-ce" → "quest-ce". People in a hurry drop
    them, phones curl them; the cue words and the matcher compare this form."""
    return loose_with_offsets(folded)[0]


def unabbreviated(folded: str) -> str:
    """Chat shorthand written out ("mtgs" → "meetings", "tmrw" → "tomorrow"; see
    words.SHORTHAND), so that the matcher compares what was meant."""
    from handlers.understanding.words import SHORTHAND

    return _WORDS.sub(lambda m: SHORTHAND.get(m[0], m[0]), folded)


_WORDS = re.compile(r"[a-z0-9]+")


def loose_with_offsets(line: str) -> tuple[str, list[int]]:
    """``spelled_loosely`` of the line, with where each of its characters was in ``line``,
    so that a cue found in the loose spelling can be placed in the line."""
    from handlers.dates.vocab import same_length_fold

    folded = same_length_fold(line)
    kept: list[tuple[str, int]] = []
    for i, ch in enumerate(folded):
        if _APOSTROPHE.match(ch) or (ch == " " and (not kept or kept[-1][0] == " ")):
            continue
        kept.append((ch, i))
    text = "".join(ch for ch, _i in kept)
    drop = {m.start(2) for m in re.finditer(r"\b(qu|[nldjcsm])( )(?=[aeiouyh])", text)}
    pairs = [pair for k, pair in enumerate(kept) if k not in drop]
    return "".join(ch for ch, _i in pairs), [i for _ch, i in pairs]
