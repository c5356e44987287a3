"""The words minutes use for their parts, in English, French and Spanish (data, read by the
layout reader): attendance labels, agenda markers, action and decision markers, next meeting."""

from __future__ import annotations

import re

# An attendance list's label, alone on its line or before a colon: which list it opens.
ABSENT = (
    r"absent(?:s|es)?|not\s+present|apologies\s+not\s+received|no\s+apologies|"
    r"non\s+repr[ée]sent[ée]s?|ausentes?|no\s+asistieron"
)
APOLOGIES = (
    r"apologies(?:\s+(?:received|for\s+absence))?|apologi[sz]ed|excused|regrets|"
    r"unable\s+to\s+(?:attend|join)|could\s+not\s+(?:attend|join|make\s+it)|not\s+attending|"
    r"excus[ée]s?|se\s+sont\s+excus[ée]s|excusas|excusados?|"
    r"disculpas|se\s+excusaron"
)
ATTENDEES = (
    r"(?:list\s+of\s+)?(?:attendees|participants|delegations|members|those)(?:\s+present)?|"
    r"(?:[\w-]+\s+){1,3}present|"
    r"(?:[\w-]+\s+){1,2}(?:members|delegations|representatives|participants|attendees)|"
    r"members\s+of\s+the\s+(?:[\w-]+\s+){0,2}(?:committee|board|group|council)|"
    r"present|attendance(?:\s+list)?|in\s+attendance|also\s+(?:present|attending|in\s+attendance)|"
    r"on\s+the\s+(?:call|line)|participating|roll\s+call|attending|"
    r"liste\s+de\s+pr[ée]sence|feuille\s+de\s+pr[ée]sence|lista\s+de\s+(?:asistencia|presentes)|"
    r"attended\s+by|members\s+present|observers(?:\s+present)?|guests?|"
    r"(?:liste\s+des\s+)?(?:participants|pr[ée]sents?|membres\s+pr[ée]sents)|[ée]taient\s+pr[ée]sents|"
    r"assistaient|(?:lista\s+de\s+)?(?:asistentes|participantes|presentes|miembros\s+presentes)|"
    r"asistencia|estuvieron\s+presentes|asistieron|participaron|ont\s+particip[ée]|"
    r"ont\s+assist[ée]|assistaient\s+[àa]\s+la\s+r[ée]union"
)
CHAIR = (
    r"chair(?:ed\s+by|person|man|woman)?|co-?chairs?|president|facilitator|moderator|"
    r"minutes\s+taken\s+by|minute\s*-?\s*taker|secretary|rapporteur|note\s*-?\s*taker|"
    r"pr[ée]sid(?:ent|ée?\s+par)|"
    r"pr[ée]sidente?|secr[ée]taire|presidid[oa]\s+por|secretari[oa]|relator[a]?"
)
ATTENDANCE_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Absent with apologies", "Ausentes con excusa", "Absents excusés": apologies, unless none
    (
        re.compile(
            r"(?:.*\b)?(?:apologies\s+not\s+received|no\s+apologies|without\s+apologies|"
            r"sans\s+excuse|sin\s+excusa)(?:\b.*)?",
            re.I,
        ),
        "absent",
    ),
    (re.compile(r"(?:.*\b)?(?:apolog|excus|regret|disculp)\w*(?:\b.*)?", re.I), "apologies"),
    (re.compile(ABSENT, re.I), "absent"),
    (re.compile(APOLOGIES, re.I), "apologies"),
    (re.compile(ATTENDEES, re.I), "attendees"),
    (re.compile(CHAIR, re.I), "chair"),
)

# "Agenda item 3:", "Item 3.", "Point 3 de l'ordre du jour", "Punto 3 del orden del día", "Tema 3"
AGENDA_WORD = (
    r"(?:agenda\s+)?item|point(?:\s+de\s+l['’]ordre\s+du\s+jour)?|punto(?:\s+del\s+orden\s+del\s+d[ií]a)?|"
    r"tema|session|s[ée]ance|sesi[óo]n"
)
ROMAN = r"(?=[IVXLC])(?:X{0,3})(?:IX|IV|V?I{0,3})"

# A bullet: "-", "*", "•", an arrow, a box, an en dash (Word and e-mail lists use them all).
BULLETS = "-*•·▪◦‣→⇒➢►–—"
BULLET = rf"[{BULLETS}]"

# An explicit action: "ACTION:", "Action point 3:", "AP 3", "Actions arising", "Acción", "Suivi"
ACTION = re.compile(
    r"^(?:[-*•]\s*)?(?:\[\s*)?(?P<label>actions?(?:\s+(?:points?|items?|required|arising))?|"
    r"a\.?p\.?s?|a\.?i\.?s?|to\s*-?\s*dos?|follow\s*-?\s*up|"
    r"actions?\s+[àa]\s+(?:mener|entreprendre|suivre)|suivi|acci[óo]n(?:es)?(?:\s+a\s+(?:tomar|seguir))?|"
    r"seguimiento|tarea)\s*(?P<num>#?\d{1,3}(?:\.\d{1,2})?)?\s*"
    r"(?:\((?P<owner>[^()]{1,80})\))?\s*(?:\]\s*)?(?P<sep>[:–—-]|\.(?=\s))\s*(?P<rest>.*)$",
    re.I,
)
# A decision: "DECISION:", "Agreed:", "Resolved:", "Décision :", "Acuerdo:", "Se acordó"
DECISION_LABEL = re.compile(
    r"^(?:[-*•]\s*)?(?:decisions?|decided|agreed|agreement|resolved|resolution|conclusions?|outcome|"
    r"d[ée]cisions?|d[ée]cid[ée]|convenu|acuerdos?|decisi[óo]n(?:es)?|resoluci[óo]n|acordado)"
    r"\s*(?:#?\d{1,3})?\s*[:–—-]\s*(?P<rest>\S.*)$",
    re.I,
)
DECISION_SENTENCE = re.compile(
    r"\b(?:it\s+was\s+(?:agreed|decided|resolved)|(?:the\s+)?(?:committee|board|meeting|group|"
    r"members|participants|council|conference|working\s+group|states\s+parties)\s+"
    r"(?:(?:also|further|then|unanimously)\s+)?(?:agreed|decided|resolved|approved|adopted|endorsed)|"
    r"(?:was|were)\s+(?:approved|adopted|endorsed)|il\s+a\s+[ée]t[ée]\s+(?:convenu|d[ée]cid[ée])|"
    r"(?:le\s+comit[ée]|la\s+r[ée]union|le\s+groupe|les\s+membres)\s+(?:a|ont)\s+"
    r"(?:d[ée]cid[ée]|convenu|approuv[ée]|adopt[ée])|"
    r"se\s+(?:acord[óo]|decidi[óo]|aprob[óo]|adopt[óo])|"
    r"(?:el\s+comit[ée]|la\s+reuni[óo]n|el\s+grupo|los\s+miembros)\s+(?:acord[óo]|decidi[óo]|aprob[óo]|"
    r"acordaron|decidieron))\b",
    re.I,
)
# "Next meeting", "Date of next meeting", "Prochaine réunion", "Próxima reunión"
_NEXT = (
    r"next\s+(?:[\w-]+\s+){0,3}(?:meeting|session|call|teleconference|videoconference|webinar)|"
    r"date\s+of\s+(?:the\s+)?next|"
    r"prochaine?\s+(?:[\w-]+\s+){0,2}(?:r[ée]union|s[ée]ance|session)|"
    r"pr[óo]xim[oa]\s+(?:[\w-]+\s+){0,2}(?:reuni[óo]n|sesi[óo]n|encuentro)"
)
NEXT_MEETING = re.compile(r"\b(?:" + _NEXT + r")\b", re.I)
NEXT_MEETING_LABEL = re.compile(
    r"^(?:#{1,6}\s*)?(?:\d{1,2}[.)]?\s*)?(?:[IVX]+[.)]\s*)?(?:date\s+(?:and\s+venue\s+)?of\s+(?:the\s+)?)?"
    r"(?:" + _NEXT + r"|next\s+(?!steps\b|actions?\b)(?:[\w-]+\s+){0,3}[\w-]+(?=\s*[:–—-]\s*\S*\d))"
    r"(?:\s+(?:date|and\s+closing|\(?date\s+and\s+venue\)?))?\s*[:–—-]\s*(?P<rest>\S.*)$",
    re.I,
)
# Words that say a table's column holds the owner, the task, or the due date.
WHO = re.compile(
    r"^(?:who|owner|responsib(?:le|ility)|lead|by\s+whom|action\s+(?:by|owner)|assigned\s+to|"
    r"person|qui|responsable|porteur|qui[eé]n|encargad[oa])\b",
    re.I,
)
WHAT = re.compile(
    r"^(?:what|action|task|item|description|activity|follow[\s-]*up|quoi|t[âa]che|"
    r"qu[ée]|acci[óo]n|tarea|actividad|descripci[óo]n)",
    re.I,
)
WHEN = re.compile(
    r"^(?:when|due|deadline|by\s+when|date|target|timeline|timeframe|time\s*frame|quand|"
    r"[ée]ch[ée]ance|d[ée]lai|date\s+limite|cu[áa]ndo|plazo|fecha)",
    re.I,
)
