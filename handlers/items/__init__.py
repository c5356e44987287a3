"""Action items: rendering, capture lines, bulk import and export."""
