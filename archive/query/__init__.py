"""Stage 6: the only reader: ranked search, filters, facets and listings."""
