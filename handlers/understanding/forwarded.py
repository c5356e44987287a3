"""A forwarded email pasted into Slack: its headers and courtesies are set aside.

"Fwd: ---------- Forwarded message --------- From: Finance Section, Permanent Mission of
Austria Date: Wed, 22 Mar 2017 Subject: CCM ISU contribution 2017 | Dear Ms Mweemba, I am
pleased to inform you that Austria has instructed the payment… Kind regards | --> log it as
pledged": what matters is the body (the facts) and the note of whoever forwarded it (the
request). The sender, the date the email was sent and its subject line are not: the subject
("Informe artículo 7") reads like a question about Article 7 reports, the date like a due date.
Pasted emails keep their line breaks; where a chat client flattened them, " | " stands for one.
"""

from __future__ import annotations

import re

# The marks of a forwarded email, in three languages and as mail clients write them.
_FORWARDED = re.compile(
    r"(?:^|\s)(?:fwd?|tr|rv)\s*:|-{3,}\s*(?:forwarded\s+message|message\s+transf[ée]r[ée]|"
    r"mensaje\s+reenviado|original\s+message|message\s+d'origine|mensaje\s+original)",
    re.I,
)
_FIELD_NAMES = (
    r"from|de|date|fecha|sent|envoy[ée]|enviado|to|[àa]|para|cc|subject|objet|asunto|betreff"
)
# One header field, up to the next field, a line break or the body's first words.
_FIELD = re.compile(
    rf"(?:^|(?<=\s))(?:{_FIELD_NAMES})\s?:\s(?:(?!\s(?:{_FIELD_NAMES})\s?:\s)[^|\n])*",
    re.I,
)
_MARKS = re.compile(  # "Fwd: <the subject> ---", the dashed marker lines
    r"(?:^|\s)(?:fwd?|tr|rv)\s*:[^|\n]*?(?=-{3,}|\s\|\s|\n|$)|-{3,}[^-|\n]*-{3,}|-{3,}|"
    r"(?:^|\s)(?:forwarded\s+message|"
    r"message\s+transf[ée]r[ée]|mensaje\s+reenviado)",
    re.I,
)
# Greetings and closings of a letter: no facts in them.
_COURTESY = re.compile(
    r"(?:^|(?<=[|\n.!?]))\s*(?:dear\s[^,|\n]{1,40},|madame,?|monsieur,?|mesdames[^,|\n]*,|"
    r"chers?\s+coll[eè]gues\s*[,:]?|estimad[oa]s?\s[^,:|\n]{0,30}[,:]|"
    r"kind\s+regards|best\s+regards|regards|sincerely|cordialement|bien\s+[àa]\s+vous|"
    r"veuillez\s+agr[ée]er[^|\n]*|saludos(?:\s+cordiales)?|atentamente|un\s+saludo)[.,]?\s*",
    re.I,
)


def is_forwarded(line: str) -> bool:
    return _FORWARDED.search(line) is not None and _FIELD.search(line) is not None


def unforwarded(line: str) -> str:
    """The line without a forwarded email's headers and courtesies (unchanged if it holds
    none); the " | " a flattened email kept for its line breaks become sentence ends."""
    if not is_forwarded(line):
        return line
    text = _FIELD.sub(" ", line)
    text = _MARKS.sub(" ", text)
    text = _COURTESY.sub(" ", text)
    parts = [p.strip(" -–>:") for p in re.split(r"\s\|\s|\n", text)]
    return ". ".join(p.rstrip(".") for p in parts if p.strip(" .,;")) or line
