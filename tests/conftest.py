"""Shared fixtures: real SQLite files in temporary folders, the CLI run as a user runs it."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.present.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_FILE = next(SEEDS.glob("*.txt"))
FTS_TABLES = ("articles_fts", "paragraphs_fts", "quotes_fts")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def run(db_path):
    """Run the CLI against the temporary database; returns the click Result."""

    def invoke(*args: str, db: Path | None = None, input: str | None = None):
        runner = CliRunner()
        return runner.invoke(cli, ["--db", str(db or db_path), *args], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def seeded(run, db_path) -> Path:
    result = run("ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    return db_path


@pytest.fixture
def articles_dir(tmp_path) -> Path:
    """A writable copy of the article fixtures."""
    target = tmp_path / "articles"
    shutil.copytree(FIXTURES / "articles", target)
    return target


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def assert_healthy(path: Path) -> None:
    """integrity_check, foreign_key_check, and FTS5 integrity-check comparing index and content."""
    conn = connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in FTS_TABLES:
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 1)")
    finally:
        conn.close()


@pytest.fixture(scope="session")
def resources():
    """The lexicons, outlet registry and gazetteer, built once for the test session."""
    from archive.extract.resources import load_resources

    return load_resources()
