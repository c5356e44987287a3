"""People: who owns an item, who may do what, the roster."""
