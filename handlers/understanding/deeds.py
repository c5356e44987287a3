"""A request for a deed the bot cannot do: "could you email the draft minutes to Dublin?",
"send the reminder letters to everyone who hasn't paid", "¿pueden llamar a la misión de
Albania?". The bot keeps records; it does not write, call or pay. Such a line is never answered
with a listing that merely shares its words: the reply says so, and how to log the deed as an
item for whoever will do it.
"""

from __future__ import annotations

import re

from handlers.dates.vocab import same_length_fold
from handlers.understanding.words import POLITE

# Deeds in the world, by their verb (English forms; French and Spanish infinitives, which match
# in any person, see _verb).
_ENGLISH = (
    "email e-mail mail send forward call phone ring contact write draft translate book reserve "
    "print invite organise organize arrange pay transfer circulate distribute upload publish "
    "post chase"
)
_INFINITIVES = (
    "envoyer appeler telephoner contacter ecrire rediger traduire reserver imprimer inviter "
    "organiser payer virer diffuser transmettre relancer publier "
    "enviar mandar llamar telefonear contactar escribir redactar traducir reservar imprimir "
    "invitar organizar pagar transferir circular reenviar publicar"
)
# The pronouns that make a deed a request to be told ("send me the list", "envoie-moi",
# "mándame"): that is a question, answered.
_TO_ME = r"(?:\s+(?:me|us|moi|nous)\b|-(?:moi|nous)\b|(?<=[a-z])(?:me|nos)\b)"


def _verb(infinitive: str) -> str:
    stem = infinitive[:-2] if infinitive.endswith(("er", "ir", "ar")) else infinitive
    stem = stem[:-1] if infinitive.endswith("re") else stem  # écrire, traduire, transmettre
    return re.escape(stem) + r"(?:e|es|ez|er|ir|re|ar|a|an|en|ons|ais|ait|is|it|ent)?"


_DEED = "|".join([*_ENGLISH.split(), *(_verb(v) for v in _INFINITIVES.split())])
_ASKED = re.compile(
    rf"^\W*(?:(?:{POLITE})\b[\s,!]*)*"
    r"(?:(?P<request>(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|also\s+)?|"
    r"(?:pourrais|pourriez|peux|pouvez)[\s-]+(?:tu|vous)\s+|tu\s+peux\s+|vous\s+pouvez\s+|merci\s+de\s+|"
    r"(?:puedes|podrias|puede|podria|pueden|podrian|podeis)\s+|(?:hay\s+que|il\s+faut)\s+))?"
    rf"(?P<deed>(?:{_DEED}))(?!\w)(?!{_TO_ME})"
    # an order without a request word: the verb then its object ("send the letters"), not a
    # noun that opens a statement ("draft minutes circulated", "transfer from Austria in")
    r"(?(request)|(?=\s+(?:the|a|an|all|every|our|it|them|him|her|le|la|les|l'|un|une|des|"
    r"el|los|las|lo|una|unos|todas?|todos?|tous|toutes)\b))"
)
# Words that ask for a record of the deed, which the bot keeps: "log that we will call…"
_RECORD = re.compile(
    r"\b(?:log|note|record|add|track|enregistr\w*|not(?:e|ez|er)|ajout\w*|registr\w*|anot\w*|"
    r"agreg\w*|apunt\w*|action|todo|tarea|tache)\b"
)


_AN_ITEM = re.compile(r"\s+(?:the\s+|l'|le\s+|la\s+|el\s+)?(?:item|point|punto|action|#)\s*#?\d")


def deed_asked(line: str) -> str | None:
    """What the line asks the bot itself to do in the world, or None (a question, a record to
    keep, a change to an item)."""
    folded = same_length_fold(line).lower().replace("’", "'")
    if _RECORD.search(folded):
        return None
    asked = _ASKED.match(folded)
    if asked is None or _AN_ITEM.match(folded, asked.end()):
        return None  # "transfer the item 14 to Chile": a change to an item, the bot's to do
    return re.split(r"(?<!<)[.?!;\n]", line[asked.start("deed") :], maxsplit=1)[0].strip(" ,")
