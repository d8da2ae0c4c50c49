"""Stage 7: what people see: the Click CLI, output formats, progress, Datasette."""
