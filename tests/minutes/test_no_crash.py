"""No crash on damaged or odd input: every corpus document with bytes flipped, and text made of
the pieces minutes are made of in random order, read and extracted (a ReadError is an answer)."""

from __future__ import annotations

import random

from handlers.minutes import ReadError, extract, read_bytes
from handlers.reference.states import StateDirectory
from tests.minutes.corpus import ZURICH, build, documents

PIECES = [
    "Present:", "ACTION:", "| a | b |", "| Who | What | When |", "- ", "# ", "**", "Apologies:",
    "Next meeting:", "27 March", "Tuesday", "1.", "IV.", "(", ")", "AP 3", "Chair:",
    "by the next meeting", "\n", "\n\n", "Norway", "GICHD", "Ms. X (Peru)", "à", "ñ", "\x00",
    "\t", "|", ":", "–", "Próxima reunión:", "Excusés :", "29 February", "within two weeks",
]  # fmt: skip


def test_damaged_files_and_odd_text_never_crash() -> None:
    rng = random.Random(11)
    states = StateDirectory.default()
    built = [build(name) for name in documents()]
    for _ in range(150):
        if rng.random() < 0.4:
            data, filename = rng.choice(built)
            damaged = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            data = bytes(damaged)
        else:
            words = [rng.choice(PIECES) + rng.choice([" ", "", "\n"]) for _ in range(150)]
            data = "".join(words).encode()
            filename = rng.choice(["m.txt", "m.md", "m.docx", "m.pdf"])
        try:
            text = read_bytes(data, filename)
        except ReadError:
            continue
        extract(text, now=None, tz=ZURICH, states=states)
