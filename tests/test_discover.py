import os

from archive.ingest.discover import discover


def names(found):
    return [p.name for p in found.files]


def test_walks_recursively_sorted_by_extension(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "b" / "c.markdown").write_text("x")
    (tmp_path / "b" / "a.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"x")
    (tmp_path / ".hidden.md").write_text("x")
    assert names(discover([tmp_path])) == ["a.md", "a.txt", "c.markdown"]


def test_named_file_is_taken_whatever_its_extension(tmp_path):
    (tmp_path / "article.text").write_text("x")
    assert names(discover([tmp_path / "article.text"])) == ["article.text"]


def test_symlink_loop_ends_and_nothing_twice(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.md").write_text("x")
    os.symlink(tmp_path, tmp_path / "d" / "loop")
    os.symlink(tmp_path / "d" / "a.md", tmp_path / "d" / "z.md")
    found = discover([tmp_path, tmp_path / "d"])
    assert names(found) == ["a.md"]


def test_broken_symlink_fifo_and_missing_path_are_skipped_with_reasons(tmp_path):
    os.symlink(tmp_path / "nowhere.md", tmp_path / "broken.md")
    os.mkfifo(tmp_path / "pipe.md")
    found = discover([tmp_path, tmp_path / "missing"])
    reasons = {p.name: reason for p, reason in found.skipped}
    assert reasons == {"broken.md": "broken symlink", "pipe.md": "not a regular file", "missing": "no such file or folder"}
    assert found.files == []
