"""Listings beside search: quotes, places, sources, one article, and archive stats. Reads only."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field

from archive.errors import QueryError
from archive.query.filters import Filters, like, where_articles
from archive.names import fold_source

from archive.kinds import PLACE_KINDS, SOURCE_KINDS, TABLES


def _rows(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cursor = conn.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor]


def _run(conn, sql, params=()) -> list[dict]:
    try:
        return _rows(conn, sql, params)
    except sqlite3.OperationalError as error:
        raise QueryError(f"bad query: {' '.join(str(error).split())}") from None


QUOTE_COLUMNS = ["id", "text", "speaker", "cue", "via", "kind", "article_id", "title", "published"]


def quotes(
    conn: sqlite3.Connection,
    query: str | None = None,
    *,
    via: tuple[str, ...] = (),
    article: int | None = None,
    filters: Filters | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict]:
    """Quotes with their speaker and article, best match first for a query, else newest first."""
    from archive.query.search import stems_of_prefix, fts_query

    filters = filters or Filters()
    clauses, params = [], []
    where, values = where_articles(Filters(filters.places, filters.countries, filters.sources, (), filters.outlets,
                                           filters.since, filters.until))
    if where:
        clauses.append(where)
        params += values
    if filters.speakers:
        clauses.append("(" + " OR ".join("q.speaker LIKE ? ESCAPE '\\'" for _ in filters.speakers) + ")")
        params += [like(v) for v in filters.speakers]
    if via:
        folded = [fold_source(v) for v in via]
        marks = ", ".join("?" * len(folded))
        clauses.append(
            f"(q.via_source_id IN (SELECT source_id FROM source_aliases WHERE folded IN ({marks}))"
            " OR " + " OR ".join("q.via LIKE ? ESCAPE '\\'" for _ in via) + ")"
        )
        params += folded + [like(v, whole=True) for v in via]
    if article is not None:
        clauses.append("q.article_id = ?")
        params.append(article)
    order = "a.published DESC, q.article_id, p.position, q.start"
    source = "quotes q"
    if query:
        source = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
        clauses.insert(0, "quotes_fts MATCH ?")
        params.insert(0, fts_query(query, lambda prefix: stems_of_prefix(conn, prefix)))
        order = "quotes_fts.rank"
    sql = f"""
        SELECT q.id, q.text, q.speaker, q.cue, coalesce(s.name, q.via) AS via, q.kind, q.article_id,
               a.title, a.published
        FROM {source} JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = q.via_source_id
        LEFT JOIN paragraphs p ON p.id = q.paragraph_id
        {"WHERE " + " AND ".join(clauses) if clauses else ""}
        ORDER BY {order} LIMIT ? OFFSET ?"""
    return _run(conn, sql, [*params, limit, offset])


PLACE_COLUMNS = ["id", "name", "kind", "country_code", "latitude", "longitude", "articles", "mentions"]


def places(conn, *, countries: tuple[str, ...] = (), kinds: tuple[str, ...] = (), limit: int = 100) -> list[dict]:
    """Places with how many articles and mentions name them, most named first."""
    for kind in kinds:
        if kind not in PLACE_KINDS:
            raise QueryError(f"unknown place kind {kind!r}; choose from {', '.join(PLACE_KINDS)}")
    clauses, params = [], []
    if countries:
        clauses.append(f"p.country_code IN ({', '.join('?' * len(countries))})")
        params += [c.strip().upper() for c in countries]
    if kinds:
        clauses.append(f"p.kind IN ({', '.join('?' * len(kinds))})")
        params += list(kinds)
    sql = f"""
        SELECT p.id, p.name, p.kind, p.country_code, p.latitude, p.longitude,
               count(DISTINCT pm.article_id) AS articles, count(pm.id) AS mentions
        FROM places p JOIN place_mentions pm ON pm.place_id = p.id
        {"WHERE " + " AND ".join(clauses) if clauses else ""}
        GROUP BY p.id ORDER BY articles DESC, mentions DESC, p.name LIMIT ?"""
    return _run(conn, sql, [*params, limit])


SOURCE_COLUMNS = ["id", "name", "kind", "domain", "citations", "articles", "aliases"]


def sources(conn, *, kinds: tuple[str, ...] = (), limit: int = 100) -> list[dict]:
    """Cited sources with citation and article counts and their aliases."""
    for kind in kinds:
        if kind not in SOURCE_KINDS:
            raise QueryError(f"unknown source kind {kind!r}; choose from {', '.join(SOURCE_KINDS)}")
    # sources no citation names any more (their articles were replaced) are left out
    where = "WHERE EXISTS (SELECT 1 FROM citations c WHERE c.source_id = s.id)"
    if kinds:
        where += f" AND s.kind IN ({', '.join('?' * len(kinds))})"
    sql = f"""
        SELECT s.id, s.name, s.kind, s.domain,
               (SELECT count(*) FROM citations c WHERE c.source_id = s.id) AS citations,
               (SELECT count(DISTINCT c.article_id) FROM citations c WHERE c.source_id = s.id) AS articles,
               (SELECT group_concat(alias, '; ') FROM (SELECT alias FROM source_aliases sa
                  WHERE sa.source_id = s.id AND sa.alias != s.name ORDER BY alias)) AS aliases
        FROM sources s {where}
        ORDER BY articles DESC, citations DESC, s.name LIMIT ?"""
    return _run(conn, sql, [*kinds, limit])


CITATION_COLUMNS = ["article_id", "title", "published", "surface", "cue", "href", "paragraph"]


def source_citations(conn, name: str) -> tuple[dict, list[dict]]:
    """One source (found by any alias) and every citation of it."""
    found = _run(conn, """SELECT s.id, s.name, s.kind, s.domain FROM source_aliases sa JOIN sources s ON s.id = sa.source_id
                          WHERE sa.folded = ?""", (fold_source(name),))
    if not found:
        raise QueryError(f"no source named {name!r}; 'archive sources' lists them")
    source = found[0]
    citations = _run(conn, """
        SELECT c.article_id, a.title, a.published, c.surface, c.cue, c.href, p.text AS paragraph
        FROM citations c JOIN articles a ON a.id = c.article_id LEFT JOIN paragraphs p ON p.id = c.paragraph_id
        WHERE c.source_id = ? ORDER BY a.published DESC, c.article_id, p.position""", (source["id"],))
    source["aliases"] = [r["alias"] for r in _run(conn, "SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY alias",
                                                   (source["id"],))]
    return source, citations


@dataclass
class ArticleView:
    article: dict
    paragraphs: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {**self.article, "paragraphs": self.paragraphs, "quotes": self.quotes, "places": self.places,
                "citations": self.citations, "links": self.links}


def _article_row(conn, key: str) -> dict:
    column = "id" if key.isascii() and key.isdigit() and len(key) < 19 else "url"
    found = _run(conn, f"SELECT id, title, published, outlet, url, path, word_count, ingested_at FROM articles WHERE {column} = ?",
                 (int(key) if column == "id" else key,))
    if not found:
        raise QueryError(f"no article with {column} {key!r}")
    return found[0]


def show(conn, key: str) -> ArticleView:
    """One article by id or url, with everything found in it."""
    article = _article_row(conn, key)
    article_id = article["id"]
    return ArticleView(
        article,
        _run(conn, "SELECT id, position, section, text FROM paragraphs WHERE article_id = ? ORDER BY position", (article_id,)),
        _run(conn, """SELECT q.text, q.speaker, q.cue, coalesce(s.name, q.via) AS via, q.kind, p.position AS paragraph
                      FROM quotes q LEFT JOIN paragraphs p ON p.id = q.paragraph_id LEFT JOIN sources s ON s.id = q.via_source_id
                      WHERE q.article_id = ? ORDER BY p.position, q.start""", (article_id,)),
        _run(conn, """SELECT pl.name, pl.kind, pl.country_code, pl.latitude, pl.longitude, count(*) AS mentions,
                             group_concat(DISTINCT pm.surface) AS surfaces
                      FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id
                      WHERE pm.article_id = ? GROUP BY pl.id ORDER BY min(pm.id)""", (article_id,)),
        _run(conn, """SELECT s.name, s.kind, c.surface, c.cue, c.href, p.position AS paragraph
                      FROM citations c JOIN sources s ON s.id = c.source_id LEFT JOIN paragraphs p ON p.id = c.paragraph_id
                      WHERE c.article_id = ? ORDER BY c.id""", (article_id,)),
        _run(conn, "SELECT text, href FROM links WHERE article_id = ? ORDER BY id", (article_id,)),
    )


def stored_article(conn, key: str):
    """(id, ParsedArticle) of one stored article by id or url, rebuilt from its rows as parse made it:
    what `archive explain` runs the extractors on again."""
    from archive.parse.document import Link, Paragraph, ParsedArticle

    row = _article_row(conn, key)
    article_id = row["id"]
    positions = dict(conn.execute(
        "SELECT id, position FROM paragraphs WHERE article_id = ?", (article_id,)))
    links = tuple(Link(text, href, positions.get(pid), start or 0, end or 0) for text, href, pid, start, end in
                  conn.execute('SELECT text, href, paragraph_id, start, "end" FROM links WHERE article_id = ?'
                               " ORDER BY id", (article_id,)))
    by_paragraph: dict[int, list] = {}
    for link in links:
        if link.paragraph is not None:
            by_paragraph.setdefault(link.paragraph, []).append(link)
    paragraphs = tuple(
        Paragraph(position, section, text, markdown, tuple(by_paragraph.get(position, ())))
        for position, section, text, markdown in conn.execute(
            "SELECT position, section, text, markdown FROM paragraphs WHERE article_id = ? ORDER BY position",
            (article_id,)))
    return article_id, ParsedArticle(title=row["title"], published=row["published"], url=row["url"],
                                     paragraphs=paragraphs, links=links, path=row["path"])


def stats(conn, path: str | os.PathLike) -> dict:
    from archive.store.db import schema_version

    counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    size = sum(os.path.getsize(p) for p in (f"{path}", f"{path}-wal") if os.path.exists(p))
    return {"path": os.fspath(path), "schema_version": schema_version(conn), "bytes": size, "tables": counts}
