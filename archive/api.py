"""The public Python API: Archive(path).ingest(...), .search(...)."""
from __future__ import annotations

import os

from archive.store.db import default_db_path


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
        from archive.store.db import connect_for_writing
        from archive.ingest.pipeline import IngestOptions, ingest_paths

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

    def _read(self, function, *args, **options):
        from archive.store.db import connect_for_reading

        conn = connect_for_reading(self.path)
        try:
            return function(conn, *args, **options)
        finally:
            conn.close()

    def search(self, query: str | None = None, **options):
        """Ranked hits, one per article. Options: raw, scope, filters (archive.filters.Filters),
        facets, facet_size, limit, offset."""
        from archive.query.search import search

        return self._read(search, query, **options)

    def quotes(self, query: str | None = None, **options) -> list[dict]:
        """Quotes with speaker, cue, via and article. Options: via, article, filters, limit, offset."""
        from archive.query.browse import quotes

        return self._read(quotes, query, **options)

    def places(self, **options) -> list[dict]:
        """Places with article and mention counts. Options: countries, kinds, limit."""
        from archive.query.browse import places

        return self._read(places, **options)

    def sources(self, **options) -> list[dict]:
        """Cited sources with counts and aliases. Options: kinds, limit."""
        from archive.query.browse import sources

        return self._read(sources, **options)

    def source(self, name: str):
        """(source, citations) for the source any alias names."""
        from archive.query.browse import source_citations

        return self._read(source_citations, name)

    def show(self, key: str | int):
        """One article, by id or url, with its paragraphs, quotes, places, citations and links."""
        from archive.query.browse import show

        return self._read(show, str(key))

    def explain(self, key: str | int, kinds: tuple[str, ...] = ()):
        """Run the extractors again on one article (a stored id or url, or a file to parse) and return an
        Explanation: every candidate each extractor weighed and the rule that accepted or rejected it."""
        from archive.extract.explain import explain_article, explain_file

        if os.path.isfile(str(key)) and not str(key).isdigit():
            return explain_file(str(key), kinds)
        from archive.query.browse import stored_article

        article_id, article = self._read(stored_article, str(key))
        return explain_article(article, kinds, article_id=article_id)

    def stats(self) -> dict:
        from archive.query.browse import stats

        return self._read(stats, self.path)

    def migrate(self) -> str | None:
        """Apply pending migrations; return the schema version."""
        from archive.store.db import connect_for_writing, schema_version

        conn = connect_for_writing(self.path)
        try:
            return schema_version(conn)
        finally:
            conn.close()


def ingest(paths, db: str | os.PathLike | None = None, **options):
    return Archive(db).ingest(paths, **options)


def search(query: str, db: str | os.PathLike | None = None, **options):
    return Archive(db).search(query, **options)
