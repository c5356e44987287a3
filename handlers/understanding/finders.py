"""Finders for the entities that are not names: item numbers, people and roles, meetings,
Articles, amounts with currencies, years and periods. Each returns spans into the line.

They run on the ``same_length_fold``ed line (lower case, no accents, same length), so a span
found there is a span of what the user typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from handlers.dates.vocab import MONTH, YEAR, same_length_fold
from handlers.money import _TOKEN, _cents


@dataclass(frozen=True)
class Found:
    kind: str
    start: int
    end: int
    value: str
    currency: str | None = None


MENTION = re.compile(r"<@(?P<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>")
_ITEM_VERBS = (
    r"done|close[sd]?|complete[sd]?|finish(?:ed)?|tick\s+off|mark|marquer|marcar|snooze|push|move|postpone|delay|"
    r"extend|reopen|delete|remove|restore|assign|reassign|give|hand|note|edit|status|history|"
    r"fait|termine[ée]?|ferme[rz]?|reporter|repousser|attribuer|confier|hecho|cerrar|cerrada|"
    r"terminad[ao]|aplazar|mover|asignar|pasar|reattribuer|rouvrir|supprimer|avancer|passer|"
    r"mettre|clore|reabrir|reasignar|borrar|eliminar|posponer|bin|drop|close|decaler|retrasar|"
    r"pasale|pasarle|silenciar|pausar|pause|mute|take\s+over|reprendre|prendre|borra|borren|cierra|"
    r"cierren|cloturer|reabre|reabran|supprimez|supprime|quita|pasa|met|mets|cumplimos\s+con|"
    r"bring|avancez|adelanta|adelanten|changed|change|modified|edited|touched|moved|modifie|touche|"
    r"deplace|cambio|modifico|toco|movio|pospuso|changer|cambiar|cambien|changez|"
    r"pospon|aplaza|aplace|retrasa|repousse|decale|reporte|asigna|asignen|asignale|reasigna|mueve|"
    r"cambia|marca|anota|agrega|put|bin|scrap"
)
ITEM = re.compile(
    r"(?<![\w#])#\s?(?P<a>\d{1,6})(?!\d)"
    r"|(?<!\w)(?:item|items|action|point|punto|task|tache|tarea|accion|element|ai|no\.?|n°|nr\.?|"
    r"numero|pt\.?)\s*#?\s*(?P<b>\d{1,6})(?![\d/.'h]|[:,]\d)"
    rf"|(?<!\w)(?:{_ITEM_VERBS})\s+(?:(?:le|la|el|lo|l')\s+)?(?:item\s+|#)?(?!(?:19|20)\d\d)(?P<c>\d{{1,6}})(?![\d/.'h%]|[:,]\d)(?!\s*(?:chf|eur|usd|k\b|days?|weeks?|months?|"
    r"jours?|semaines?|mois|dias?|semanas?|meses|msp|rc|april|may|june|\w+ber))"
    r"|^(?:(?:hmm+|ok|so|btw|fyi|also|and|oh|ah|re|sobre|pour)\W+)?(?!(?:19|20)\d\d\b)(?P<d>\d{1,6})(?:\s+(?:is|isnt|isn't|est|"
    r"esta|can|cant|can't|has|hasnt|hasn't|was|wasnt|wasn't|should|must|needs|will|goes|n'est|"
    r"no\s+esta|debe|va|passe|pasa)\b|\s*[—–:]\s|\s+-\s)"
    # "la 6, mets-la…", "la 5 me sigue mandando recordatorios": an item opening the line
    r"|^(?:la|le|el|lo|the)\s+(?P<g>\d{1,4})(?=\s*[,:;]|\s+(?:me|se|ya|sigue|est|es|a|n'|no|is|was|"
    r"has|needs|should|va|part|sale)\b)"
    # "any update on 15?", "la NZ en est où sur le 12 ?": what an item's news is about
    r"|(?<!\w)(?:update|updates|news|nouvelles|novedades|status|statut)\s+(?:on|of|about|for|sur|de|del|"
    r"sobre)\s+(?:(?:the|le|la|el|l')\s+)?(?:item\s+|#)?(?P<h>\d{1,4})(?![\d/.'h%]|[:,]\d)"
    r"|(?<!\w)(?:en\s+est\s+o[uù]\s+)?sur\s+(?:le|la|l')\s*(?:#\s?)?(?P<i>\d{1,4})(?![\d/.'h%]|[:,]\d)"
    r"(?!\s*(?:er|e)?\s*(?:jan|fev|mar|avr|mai|juin|juil|aou|sep|oct|nov|dec)\w*)"
    # "agregar nota al 16", "ajoute au 14 :", "a note to 12"
    r"|(?<!\w)(?:nota|note|notes|ajoute[rz]?|agrega[r]?|add)\s+(?:al|au|to|on|a\s+la|sur\s+la?|en\s+el)\s+"
    r"(?:item\s+|#)?(?P<j>\d{1,4})(?![\d/.'h%]|[:,]\d)"
    # "l'échéance du 3", "the deadline of 12", "los recordatorios del #7": what an item has
    r"|(?<!\w)(?:echeance|deadline|due\s+date|date|fecha|plazo|vencimiento|recordatorios?|rappels?|"
    r"reminders?|text|texte|texto|wording|intitule|redaccion)\s+(?:du|de\s+la|de|del|of|for|on)\s+"
    r"(?:item\s+|#)?(?P<f>\d{1,4})"
    r"(?![\d/.'h%]|[:,]\d|\s*(?:er|st|nd|rd|th)?\s*(?:de\s+)?(?:jan|fev|feb|mar|avr|apr|abr|mai|may|"
    r"jui|jun|jul|aou|aug|ago|sep|oct|nov|dec|dic|ene)\w*)"
    r"|^(?:(?:the|el|la|le|lo|l')\s*)?(?P<e>\d{1,6})\s+(?:(?:is|est|esta|es|c'est|ya|ya\s+esta|"
    r"has\s+been|was)\s+)?(?:done|closed|complete|completed|finished|fait|faite|termine|"
    r"terminee|hecho|hecha|terminado|terminada|listo|lista|cerrado|cerrada)\b"
)
ROLE = re.compile(
    r"(?<!\w)(?:the\s+|la\s+|le\s+|l'|el\s+)?(?P<role>presiden(?:cy|t|ce|cia|te)|chair(?:s|person)?|"
    r"co-?chairs?|co-?presidents?|copresidentes?|isu|isu-ccm|uai|dap|secretariat|secretaria(?:do|t)?|"
    r"coordinat(?:ors?|eurs?)|coordonnat(?:eurs?|rices?)|coordinador(?:es|as)?)(?!\w)"
)
PERSON = re.compile(
    r"(?<![\w'])(?P<p>me|i|i'll|i'm|my|mine|myself|moi|je|j'|mes|mon|yo|mis|mi|me toca)(?![\w'-])(?!\s+\d)"
    r"(?<!\bde mes)(?<!\bel mes)(?<!\bun mes)(?<!\bdel mes)(?<!\bcada mes)(?<!\bcomo mi)"
)  # "fin de mes", "el mes que viene": the Spanish month, not the French "my"
# "show me", "tell me", "send me"…: a verb whose "me" receives the answer.
_TO_ME = re.compile(
    r"\b(?:show|tell|give|send|brief|email|mail|ping|text|get|let|update|help|fill|asked|told|"
    r"emailed|called|messaged|pinged|contacted|asking|telling|wrote|sent|list|give|"
    r"walk|remind|montre|montrez|dis|dites|envoie|envoyez|muestra|muestrame|dime|"
    r"enviame|manda)\s+$"
)
# French and Spanish put "me" before the verb: "pouvez-vous me rappeler…", "me puedes decir…".
_ME_TOLD = re.compile(
    r"\s+(?:rappeler|rappelle[rz]?|dire|montrer|envoyer|donner|indiquer|faire\s+savoir|lister|"
    r"decir|mostrar|enviar|recordar|pasar|mandar|explicar|puedes|podrias|pueden)\b"
)
# "I" who only learns of something, "my" of a diary: not whose items.
_I_LEARN = re.compile(
    r"i\s+(?:should|need\s+to|must|have\s+to|ought\s+to|want\s+to)\s+(?:know|be\s+aware|hear|"
    r"put|add|note|flag|mention|tell|plan)|my\s+(?:diary|calendar|agenda|outlook)|"
    r"(?:mon|mi)\s+(?:agenda|calendrier|calendario)|"
    # where I am, not what I have to do: "since I'm away half of it", "je suis en mission"
    r"i'?m\s+(?:away|out|off|travel+ing|on\s+leave|on\s+mission|on\s+holiday|in\s+\w+)|"
    r"i\s+am\s+(?:away|out|off|travel+ing|on\s+leave|on\s+mission|on\s+holiday)"
)
WE = re.compile(
    r"(?<![\w'])(?:we|we'll|our|nous|nosotros|nuestra|nuestro|vamos(?=\s+a\s)|"
    r"on(?=\s+va\s+[a-z]+(?:er|ir|re)\b|\s+(?:ira|fera|enverra|s'occupe|se\s+charge)\b))(?![\w'])"
)
MEETING = re.compile(
    r"(?<!\w)(?:(?P<num>\d{1,2})\s*(?:st|nd|rd|th|e|eme|o|a)?\s*(?P<kind>msp|rc|aep|rep|reunion\s+de\s+los\s+estados\s+partes)"
    r"|(?P<next>next|prochaine?|proxima)\s+(?:cc|coordination\s+committee|meeting|reunion|comite)"
    r"|(?P<inter>intersessionals?|intersessions|reuniones\s+entre\s+sesiones)"
    r"|(?P<msp>msp|review\s+conference))(?!\w)"
)
ARTICLE = re.compile(
    r"(?<!\w)(?:article|art\.?|articulo|artículo)\s*(?P<n>[1-9]|1[0-9]|2[0-2])(?!\d)"
)
_CURRENCY_BEFORE = re.compile(
    r"(?:(?P<code>chf|eur|usd|gbp|nzd|aud|cad|nok|sek|dkk|jpy|sfr\.?|fr\.)\s*|(?P<sym>[€$£]))$"
)
_CURRENCY_AFTER = re.compile(
    r"^\s*(?:(?:de|of|d')\s*)?(?P<word>chf|eur|euros?|usd|dollars?|dolares|gbp|pounds?|"
    r"swiss\s+francs?|francs?\s+suisses?|francos?\s+suizos?|"
    r"fcfa|f\s?cfa|cfa(?:\s+francs?)?|francs?\s+cfa|xof|xaf|nok|sek|dkk|aud|cad|nzd|jpy|yen|"
    r"pesos?|soles?|reais|rand|kr|kronor|kroner|couronnes|coronas|"
    r"francs?|francos?|sfr\.?|fr\.|[€$£¥])(?!\w)"
)
_CODES = {"chf": "CHF", "sfr": "CHF", "sfr.": "CHF", "fr.": "CHF", "eur": "EUR", "usd": "USD"}
_CODES |= {"gbp": "GBP", "€": "EUR", "$": "USD", "£": "GBP"}
_CODES |= {c: c.upper() for c in ("nzd", "aud", "cad", "nok", "sek", "dkk", "jpy")}
_MONEY_CUES = re.compile(
    r"paid|pay|pledg|contrib|transfer|received|rcvd|recd|payment|promis|paye|verse|recu|"
    r"pago|pagado|pagó|recib|aport|donat|fund|announced|committed|give|money"
)
YEAR_RE = re.compile(rf"(?<![\d'.,])(?P<y>{YEAR})(?![\d'.,]\d)")
PERIOD = re.compile(
    r"(?<!\w)(?:(?:this|next|last|cette|ce|la|le|el|esta|este)\s+(?:week|wk|month|year|yr|quarter|semaine|mois|annee|semana|mes|ano|trimestre)"
    r"(?:\s+(?:prochaine?|proxim[oa]|que\s+viene|siguiente))?"
    r"|(?:the\s+)?(?:next|coming|prochains?|proxim[oa]s)\s+(?:\d{1,3}|two|three|four|five|six|ten|deux|"
    r"trois|quatre|dos|tres|cuatro)\s+(?:days|weeks|months|jours|semaines|mois|dias|semanas|meses)"
    r"|(?:this|next)\s+(?:couple\s+of\s+)?(?:weeks|months)"
    r"|today|tomorrow|aujourd'hui|demain|hoy"
    r"|[qt][1-4](?:\s+" + YEAR + r")?"
    rf"|(?<![\d/])(?:{MONTH})(?:\s+{YEAR})?(?!\w))(?!\w)"
)


def find_all(line: str) -> Iterator[Found]:
    """Every non-name entity in ``line``."""
    folded = same_length_fold(line)
    for m in MENTION.finditer(line):
        yield Found("mention", m.start(), m.end(), m["id"])
    yield from _amounts(line, folded)
    for m in ITEM.finditer(folded):
        group = next(g for g in "abcdefghij" if m[g])
        yield Found("item", m.start(group) - (1 if group == "a" else 0), m.end(group), m[group])
    for m in ROLE.finditer(folded):
        yield Found("role", m.start("role"), m.end("role"), _role(m["role"]))
    for m in PERSON.finditer(folded):
        if m["p"] == "me" and (
            _TO_ME.search(folded, 0, m.start()) or _ME_TOLD.match(folded, m.end())
        ):
            continue  # "show me Italy's items": me is who is told, not whose items
        if _I_LEARN.match(folded, m.start()):
            continue  # "anything due I should know about?": I am told, nothing is mine
        yield Found("person", m.start(), m.end(), "me")
    for m in WE.finditer(folded):
        yield Found("person", m.start(), m.end(), "we")
    for m in MEETING.finditer(folded):
        yield Found("meeting", m.start(), m.end(), _meeting(m))
    for m in ARTICLE.finditer(folded):
        yield Found("article", m.start(), m.end(), m["n"])
    for m in YEAR_RE.finditer(folded):
        yield Found("year", m.start(), m.end(), m["y"])
    for m in PERIOD.finditer(folded):
        if m[0].strip() in {"may", "march"} and not line[m.start()].isupper():
            continue  # "may" and "march" are verbs unless capitalised
        yield Found("period", m.start(), m.end(), line[m.start() : m.end()])


def _role(word: str) -> str:
    if word.startswith(("presiden", "chair")):
        return "presidency"
    if (word.startswith(("co-", "co", "copresident")) and "chair" in word) or "copresid" in word:
        return "cochairs"
    if word.startswith(("isu", "secretaria", "uai", "dap")):
        return "isu"
    return "coordinators"


def _meeting(m: re.Match[str]) -> str:
    if m["num"]:
        kind = "rc" if m["kind"] == "rc" else "msp"
        return f"{int(m['num'])}{kind}"
    if m["next"]:
        return "next cc"
    if m["inter"]:
        return "intersessionals"
    return "msp" if m["msp"] == "msp" else "rc"


def _currency_word(word: str) -> str:
    """The currency a word after an amount names; one the ISU does not keep is named as it is
    ("FCFA", "NOK"), never taken for Swiss francs."""
    word = re.sub(r"\s+", " ", word)
    if "cfa" in word or word in {"xof", "xaf"}:
        return "XOF"
    if word in _CODES:
        return _CODES[word]
    if word in {"nok", "sek", "dkk", "aud", "cad", "nzd", "jpy"}:
        return word.upper()
    if word in {"yen", "¥"}:
        return "JPY"
    if word.startswith(("kr", "kron", "couronne", "corona")):
        return "SEK"
    if word.startswith(("peso", "sol", "real", "reais", "rand")):
        return word.upper()
    if "fr" in word:
        return "CHF"
    return "EUR" if "euro" in word else "USD" if "dol" in word else "GBP"


def _amounts(line: str, folded: str) -> Iterator[Found]:
    """Numbers that are money: a currency beside them, or a money word in the line."""
    cue = _MONEY_CUES.search(folded) is not None
    for m in _TOKEN.finditer(line):
        cents = _cents(m)
        if cents is None:
            continue
        start, end = m.start(), m.end()
        before = _CURRENCY_BEFORE.search(folded[max(0, start - 6) : start])
        after = _CURRENCY_AFTER.match(folded[end : end + 20])
        currency = None
        if before:
            currency = _CODES.get(before["code"] or before["sym"])
            start -= len(before[0])
        elif after:
            word = after["word"]
            currency = _currency_word(word)
            end += len(after[0])
        number = m["number"]
        plain = re.fullmatch(r"\d{1,4}", number) is not None and not m["scale"]
        if currency is None and (
            not cue or (plain and (YEAR_RE.fullmatch(number) or int(number) < 100))
        ):
            continue  # "2017", "#12", "in 3 weeks": not money
        yield Found("amount", start, end, str(cents), currency)
