"""Bad input: each file is named with its reason, the run goes on, nothing of it is half-stored."""
import json
import os
import time

import pytest

from archive.ingest.prepare import Task, prepare

from conftest import assert_healthy, connect

RUSSIAN = (
    "# Жёны мобилизованных вышли на пикет\n\n2023-11-21\n\n"
    "В Новосибирске прошла акция, сообщает издание. Полиция задержала двоих участниц.\n\n"
    "Original url: https://example.ru/{n}\n"
)
LATIN = "# Café société in Zürich\n\n2023-11-21\n\nNaïve résumé of the façade, ±5° colder.\n\nOriginal url: https://example.ch/{n}\n"


def ingest_json(run, *paths, extra=()):
    result = run("ingest", "--json", *extra, *map(str, paths))
    return result, json.loads(result.output.strip().splitlines()[-1] if False else result.output[result.output.index("{"):])


@pytest.mark.parametrize(
    "name, data, encoding",
    [
        ("cp1251.md", RUSSIAN.format(n=1).encode("cp1251"), "cp1251"),
        ("koi8.md", RUSSIAN.format(n=2).encode("koi8-r"), "koi8-r"),
        ("utf16bom.md", RUSSIAN.format(n=3).encode("utf-16"), "utf-16"),
        ("utf16le.md", RUSSIAN.format(n=4).encode("utf-16-le"), "utf-16-le"),
        ("utf16be.md", RUSSIAN.format(n=5).encode("utf-16-be"), "utf-16-be"),
        ("utf8bom.md", RUSSIAN.format(n=6).encode("utf-8-sig"), "utf-8-sig"),
        ("latin1.md", LATIN.format(n=7).encode("latin-1"), "cp1252"),
        ("crlf.md", RUSSIAN.format(n=8).replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
)
def test_encodings_decode_to_exact_text(run, tmp_path, db_path, name, data, encoding):
    path = tmp_path / name
    path.write_bytes(data)
    result = run("ingest", str(path))
    assert result.exit_code == 0, result.output
    conn = connect(db_path)
    title, = conn.execute("SELECT title FROM articles").fetchone()
    text = "\n".join(r[0] for r in conn.execute("SELECT text FROM paragraphs ORDER BY position"))
    expected = LATIN if name == "latin1.md" else RUSSIAN
    assert title == expected.splitlines()[0][2:]
    assert not title.startswith("\ufeff")
    assert text == expected.split("\n\n")[2]
    assert conn.execute("SELECT encoding FROM files").fetchone()[0] == encoding
    assert "\r" not in text


def test_utf8_with_one_cp1251_line(run, tmp_path, db_path):
    data = ("# Заголовок статьи\n\nПервый абзац в UTF-8.\n\n").encode() + "Абзац в cp1251 попал сюда.\n".encode("cp1251")
    (tmp_path / "mixed.md").write_bytes(data)
    assert run("ingest", str(tmp_path / "mixed.md")).exit_code == 0
    texts = [r[0] for r in connect(db_path).execute("SELECT text FROM paragraphs ORDER BY position")]
    assert texts == ["Первый абзац в UTF-8.", "Абзац в cp1251 попал сюда."]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.md", b"", "empty file"),
        ("blank.md", b"  \n\t\n", "empty file"),
        ("nul.md", b"# Title\x00\x00 with NULs \x00 in it and more\x00 text", "not text"),
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "not text"),
        ("controls.md", b"# Title\n\n" + b"\x01\x02\x1b\x7f text " * 200, "not text (control characters)"),
        ("controls_utf8.md", "# Заголовок\n\n".encode() + "\x1b[0m текст ".encode() * 200, "not text (control characters)"),
    ],
)
def test_not_text_fails_with_reason_and_run_goes_on(run, tmp_path, db_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text("# Good\n\nFine.\n")
    result = run("ingest", str(tmp_path))
    assert result.exit_code == 1
    assert f"{name}: {reason}" in result.output
    assert result.output.strip().splitlines()[-1] == "1 new, 0 updated, 0 unchanged, 1 failed"
    assert connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert_healthy(db_path)


def test_a_stray_control_character_in_long_text_is_kept(run, tmp_path, db_path):
    (tmp_path / "bell.md").write_bytes("# Звонок\n\n".encode() + "Долгий текст. ".encode() * 100 + b"\x07 end.\n")
    result = run("ingest", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "\x07 end." in connect(db_path).execute("SELECT text FROM paragraphs").fetchone()[0]


def test_no_title_is_a_warning_not_a_failure(run, tmp_path):
    (tmp_path / "untitled-note.md").write_text("Just a paragraph.\n")
    result = run("ingest", str(tmp_path))
    assert result.exit_code == 0
    assert "warning:" in result.output and "untitled-note" in result.output


def test_large_file_is_refused_with_size_message(run, tmp_path, db_path):
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.write(b"# Big\n\n")
        chunk = b"word " * 200_000 + b"\n\n"
        for _ in range(50):
            handle.write(chunk)  # about 50 MB
    result = run("ingest", str(big))
    assert result.exit_code == 1
    assert "big.md: too large: 47.7 MB, over the --max-size of 10.0 MB" in result.output
    result = run("ingest", "--max-size", "1K", str(big))
    assert "over the --max-size of 0.0 MB" in result.output or "too large" in result.output
    assert run("ingest", "--max-size", "lots", str(big)).exit_code == 2


def test_five_megabyte_single_line_is_ingested(run, tmp_path, db_path):
    (tmp_path / "line.md").write_text("# One line\n\n" + "word " * 1_000_000 + "\n")
    assert run("ingest", str(tmp_path)).exit_code == 0
    assert connect(db_path).execute("SELECT word_count FROM articles").fetchone()[0] == 1_000_000


@pytest.mark.parametrize(
    "source",
    [
        "# Quotes\n\n" + ">" * 10_000 + " deep\n",
        "# Lists\n\n" + "- " * 10_000 + "deep\n",
        "# Brackets\n\n" + "![" * 400_000,
    ],
    ids=["nested-quotes", "nested-lists", "image-brackets"],
)
def test_pathological_markdown_is_bounded(run, tmp_path, db_path, source):
    (tmp_path / "bad.md").write_text(source)
    (tmp_path / "good.md").write_text("# Good\n\nFine.\n")
    result = run("ingest", "--timeout", "2", str(tmp_path))
    assert "RecursionError" not in result.output and "Traceback" not in result.output
    # either parsed (bounded) or skipped with a reason; the good file is always stored
    if result.exit_code == 1:
        assert "bad.md: took over 2 s to parse" in result.output or "nested too deeply" in result.output
    assert connect(db_path).execute("SELECT count(*) FROM articles WHERE title = 'Good'").fetchone()[0] == 1
    assert_healthy(db_path)


def test_brackets_hit_the_time_cap(resources):
    path = "/nonexistent"
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as handle:
        handle.write("# Brackets\n\n" + "![" * 400_000)
        path = handle.name
    try:
        size = os.path.getsize(path)
        prepared = prepare(Task(path, size, 0, timeout=1.0), resources)
        assert prepared.status == "failed" and "took over 1 s" in prepared.reason
    finally:
        os.unlink(path)


def test_vanished_file_is_reported(tmp_path, resources):
    prepared = prepare(Task(str(tmp_path / "gone.md"), 10, 0), resources)
    assert prepared.status == "failed" and prepared.reason == "vanished before it could be read"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its permissions")
def test_unreadable_file_is_reported(run, tmp_path):
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n\nText.\n")
    path.chmod(0)
    result = run("ingest", str(tmp_path))
    assert result.exit_code == 1 and "secret.md: Permission denied" in result.output


def test_fifo_broken_symlink_and_loop_do_not_hang(run, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n\nText.\n")
    os.mkfifo(folder / "pipe.md")
    os.symlink(folder / "missing.md", folder / "broken.md")
    os.symlink(folder, folder / "loop")
    result = run("ingest", str(folder))
    assert result.exit_code == 1
    assert "pipe.md: not a regular file" in result.output
    assert "broken.md: broken symlink" in result.output
    assert result.output.strip().splitlines()[-1] == "1 new, 0 updated, 0 unchanged, 2 failed"


def test_two_versions_of_one_url_newer_wins_and_summary_says_so(run, tmp_path, db_path):
    older, newer = tmp_path / "a-old.md", tmp_path / "b-new.md"
    newer.write_text("# Story\n\nNewer text about otters.\n\nOriginal url: https://e.org/story\n")
    older.write_text("# Story\n\nOlder text about beavers.\n\nOriginal url: https://e.org/story\n")
    os.utime(older, (time.time() - 3600, time.time() - 3600))
    result = run("ingest", str(tmp_path))
    assert result.exit_code == 0
    conn = connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert [r[0] for r in conn.execute("SELECT text FROM paragraphs")] == ["Newer text about otters."]
    assert "older duplicate" in result.output
    # the older file listed after the newer one is skipped as well
    c, d = tmp_path / "c.md", tmp_path / "d.md"
    c.write_text("# Other\n\nNew.\n\nOriginal url: https://e.org/other\n")
    d.write_text("# Other\n\nOld.\n\nOriginal url: https://e.org/other\n")
    os.utime(d, (time.time() - 3600, time.time() - 3600))
    result = run("ingest", str(tmp_path))
    assert [r[0] for r in conn.execute("SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.url LIKE '%other'")] == ["New."]


def test_unchanged_files_are_skipped_by_size_and_mtime_then_hash(run, tmp_path, db_path):
    for n in range(20):
        (tmp_path / f"{n:02}.md").write_text(f"# Article {n}\n\nText {n}.\n\nOriginal url: https://e.org/{n}\n")
    assert run("ingest", str(tmp_path)).output.strip() == "20 new, 0 updated, 0 unchanged, 0 failed"
    assert run("ingest", str(tmp_path)).output.strip() == "0 new, 0 updated, 20 unchanged, 0 failed"
    os.utime(tmp_path / "03.md")  # touched, same content: read and hashed, still unchanged
    assert run("ingest", str(tmp_path)).output.strip() == "0 new, 0 updated, 20 unchanged, 0 failed"
    (tmp_path / "04.md").write_text("# Article 4 changed\n\nNew text.\n\nOriginal url: https://e.org/4\n")
    assert run("ingest", str(tmp_path)).output.strip() == "0 new, 1 updated, 19 unchanged, 0 failed"


def test_prune_removes_articles_whose_files_are_gone(run, tmp_path, db_path):
    for n in range(3):
        (tmp_path / f"{n}.md").write_text(f"# Article {n}\n\nText.\n\nOriginal url: https://e.org/{n}\n")
    run("ingest", str(tmp_path))
    (tmp_path / "1.md").unlink()
    kept = run("ingest", str(tmp_path))
    assert connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    result = run("ingest", "--prune", str(tmp_path))
    assert result.exit_code == 0
    assert "pruned:" in result.output and "1.md" in result.output and "1 pruned" in result.output
    conn = connect(db_path)
    assert [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id")] == ["Article 0", "Article 2"]
    assert_healthy(db_path)
    assert kept.exit_code == 0


def test_json_summary(run, tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    (tmp_path / "b.md").write_bytes(b"")
    result = run("ingest", "--json", str(tmp_path))
    summary = json.loads(result.output[result.output.index("{"):])
    assert summary["new"] == 1 and summary["failed"] == 1
    assert summary["failures"][0]["reason"] == "empty file"


def test_a_file_that_takes_another_url_leaves_no_stale_article(run, tmp_path, db_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("# Alpha\n\nAlpha text.\n\nOriginal url: https://e.org/a\n")
    b.write_text("# Beta\n\nBeta text.\n\nOriginal url: https://e.org/b\n")
    run("ingest", str(tmp_path))
    b.write_text("# Beta moved\n\nBeta now tells the alpha story.\n\nOriginal url: https://e.org/a\n")
    os.utime(b, (time.time() + 60, time.time() + 60))
    run("ingest", str(tmp_path))
    conn = connect(db_path)
    assert conn.execute("SELECT title, url FROM articles").fetchall() == [("Beta moved", "https://e.org/a")]
    assert_healthy(db_path)


def test_prune_keeps_an_article_another_file_still_holds(run, tmp_path, db_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    one, two = folder / "one.md", folder / "two.md"
    text = "# Same\n\nSame story.\n\nOriginal url: https://e.org/same\n"
    one.write_text(text)
    two.write_text(text)
    run("ingest", str(folder))
    two.unlink()
    monkeypatch.chdir(tmp_path)  # another working folder: paths are stored whole
    result = run("ingest", "--prune", "in")
    assert "1 pruned" in result.output
    assert connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    one.unlink()
    assert "1 pruned" in run("ingest", "--prune", str(folder)).output
    assert connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert_healthy(db_path)


def test_prune_under_a_missing_root_removes_nothing(run, tmp_path, db_path):
    folder = tmp_path / "drive"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n\nText.\n")
    run("ingest", str(folder))
    (folder / "a.md").unlink()
    folder.rmdir()  # the drive is not mounted
    result = run("ingest", "--prune", str(folder))
    assert "pruned" not in result.output
    assert connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_same_file_from_another_working_folder_is_unchanged(run, tmp_path, db_path, monkeypatch):
    (tmp_path / "n.md").write_text("# No url\n\nText without a url.\n")
    run("ingest", str(tmp_path / "n.md"))
    monkeypatch.chdir(tmp_path)
    assert run("ingest", "n.md").output.strip() == "0 new, 0 updated, 1 unchanged, 0 failed"


def test_file_name_that_is_not_utf8_is_reported(run, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text("# Good\n\nText.\n")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.md"), "w") as handle:
        handle.write("# Cafe\n\nText.\n")
    result = run("ingest", str(folder))
    assert result.exit_code == 1
    assert "not valid UTF-8" in result.output and "Traceback" not in result.output
    assert connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_an_unexpected_error_costs_one_file(tmp_path, monkeypatch):
    import archive.ingest.prepare as prepare_module
    from archive import Archive

    real = prepare_module.extract

    def fragile(article, resources):
        if "Boom" in article.title:
            raise IndexError("list index out of range")
        return real(article, resources)

    monkeypatch.setattr(prepare_module, "extract", fragile)
    (tmp_path / "a.md").write_text("# Boom\n\nText.\n")
    (tmp_path / "b.md").write_text("# Fine\n\nText.\n")
    report = Archive(tmp_path / "x.db").ingest([tmp_path], jobs=1)
    assert report.counts["new"] == 1 and report.counts["failed"] == 1
    assert "IndexError" in report.failed[0].reason
