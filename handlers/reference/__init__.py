"""Reference facts: States and their aliases, thematic areas, the CCM treaty data."""
