"""Datasette as the archive's web interface: its metadata, and the command that serves it.

Everything here is plain Python and sqlite3; Datasette itself runs as its own
process (`python -m datasette serve ...`), so nothing imports it.

Two things Datasette 0.65 cannot do from metadata alone, and what we do instead:

* Facet by month. Its date facet groups by date(column), that is by day. The
  article_summaries view has a `month` column (YYYY-MM), and the facet is there.
* Rank full-text results. `?_search=` on a table filters with
  `rowid IN (SELECT rowid FROM fts WHERE fts MATCH ...)` and orders by the
  table's sort (or primary key); it never orders by rank, and no metadata key
  changes that. So the search boxes filter, and two canned queries, `search`
  and `search_quotes`, return results ordered by bm25 rank, as `archive search` does.
"""
from __future__ import annotations

import ipaddress
import json
import os
import socket
import sys
from pathlib import Path

from archive.errors import ArchiveError
from archive.query.search import SNIPPET_TOKENS, TITLE_WEIGHT  # the canned search ranks as archive search does

INSTALL_HINT = "pip install 'archive[datasette]'"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001


class DatasetteNotInstalled(ArchiveError):
    """The optional datasette extra is missing."""


class CannotServe(ArchiveError):
    """The address or port cannot be listened on."""


# -- names and paths ------------------------------------------------------------

def database_name(db_path: str | os.PathLike) -> str:
    """The name Datasette gives a database file: its stem (data/archive.db -> archive)."""
    return Path(db_path).stem


def default_metadata_path(db_path: str | os.PathLike) -> Path:
    """Beside the database: data/archive.db -> data/archive.metadata.json."""
    path = Path(db_path)
    return path.with_name(path.stem + ".metadata.json")


# -- the metadata ---------------------------------------------------------------

def _table(description, columns, *, label_column=None, sortable=None, facets=None, fts=None, sort_desc=None,
           sort=None, title=None) -> dict:
    table: dict = {}
    if title:
        table["title"] = title
    table["description"] = description
    if label_column:
        table["label_column"] = label_column
    if sortable:
        table["sortable_columns"] = list(sortable)
    if sort:
        table["sort"] = sort
    if sort_desc:
        table["sort_desc"] = sort_desc
    if facets:
        table["facets"] = list(facets)
    if fts:
        table["fts_table"], table["fts_pk"] = fts
    table["columns"] = columns
    return table


ARTICLE_ID = "The article (articles.id)"
PARAGRAPH_ID = "The paragraph (paragraphs.id); empty when it is outside the body"


def _tables() -> dict:
    return {
        "articles": _table(
            "One row per clipped article. Search matches titles; the ranked `search` query searches bodies too. "
            "Facet by month in article_summaries.",
            {
                "id": "Article id",
                "title": "Headline",
                "published": "Publication date, YYYY-MM-DD",
                "url": "Original URL (unique)",
                "outlet": "Publisher, usually the URL's host",
                "path": "The file it was ingested from",
                "content_hash": "Hash of the file's text; an unchanged file is not stored again",
                "word_count": "Words in the body",
                "ingested_at": "When it was last stored (UTC)",
            },
            label_column="title",
            sortable=("id", "title", "published", "outlet", "word_count", "ingested_at"),
            sort_desc="published",
            facets=("outlet",),
            fts=("articles_fts", "id"),
        ),
        "paragraphs": _table(
            "The body of each article, one row per paragraph, in order. Search matches paragraph text "
            "(stemmed; case and diacritics ignored).",
            {
                "id": "Paragraph id",
                "article_id": ARTICLE_ID,
                "position": "Place in the article, from 0",
                "section": "The heading above it, if any",
                "text": "Plain text",
                "markdown": "The Markdown it came from",
            },
            sortable=("id", "article_id", "position"),
            fts=("paragraphs_fts", "id"),
        ),
        "links": _table(
            "Every inline link and autolink.",
            {
                "id": "Link id",
                "article_id": ARTICLE_ID,
                "paragraph_id": PARAGRAPH_ID,
                "text": "Link text",
                "href": "Target",
                "start": "Offset of the link text in the paragraph text",
                "end": "End offset",
            },
            sortable=("id", "article_id", "href"),
        ),
        "quotes": _table(
            "Quoted speech. Search matches quote text and speaker. quotes_with_articles shows each with its article.",
            {
                "id": "Quote id",
                "article_id": ARTICLE_ID,
                "paragraph_id": "The paragraph where the quote opens",
                "text": "The words quoted, without quotation marks",
                "speaker": "Who said it, as the text names them",
                "kind": "direct (a whole statement) or partial (a phrase inside a sentence)",
                "start": "Offset of the quote in the paragraph text",
                "end": "End offset",
                "cue": "The attribution verb: said, told, wrote, according to...",
                "via": "The outlet the speaker spoke to, as the text names it",
                "via_source_id": "That outlet (sources.id)",
            },
            sortable=("id", "article_id", "speaker", "kind"),
            facets=("speaker",),
            fts=("quotes_fts", "id"),
        ),
        "places": _table(
            "Places the articles name, resolved to one row each, with coordinates. place_counts adds how often.",
            {
                "id": "Place id",
                "key": "Stable identity: gn:<GeoNames id>, iso:<code> or x:<name>",
                "name": "English name",
                "kind": "city, region, country or other",
                "country_code": "ISO 3166-1 alpha-2",
                "latitude": "Degrees north",
                "longitude": "Degrees east",
                "geonames_id": "GeoNames id, if known",
            },
            label_column="name",
            sortable=("id", "name", "kind", "country_code"),
            facets=("kind", "country_code"),
        ),
        "place_names": _table(
            "Every name a place goes by (Latin and Cyrillic spellings), for lookups.",
            {
                "id": "Row id",
                "place_id": "The place (places.id)",
                "name": "A name of the place",
                "folded": "The name case-folded, for matching",
            },
            sortable=("id", "place_id", "name"),
        ),
        "place_mentions": _table(
            "Each time an article names a place.",
            {
                "id": "Mention id",
                "place_id": "The place (places.id)",
                "article_id": ARTICLE_ID,
                "paragraph_id": "The paragraph; empty when the mention is in the title",
                "surface": "The words as written",
                "start": "Offset in the paragraph (or title) text",
                "end": "End offset",
            },
            sortable=("id", "place_id", "article_id"),
            facets=("place_id",),
        ),
        "sources": _table(
            "Outlets, channels, agencies and organisations the articles cite. source_counts adds how often.",
            {
                "id": "Source id",
                "name": "Canonical name",
                "kind": "news outlet, telegram channel, agency or organisation",
                "domain": "Web domain, if any",
            },
            label_column="name",
            sortable=("id", "name", "kind", "domain"),
            facets=("kind",),
        ),
        "source_aliases": _table(
            "Spellings and scripts that name a source; you may add rows.",
            {
                "id": "Row id",
                "source_id": "The source (sources.id)",
                "alias": "A spelling",
                "folded": "The spelling normalised; each names one source",
            },
            sortable=("id", "source_id", "alias"),
        ),
        "citations": _table(
            "Each time an article credits or cites a source.",
            {
                "id": "Citation id",
                "source_id": "The source (sources.id)",
                "article_id": ARTICLE_ID,
                "paragraph_id": "The paragraph; empty for the credit line above the body",
                "surface": "The words as written",
                "cue": "reported, according to, told...",
                "href": "The link on it, if any",
            },
            sortable=("id", "source_id", "article_id"),
            facets=("source_id",),
        ),
        "files": _table(
            "Files ingest has read, so an unchanged file is not read again.",
            {
                "path": "The file",
                "size": "Size in bytes when last read",
                "mtime_ns": "Modification time when last read (ns)",
                "content_hash": "Hash of its text",
                "encoding": "How it was decoded: utf-8, cp1251, koi8-r, utf-16...",
                "article_id": "The article it holds (articles.id)",
            },
            sortable=("path", "size", "article_id"),
            facets=("encoding",),
        ),
        "alembic_version": {"hidden": True},
        # -- views (migrations/versions/0003_views.py) --
        "quotes_with_articles": _table(
            "Every quote with its speaker, the outlet it was given to, and its article. Search matches quote text "
            "and speaker.",
            {
                "id": "Quote id (quotes.id)",
                "text": "The words quoted",
                "speaker": "Who said it",
                "kind": "direct or partial",
                "cue": "The attribution verb",
                "via": "The outlet the speaker spoke to, as written",
                "via_source": "That outlet's canonical name (sources.name)",
                "article_id": ARTICLE_ID,
                "article_title": "The article's headline",
                "published": "The article's date",
                "url": "The article's URL",
            },
            sortable=("id", "speaker", "kind", "via_source", "article_id", "article_title", "published"),
            facets=("speaker", "via_source"),
            fts=("quotes_fts", "id"),
        ),
        "place_counts": _table(
            "Each place with the number of articles that name it and of mentions, most mentioned first. "
            "Has latitude and longitude, so datasette-cluster-map draws it on a map.",
            {
                "id": "Place id (places.id)",
                "name": "English name",
                "kind": "city, region, country or other",
                "country_code": "ISO 3166-1 alpha-2",
                "latitude": "Degrees north",
                "longitude": "Degrees east",
                "articles": "Articles that name it",
                "mentions": "Times it is named, in all articles",
            },
            sortable=("id", "name", "kind", "country_code", "articles", "mentions"),
            facets=("kind", "country_code"),
        ),
        "source_counts": _table(
            "Each source with its spellings and how often it is cited, most cited first.",
            {
                "id": "Source id (sources.id)",
                "name": "Canonical name",
                "kind": "news outlet, telegram channel, agency or organisation",
                "domain": "Web domain, if any",
                "aliases": "Its spellings, separated by '; '",
                "citations": "Times it is cited, in all articles",
                "articles": "Articles that cite it",
            },
            sortable=("id", "name", "kind", "domain", "citations", "articles"),
            facets=("kind",),
        ),
        "article_summaries": _table(
            "One row per article with its month and how many quotes, places and sources it has, newest first. "
            "Search matches titles.",
            {
                "id": "Article id (articles.id)",
                "title": "Headline",
                "published": "Publication date, YYYY-MM-DD",
                "month": "Publication month, YYYY-MM (for the month facet)",
                "outlet": "Publisher",
                "url": "Original URL",
                "quotes": "Quotes in it",
                "places": "Distinct places it names",
                "sources": "Distinct sources it cites",
            },
            sortable=("id", "title", "published", "month", "outlet", "quotes", "places", "sources"),
            facets=("outlet", "month"),
            fts=("articles_fts", "id"),
        ),
    }


# escape_fts (Datasette's SQL function, as ?_search uses) quotes each word, so
# punctuation is literal; an empty query becomes "" and matches nothing.
MATCH = "coalesce(nullif(escape_fts(:q), ''), '\"\"')"


def search_sql() -> str:
    """Articles ranked as `archive search` ranks them: best paragraph, title hits weigh more.

    Snippets come from a correlated subquery: SQLite refuses FTS5 auxiliary
    functions in a query that also groups or uses window functions.
    """
    return f"""with body as (
  select paragraphs.article_id, paragraphs_fts.rowid as paragraph_id, min(paragraphs_fts.rank) as rank
  from paragraphs_fts join paragraphs on paragraphs.id = paragraphs_fts.rowid
  where paragraphs_fts match {MATCH}
  group by paragraphs.article_id
),
titles as (
  select rowid as article_id, rank from articles_fts where articles_fts match {MATCH}
),
hits as (select article_id from body union select article_id from titles)
select articles.id as article_id, articles.title, articles.published, articles.outlet, articles.url,
       body.paragraph_id,
       (select snippet(paragraphs_fts, 0, '[', ']', '…', {SNIPPET_TOKENS}) from paragraphs_fts
        where paragraphs_fts match {MATCH} and paragraphs_fts.rowid = body.paragraph_id) as snippet,
       coalesce(body.rank, 0) + {TITLE_WEIGHT} * coalesce(titles.rank, 0) as rank
from hits
join articles on articles.id = hits.article_id
left join body on body.article_id = hits.article_id
left join titles on titles.article_id = hits.article_id
order by rank, articles.published desc, articles.id
limit 100"""


def search_quotes_sql() -> str:
    """Quotes ranked by bm25 over their text and speaker."""
    return f"""select quotes.id, quotes.text, quotes.speaker, quotes.kind, quotes.article_id,
       articles.title as article_title, articles.published, quotes_fts.rank as rank
from quotes_fts
join quotes on quotes.id = quotes_fts.rowid
join articles on articles.id = quotes.article_id
where quotes_fts match {MATCH}
order by rank, articles.published desc, quotes.id
limit 100"""


def build_metadata(db_path: str | os.PathLike) -> dict:
    """Datasette metadata for the archive at db_path (keyed by Datasette's name for it)."""
    return {
        "title": "News archive",
        "description": (
            "Clipped news articles: who said what, where, citing whom. Search boxes filter a table; "
            "the `search` and `search_quotes` queries rank results by relevance. Add _searchmode=raw to "
            "a table's URL for FTS5 syntax (phrases, prefix*, AND/OR/NOT)."
        ),
        "databases": {
            database_name(db_path): {
                "title": "News archive",
                "description": "Articles, their paragraphs, links, quotes, places and sources, "
                "with views that join them.",
                "tables": _tables(),
                "queries": {
                    "search": {
                        "title": "Search articles, ranked",
                        "description": "Articles whose body or title matches, best first, with the best "
                        "paragraph (top 100). Words are stemmed; punctuation is literal.",
                        "sql": search_sql(),
                    },
                    "search_quotes": {
                        "title": "Search quotes, ranked",
                        "description": "Quotes whose text or speaker matches, best first (top 100).",
                        "sql": search_quotes_sql(),
                    },
                },
            }
        },
    }


def write_metadata(db_path: str | os.PathLike, output: str | os.PathLike | None = None) -> Path:
    """Write the metadata as JSON, or YAML when output ends in .yml/.yaml; return its path."""
    target = Path(output) if output is not None else default_metadata_path(db_path)
    metadata = build_metadata(db_path)
    if target.suffix.lower() in (".yml", ".yaml"):
        try:
            import yaml
        except ImportError:
            raise DatasetteNotInstalled(f"writing YAML needs PyYAML (it comes with Datasette): {INSTALL_HINT}") from None
        text = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=100)
    else:
        text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    if not target.parent.is_dir():
        raise ArchiveError(f"cannot write {target}: no folder {target.parent}")
    temporary = target.with_name(target.name + ".tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ArchiveError(f"cannot write {target}: {error.strerror or error}") from None
    return target


# -- serving --------------------------------------------------------------------

def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach: localhost, 127.0.0.0/8, ::1."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # any other host name may resolve to a public address


def exposure_warning(host: str) -> str | None:
    """The warning to print when serving on host would reach other machines, else None."""
    if is_loopback(host):
        return None
    everywhere = host.strip().strip("[]") in ("0.0.0.0", "::", "")
    where = "every network interface" if everywhere else host
    return (
        f"Warning: serving on {where}: anyone who can reach it can read the whole archive "
        f"and run any read-only SQL against it. Use --host 127.0.0.1 to keep it on this machine."
    )


def datasette_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("datasette") is not None


def serve_command(db_path: str | os.PathLike, metadata_path: str | os.PathLike, host: str = DEFAULT_HOST,
                  port: int = DEFAULT_PORT) -> list[str]:
    """`datasette serve DB --metadata FILE -h HOST -p PORT`, run by this Python.

    Never -i/--immutable: the database is opened as a normal file, so what a
    running ingest commits shows up on the next page load.
    """
    return [sys.executable, "-m", "datasette", "serve", os.fspath(db_path), "--metadata", os.fspath(metadata_path),
            "-h", host, "-p", str(port)]


def check_address(host: str, port: int) -> None:
    """Fail early, in one line, when host:port cannot be listened on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise CannotServe(f"cannot listen on {host}: {error.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            raise CannotServe(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def prepare_serve(db_path: str | os.PathLike, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                  metadata: str | os.PathLike | None = None) -> list[str]:
    """Check everything a user can get wrong, write the metadata, and return the command to run.

    The archive must exist and be at the current schema (nothing is changed);
    with metadata=None the metadata is (re)written beside the database, else
    the given file is used as it is.
    """
    from archive.store.db import connect_for_reading

    connect_for_reading(db_path).close()
    if not datasette_available():
        raise DatasetteNotInstalled(f"Datasette is not installed: {INSTALL_HINT}")
    if metadata is None:
        metadata_path = write_metadata(db_path)
    else:
        metadata_path = Path(metadata)
        if not metadata_path.is_file():
            raise ArchiveError(f"no metadata file at {metadata_path}: run 'archive datasette-metadata' first")
    check_address(host, port)
    return serve_command(db_path, metadata_path, host, port)


def run(command: list[str]) -> int:
    """Run Datasette in place of this process where the OS allows, so stopping one stops the other."""
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        os.execv(command[0], command)
    import subprocess

    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 130


def serve(db_path: str | os.PathLike, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          metadata: str | os.PathLike | None = None) -> int:
    return run(prepare_serve(db_path, host, port, metadata))
