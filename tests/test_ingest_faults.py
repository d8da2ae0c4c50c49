"""Faults: kill -9, Ctrl-C and SIGTERM, readers and a second writer during a long ingest."""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from archive import Archive

from conftest import assert_healthy, connect

ARCHIVE = [sys.executable, "-m", "archive"]


def write_articles(folder: Path, count: int, words: int = 400) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    vocabulary = ["mobilization", "protest", "wives", "mothers", "Novosibirsk", "police", "statement", "soldiers",
                  "front", "rally", "authorities", "Telegram", "channel", "reported", "region", "appeal"]
    for n in range(count):
        paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(words // 8)) + "." for _ in range(8)]
        (folder / f"{n:05}.md").write_text(
            f"# Article number {n}\n\nNovember {1 + n % 28}, 2023\n\n" + "\n\n".join(paragraphs)
            + f"\n\nOriginal url: https://example.org/{folder.name}/{n}\n"
        )


def start_ingest(db: Path, folder: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([*ARCHIVE, "--db", str(db), "ingest", *extra, str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def no_article_lacks_children(db: Path) -> None:
    conn = connect(db)
    assert conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM paragraphs)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM paragraphs GROUP BY article_id HAVING count(*) != 8").fetchall() == []
    conn.close()


def the_next_run_finishes(db: Path, folder: Path, articles: int) -> None:
    finished = subprocess.run([*ARCHIVE, "--db", str(db), "ingest", str(folder)], capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == articles
    assert_healthy(db)


def workers_of(process: subprocess.Popen) -> list[str]:
    return subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()


def wait_for_articles(db: Path, at_least: int, deadline: float = 60) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if db.exists():
            try:
                conn = connect(db)
                n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                conn.close()
                if n >= at_least:
                    return
            except Exception:
                pass
        time.sleep(0.05)
    raise AssertionError("ingest did not start storing articles")


def test_kill_9_leaves_a_whole_database_and_the_next_run_finishes(tmp_path):
    folder, db = tmp_path / "corpus", tmp_path / "a.db"
    write_articles(folder, 600)
    for at_least in (1, 60, 200):
        process = start_ingest(db, folder)
        wait_for_articles(db, at_least)
        time.sleep(random.Random(at_least).uniform(0, 0.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert_healthy(db)
        no_article_lacks_children(db)
    the_next_run_finishes(db, folder, 600)
    no_article_lacks_children(db)


def test_sigterm_and_ctrl_c_stop_cleanly_with_a_summary(tmp_path):
    folder, db = tmp_path / "corpus", tmp_path / "a.db"
    write_articles(folder, 1500)  # several write batches: the second run is still storing when signalled
    stored = 0
    for number in (signal.SIGTERM, signal.SIGINT):
        process = start_ingest(db, folder)
        wait_for_articles(db, stored + 1)  # this run is storing: its handlers are in place
        process.send_signal(number)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 128 + number, err  # 143 after SIGTERM, 130 after Ctrl-C
        assert "(interrupted)" in out
        assert "Traceback" not in err
        stored = connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        assert out.strip().splitlines()[-1].startswith(tuple(f"{n} new" for n in range(stored + 1)))
        assert_healthy(db)
        no_article_lacks_children(db)
    the_next_run_finishes(db, folder, 1500)


def test_readers_see_no_errors_during_a_long_ingest(tmp_path):
    from archive.store.db import connect_for_reading
    from archive.query.search import search

    folder, db = tmp_path / "corpus", tmp_path / "a.db"
    write_articles(folder, 1500)  # several write batches: readers see the count grow
    subprocess.run([*ARCHIVE, "--db", str(db), "ingest", str(folder / "00000.md")], check=True, capture_output=True)
    process = start_ingest(db, folder)
    reader = connect_for_reading(db)
    reader.execute("PRAGMA busy_timeout = 0")  # a reader that had to wait for the writer would fail at once
    searches, seen = 0, set()
    while process.poll() is None:
        result = search(reader, "protest")  # raises on 'database is locked'
        searches += 1
        seen.add(result.total)
    assert process.returncode == 0, process.stderr.read()
    assert searches > 3 and len(seen) > 1  # it read while the writer wrote, and saw it grow
    assert Archive(db).search("protest").total == 1500


def test_two_ingests_at_once_both_finish(tmp_path):
    db = tmp_path / "a.db"
    write_articles(tmp_path / "one", 300)
    write_articles(tmp_path / "two", 300)
    subprocess.run([*ARCHIVE, "--db", str(db), "migrate"], check=True, capture_output=True)
    first = start_ingest(db, tmp_path / "one")
    second = start_ingest(db, tmp_path / "two")
    for process in (first, second):
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert out.strip() == "300 new, 0 updated, 0 unchanged, 0 failed"
    assert connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 600
    assert_healthy(db)


def test_full_disk_is_a_clear_message_not_a_damaged_file(tmp_path):
    folder, db = tmp_path / "corpus", tmp_path / "a.db"
    write_articles(folder, 200)
    subprocess.run([*ARCHIVE, "--db", str(db), "ingest", str(folder / "00000.md")], check=True, capture_output=True)
    conn = connect(db)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    # SQLite's own limit on the file's size stands in for a full disk: the same SQLITE_FULL error
    script = (
        "import sys, sqlite3\n"
        "from archive.present.cli import main\n"
        "original = sqlite3.connect\n"
        f"def connect(*a, **k):\n    c = original(*a, **k)\n    c.execute('PRAGMA max_page_count = {pages + 60}')\n    return c\n"
        "sqlite3.connect = connect\n"
        f"sys.argv = ['archive', '--db', {str(db)!r}, 'ingest', {str(folder)!r}]\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "disk is full" in result.stderr
    assert_healthy(db)
    no_article_lacks_children(db)
    stored = connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 1 <= stored < 200


def test_progress_on_a_terminal_silent_when_piped(tmp_path):
    import pty

    folder, db = tmp_path / "corpus", tmp_path / "a.db"
    write_articles(folder, 150)
    # on a terminal: a progress line with files, articles/s and ETA
    leader, follower = pty.openpty()
    process = subprocess.Popen([*ARCHIVE, "--db", str(db), "ingest", str(folder)],
                               stdin=follower, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=60)
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "/150 files" in text and "articles/s" in text and "ETA" in text
    # piped: nothing but the summary
    piped = subprocess.run([*ARCHIVE, "--db", str(tmp_path / "b.db"), "ingest", str(folder)], capture_output=True, text=True)
    assert piped.stderr == "" and piped.stdout.strip() == "150 new, 0 updated, 0 unchanged, 0 failed"


def test_a_folder_of_100000_files_is_walked_once_in_order(tmp_path):
    from archive.ingest.discover import discover

    folder = tmp_path / "big"
    folder.mkdir()
    for n in range(100_000):
        (folder / f"{n:06}.{'md' if n % 10_000 == 0 else 'json'}").touch()
    found = discover([folder, folder])  # named twice: still once each
    assert [p.name for p in found.files] == [f"{n:06}.md" for n in range(0, 100_000, 10_000)]
    assert found.skipped == []


def test_a_worker_killed_mid_run_is_one_line_not_a_hang(tmp_path):
    folder, db = tmp_path / "corpus", tmp_path / "a.db"
    write_articles(folder, 2000)  # the first commit (one write batch) comes while workers are still busy
    process = start_ingest(db, folder, "--jobs", "2")
    wait_for_articles(db, 10)
    workers = workers_of(process)
    assert workers
    try:
        os.kill(int(workers[0]), signal.SIGKILL)
    except ProcessLookupError:  # it had already finished its share and gone
        pass
    out, err = process.communicate(timeout=120)
    if process.returncode == 0:  # the worker had already finished its share
        return
    assert process.returncode == 1
    assert "worker process died" in err and "Traceback" not in err
    assert_healthy(db)
    no_article_lacks_children(db)
    the_next_run_finishes(db, folder, 2000)


def test_workers_do_not_outlive_a_killed_writer(tmp_path):
    folder, db = tmp_path / "corpus", tmp_path / "a.db"
    write_articles(folder, 2000)  # workers are still busy when the first write batch commits
    process = start_ingest(db, folder, "--jobs", "2")
    wait_for_articles(db, 10)
    workers = workers_of(process)
    assert workers
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{pid}") and
                                               "Z" not in open(f"/proc/{pid}/stat").read().split()[2]
                                               for pid in workers):
        time.sleep(0.1)
    alive = [pid for pid in workers if os.path.exists(f"/proc/{pid}")
             and open(f"/proc/{pid}/stat").read().split()[2] != "Z"]
    assert alive == []
