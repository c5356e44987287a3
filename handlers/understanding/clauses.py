"""A message of several clauses: which part is the request, and "pls log it".

People write to a colleague, not to a parser: "Costa Rica here. which SPs still owe their art
7 report this year? it's due 30/4 right?", "following up from yesterday's CC: Italy will call
the Albanian mission by next Wed. pls log it". The request is one clause (or the clauses from
one boundary to the end); the others are context, greetings or a request to log what was said.

``candidates`` gives the texts worth reading: the whole line without its requests to log, each
clause, and each tail from a clause boundary to the end. The caller reads each and keeps the
clearest. ``told`` says the line asked for what it says to be recorded.
"""

from __future__ import annotations

import re

from handlers.reply.text import fold
from handlers.understanding.entities import Reading
from handlers.understanding.finders import WE
from handlers.understanding.mood import is_question

# Where a clause ends: a sentence end, a colon or dash that introduces what follows, a
# semicolon, a new line. Not a decimal point ("12.5"), an abbreviation dot ("H.E."), nor a colon
# inside "#12: text" (an item's note keeps its text).
_BOUNDARY = re.compile(
    r"(?<=[a-zà-ÿ0-9)\]'’”\"»#]{2})(?<!\bart)(?<!\bno)(?<!\bnr)(?<!\bamb)(?<!\bmr)(?<!\bmrs)(?<!\bdr)"
    r"(?<!\betc)(?<!\bvs)(?<!\bcf)(?<!\bpp)(?<!\bsr)(?<!\bsra)\s?[.!?]+(?=\s+\S)|"
    # a comma before what follows from it ("…, so 13 is done") or before the writer's own
    # circumstances ("…, j'ai un call avec la Présidence à 10h", "…, I'm away next week")
    r",\s+(?:so|donc|alors|asi\s+que|así\s+que|entonces)\s+|"
    # a comma before an item's own clause ("…, la 21 est terminée") or an order ("…, cambia la
    # fecha de la 10 al 21/4", "…, mute it for 2 weeks")
    r",\s+(?=(?:la|le|el|the|item|point|#)\s*#?\d{1,4}\s+(?:est|is|esta|está|was|ya)\b)|"
    r",\s+(?=(?:cambia|mueve|pasa|pon|asigna|marca|cierra|borra|reabre|pospon\w*|change|move|push|"
    r"mark|close|assign|reopen|snooze|mute|delete|mets|passe|changez|decale|repousse|ferme|cloture|"
    r"supprime|rouvre)\b)|"
    r",\s+(?=(?:j'ai|j’ai|je\s+suis|je\s+serai|i\s+have|i'm|i\s+am|i'll\s+be|tengo|estoy|"
    r"estar[eé])\b)|(?<=[\u2600-\u27bf\U0001f300-\U0001faff])\s+|"
    r"(?<![#\d])(?<!\b[a-z])\s*:\s+(?=\S)|\s+[—–-]\s+|;\s+|\n+",
    re.I,
)
# A clause that only asks for the rest to be recorded: "pls log it", "log under Switzerland
# pls", "merci de l'enregistrer", "tu peux l'enregistrer comme reçu ?", "lo registras?".
_LOG_IT = re.compile(
    r"^\W*(?:(?:ok|yes|oui|si|sí)\W+)?(?:pls|please|plz|can\s+you|could\s+you|can\s+we|merci\s+de|"
    r"tu\s+peux|vous\s+pouvez|pourriez-vous|peux-tu|puedes|podrias|por\s+favor)?\s*"
    r"(?:log|record|note|register|add|enregistrer|noter|consigner|ajouter|registrar|anotar|"
    r"apuntar|registras|anotas|registra|anota|anoten|apunten|registren|notez|enregistrez|consignez|"
    r"l'enregistrer|le\s+noter|lo\s+registras|"
    r"lo\s+anotas|registrarlo|anotarlo)\b"
    r"(?:\s+(?:it|this|that|this\s+one|an?\s+item|an?\s+action(?:\s+item)?|le|la|lo|l'|pls|please|"
    r"por\s+favor|svp|merci|comme\s+\w+|"
    r"as\s+\w+|under\s+\S+(?:\s+\S+)?|so\s+we\s+dont\s+forget|so\s+we\s+don't\s+forget|"
    r"so\s+it'?s?\s+not\s+lost|thanks|thx|stp))*\W*$"
    r"|^\W*(?:lo|la|le|l')\s*(?:puedes|pueden|podrias|podrian|peux|pouvez|pourriez)[\s-]*(?:tu|vous)?\s+"
    r"(?:registrar|anotar|apuntar|enregistrer|noter|consigner|ajouter)\W*$",
    re.I,
)
_MIN_WORDS = 2
# A greeting or an address that opens a message: "hey <@U0BOT>", "<@U0BOT>: …", "Bonjour à
# tous, petite question :", "Buenos días,". What follows is the message. A mention alone at
# the start is not an address: "<@U2> will send the draft" names the owner.
_OPENING = re.compile(
    r"^\W*(?:(?:<@[\w|.-]+>\s*)?(?:hi|hey|hello|morning|good\s+morning|dear\s+all|hi\s+all|all|team|folks|"
    r"bonjour|bjr|salut|chers\s+coll[eè]gues|bonjour\s+[aà]\s+tous|hola|buenos\s+d[ií]as|"
    r"buenas|hola\s+a\s+todos|estimad[oa]s|colegas|everyone|everybody|y'?all|guys|"
    r"[aà]\s+tous|tout\s+le\s+monde|a\s+todos|todos)\b[\s,!:.-]*(?:<@[\w|.-]+>[\s,:]*)?|"
    r"<@[\w|.-]+>\s*[,:]\s*)+",
    re.I,
)


def clause_spans(line: str) -> list[tuple[int, int]]:
    """The clauses of a line, as spans, in order (the whole line when there is one). A comma
    ends a clause only before a request to log ("…hier, tu peux l'enregistrer ?")."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(line):
        if line[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if line[start:].strip():
        spans.append((start, len(line)))
    out = []
    for s, e in spans:
        comma = line.rfind(",", s, e)
        if comma > s and asks_to_log(line[comma + 1 : e]):
            out += [(s, comma), (comma + 1, e)]
        else:
            out.append((s, e))
    return out


# A clause that only says who is writing: "Costa Rica here", "habla la delegación de Costa
# Rica", "c'est la délégation du Niger", "Saludos desde la misión de Chile". Their State is the
# speaker, not what the message asks about.
_SPEAKER = re.compile(
    r"^.{0,30}?\b(?:de\s+la\s+part\s+de|on\s+behalf\s+of|de\s+parte\s+de)\s+(?:la\s+|the\s+|el\s+)?"
    r"(?:delegation|delegacion|mission|mision)\b[\w' -]*\W*$|"
    r"^\W*(?:(?:this\s+is|it'?s|c'est|ici|habla|le\s+saluda|saludos\s+desde|greetings\s+from|"
    r"hello\s+from|bonjour\s+de)\s+(?:the\s+|la\s+|le\s+|el\s+)?(?:delegation|delegacion|mission|"
    r"mision|team|equipe|equipo)\s+(?:of\s+|de\s+|du\s+|des\s+|del\s+|d')?(?:la\s+|le\s+|el\s+|l')?"
    r"[\w' -]+|[\w' -]{2,30}\s+(?:here|ici|aqui))\W*$|"
    # "From Ireland:", "Desde Chile:", "c'est pour le Sénégal", "de la part du Niger"
    r"^\W*(?:from|desde|de\s+la\s+part\s+d[eu]|de\s+parte\s+de|por\s+parte\s+de|on\s+behalf\s+of|"
    r"c'est\s+pour|es\s+para|this\s+is\s+for)\s+(?:the\s+|le\s+|la\s+|l'|el\s+)?[\w' -]{2,30}\W*$"
)


def says_who(clause: str) -> bool:
    """The clause only says who is writing."""
    return _SPEAKER.match(fold(clause).replace("’", "'")) is not None


# A clause that only thanks: "Thanks for last week's digest, very useful", "merci pour le
# résumé hebdo, top", "gracias por el resumen de la semana pasada 🙌", "Many thanks".
_THANKS = re.compile(
    r"^\W*(?:\d+[).]\s*)?(?:(?:many\s+|thanks\s+a\s+lot\s+)?thanks?(?:\s+you)?(?:\s+(?:a\s+lot|so\s+much))?|"
    r"thank\s+you|merci(?:\s+beaucoup)?|muchas\s+gracias|gracias)"
    r"(?:\s+(?:for|pour|por)\s+(?!(?:\w+ing|\w+er|\w+ar|\w+ir)\b)[^,.!?]*)?(?:[,\s]+(?!(?:for|pour|por)\b)[^,.!?]{0,25})?\W*$"
)


def thanks(clause: str) -> bool:
    """The clause only thanks someone ("merci de…" + a verb is a request: not this)."""
    return _THANKS.match(fold(clause).replace("’", "'")) is not None


def asks_to_log(clause: str) -> bool:
    """The clause only asks for what the message says to be recorded: "can you log it",
    "Pouvez vous le noter pour le Sénégal ?", "-> registrarlo por favor": a verb of recording,
    and around it only politeness, pronouns, and whom it is for."""
    folded = fold(clause).replace("’", "'")
    if _LOG_IT.match(folded) is not None:
        return True
    if re.search(r"\d", folded):  # "note pour le #5", "ajoute au 14": a command on an item
        return False
    words = re.findall(r"[a-z]+", folded.replace("'", " "))
    logs = [i for i, w in enumerate(words) if _LOG_VERB.fullmatch(w)]
    if len(logs) != 1 or len(words) > 10 or words[logs[0] - 1 : logs[0]] in (["the"], ["a"]):
        return False  # "for the record" is an idiom, not a request
    rest = words[: logs[0]] + words[logs[0] + 1 :]
    if any(w in _FOR for w in rest):  # "… pour le Sénégal": whom it is for, at the end
        rest = rest[: next(i for i, w in enumerate(rest) if w in _FOR)]
    return all(w in _AROUND_A_LOG for w in rest)


_LOG_VERB = re.compile(
    r"log|logs|record|note|register|enregistr\w*|noter|notez|note|consign\w*|registr\w*|"
    r"anot\w*|apunt\w*|ajout\w*|agreg\w*|add"
)
_FOR = {"for", "pour", "para", "under", "sous", "bajo"}
_AROUND_A_LOG_WORDS = """
pls please plz can could would you u we it this that one thanks thx ty ok yes so and
merci de tu peux vous pouvez pourriez pourrais peux svp stp le la les l lo los las ca cela
oui si por favor puedes podrias pueden podrian podeis gracias me nos se en el al the as an
item action also aussi tambien
"""
_AROUND_A_LOG = frozenset(_AROUND_A_LOG_WORDS.split())


def _whom(clause: str) -> str:
    """The words after "for", "pour", "para" in a request to log: whom the record is for."""
    found = re.search(r"\b(?:for|pour|para)\s+(?!the\s+record)(.{2,40}?)\W*$", clause, re.I)
    return found.group(0).strip(" ?!.") if found else ""


def candidates(line: str) -> tuple[list[str], bool]:
    """The texts to read (the whole line first, without its requests to log), and whether the
    line asked for something to be recorded. Each text keeps the line's own punctuation."""
    opening = _OPENING.match(line)
    if opening and line[opening.end() :].strip():
        line = line[opening.end() :]  # the greeting is answered by answering the message
    spans = clause_spans(line)
    # who is writing is set aside, unless the message speaks as "we": then it says who "we" is
    we = any(WE.search(fold(line[s:e])) for s, e in spans)
    heard = [
        (s, e) for s, e in spans if not (says_who(line[s:e]) and not we) and not thanks(line[s:e])
    ] or spans
    kept = [(s, e) for s, e in heard if not asks_to_log(line[s:e])]
    told = bool(kept) and len(kept) < len(heard)
    # "…, pouvez-vous le noter pour le Sénégal ?": whom the record is for is kept
    whom = " ".join(_whom(line[s:e]) for s, e in heard if (s, e) not in kept).strip()
    if len(kept) < 2:
        if kept and len(kept) < len(spans):  # only the request is left: read it alone
            s, e = kept[0]
            text = line[s:e].strip() + (f" {whom}" if whom else "")
            return [text + ("?" if "?" in line[e : e + 2] else "")], told
        return [line], told
    texts = [_joined(line, kept)]
    for number, (s, e) in enumerate(kept):
        clause = line[s:e].strip() + ("?" if "?" in line[e : e + 2] else "")
        for text in (_joined(line, kept[number:]), clause):
            if len(text.split()) >= _MIN_WORDS and text not in texts:
                texts.append(text)
    return texts, told


def _joined(line: str, spans: list[tuple[int, int]]) -> str:
    """The clauses given, each with the punctuation that ended it in the line."""
    parts = []
    for number, (s, e) in enumerate(spans):
        end = spans[number + 1][0] if number + 1 < len(spans) else len(line)
        piece = line[s:end] if (number + 1 < len(spans) and end > e) else line[s:e]
        parts.append(piece.strip().rstrip(",").strip())
    return " ".join(p for p in parts if p)


def with_context(whole: Reading, texts: list[str]) -> list[str]:
    """A clause that names no item, or a question that names no State, completed with the one
    the message names: "#19 was closed by mistake… reopen pls" is "reopen pls #19", "¿cómo va
    Perú…? ¿cuál es su plazo del art 3?" asks Peru's."""
    items = {e.value for e in whole.of("item") if e.end > e.start}  # typed, not found by words
    states = {e.value: e.text for e in whole.of("state")}
    out = []
    for text in texts[1:]:
        lacks_item = items and not re.search(r"#\s?\d|\b\d{1,4}\b", text)
        item = _item_before(whole, text) if lacks_item else None
        mark = "?" if text.rstrip().endswith("?") else ""  # a question stays one
        if item is not None:
            out.append(f"{text.rstrip(' ?.!')} #{item}{mark}")
        elif (
            len(states) == 1
            and next(iter(states.values())) not in text
            and is_question(text)
            and not _names_its_subject(whole, text)
            and not _ABOUT_STATES.search(fold(text))
        ):
            out.append(f"{text.rstrip(' ?.!')} ({next(iter(states.values()))}){mark}")
    return out


_THEIR = re.compile(r"\b(?:their|its|they|them|su|sus|leur|leurs|son|sa|ses|ils|elles|ellos)\b")


# A question about which States (of all): "qué Estados Partes no han pagado…?", "who hasn't…"
_ABOUT_STATES = re.compile(
    r"\b(?:which|what|quels?|quelles?|que|cuales|quienes)\s+(?:states|sps|countries|etats|estados|"
    r"pays|paises)\b|\bwho\s+(?:has|have|hasn|haven|still|else)\b|\bqui\s+n|\bquien(?:es)?\s+no\b"
)


def _item_before(whole: Reading, text: str) -> str | None:
    """The item a clause without one means: the message's only item, else the last one named
    before the clause ("…so #14 is redundant now. Could you bin it?" is #14)."""
    items = [e for e in whole.of("item") if e.end > e.start]
    if len({e.value for e in items}) == 1:
        return items[0].value
    start = whole.line.find(text)
    before = [e for e in items if 0 <= e.end <= start]
    return before[-1].value if before else None


def _names_its_subject(whole: Reading, text: str) -> bool:
    """The clause already says what it asks about (an area, an item): "where are we on the
    universalization actions? France asked me" asks about universalization, not France."""
    start = whole.line.find(text)
    if start < 0 or _THEIR.search(fold(text)):  # "what's their clearance deadline": theirs
        return False
    end = start + len(text)
    return any(
        e.kind in {"area", "item"} and start <= e.start and e.end <= end for e in whole.entities
    )


def typed_command(text: str) -> bool:
    """A clause that is itself a command by its English name, with an item or a State:
    "NZ is still waiting on capital — snooze #20 a week"."""
    from handlers.commands.registry import COMMANDS

    word = text.split()[0].lower() if text.split() else ""
    if word in _ON_AN_ITEM:  # "snooze #20 a week", not "snooze till 2 May" (which item?)
        return _ITEM_FIRST.match(text) is not None
    # money is read from the whole message ("Burkina : contribution 2017 payée le 2/3, 2.500
    # CHF"): the State, the day received and the amount may sit in different clauses
    money = {"contribution", "contribute", "paid", "pledge"}
    return (
        word in COMMANDS
        and word not in {"help", "status", "who", "next", *money}
        and bool(re.search(r"#?\d", text))
    )


_ON_AN_ITEM = {"done", "reopen", "delete", "restore", "snooze", "due", "assign", "note", "edit"}
_ON_AN_ITEM |= {"history"}
_ITEM_FIRST = re.compile(
    r"^\w+\s+(?:item\s+)?#?\d{1,6}(?![\d/.])(?!\s*(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)\w*)",
    re.I,
)
