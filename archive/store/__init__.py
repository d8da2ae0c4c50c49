"""Stage 5: the schema, opening databases, and the only writer."""
