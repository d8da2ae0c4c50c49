import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from archive.store.db import connect_for_writing, head_revision, migrate, migrations_dir, schema_version
from archive.store.models import Base

from conftest import SEEDS, assert_healthy, connect


def open_at(path, revision):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, revision)
    return conn


def test_head_revision_agrees_with_alembic():
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    assert ScriptDirectory.from_config(config).get_current_head() == head_revision()


def test_migrated_schema_matches_models(tmp_path):
    conn = connect_for_writing(tmp_path / "a.db")
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # FTS5 virtual tables and their shadow tables are SQLite's, not the models'
    diffs = [d for d in diffs if not (d[0] == "remove_table" and "_fts" in d[1].name)]
    assert diffs == []


def test_first_revision_filled_then_upgraded_loses_nothing(tmp_path, run):
    path = tmp_path / "old.db"
    conn = open_at(path, "0001")
    assert schema_version(conn) == "0001"
    conn.execute("BEGIN")
    conn.execute("INSERT INTO articles (id, title, published, url, outlet, path, content_hash, word_count, ingested_at)"
                 " VALUES (1, 'Old walrus story', '2022-01-01', 'https://e.org/old', 'e.org', 'old.md', 'h', 3, '2022-01-01')")
    conn.execute("INSERT INTO paragraphs (id, article_id, position, section, text, markdown) VALUES (1, 1, 0, NULL, 'walrus text', 'walrus text')")
    conn.execute("INSERT INTO links (article_id, paragraph_id, text, href) VALUES (1, 1, 'walrus', '#')")
    conn.execute("INSERT INTO quotes (article_id, paragraph_id, text, speaker, kind, start, \"end\") VALUES (1, 1, 'walrus', 'a keeper', 'direct', 0, 6)")
    conn.execute("INSERT INTO places (id, name, kind, country_code, latitude, longitude, geonames_id) VALUES (1, 'Moscow', 'city', 'RU', 55.75, 37.61, 524901)")
    conn.execute("INSERT INTO place_mentions (place_id, article_id, paragraph_id, surface, start, \"end\") VALUES (1, 1, 1, 'Moscow', 0, 6)")
    conn.execute("INSERT INTO sources (id, name, kind, domain) VALUES (1, 'Mediazona', 'news outlet', 'zona.media')")
    conn.execute("INSERT INTO citations (source_id, article_id, paragraph_id, surface, cue, href) VALUES (1, 1, 1, 'Mediazona', 'reported', '#')")
    conn.execute("COMMIT")
    before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
              for t in ("articles", "paragraphs", "links", "quotes", "places", "place_mentions", "sources", "citations")}
    conn.close()

    # any writing command upgrades: here `archive ingest`
    result = run("ingest", str(SEEDS), db=path)
    assert result.exit_code == 0, result.output
    conn = connect(path)
    assert schema_version(conn) == head_revision()
    for table, rows in before.items():
        after = conn.execute(f"SELECT * FROM {table} WHERE id IN (SELECT id FROM {table} ORDER BY id LIMIT {len(rows)}) ORDER BY id").fetchall()
        assert [row[: len(rows[0])] for row in after] == rows, table
    assert conn.execute("SELECT key FROM places WHERE id = 1").fetchone() == ("gn:524901",)
    assert conn.execute("SELECT name FROM place_names WHERE place_id = 1").fetchall() == [("Moscow",)]
    assert ("Mediazona",) in conn.execute("SELECT alias FROM source_aliases WHERE source_id = 1").fetchall()
    # the old rows are the ones new articles join: one Moscow, one Mediazona
    assert conn.execute("SELECT count(*) FROM places WHERE name = 'Moscow'").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM sources WHERE name = 'Mediazona'").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'walrus'").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert_healthy(path)


def test_migrate_command_and_read_only_commands_refuse_old_schema(tmp_path, run):
    path = tmp_path / "old.db"
    open_at(path, "0001").close()
    result = run("search", "walrus", db=path)
    assert result.exit_code == 1 and "archive migrate" in result.output
    result = run("migrate", db=path)
    assert result.exit_code == 0 and f"schema version {head_revision()}" in result.output
    assert run("search", "walrus", db=path).exit_code == 0


def test_processes_racing_to_create_a_database_migrate_it_once(tmp_path):
    import subprocess
    import sys

    for attempt in range(3):
        path = tmp_path / f"race{attempt}.db"
        processes = [subprocess.Popen([sys.executable, "-m", "archive", "--db", str(path), "migrate"],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
        for process in processes:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
            assert "Traceback" not in err
        assert schema_version(sqlite3.connect(path)) == head_revision()


def test_a_database_that_is_not_an_archive_is_left_alone(tmp_path, run):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    result = run("ingest", str(SEEDS), db=path)
    assert result.exit_code == 1 and "not an archive's" in result.output
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
