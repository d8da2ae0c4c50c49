"""The public Python API: Archive(path).ingest(...), .search(...)."""
from __future__ import annotations

import os

from .db import default_db_path


class Archive:
    """One archive database file.

    Reading opens the file read-only and never changes it; writing creates it
    if needed and applies pending migrations first.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = os.fspath(path) if path is not None else default_db_path()

    def ingest(self, paths, *, jobs: int = 1, max_size: int | None = None, timeout: float | None = None,
               prune: bool = False, on_file=None, on_start=None):
        """Ingest files and folders; returns an IngestReport. jobs > 1 parses in worker processes."""
        from .db import connect_for_writing
        from .ingest import IngestOptions, ingest_paths

        defaults = IngestOptions()
        options = IngestOptions(
            jobs=jobs,
            max_size=defaults.max_size if max_size is None else max_size,
            timeout=defaults.timeout if timeout is None else timeout,
            prune=prune,
        )
        conn = connect_for_writing(self.path)
        try:
            return ingest_paths(conn, [os.fspath(p) for p in paths], options, on_file=on_file, on_start=on_start)
        finally:
            conn.close()

    def search(self, query: str | None = None, **options):
        """Ranked hits, one per article. Options: raw, scope, filters (archive.filters.Filters),
        facets, facet_size, limit, offset."""
        from .db import connect_for_reading
        from .query import search

        conn = connect_for_reading(self.path)
        try:
            return search(conn, query, **options)
        finally:
            conn.close()

    def migrate(self) -> str | None:
        """Apply pending migrations; return the schema version."""
        from .db import connect_for_writing, schema_version

        conn = connect_for_writing(self.path)
        try:
            return schema_version(conn)
        finally:
            conn.close()


def ingest(paths, db: str | os.PathLike | None = None, **options):
    return Archive(db).ingest(paths, **options)


def search(query: str, db: str | os.PathLike | None = None, **options):
    return Archive(db).search(query, **options)
