"""Dates: phrases to dates (dateparser plus our rules), searches in free text, how a date was read."""
