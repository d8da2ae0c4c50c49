import os
import sqlite3

from archive import Archive

from conftest import FTS_TABLES, SEED_FILE, SEEDS, assert_healthy, connect


def count(path, table):
    conn = connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_ingest_seed_fills_articles_paragraphs_links(seeded):
    conn = connect(seeded)
    article = conn.execute("SELECT title, published, url, outlet, path, content_hash, word_count, ingested_at FROM articles").fetchall()
    assert len(article) == 1
    title, published, url, outlet, path, content_hash, word_count, ingested_at = article[0]
    assert published == "2023-11-20"
    assert url.startswith("https://www.themoscowtimes.com/")
    assert outlet
    assert path.endswith(SEED_FILE.name)
    assert len(content_hash) == 64 and word_count > 400 and ingested_at.startswith("20")
    assert conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 17
    assert conn.execute("SELECT min(position), max(position) FROM paragraphs").fetchone() == (0, 16)
    links = conn.execute("SELECT href, paragraph_id FROM links ORDER BY id").fetchall()
    assert ("https://t.me/mobilizationnews", None) in links
    assert sum(1 for href, _ in links if href == "#") == 11
    assert_healthy(seeded)


def test_reingest_unchanged_changes_nothing(run, seeded):
    before = connect(seeded).execute("SELECT id, ingested_at FROM articles").fetchall()
    result = run("ingest", str(SEEDS))
    assert result.exit_code == 0
    assert result.output.strip() == "0 new, 0 updated, 1 unchanged, 0 failed"
    assert connect(seeded).execute("SELECT id, ingested_at FROM articles").fetchall() == before


def test_changed_file_replaces_its_rows(run, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.md"
    article.write_text("# First Title\n\n2023-01-02\n\nZebrafish swim here.\n\nSecond paragraph.\n\nOriginal url: https://example.org/a\n")
    assert run("ingest", str(folder)).output.strip() == "1 new, 0 updated, 0 unchanged, 0 failed"
    article_id = connect(db_path).execute("SELECT id FROM articles").fetchone()[0]
    article.write_text("# Second Title\n\n2023-01-03\n\nOnly okapis now.\n\nOriginal url: https://example.org/a\n")
    assert run("ingest", str(folder)).output.strip() == "0 new, 1 updated, 0 unchanged, 0 failed"
    conn = connect(db_path)
    assert conn.execute("SELECT id, title, published FROM articles").fetchall() == [(article_id, "Second Title", "2023-01-03")]
    assert [r[0] for r in conn.execute("SELECT text FROM paragraphs")] == ["Only okapis now."]
    # the old words are gone from the index, the new ones are there
    assert conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'zebrafish'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'first'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'okapis'").fetchone()[0] == 1
    assert_healthy(db_path)


def test_same_url_under_another_path_is_one_article(run, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = SEED_FILE.read_text(encoding="utf-8")
    (folder / "one.txt").write_text(text)
    (folder / "two.txt").write_text(text.replace("On Sunday", "On Saturday"))
    result = run("ingest", str(folder))
    assert result.output.strip().splitlines()[-1].startswith("1 new, 1 updated, 0 unchanged, 0 failed (1 older duplicate")
    assert count(db_path, "articles") == 1
    assert_healthy(db_path)


def test_failed_file_is_reported_and_others_are_stored(run, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text("# Good\n\nFine text.\n")
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (folder / "empty.md").write_text("   \n")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not an article extension: not read at all
    result = run("ingest", str(folder))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "1 new, 0 updated, 0 unchanged, 2 failed"
    assert "binary.md: not text" in result.output
    assert "empty.md: empty file" in result.output
    assert "Traceback" not in result.output
    assert count(db_path, "articles") == 1


def test_missing_path_fails_with_one_line(run, tmp_path):
    result = run("ingest", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_no_title_warns_but_ingests(run, articles_dir, db_path):
    result = run("ingest", str(articles_dir / "no_title.md"))
    assert result.exit_code == 0
    assert "warning:" in result.output and "no title" in result.output
    assert connect(db_path).execute("SELECT title FROM articles").fetchone()[0] == "no_title"


def test_db_defaults_to_env_then_data_folder(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from archive.present.cli import cli

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    monkeypatch.delenv("ARCHIVE_DB", raising=False)
    assert runner.invoke(cli, ["ingest", str(SEEDS)]).exit_code == 0
    assert (tmp_path / "data" / "archive.db").is_file()
    monkeypatch.setenv("ARCHIVE_DB", str(tmp_path / "env.db"))
    assert runner.invoke(cli, ["ingest", str(SEEDS)]).exit_code == 0
    assert (tmp_path / "env.db").is_file()


def test_foreign_keys_are_declared_and_enforced(seeded):
    conn = connect(seeded)
    fks = {(row[2], row[3]) for row in conn.execute("PRAGMA foreign_key_list(paragraphs)")}
    assert ("articles", "article_id") in fks
    for table in ("quotes", "place_mentions", "citations", "links"):
        targets = {row[2] for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
        assert {"articles", "paragraphs"} <= targets, table
    import pytest

    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO paragraphs (article_id, position, text, markdown) VALUES (999, 0, 'x', 'x')")


def test_python_api(tmp_path):
    archive = Archive(tmp_path / "api.db")
    report = archive.ingest([SEEDS])
    assert report.counts["new"] == 1
    result = archive.search("Novosibirsk")
    assert result.total == 1 and "Novosibirsk" in result.hits[0].snippet


def test_fts_integrity_after_insert_update_reingest(run, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.md").write_text(f"# Title {n}\n\nParagraph about walruses number {n}.\n\nOriginal url: https://e.org/{n}\n")
    run("ingest", str(folder))
    assert_healthy(db_path)
    (folder / "1.md").write_text("# Title changed\n\nNow about narwhals.\n\nOriginal url: https://e.org/1\n")
    run("ingest", str(folder))
    assert_healthy(db_path)
    run("ingest", str(folder))
    assert_healthy(db_path)
    conn = connect(db_path)
    assert conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'walruses'").fetchone()[0] == 2
    for table in FTS_TABLES:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == conn.execute(
            f"SELECT count(*) FROM {table.removesuffix('_fts')}").fetchone()[0]


def test_batches_index_in_bulk_and_put_the_triggers_back(run, tmp_path, db_path):
    """Replacements inside one write batch keep the full-text index whole."""
    folder = tmp_path / "in"
    folder.mkdir()
    run("ingest", str(SEEDS))
    before = connect(db_path).execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
    text = SEED_FILE.read_text(encoding="utf-8")
    for n in range(30):
        # three versions of each of ten urls, newest last, so each batch replaces rows it wrote itself
        version = n % 3
        body = text.replace("On Sunday", f"On day {version} of walrus{n // 3}").replace(
            "themoscowtimes.com/2023/11/20/", f"themoscowtimes.com/2023/11/{n // 3}/")
        path = folder / f"{n // 3:02}-{version}.md"
        path.write_text(body, encoding="utf-8")
        os.utime(path, (1_700_000_000 + n, 1_700_000_000 + n))
    result = run("ingest", str(folder))
    assert result.exit_code == 0, result.output
    conn = connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 11
    assert conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall() == before
    assert conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH '\"day 2\"'").fetchone()[0] == 10
    assert conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH '\"day 0\"'").fetchone()[0] == 0
    assert_healthy(db_path)
    # rows written outside archive still reach the index through the triggers
    conn.execute("INSERT INTO paragraphs (article_id, position, text, markdown) VALUES (1, 99, 'narwhal', 'narwhal')")
    conn.commit()
    assert conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'narwhal'").fetchone()[0] == 1
    assert_healthy(db_path)


def _many_articles(folder, count=40):
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03}.md").write_text(f"# Article {n}\n\nMoscow, said Anna, {n} times.\n\nOriginal url: https://x.org/{n}\n")
    return folder


def _stored(db):
    return {table: connect(db).execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "paragraphs", "place_mentions")}


def test_workers_spool_results_and_remove_the_spool(tmp_path, monkeypatch):
    import tempfile

    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))  # the run's temporary folder, where we can look
    mkstemp = tempfile.mkstemp

    def spooled(*args, **kwargs):  # runs in the workers: leaves a mark the test can see
        (tmp_path / f"spooled-{os.getpid()}").touch()
        return mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", spooled)
    folder = _many_articles(tmp_path / "a")
    report = Archive(tmp_path / "a.db").ingest([folder], jobs=2)
    assert report.counts["new"] == 40
    assert list(tmp_path.glob("spooled-*"))  # results went through spool files
    assert list(spools.iterdir()) == []  # and the spool folder and its files are gone
    assert _stored(tmp_path / "a.db") == {"articles": 40, "paragraphs": 40, "place_mentions": 40}


def test_without_a_temporary_folder_results_come_through_the_pipe(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    folder = _many_articles(tmp_path / "a")
    assert Archive(tmp_path / "a.db").ingest([folder], jobs=2).counts["new"] == 40
    monkeypatch.undo()
    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # a folder, but no room in it: the workers fall back
    folder = _many_articles(tmp_path / "b")
    assert Archive(tmp_path / "b.db").ingest([folder], jobs=2).counts["new"] == 40
    assert _stored(tmp_path / "b.db") == _stored(tmp_path / "a.db")
