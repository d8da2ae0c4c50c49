"""The only reader: full-text search -> plain dataclasses."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

from .errors import QueryError

# Snippet markers: private-use characters no article contains, turned into
# bold or [brackets] by whoever presents the hit.
MARK_START, MARK_END = "\x02", "\x03"
SNIPPET_TOKENS = 24
# bm25 scores are negative, lower is better; a title hit counts this much more
# than a body hit of the same score.
TITLE_WEIGHT = 2.0
SCOPES = ("all", "paragraphs", "titles", "quotes")


@dataclass(frozen=True)
class Hit:
    article_id: int
    title: str
    published: str | None
    outlet: str | None
    url: str | None
    paragraph_id: int | None
    position: int | None
    snippet: str  # with MARK_START/MARK_END around matches
    rank: float

    def as_dict(self, marks: tuple[str, str] = ("[", "]")) -> dict:
        row = asdict(self)
        row["snippet"] = highlight(self.snippet, *marks)
        return row


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit] = field(default_factory=list)


def highlight(snippet: str, start: str, end: str) -> str:
    return snippet.replace(MARK_START, start).replace(MARK_END, end)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(text: str, stems_of_prefix=None) -> str:
    """User words -> an FTS5 query that cannot be a syntax error.

    Each word is quoted, as Datasette does, so punctuation is literal
    ("St. Petersburg", "7x7", "Put' Domoj"); a trailing * stays a prefix search.
    The index holds Porter stems ("mobilization" is stored as "mobil"), so a
    prefix longer than a word's stem ("mobiliz*") would miss it:
    stems_of_prefix(prefix) names the indexed stems to add for it.
    """
    terms = []
    for word in text.replace("\x00", " ").split():
        prefix = word.endswith("*") and word.rstrip("*") != ""
        core = word.rstrip("*") if prefix else word
        if not any(ch.isalnum() for ch in core):
            continue  # the tokenizer would find no word in it
        if not prefix:
            terms.append(_quote(core))
            continue
        stems = stems_of_prefix(core) if stems_of_prefix else []
        alternatives = [_quote(core) + "*", *(_quote(stem) for stem in stems)]
        terms.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    if not terms:
        raise QueryError(f"nothing to search for in {text!r}: give at least one word")
    return " ".join(terms)


def _hits_sql(scope: str) -> str:
    """One row per article: its best body paragraph (or quote) and its score."""
    body_table = "quotes" if scope == "quotes" else "paragraphs"
    parts = []
    if scope in ("all", "paragraphs", "quotes"):
        parts.append(
            f"""
            SELECT article_id, body_id, rank AS body_rank, NULL AS title_rank FROM (
                SELECT {body_table}.article_id AS article_id, {body_table}.id AS body_id, {body_table}_fts.rank AS rank,
                       row_number() OVER (PARTITION BY {body_table}.article_id ORDER BY {body_table}_fts.rank) AS n
                FROM {body_table}_fts JOIN {body_table} ON {body_table}.id = {body_table}_fts.rowid
                WHERE {body_table}_fts MATCH :match
            ) WHERE n = 1"""
        )
    if scope in ("all", "titles"):
        parts.append(
            "SELECT rowid AS article_id, NULL AS body_id, NULL AS body_rank, rank AS title_rank"
            " FROM articles_fts WHERE articles_fts MATCH :match"
        )
    return f"""
        WITH scored AS ({" UNION ALL ".join(parts)}),
        hits AS (
            SELECT article_id, max(body_id) AS body_id,
                   coalesce(min(body_rank), 0) + {TITLE_WEIGHT} * coalesce(min(title_rank), 0) AS score
            FROM scored GROUP BY article_id
        )
        SELECT hits.article_id, hits.body_id, hits.score, a.title, a.published, a.outlet, a.url,
               count(*) OVER () AS total
        FROM hits JOIN articles a ON a.id = hits.article_id
        ORDER BY hits.score, a.published DESC, a.id
        LIMIT :limit OFFSET :offset
    """


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    raw: bool = False,
    scope: str = "all",
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    if scope not in SCOPES:
        raise QueryError(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}")
    if limit < 0 or offset < 0:
        raise QueryError("--limit and --offset must not be negative")
    match = query.strip() if raw else fts_query(query, lambda prefix: _stems_of_prefix(conn, prefix))
    if raw and not match:
        raise QueryError("empty query")
    params = {"match": match, "limit": limit, "offset": offset}
    try:
        rows = conn.execute(_hits_sql(scope), params).fetchall()
        total = rows[0][7] if rows else _count(conn, scope, params)
        snippets = _snippets(conn, scope, match, [row[1] for row in rows if row[1] is not None])
    except sqlite3.OperationalError as error:
        raise QueryError(f"bad query {query!r}: {error}") from None
    hits = []
    for article_id, body_id, score, title, published, outlet, url, _ in rows:
        paragraph_id, position, snippet = snippets.get(body_id, (None, None, None))
        if snippet is None:  # a title-only hit: show the title, highlighted
            snippet = _title_snippet(conn, article_id, match) or title
        hits.append(Hit(article_id, title, published, outlet, url, paragraph_id, position, snippet, score))
    return SearchResult(query=query, total=total, hits=hits)


def _stems_of_prefix(conn: sqlite3.Connection, prefix: str) -> list[str]:
    """Indexed terms that are shorter forms of the prefix: the stems of the words it starts.

    Porter removes at most a few letters from the end of what a prefix spells
    ("mobiliz" -> "mobil"), so only the prefix's own prefixes down to three letters
    shorter (and at least four long) are looked up, in the index's vocabulary.
    """
    prefix = prefix.lower()
    candidates = [prefix[:n] for n in range(max(4, len(prefix) - 3), len(prefix))]
    if not candidates:
        return []
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.paragraphs_vocab USING fts5vocab(main, 'paragraphs_fts', 'row')"
    )
    marks = ", ".join("?" * len(candidates))
    return [row[0] for row in conn.execute(f"SELECT term FROM temp.paragraphs_vocab WHERE term IN ({marks})", candidates)]


def _count(conn, scope, params) -> int:
    """The total when the page itself is empty: none at all, or an offset past the end."""
    if params["offset"] == 0:
        return 0
    row = conn.execute(_hits_sql(scope), {**params, "limit": 1, "offset": 0}).fetchone()
    return row[7] if row else 0


def _snippets(conn, scope: str, match: str, body_ids: list[int]) -> dict[int, tuple[int | None, int | None, str]]:
    """Highlighted snippets for the page's best paragraphs (or quotes) only."""
    if not body_ids:
        return {}
    marks = ", ".join("?" * len(body_ids))
    if scope == "quotes":
        sql = f"""
            SELECT quotes.id, quotes.paragraph_id, paragraphs.position,
                   snippet(quotes_fts, 0, char(2), char(3), '…', {SNIPPET_TOKENS})
            FROM quotes_fts JOIN quotes ON quotes.id = quotes_fts.rowid
            LEFT JOIN paragraphs ON paragraphs.id = quotes.paragraph_id
            WHERE quotes_fts MATCH ? AND quotes_fts.rowid IN ({marks})"""
    else:
        sql = f"""
            SELECT paragraphs.id, paragraphs.id, paragraphs.position,
                   snippet(paragraphs_fts, 0, char(2), char(3), '…', {SNIPPET_TOKENS})
            FROM paragraphs_fts JOIN paragraphs ON paragraphs.id = paragraphs_fts.rowid
            WHERE paragraphs_fts MATCH ? AND paragraphs_fts.rowid IN ({marks})"""
    return {row[0]: row[1:] for row in conn.execute(sql, [match, *body_ids])}


def _title_snippet(conn, article_id: int, match: str) -> str | None:
    row = conn.execute(
        "SELECT highlight(articles_fts, 0, char(2), char(3)) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
        (match, article_id),
    ).fetchone()
    return row[0] if row else None
