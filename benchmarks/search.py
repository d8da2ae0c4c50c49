#!/usr/bin/env python3
"""Search speed on a large archive, side by side with hand-written SQL and sqlite-utils.

    python ../shared/bench/make_corpus.py /tmp/c100k --articles 100000
    .venv/bin/archive --db /tmp/c100k.db ingest /tmp/c100k
    .venv/bin/python benchmarks/search.py /tmp/c100k.db [--runs 20]

1. In process: archive's search with two facets (place, source) against the
   hand-written FTS5 SQL that returns the same rows and counts.
2. Whole command: `archive search WORD` against `sqlite-utils search DB paragraphs WORD`.
3. Words of three frequencies (rare, ~1% and ~30% of paragraphs), with and
   without facets: median and worst of --runs runs each.
Run by hand; the machines are shared and noisy, so read the ratios.
"""
from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from archive.store.db import connect_for_reading
from archive.query.filters import FACET_SQL
from archive.query.search import search

BIN = Path(sys.executable).parent
FACETS = ("place", "source")
HAND_HITS = """
WITH hits AS (
    SELECT article_id, max(body_id) AS body_id, coalesce(min(body_rank), 0) + 2.0 * coalesce(min(title_rank), 0) AS score
    FROM (
        SELECT p.article_id, p.id AS body_id, min(paragraphs_fts.rank) AS body_rank, NULL AS title_rank
        FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid
        WHERE paragraphs_fts MATCH :q GROUP BY p.article_id
        UNION ALL
        SELECT rowid, NULL, NULL, rank FROM articles_fts WHERE articles_fts MATCH :q
    ) GROUP BY article_id
)
SELECT hits.article_id, hits.body_id, a.title, a.published, a.outlet, a.url, count(*) OVER ()
FROM hits JOIN articles a ON a.id = hits.article_id
ORDER BY score, a.published DESC, a.id LIMIT 20
"""
HAND_SNIPPETS = """
SELECT rowid, snippet(paragraphs_fts, 0, char(2), char(3), '…', 24) FROM paragraphs_fts
WHERE paragraphs_fts MATCH :q AND rowid IN ({ids})
"""
HAND_MATCHED = """
SELECT p.article_id FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid WHERE paragraphs_fts MATCH :q
UNION SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q
"""
HAND_FACETS = {
    "place": """SELECT pl.name, f.n FROM (SELECT place_id, count(*) AS n FROM (SELECT DISTINCT article_id, place_id
                FROM place_mentions WHERE article_id IN (SELECT article_id FROM m)) GROUP BY place_id) AS f
                JOIN places pl ON pl.id = f.place_id ORDER BY f.n DESC, 1 LIMIT 10""",
    "source": """SELECT s.name, f.n FROM (SELECT source_id, count(*) AS n FROM (SELECT DISTINCT article_id, source_id
                 FROM citations WHERE article_id IN (SELECT article_id FROM m)) GROUP BY source_id) AS f
                 JOIN sources s ON s.id = f.source_id ORDER BY f.n DESC, 1 LIMIT 10""",
}


def hand_written(conn: sqlite3.Connection, word: str, facets: bool):
    q = f'"{word}"'
    rows = conn.execute(HAND_HITS, {"q": q}).fetchall()
    ids = ", ".join(str(r[1]) for r in rows if r[1] is not None) or "NULL"
    snippets = conn.execute(HAND_SNIPPETS.format(ids=ids), {"q": q}).fetchall()
    counts = {}
    if facets:
        conn.execute("DROP TABLE IF EXISTS temp.m")
        conn.execute(f"CREATE TEMP TABLE m AS {HAND_MATCHED}", {"q": q})
        counts = {name: conn.execute(sql).fetchall() for name, sql in HAND_FACETS.items()}
    return rows, snippets, counts


def pick_words(conn: sqlite3.Connection) -> dict[str, tuple[str, int]]:
    """A rare word, one in ~1% of paragraphs and one in ~30%, from the index's own vocabulary."""
    total = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, 'paragraphs_fts', 'row')")
    picks = {}
    for label, share in (("rare", 20 / total), ("1%", 0.01), ("30%", 0.30)):
        term, docs = conn.execute(
            "SELECT term, doc FROM temp.vocab WHERE length(term) > 3 AND term NOT GLOB '*[0-9]*'"
            " ORDER BY abs(doc - ?) LIMIT 1", (share * total,)).fetchone()
        picks[label] = (term, docs)
    return picks


def timed(function, runs: int) -> tuple[float, float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), max(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    # Installed packages carry compiled bytecode; a checkout run with PYTHONDONTWRITEBYTECODE
    # would compile archive's modules on every command, so compile them once here.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parent.parent / "archive")],
                   check=True, capture_output=True)
    conn = connect_for_reading(args.db)
    paragraphs = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    words = pick_words(conn)
    print(f"machine: {platform.node()} · {os.cpu_count()} cores · {platform.machine()} · Python {platform.python_version()}"
          f" · SQLite {sqlite3.sqlite_version}")
    print(f"database: {articles:,} articles, {paragraphs:,} paragraphs, {args.db.stat().st_size / 1e9:.2f} GB; {args.runs} runs each")
    print("words: " + ", ".join(f"{label} '{w}' in {d:,} paragraphs ({100 * d / paragraphs:.2f}%)" for label, (w, d) in words.items()))

    print("\n1. in process, two facets (place, source): archive vs hand-written SQL, median (worst) ms")
    for label, (word, _) in words.items():
        result = search(conn, word, facets=FACETS)
        rows, _, counts = hand_written(conn, word, True)
        assert [h.article_id for h in result.hits] == [r[0] for r in rows], "different hits"
        assert result.total == (rows[0][6] if rows else 0), "different totals"
        assert [v.count for v in result.facets["place"]] == [n for _, n in counts["place"]], "different place counts"
        ours = timed(lambda: search(conn, word, facets=FACETS), args.runs)
        theirs = timed(lambda: hand_written(conn, word, True), args.runs)
        print(f"   {label:5} archive {ours[0] * 1000:8.1f} ({ours[1] * 1000:.1f})   hand SQL {theirs[0] * 1000:8.1f} "
              f"({theirs[1] * 1000:.1f})   ratio {ours[0] / theirs[0]:.2f}")

    print("\n2. whole command, wall time: archive search WORD vs sqlite-utils search DB paragraphs WORD, median (worst) ms")
    for label, (word, _) in words.items():
        ours = timed(lambda: subprocess.run([str(BIN / "archive"), "--db", str(args.db), "search", word],
                                            capture_output=True, check=True), args.runs)
        theirs = timed(lambda: subprocess.run([str(BIN / "sqlite-utils"), "search", str(args.db), "paragraphs", word],
                                              capture_output=True, check=True), args.runs)
        print(f"   {label:5} archive {ours[0] * 1000:8.1f} ({ours[1] * 1000:.1f})   sqlite-utils {theirs[0] * 1000:8.1f} "
              f"({theirs[1] * 1000:.1f})   ratio {ours[0] / theirs[0]:.2f}")

    print("\n3. archive search in process, by word frequency, median (worst) ms")
    for label, (word, _) in words.items():
        plain = timed(lambda: search(conn, word), args.runs)
        faceted = timed(lambda: search(conn, word, facets=tuple(FACET_SQL)), args.runs)
        print(f"   {label:5} no facets {plain[0] * 1000:8.1f} ({plain[1] * 1000:.1f})   "
              f"all seven facets {faceted[0] * 1000:8.1f} ({faceted[1] * 1000:.1f})")


if __name__ == "__main__":
    main()
