"""Datasette's own FTS detection finds the archive's full-text tables."""
import sqlite3

from datasette.utils import detect_fts

from conftest import FTS_TABLES


def test_datasette_detects_every_fts_table(seeded):
    conn = sqlite3.connect(seeded)
    for fts in FTS_TABLES:
        assert detect_fts(conn, fts.removesuffix("_fts")) == fts


def test_fts_tables_use_the_sqlite_utils_form(seeded):
    conn = sqlite3.connect(seeded)
    for fts in FTS_TABLES:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (fts,)).fetchone()[0]
        assert f'content="{fts.removesuffix("_fts")}"' in sql
        assert "tokenize='porter unicode61 remove_diacritics 2'" in sql
        triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                                   (fts.removesuffix("_fts"),))}
        assert triggers == {fts.removesuffix("_fts") + s for s in ("_ai", "_ad", "_au")}
