"""Opening archive databases, and their schema version.

Reading needs only sqlite3; Alembic is imported when a write must migrate.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from archive.errors import NotAnArchive, SchemaOutOfDate

DEFAULT_DB = os.path.join("data", "archive.db")
BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> str:
    return os.environ.get("ARCHIVE_DB") or DEFAULT_DB


def migrations_dir() -> Path:
    """The Alembic script folder: archive.migrations when installed, ./migrations in a checkout."""
    try:
        import archive.migrations as package
    except ImportError:
        return Path(__file__).resolve().parent.parent / "migrations"
    return Path(next(iter(package.__path__)))


def head_revision() -> str:
    """The newest revision: files are numbered NNNN_name.py with revision id NNNN."""
    numbers = [p.name.split("_", 1)[0] for p in (migrations_dir() / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")]
    return max(numbers)


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def connect_for_writing(path: str | os.PathLike) -> sqlite3.Connection:
    """Open (creating if needed) and upgrade the database; autocommit mode, WAL journal."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NotAnArchive(f"cannot create the folder for {path}: {error.strerror or error}") from None
    try:
        conn = _configure(sqlite3.connect(path, isolation_level=None, check_same_thread=False))
        if schema_version(conn) != head_revision():
            migrate(conn)  # refuses, before changing anything, a database that is not an archive
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed work
    except sqlite3.DatabaseError as error:
        raise NotAnArchive(f"{path}: not an SQLite database ({error})") from None
    return conn


def tune_for_bulk_writes(conn: sqlite3.Connection) -> None:
    """Settings for a long ingest on this connection: fewer, larger checkpoints and a bigger page cache.

    A 64 MiB cache keeps the growing indexes in memory; checkpoints every ~40 MB
    of WAL copy each hot index page once instead of many times; the WAL file is
    cut back to 64 MiB after a checkpoint so it does not stay large on disk.
    """
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA wal_autocheckpoint = 10000")
    conn.execute(f"PRAGMA journal_size_limit = {64 * 1024 * 1024}")


def connect_for_reading(path: str | os.PathLike) -> sqlite3.Connection:
    """Open an existing archive read-only; never creates or migrates."""
    path = Path(path)
    if not path.is_file():
        raise NotAnArchive(f"no archive at {path}: run 'archive ingest PATH' first, or pass --db")
    try:
        conn = _configure(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None))
        version = schema_version(conn)
    except sqlite3.DatabaseError as error:
        raise NotAnArchive(f"{path}: not an SQLite database ({error})") from None
    if version is None:
        raise NotAnArchive(f"{path}: not an archive database (no schema version)")
    if version != head_revision():
        raise SchemaOutOfDate(f"{path}: schema {version} is older than {head_revision()}; run 'archive migrate'")
    return conn


def schema_version(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def migrate(conn: sqlite3.Connection, revision: str = "head") -> str | None:
    """Apply pending migrations on this connection, in one write transaction; return the new version.

    The lock is taken before the version is read, so of two processes that both
    find the schema old, the second waits and then finds nothing to do.
    """
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, exc
    from sqlalchemy.pool import StaticPool

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    try:
        # SQLAlchemy resets a connection it hands out: let it, then take the lock.
        with engine.connect() as connection:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                current = schema_version(conn)
                if current is None and _foreign_tables(conn):
                    raise NotAnArchive("it holds tables that are not an archive's; refusing to change it")
                if not (revision == "head" and current == head_revision()):
                    config.attributes["connection"] = connection
                    command.upgrade(config, revision)
                connection.commit()
            except BaseException:
                connection.rollback()
                raise
    except NotAnArchive as error:
        raise NotAnArchive(f"cannot migrate the database: {error}") from None
    except (sqlite3.DatabaseError, exc.DBAPIError) as error:
        reason = getattr(error, "orig", error)
        raise NotAnArchive(f"cannot migrate the database: {reason}") from None
    return schema_version(conn)


def _foreign_tables(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
