"""Full-text search with filters and facets -> plain dataclasses. Reads only."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

from archive.errors import QueryError
from archive.query.filters import FACET_SQL, SCOPES, Filters, check_facets, like, where_articles

# Snippet markers: control characters no article text keeps, turned into
# bold or [brackets] by whoever presents the hit.
MARK_START, MARK_END = "\x02", "\x03"
SNIPPET_TOKENS = 24
# bm25 scores are negative, lower is better; a title hit counts this much more
# than a body hit of the same score.
TITLE_WEIGHT = 2.0


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
class FacetValue:
    value: str | None
    count: int


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = {"query": self.query, "total": self.total, "hits": [hit.as_dict() for hit in self.hits]}
        if self.facets:
            data["facets"] = {name: [asdict(v) for v in values] for name, values in self.facets.items()}
        return data


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


def search(
    conn: sqlite3.Connection,
    query: str | None,
    *,
    raw: bool = False,
    scope: str = "all",
    filters: Filters | None = None,
    facets: tuple[str, ...] = (),
    facet_size: int = 10,
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """Ranked hits, one per article; with no query, every article, newest first.

    Facets count matching articles over the whole matching set, not the page.
    """
    filters = filters or Filters()
    if scope not in SCOPES:
        raise QueryError(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}")
    if limit < 0 or offset < 0:
        raise QueryError("--limit and --offset must not be negative")
    facets = check_facets(facets)
    match = _match(conn, query, raw)
    matching, params = _matching_sql(match, scope, filters)
    page = f"""
        SELECT m.article_id, m.body_id, m.score, a.title, a.published, a.outlet, a.url, count(*) OVER () AS total
        FROM ({matching}) AS m JOIN articles a ON a.id = m.article_id
        ORDER BY m.score, a.published DESC, a.id
        LIMIT :limit OFFSET :offset"""
    try:
        rows = conn.execute(page, {**params, "limit": limit, "offset": offset}).fetchall()
        if facets:
            total = _fill_matched(conn, *_matching_sql(match, scope, filters, ranked=False))
            facet_counts = {name: _facet(conn, name, facet_size) for name in facets}
        else:
            total = rows[0][7] if rows else _count(conn, matching, params, offset)
            facet_counts = {}
        if match:
            snippets = _snippets(conn, scope, match, [row[1] for row in rows if row[1] is not None])
        else:
            snippets = {}
        leads = {} if match else _leads(conn, [row[0] for row in rows])
    except sqlite3.OperationalError as error:
        reason = " ".join(str(error).split())  # SQLite quotes the query back, newlines and all
        raise QueryError(f"bad query {query!r}: {reason}") from None
    hits = []
    for article_id, body_id, score, title, published, outlet, url, _ in rows:
        paragraph_id, position, snippet = snippets.get(body_id) or leads.get(article_id) or (None, None, None)
        if snippet is None:  # a title-only hit: the title, highlighted
            snippet = (_title_snippet(conn, article_id, match) if match else None) or title
        hits.append(Hit(article_id, title, published, outlet, url, paragraph_id, position, snippet, score))
    return SearchResult(query=query or "", total=total, hits=hits, facets=facet_counts)


def _match(conn, query: str | None, raw: bool) -> str | None:
    """The FTS5 expression, or None to match every article (no query given)."""
    if query is None:
        return None
    if raw:
        if not query.strip():
            raise QueryError("empty query")
        return query.strip()
    return fts_query(query, lambda prefix: stems_of_prefix(conn, prefix))


def _ranked_sql(scope: str, speaker_clause: str) -> str:
    """(article_id, body_id, score): one row per matching article, with its best paragraph or quote.

    min() with bare columns is SQLite's documented way to take the other
    columns from the row that holds the minimum: the best-ranked paragraph.
    """
    body = "quotes" if scope == "quotes" else "paragraphs"
    parts = []
    if scope in ("all", "paragraphs", "quotes"):
        parts.append(
            f"""
            SELECT {body}.article_id AS article_id, {body}.id AS body_id, min({body}_fts.rank) AS body_rank,
                   NULL AS title_rank
            FROM {body}_fts JOIN {body} ON {body}.id = {body}_fts.rowid
            WHERE {body}_fts MATCH :match {speaker_clause}
            GROUP BY {body}.article_id"""
        )
    if scope in ("all", "titles"):
        parts.append(
            "SELECT rowid AS article_id, NULL AS body_id, NULL AS body_rank, rank AS title_rank"
            " FROM articles_fts WHERE articles_fts MATCH :match"
        )
    if len(parts) == 1:
        return f"""
        SELECT article_id, body_id, coalesce(body_rank, 0) + {TITLE_WEIGHT} * coalesce(title_rank, 0) AS score
        FROM ({parts[0]})"""
    return f"""
        SELECT article_id, max(body_id) AS body_id,
               coalesce(min(body_rank), 0) + {TITLE_WEIGHT} * coalesce(min(title_rank), 0) AS score
        FROM ({" UNION ALL ".join(parts)}) GROUP BY article_id"""


def _set_sql(scope: str, speaker_clause: str) -> str:
    """The matching article ids alone, without ranking: what facets and totals need."""
    body = "quotes" if scope == "quotes" else "paragraphs"
    parts = []
    if scope in ("all", "paragraphs", "quotes"):
        parts.append(f"SELECT {body}.article_id AS article_id FROM {body}_fts JOIN {body} ON {body}.id = {body}_fts.rowid"
                     f" WHERE {body}_fts MATCH :match {speaker_clause}")
    if scope in ("all", "titles"):
        parts.append("SELECT rowid AS article_id FROM articles_fts WHERE articles_fts MATCH :match")
    return f"SELECT article_id, NULL AS body_id, 0.0 AS score FROM ({' UNION '.join(parts)})"


def _matching_sql(match: str | None, scope: str, filters: Filters, ranked: bool = True) -> tuple[str, dict]:
    """SQL for (article_id, body_id, score) of every matching article, filters applied.

    ranked=False leaves out scores and best paragraphs, for facets and totals.
    """
    params: dict = {"match": match}
    speaker_clause = ""
    if scope == "quotes" and filters.speakers:
        # searching quotes, --speaker picks the quotes themselves, not only their articles
        speaker_clause = "AND (" + " OR ".join(
            f"quotes.speaker LIKE :speaker{i} ESCAPE '\\'" for i in range(len(filters.speakers))) + ")"
        params.update({f"speaker{i}": like(v) for i, v in enumerate(filters.speakers)})
    if match is None:
        source = "SELECT id AS article_id, NULL AS body_id, 0.0 AS score FROM articles"
    else:
        source = (_ranked_sql if ranked else _set_sql)(scope, speaker_clause)
    where, values = where_articles(filters)
    if not where:
        return source, params  # no filter: no need to visit each matching article's row
    for i, value in enumerate(values):
        where = where.replace("?", f":f{i}", 1)
        params[f"f{i}"] = value
    return f"""
        SELECT hits.article_id AS article_id, hits.body_id AS body_id, hits.score AS score
        FROM ({source}) AS hits JOIN articles a ON a.id = hits.article_id
        WHERE {where}""", params


def _fill_matched(conn, matching: str, params: dict) -> int:
    """Every matching article id, once, in a temporary table the facet queries read."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS matched (article_id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.matched")
    conn.execute(f"INSERT OR IGNORE INTO temp.matched SELECT article_id FROM ({matching})", params)
    return conn.execute("SELECT count(*) FROM temp.matched").fetchone()[0]


def _facet(conn, name: str, size: int) -> list[FacetValue]:
    sql = f"SELECT * FROM ({FACET_SQL[name]}) ORDER BY 2 DESC, 1 LIMIT ?"
    return [FacetValue(value, count) for value, count in conn.execute(sql, (size,))]


def _count(conn, matching: str, params: dict, offset: int) -> int:
    """The total when the page itself is empty: none at all, or an offset past the end."""
    if offset == 0:
        return 0
    return conn.execute(f"SELECT count(*) FROM ({matching})", params).fetchone()[0]


def stems_of_prefix(conn: sqlite3.Connection, prefix: str) -> list[str]:
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


def _leads(conn, article_ids: list[int]) -> dict[int, tuple[int, int, str]]:
    """With no query to match, each article's first paragraph stands in for a snippet."""
    if not article_ids:
        return {}
    marks = ", ".join("?" * len(article_ids))
    rows = conn.execute(
        f"SELECT article_id, id, position, text FROM paragraphs WHERE position = 0 AND article_id IN ({marks})",
        article_ids,
    )
    return {article_id: (pid, position, _lead(text)) for article_id, pid, position, text in rows}


def _lead(text: str, width: int = 240) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def _title_snippet(conn, article_id: int, match: str) -> str | None:
    row = conn.execute(
        "SELECT highlight(articles_fts, 0, char(2), char(3)) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
        (match, article_id),
    ).fetchone()
    return row[0] if row else None
