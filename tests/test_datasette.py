"""Datasette as the web interface: the views, the metadata, and a real Datasette server.

Each server test starts `datasette serve` (or `archive serve`) as a subprocess on
a free port of 127.0.0.1 and talks to it through its JSON API.
"""
from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from archive.present.datasette import (
    INSTALL_HINT,
    build_metadata,
    default_metadata_path,
    exposure_warning,
    is_loopback,
    serve_command,
    write_metadata,
)
from archive.store.db import connect_for_writing, migrations_dir
from archive.store.models import VIEWS
from archive.query.search import search

from conftest import SEED_FILE, SEEDS, assert_healthy, connect

BIN = Path(sys.executable).parent
DATASETTE = BIN / "datasette"
ARCHIVE = BIN / "archive"
STARTUP_SECONDS = 30

VIEW_COLUMNS = {
    "quotes_with_articles": ["id", "text", "speaker", "kind", "cue", "via", "via_source", "article_id",
                             "article_title", "published", "url"],
    "place_counts": ["id", "name", "kind", "country_code", "latitude", "longitude", "articles", "mentions"],
    "source_counts": ["id", "name", "kind", "domain", "aliases", "citations", "articles"],
    "article_summaries": ["id", "title", "published", "month", "outlet", "url", "quotes", "places", "sources"],
}

SECOND_ARTICLE = """---
title: "Novosibirsk region cuts payments to soldiers' families"
date: 2023-10-17
url: https://example.org/2023/10/novosibirsk-payments
---

The Novosibirsk region said on Tuesday it would cut one-off payments to families of soldiers.

Officials in Novosibirsk told IStories the money had run out. "There is nothing left," one official said.
"""


# -- building the archive -------------------------------------------------------------

def _paragraph(conn, article_id: int, word: str) -> tuple[int, int]:
    """The first paragraph of the article containing word, and word's offset in it."""
    row = conn.execute(
        "SELECT id, instr(text, ?) - 1 FROM paragraphs WHERE article_id = ? AND instr(text, ?) > 0 ORDER BY position",
        (word, article_id, word, ),
    ).fetchone()
    assert row, f"no paragraph of article {article_id} says {word!r}"
    return row


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _source(conn, name: str, kind: str, domain: str | None, aliases: tuple[str, ...]) -> int:
    """Get or create: the extractors may already have stored this source, maybe under another name."""
    row = conn.execute("SELECT source_id FROM source_aliases WHERE folded = ?", (_fold(name),)).fetchone()
    if row is None:
        conn.execute("INSERT OR IGNORE INTO sources (name, kind, domain) VALUES (?, ?, ?)", (name, kind, domain))
        row = conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
    for alias in aliases:
        conn.execute("INSERT OR IGNORE INTO source_aliases (source_id, alias, folded) VALUES (?, ?, ?)",
                     (row[0], alias, _fold(alias)))
    return row[0]


def add_extracted_rows(path: Path) -> dict:
    """Places, mentions, sources, citations and quotes by hand, as the extractors will store them.

    Places use test-only keys, so they never meet places an extractor stores;
    sources are got-or-created by name. Returns what was inserted.
    """
    conn = connect(path)
    with conn:
        seed = conn.execute("SELECT id FROM articles WHERE path LIKE ?", ("%" + SEED_FILE.name,)).fetchone()[0]
        second = conn.execute("SELECT id FROM articles WHERE url LIKE 'https://example.org/2023/10/%'").fetchone()[0]
        places = {}
        for key, name, kind, lat, lon in (
            ("test:novosibirsk", "Novosibirsk", "city", 55.0302, 82.9204),
            ("test:chelyabinsk", "Chelyabinsk", "city", 55.1644, 61.4368),
            ("test:kemerovo", "Kemerovo Oblast", "region", 54.9, 87.0),  # never mentioned
        ):
            places[name] = conn.execute(
                "INSERT INTO places (key, name, kind, country_code, latitude, longitude) VALUES (?, ?, ?, 'RU', ?, ?)",
                (key, name, kind, lat, lon),
            ).lastrowid
        mentions = [("Novosibirsk", seed), ("Novosibirsk", second), ("Chelyabinsk", seed)]
        for name, article in mentions:
            paragraph, start = _paragraph(conn, article, name)
            conn.execute('INSERT INTO place_mentions (place_id, article_id, paragraph_id, surface, start, "end")'
                         " VALUES (?, ?, ?, ?, ?, ?)", (places[name], article, paragraph, name, start, start + len(name)))
        # a second mention in the second article, in its title
        conn.execute('INSERT INTO place_mentions (place_id, article_id, paragraph_id, surface, start, "end")'
                     " VALUES (?, ?, NULL, 'Novosibirsk', 0, 11)", (places["Novosibirsk"], second))

        istories = _source(conn, "IStories", "news outlet", "istories.media", ("IStories", "Важные истории"))
        vyorstka = _source(conn, "Vyorstka", "news outlet", "verstka.media", ("Vyorstka",))
        before = {s: conn.execute("SELECT count(*), count(DISTINCT article_id) FROM citations WHERE source_id = ?",
                                  (s,)).fetchone() for s in (istories, vyorstka)}
        citations = [(istories, seed, "IStories"), (istories, second, "IStories"), (vyorstka, seed, "Vyorstka")]
        for source, article, surface in citations:
            paragraph, _ = _paragraph(conn, article, surface)
            conn.execute("INSERT INTO citations (source_id, article_id, paragraph_id, surface, cue) VALUES (?, ?, ?, ?, 'told')",
                         (source, article, paragraph, surface))

        quote_ids = []
        for article, text, speaker, cue, via, via_id in (
            (seed, "Civilians should not take part in hostilities", "the statement", "said", None, None),
            (seed, "We are determined to get our men back at any cost.", "the statement", "said", None, None),
            (second, "There is nothing left", "one official", "said", "IStories", istories),
        ):
            paragraph, start = _paragraph(conn, article, text)
            quote_ids.append(conn.execute(
                'INSERT INTO quotes (article_id, paragraph_id, text, speaker, kind, start, "end", cue, via, via_source_id)'
                " VALUES (?, ?, ?, ?, 'direct', ?, ?, ?, ?, ?)",
                (article, paragraph, text, speaker, start, start + len(text), cue, via, via_id),
            ).lastrowid)
    conn.close()
    return dict(seed=seed, second=second, places=places, istories=istories, vyorstka=vyorstka,
                before=before, quotes=quote_ids)


@pytest.fixture
def archive_db(run, db_path, tmp_path) -> tuple[Path, dict]:
    """The seeds and one more article, ingested through the CLI, plus hand-made extraction rows."""
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "novosibirsk.md").write_text(SECOND_ARTICLE, encoding="utf-8")
    result = run("ingest", str(SEEDS), str(extra))
    assert result.exit_code == 0, result.output
    inserted = add_extracted_rows(db_path)
    assert_healthy(db_path)
    return db_path, inserted


# -- a real server ---------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, args: list[str], port: int, log_dir: Path):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.stdout = open(log_dir / f"server-{port}.out", "w+")
        self.stderr = open(log_dir / f"server-{port}.err", "w+")
        self.process = subprocess.Popen(args, stdout=self.stdout, stderr=self.stderr, stdin=subprocess.DEVNULL)

    def log(self) -> str:
        if not self.stderr.closed:
            self.stderr.flush()
        return Path(self.stderr.name).read_text()

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the server exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.base + "/-/versions.json", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        pytest.fail(f"the server did not answer within {STARTUP_SECONDS} s:\n{self.log()}")

    def get(self, path: str, **params) -> tuple[int, str]:
        url = self.base + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def json(self, path: str, **params):
        status, body = self.get(path, **params)
        assert status == 200, f"{path} {params}: {status}\n{body[:2000]}"
        return json.loads(body)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.stdout.close()
        self.stderr.close()


@pytest.fixture
def server(archive_db, tmp_path):
    db, inserted = archive_db
    metadata = write_metadata(db)
    port = free_port()
    server = Server([str(DATASETTE), "serve", str(db), "--metadata", str(metadata), "-h", "127.0.0.1", "-p", str(port)],
                    port, tmp_path)
    try:
        server.wait_until_ready()
        server.inserted = inserted
        server.db = db
        yield server
    finally:
        server.stop()


def rows(server: Server, table: str, **params) -> list[dict]:
    return server.json(f"/archive/{table}.json", _shape="array", _size="max", **params)


# -- the views, without a server -------------------------------------------------------

def alembic_config_for(conn):
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    return config, engine


def view_names(conn) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}


def test_migration_creates_the_views_and_downgrade_drops_them(tmp_path):
    conn = connect_for_writing(tmp_path / "a.db")
    assert view_names(conn) == set(VIEWS) == set(VIEW_COLUMNS)
    for view, columns in VIEW_COLUMNS.items():
        assert [row[1] for row in conn.execute(f"PRAGMA table_info({view})")] == columns
        assert conn.execute(f"SELECT * FROM {view}").fetchall() == []  # empty tables, empty views, no error

    config, engine = alembic_config_for(conn)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    assert view_names(conn) == set()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert view_names(conn) == set(VIEWS)


def test_views_count_what_the_tables_hold(archive_db):
    db, inserted = archive_db
    conn = connect(db)
    conn.row_factory = sqlite3.Row
    places = {row["id"]: dict(row) for row in conn.execute("SELECT * FROM place_counts")}
    novosibirsk, chelyabinsk, kemerovo = (places[inserted["places"][n]] for n in ("Novosibirsk", "Chelyabinsk", "Kemerovo Oblast"))
    assert (novosibirsk["mentions"], novosibirsk["articles"]) == (3, 2)
    assert (chelyabinsk["mentions"], chelyabinsk["articles"]) == (1, 1)
    assert (kemerovo["mentions"], kemerovo["articles"]) == (0, 0)  # a place nobody mentions is still listed
    assert (novosibirsk["latitude"], novosibirsk["longitude"]) == (55.0302, 82.9204)
    for place_id, row in places.items():  # and every place agrees with the table, extractors' rows too
        assert (row["mentions"], row["articles"]) == tuple(conn.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM place_mentions WHERE place_id = ?", (place_id,)).fetchone())
    assert [row["mentions"] for row in places.values()] == sorted((r["mentions"] for r in places.values()), reverse=True)

    sources = {row["id"]: dict(row) for row in conn.execute("SELECT * FROM source_counts")}
    istories, vyorstka = sources[inserted["istories"]], sources[inserted["vyorstka"]]
    before_i, before_v = inserted["before"][inserted["istories"]], inserted["before"][inserted["vyorstka"]]
    assert istories["citations"] == before_i[0] + 2 and vyorstka["citations"] == before_v[0] + 1
    assert istories["articles"] == 2 and vyorstka["articles"] >= 1
    assert {"IStories", "Важные истории"} <= set(istories["aliases"].split("; "))
    for source_id, row in sources.items():
        assert (row["citations"], row["articles"]) == tuple(conn.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM citations WHERE source_id = ?", (source_id,)).fetchone())

    quotes = {row["id"]: dict(row) for row in conn.execute("SELECT * FROM quotes_with_articles")}
    given = quotes[inserted["quotes"][2]]
    assert given["via"] == "IStories" and given["via_source"] == "IStories"
    assert given["article_title"] == "Novosibirsk region cuts payments to soldiers' families"
    assert given["published"] == "2023-10-17" and given["url"] == "https://example.org/2023/10/novosibirsk-payments"
    assert quotes[inserted["quotes"][0]]["via_source"] is None  # no source: still listed
    assert len(quotes) == conn.execute("SELECT count(*) FROM quotes").fetchone()[0]

    summaries = {row["id"]: dict(row) for row in conn.execute("SELECT * FROM article_summaries")}
    assert len(summaries) == conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    second = summaries[inserted["second"]]
    assert second["month"] == "2023-10" and second["places"] >= 1 and second["quotes"] >= 1 and second["sources"] >= 1
    for article_id, row in summaries.items():
        assert (row["quotes"], row["places"], row["sources"]) == (
            conn.execute("SELECT count(*) FROM quotes WHERE article_id = ?", (article_id,)).fetchone()[0],
            conn.execute("SELECT count(DISTINCT place_id) FROM place_mentions WHERE article_id = ?", (article_id,)).fetchone()[0],
            conn.execute("SELECT count(DISTINCT source_id) FROM citations WHERE article_id = ?", (article_id,)).fetchone()[0],
        )


# -- the metadata, without a server ----------------------------------------------------

def test_metadata_names_only_columns_the_database_has(archive_db):
    db, _ = archive_db
    metadata = build_metadata(db)
    tables = metadata["databases"]["archive"]["tables"]
    conn = connect(db)
    in_db = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%\\_fts%' ESCAPE '\\'")}
    assert set(VIEWS) <= set(tables)
    assert set(tables) == in_db, "every table and view is described, and nothing else"
    for name, table in tables.items():
        if table.get("hidden"):
            continue
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
        assert table["description"]
        assert set(table["columns"]) == set(columns), name
        named = set(table.get("sortable_columns", [])) | set(table.get("facets", []))
        named |= {table[key] for key in ("label_column", "sort", "sort_desc", "fts_pk") if key in table}
        assert named <= set(columns), (name, named - set(columns))
        if "fts_table" in table:
            assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table["fts_table"],)).fetchone()
    assert tables["articles"]["label_column"] == "title"
    assert tables["places"]["label_column"] == tables["sources"]["label_column"] == "name"
    assert tables["article_summaries"]["facets"] == ["outlet", "month"]
    assert tables["place_mentions"]["facets"] == ["place_id"]
    assert tables["citations"]["facets"] == ["source_id"]
    assert tables["quotes"]["facets"] == ["speaker"]


def test_metadata_ranked_search_agrees_with_archive_search(archive_db):
    db, _ = archive_db
    from datasette.utils import escape_fts

    queries = build_metadata(db)["databases"]["archive"]["queries"]
    conn = connect(db)
    conn.create_function("escape_fts", 1, escape_fts)
    for words in ("Novosibirsk", "protests", "St. Petersburg", "Put' Domoj", "payments families"):
        ranked = conn.execute(queries["search"]["sql"], {"q": words}).fetchall()
        expected = search(conn, words, limit=100).hits
        assert [row[0] for row in ranked] == [hit.article_id for hit in expected], words
        assert [row[-1] for row in ranked] == pytest.approx([hit.rank for hit in expected])
    for empty in ("", "   ", '"'):  # a blank form: no rows, no FTS5 syntax error
        assert conn.execute(queries["search"]["sql"], {"q": empty}).fetchall() == []
        assert conn.execute(queries["search_quotes"]["sql"], {"q": empty}).fetchall() == []


def test_metadata_file_beside_the_database_as_json_or_yaml(run, seeded, tmp_path):
    result = run("datasette-metadata")
    assert result.exit_code == 0, result.output
    path = seeded.with_name("archive.metadata.json")
    assert result.output.strip() == str(path) and path == default_metadata_path(seeded)
    assert json.loads(path.read_text()) == build_metadata(seeded)
    assert default_metadata_path("data/archive.db") == Path("data/archive.metadata.json")

    import yaml

    result = run("datasette-metadata", "--output", str(tmp_path / "meta.yml"))
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((tmp_path / "meta.yml").read_text()) == build_metadata(seeded)

    result = run("datasette-metadata", "--output", str(tmp_path / "no" / "such" / "folder" / "m.json"))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: cannot write")


# -- a real Datasette ------------------------------------------------------------------

def test_search_finds_the_seed_paragraph_and_fts_is_detected(server):
    hits = rows(server, "paragraphs", _search="Novosibirsk")
    seed = server.inserted["seed"]
    assert any(h["article_id"] == seed and "Siberian city of Novosibirsk" in h["text"] for h in hits)
    assert all("novosibirsk" in h["text"].lower() for h in hits)

    database = server.json("/archive.json")
    fts = {table["name"]: table["fts_table"] for table in database["tables"]}
    assert (fts["articles"], fts["paragraphs"], fts["quotes"]) == ("articles_fts", "paragraphs_fts", "quotes_fts")
    assert {view["name"] for view in database["views"]} == set(VIEWS)
    for table, fts_table, word in (("articles", "articles_fts", "Novosibirsk"), ("quotes", "quotes_fts", "hostilities"),
                                   ("paragraphs", "paragraphs_fts", "Novosibirsk")):
        page = server.json(f"/archive/{table}.json", _search=word)
        assert fts_table in page["query"]["sql"] and page["rows"], table
    quotes = rows(server, "quotes", _search="hostilities")
    assert server.inserted["quotes"][0] in {q["id"] for q in quotes}
    assert all("hostilities" in q["text"] for q in quotes)
    # the views search through their table's index (fts_table and fts_pk in the metadata)
    quotes = rows(server, "quotes_with_articles", _search="nothing left")
    assert server.inserted["quotes"][2] in {q["id"] for q in quotes}
    assert all("nothing left" in q["text"] for q in quotes) and server.inserted["quotes"][0] not in {q["id"] for q in quotes}
    assert server.inserted["second"] in {a["id"] for a in rows(server, "article_summaries", _search="payments")}
    # punctuation is literal, as in `archive search`
    assert rows(server, "paragraphs", _search="St. Petersburg")


def test_ranked_search_queries(server, run):
    ranked = rows(server, "search", q="Novosibirsk")
    expected = json.loads(run("search", "Novosibirsk", "--json", "--limit", "100", db=server.db).output)["hits"]
    assert [r["article_id"] for r in ranked] == [h["article_id"] for h in expected] and len(ranked) >= 2
    assert [r["rank"] for r in ranked] == sorted(r["rank"] for r in ranked)
    assert "[Novosibirsk]" in ranked[0]["snippet"]
    quotes = rows(server, "search_quotes", q="statement")
    assert {q["id"] for q in quotes} >= set(server.inserted["quotes"][:2])
    assert rows(server, "search", q="") == []


def test_facets_match_the_count_views(server):
    page = server.json("/archive/place_mentions.json", _size=0)  # facets come from the metadata, not the URL
    facet = {f["value"]: f for f in page["facet_results"]["place_id"]["results"]}
    places = {p["id"]: p for p in rows(server, "place_counts")}
    assert {value: f["count"] for value, f in facet.items()} == {i: p["mentions"] for i, p in places.items() if p["mentions"]}
    novosibirsk = server.inserted["places"]["Novosibirsk"]
    assert facet[novosibirsk]["count"] == 3 and facet[novosibirsk]["label"] == "Novosibirsk"

    page = server.json("/archive/citations.json", _size=0)
    facet = {f["value"]: f for f in page["facet_results"]["source_id"]["results"]}
    sources = {s["id"]: s for s in rows(server, "source_counts")}
    assert {value: f["count"] for value, f in facet.items()} == {i: s["citations"] for i, s in sources.items() if s["citations"]}
    conn = connect(server.db)
    istories = server.inserted["istories"]
    assert facet[istories]["label"] == conn.execute("SELECT name FROM sources WHERE id = ?", (istories,)).fetchone()[0]

    page = server.json("/archive/quotes.json", _size=0)
    speakers = {f["value"]: f["count"] for f in page["facet_results"]["speaker"]["results"]}
    assert speakers["the statement"] == conn.execute(
        "SELECT count(*) FROM quotes WHERE speaker = 'the statement'").fetchone()[0] >= 2

    page = server.json("/archive/article_summaries.json", _size=0)
    months = {f["value"]: f["count"] for f in page["facet_results"]["month"]["results"]}
    assert months == dict(conn.execute("SELECT substr(published, 1, 7), count(*) FROM articles"
                                       " WHERE published IS NOT NULL GROUP BY 1").fetchall())
    assert months["2023-10"] >= 1 and months["2023-11"] >= 1
    assert "outlet" in server.json("/archive/articles.json", _size=0)["facet_results"]


def test_labels_views_and_metadata_show_up(server):
    title = "Novosibirsk region cuts payments to soldiers' families"
    for table in ("place_mentions", "citations", "quotes", "paragraphs"):
        labelled = rows(server, table, _labels="on", article_id=server.inserted["second"])
        assert labelled and all(r["article_id"] == {"value": server.inserted["second"], "label": title} for r in labelled), table
    mention = rows(server, "place_mentions", _labels="on", place_id=server.inserted["places"]["Chelyabinsk"])[0]
    assert mention["place_id"]["label"] == "Chelyabinsk"

    for view in VIEWS:
        found = rows(server, view)
        assert found and list(found[0]) == VIEW_COLUMNS[view], view

    assert server.json("/-/metadata.json")["title"] == "News archive"
    status, html = server.get("/")
    assert status == 200 and "<title>News archive" in html
    status, html = server.get("/archive/place_counts")
    assert status == 200 and "datasette-cluster-map" in html  # the description, on the page


def generate_articles(folder: Path, count: int) -> None:
    body = SEED_FILE.read_text(encoding="utf-8").split("\n", 8)[-1]
    folder.mkdir()
    for i in range(count):
        (folder / f"gen{i:04d}.md").write_text(
            f'---\ntitle: "Generated report {i} from Novosibirsk"\ndate: 2024-{i % 12 + 1:02d}-15\n'
            f"url: https://example.org/generated/{i}\n---\n\n{body}",
            encoding="utf-8",
        )


def test_datasette_reads_while_ingest_writes(server, tmp_path):
    count = 1500  # several write batches, so a reader can see the count in between
    generate_articles(tmp_path / "generated", count)
    start = server.json("/archive.json", sql="select count(*) as n from articles", _shape="array")[0]["n"]
    ingest = subprocess.Popen([str(ARCHIVE), "--db", str(server.db), "ingest", str(tmp_path / "generated")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen, requests, failures = set(), 0, []
    paths = [
        ("/archive.json", {"sql": "select count(*) as n from articles", "_shape": "array"}),
        ("/archive/paragraphs.json", {"_search": "Novosibirsk", "_size": "5"}),
        ("/archive/article_summaries.json", {"_size": "20"}),
        ("/archive/place_mentions.json", {"_size": "0"}),
        ("/archive/search.json", {"q": "Novosibirsk", "_shape": "array"}),
        ("/archive/articles.json", {"_search": "generated", "_size": "0"}),
    ]
    try:
        deadline = time.monotonic() + 40
        while ingest.poll() is None and time.monotonic() < deadline:
            which = requests % len(paths)
            path, params = paths[which]
            status, body = server.get(path, **params)
            requests += 1
            if status != 200 or "locked" in body:
                failures.append((path, status, body[:300]))
            elif which == 0:
                seen.add(json.loads(body)[0]["n"])
        out, err = ingest.communicate(timeout=60)
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
    assert ingest.returncode == 0, err
    assert f"{count} new" in out
    assert failures == [], failures
    assert requests > 10
    # the database is not opened immutable: what the ingest committed shows up while it runs and after
    assert any(start < n < start + count for n in seen), (start, sorted(seen))
    assert server.json("/archive.json", sql="select count(*) as n from articles", _shape="array")[0]["n"] == start + count
    assert "locked" not in server.log()


# -- archive serve ---------------------------------------------------------------------

def test_archive_serve_runs_datasette_on_loopback(archive_db, tmp_path):
    db, _ = archive_db
    port = free_port()
    server = Server([str(ARCHIVE), "--db", str(db), "serve", "--port", str(port)], port, tmp_path)
    try:
        server.wait_until_ready()
        assert server.json("/-/metadata.json")["title"] == "News archive"
        assert default_metadata_path(db).is_file()
        databases = server.json("/-/databases.json")
        assert [(d["name"], d["is_mutable"]) for d in databases] == [("archive", True)]  # not -i
        most_mentioned = connect(db).execute("SELECT id FROM place_counts LIMIT 1").fetchone()[0]
        assert rows(server, "place_counts")[0]["id"] == most_mentioned
    finally:
        server.stop()
    assert "Warning" not in server.log()
    assert "Serving" in server.log()


def test_serve_command_opens_the_database_normally():
    args = serve_command("data/archive.db", "data/archive.metadata.json", "127.0.0.1", 8123)
    assert args[1:] == ["-m", "datasette", "serve", "data/archive.db", "--metadata", "data/archive.metadata.json",
                        "-h", "127.0.0.1", "-p", "8123"]
    assert "-i" not in args and "--immutable" not in args


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_hosts_need_no_warning(host):
    assert is_loopback(host) and exposure_warning(host) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "2001:db8::1", "example.org", "myhost"])
def test_other_hosts_are_warned_about(host):
    warning = exposure_warning(host)
    assert not is_loopback(host) and warning and "read-only SQL" in warning and "\n" not in warning
    if host in ("0.0.0.0", "::"):
        assert "every network interface" in warning


def run_cli_without_datasette(*args: str) -> subprocess.CompletedProcess:
    """The real CLI in a Python where `import datasette` fails, as without the extra."""
    code = "import sys; sys.modules['datasette'] = None; from archive.present.cli import main; sys.argv[0] = 'archive'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)


def test_serve_without_datasette_is_one_clear_line(seeded):
    result = run_cli_without_datasette("--db", str(seeded), "serve", "--host", "0.0.0.0")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "Traceback" not in result.stderr
    assert lines[0].startswith("Warning: serving on every network interface")
    assert lines[1] == f"Error: Datasette is not installed: {INSTALL_HINT}"


def test_serve_user_errors_are_one_line(run, seeded, tmp_path):
    result = run("serve", db=tmp_path / "missing.db")
    assert result.exit_code == 1 and result.output.startswith("Error: no archive at") and result.output.count("\n") == 1
    assert not (tmp_path / "missing.db").exists()

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--port", str(port))
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith(f"Error: cannot listen on 127.0.0.1:{port}")

    result = run("serve", "--metadata", str(tmp_path / "nope.json"))
    assert result.exit_code == 1 and "archive datasette-metadata" in result.output and result.output.count("\n") == 1
