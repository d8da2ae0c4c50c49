"""The only writer: one transaction per article, idempotent by url, else path."""
from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from archive.extract.found import FoundPlace, FoundSource
from archive.names import fold, fold_source
from archive.store.rows import ArticleRows

# Content tables -> their FTS5 table and indexed columns (see migrations 0001).
FTS_CONTENT = {
    "articles": ("articles_fts", '"title"'),
    "paragraphs": ("paragraphs_fts", '"text"'),
    "quotes": ("quotes_fts", '"text", "speaker"'),
}

# Children of an article, deleted before the article's rows are written again.
# Order matters: rows that point at paragraphs go before paragraphs.
CHILD_TABLES = ("quotes", "place_mentions", "citations", "links", "paragraphs")


@dataclass(frozen=True)
class KnownFile:
    size: int
    mtime_ns: int
    content_hash: str
    article_id: int | None


@dataclass(frozen=True)
class Existing:
    id: int
    content_hash: str
    path: str | None


class FullTextBatch:
    """One write transaction for many articles, their full-text rows indexed in bulk.

    FTS5 indexes rows far faster from one INSERT ... SELECT than from a trigger
    per row, so inside the transaction the insert triggers are set aside and the
    new rows are indexed at the end (and before anything is updated or deleted,
    so the update and delete triggers always meet indexed rows). The triggers
    are put back, as they were, before COMMIT: no other connection ever sees the
    schema without them, and a crash rolls everything back, triggers included.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.triggers: dict[str, str] = {}
        self.marks: dict[str, int] = {}

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        for table in FTS_CONTENT:
            row = self.conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (f"{table}_ai",)
            ).fetchone()
            if row:
                self.triggers[table] = row[0]
                self.conn.execute(f'DROP TRIGGER "{table}_ai"')
        self.remark()

    def remark(self) -> None:
        """Rows up to the current last rowid are indexed (call after flush or delete)."""
        self.marks = {
            table: self.conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0]
            for table in self.triggers
        }

    def flush(self) -> None:
        for table, mark in self.marks.items():
            fts, columns = FTS_CONTENT[table]
            self.conn.execute(
                f'INSERT INTO "{fts}" (rowid, {columns}) SELECT rowid, {columns} FROM "{table}" WHERE rowid > ?',
                (mark,),
            )
        self.remark()

    def commit(self) -> None:
        self.flush()
        for sql in self.triggers.values():
            self.conn.execute(sql)
        self.conn.execute("COMMIT")
        self.triggers, self.marks = {}, {}

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")  # the dropped triggers come back with it
        self.triggers, self.marks = {}, {}


class Store:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.batch: FullTextBatch | None = None
        self.forget()

    def begin_batch(self) -> None:
        self.batch = FullTextBatch(self.conn)
        self.batch.begin()

    def commit_batch(self) -> None:
        batch, self.batch = self.batch, None
        try:
            batch.commit()
        except BaseException:
            self.forget()
            batch.rollback()
            raise

    def rollback_batch(self) -> None:
        batch, self.batch = self.batch, None
        self.forget()
        if batch:
            batch.rollback()

    # -- files seen before --------------------------------------------------------
    def known_files(self) -> dict[str, KnownFile]:
        return {
            row[0]: KnownFile(*row[1:])
            for row in self.conn.execute("SELECT path, size, mtime_ns, content_hash, article_id FROM files")
        }

    def note_file(self, path, size, mtime_ns, content_hash, article_id, encoding) -> int | None:
        """Remember what was read at path, so an unchanged file is skipped next time."""
        if article_id is None:
            row = self.conn.execute("SELECT article_id FROM files WHERE path = ?", (path,)).fetchone()
            article_id = row[0] if row else None
        self.conn.execute(
            "INSERT INTO files (path, size, mtime_ns, content_hash, encoding, article_id) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns,"
            " content_hash = excluded.content_hash, encoding = coalesce(excluded.encoding, files.encoding),"
            " article_id = excluded.article_id",
            (path, size, mtime_ns, content_hash, encoding, article_id),
        )
        return article_id

    def file_mtime(self, path: str | None) -> int | None:
        row = self.conn.execute("SELECT mtime_ns FROM files WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def prune_missing(self, roots: list[str]) -> list[str]:
        """Forget files under these roots that are gone; delete the articles no remaining file holds.

        A root that is itself missing (an unmounted drive) prunes nothing.
        Returns the paths of the files that were gone.
        """
        import os

        roots = [os.path.normpath(root) for root in roots if os.path.exists(root)]
        under = tuple(os.path.join(root, "") for root in roots)
        gone = [
            (path, article_id)
            for path, article_id in self.conn.execute("SELECT path, article_id FROM files").fetchall()
            if (path in roots or path.startswith(under)) and not os.path.exists(path)
        ]
        if not gone:
            return []
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for path, _ in gone:
                self.conn.execute("DELETE FROM files WHERE path = ?", (path,))
            for article_id in {article_id for _, article_id in gone if article_id is not None}:
                if not self.conn.execute("SELECT 1 FROM files WHERE article_id = ?", (article_id,)).fetchone():
                    self.delete_article(article_id)
            self.conn.execute("COMMIT")
        except BaseException:
            self.forget()
            self.conn.execute("ROLLBACK")
            raise
        return [path for path, _ in gone]

    def article_of_file(self, path: str) -> int | None:
        row = self.conn.execute("SELECT article_id FROM files WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def held_by_other_files(self, article_id: int, path: str) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM files WHERE article_id = ? AND path != ?", (article_id, path)).fetchone() is not None

    def delete_article(self, article_id: int) -> None:
        if self.batch:
            self.batch.flush()  # the delete triggers must meet indexed rows
        for table in CHILD_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.conn.execute("UPDATE files SET article_id = NULL WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        if self.batch:
            self.batch.remark()

    def existing(self, url: str | None, path: str) -> Existing | None:
        """The article this file is a version of: same url, else same path."""
        row = None
        if url:
            row = self.conn.execute("SELECT id, content_hash, path FROM articles WHERE url = ?", (url,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT id, content_hash, path FROM articles WHERE path = ? ORDER BY id LIMIT 1", (path,)
            ).fetchone()
        return Existing(*row) if row else None

    # -- writing ---------------------------------------------------------------
    def save(self, rows: ArticleRows, content_hash: str, path: str, replace: int | None = None) -> int:
        """Write one article and everything found in it, whole or not at all.

        Inside the caller's transaction (a batch) the article is a savepoint;
        otherwise it is a transaction of its own.
        """
        conn = self.conn
        own = not conn.in_transaction
        marks = dict(self.batch.marks) if self.batch else None
        conn.execute("BEGIN IMMEDIATE" if own else "SAVEPOINT article")
        try:
            article_id = self._write_article(rows, content_hash, path, replace)
            paragraph_ids = self._write_paragraphs(article_id, rows)
            self._write_links(article_id, rows, paragraph_ids)
            source_ids = [self.source_id(source) for source in rows.sources]
            self._write_citations(article_id, rows, paragraph_ids, source_ids)
            self._write_quotes(article_id, rows, paragraph_ids, source_ids)
            self._write_places(article_id, rows, paragraph_ids)
            conn.execute("COMMIT" if own else "RELEASE article")
        except BaseException:
            self.forget()
            if conn.in_transaction:
                conn.execute("ROLLBACK" if own else "ROLLBACK TO article")
                if not own:
                    conn.execute("RELEASE article")
            if self.batch:
                self.batch.marks = marks  # a flush inside the savepoint was rolled back too
            raise
        return article_id

    def _write_article(self, rows: ArticleRows, content_hash, path, replace) -> int:
        values = dict(
            title=rows.title,
            published=rows.published,
            url=rows.url,
            outlet=rows.outlet,
            path=path,
            content_hash=content_hash,
            word_count=rows.word_count,
            ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        if replace is None:
            columns = ", ".join(values)
            marks = ", ".join(f":{name}" for name in values)
            return self.conn.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", values).lastrowid
        if self.batch:
            self.batch.flush()  # the delete and update triggers must meet indexed rows
        for table in CHILD_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (replace,))
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        self.conn.execute(f"UPDATE articles SET {assignments} WHERE id = :id", {**values, "id": replace})
        if self.batch:
            self.batch.remark()  # freed rowids may be handed out again
        return replace

    def _write_paragraphs(self, article_id: int, rows: ArticleRows) -> dict[int, int]:
        """Insert all paragraphs in one executemany; ids are given, not read back row by row."""
        first = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM paragraphs").fetchone()[0]
        ids = {row[0]: first + i for i, row in enumerate(rows.paragraphs)}
        self.conn.executemany(
            "INSERT INTO paragraphs (id, article_id, position, section, text, markdown) VALUES (?, ?, ?, ?, ?, ?)",
            [(ids[position], article_id, position, section, text, markdown)
             for position, section, text, markdown in rows.paragraphs],
        )
        return ids

    def _write_links(self, article_id, rows: ArticleRows, paragraph_ids) -> None:
        self.conn.executemany(
            'INSERT INTO links (article_id, paragraph_id, text, href, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
            [(article_id, paragraph_ids.get(paragraph), text, href, start, end)
             for paragraph, text, href, start, end in rows.links],
        )

    def _write_quotes(self, article_id, rows: ArticleRows, paragraph_ids, source_ids) -> None:
        self.conn.executemany(
            'INSERT INTO quotes (article_id, paragraph_id, text, speaker, kind, start, "end", cue, via, via_source_id)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, paragraph_ids.get(paragraph), text, speaker, kind, start, end, cue, via,
                 source_ids[source] if source is not None else None)
                for paragraph, text, speaker, kind, start, end, cue, via, source in rows.quotes
            ],
        )

    def _write_places(self, article_id, rows: ArticleRows, paragraph_ids) -> None:
        place_ids = [self.place_id(place) for place in rows.places]
        self.conn.executemany(
            'INSERT INTO place_mentions (place_id, article_id, paragraph_id, surface, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
            [(place_ids[place], article_id, paragraph_ids.get(paragraph), surface, start, end)
             for place, paragraph, surface, start, end in rows.mentions],
        )

    def _write_citations(self, article_id, rows: ArticleRows, paragraph_ids, source_ids) -> None:
        self.conn.executemany(
            "INSERT INTO citations (source_id, article_id, paragraph_id, surface, cue, href) VALUES (?, ?, ?, ?, ?, ?)",
            [(source_ids[source], article_id, paragraph_ids.get(paragraph), surface, cue, href)
             for source, paragraph, surface, cue, href in rows.citations],
        )

    # -- entities shared across articles ---------------------------------------
    # Ids already known in this run, so each mention costs a dict lookup, not a
    # query. Forgotten whenever a transaction rolls back (the rows may be gone).
    def forget(self) -> None:
        self._place_ids: dict[str, int] = {}
        self._alias_ids: dict[str, int] = {}
        self._source_ids: dict[FoundSource, int] = {}  # the same source found again: no folding, no query

    def place_id(self, place: FoundPlace) -> int:
        known = self._place_ids.get(place.key)
        if known is not None:
            return known
        row = self.conn.execute("SELECT id FROM places WHERE key = ?", (place.key,)).fetchone()
        if row:
            place_id = row[0]
        else:
            place_id = self.conn.execute(
                "INSERT INTO places (key, name, kind, country_code, latitude, longitude, geonames_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (place.key, place.name, place.kind, place.country_code, place.latitude, place.longitude,
                 place.geonames_id),
            ).lastrowid
            names = dict.fromkeys((place.name, *place.aliases))
            self.conn.executemany(
                "INSERT OR IGNORE INTO place_names (place_id, name, folded) VALUES (?, ?, ?)",
                [(place_id, name, fold(name)) for name in names],
            )
        self._place_ids[place.key] = place_id
        return place_id

    def source_id_for_name(self, name: str) -> int | None:
        folded = fold_source(name)
        known = self._alias_ids.get(folded)
        if known is not None:
            return known
        row = self.conn.execute("SELECT source_id FROM source_aliases WHERE folded = ?", (folded,)).fetchone()
        if row:
            self._alias_ids[folded] = row[0]
        return row[0] if row else None

    def source_id(self, source: FoundSource) -> int:
        """The one row for this source: found by any of its names, else created."""
        known = self._source_ids.get(source)
        if known is not None:
            return known
        names = {fold_source(name): name for name in reversed((source.name, *source.aliases))}
        source_id = next((sid for sid in map(self.source_id_for_name, names.values()) if sid is not None), None)
        if source_id is None:
            row = self.conn.execute("SELECT id FROM sources WHERE name = ?", (source.name,)).fetchone()
            source_id = row[0] if row else self.conn.execute(
                "INSERT INTO sources (name, kind, domain) VALUES (?, ?, ?)", (source.name, source.kind, source.domain)
            ).lastrowid
        # New spellings learned here ("... (CIT)") join the source's aliases.
        new = [(source_id, name, folded) for folded, name in names.items() if folded not in self._alias_ids]
        if new:
            self.conn.executemany("INSERT OR IGNORE INTO source_aliases (source_id, alias, folded) VALUES (?, ?, ?)", new)
            for _, _, folded in new:
                self._alias_ids.setdefault(folded, source_id)
        self._source_ids[source] = source_id
        return source_id
