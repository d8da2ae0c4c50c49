"""Errors a user can cause. Only cli.py turns them into exit statuses and messages."""
from __future__ import annotations


class ArchiveError(Exception):
    """A problem the user can fix; str() is one line that names it."""

    exit_code = 1


class NotAnArchive(ArchiveError):
    """The database file is missing, not SQLite, or not an archive."""


class SchemaOutOfDate(ArchiveError):
    """A read-only command met a database older than this version of archive."""


class QueryError(ArchiveError):
    """A search query or option the database cannot run."""

    exit_code = 2


class FileRejected(ArchiveError):
    """One input file cannot be ingested (not text, too large, unreadable)."""
