"""Reading a line: entities with spans, the intent from an example bank, choices when unsure.

``read`` (entities), ``interpret`` (reading, judgement, proposals) and ``understand`` (the
reply for a line with no command word) are the package's surface.
"""
