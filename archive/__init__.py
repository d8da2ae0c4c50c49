"""archive: a searchable archive of news articles in one SQLite file.

    from archive import Archive
    Archive("data/archive.db").ingest(["seeds/"])
    result = Archive("data/archive.db").search("Novosibirsk")
"""
from archive.api import Archive, ingest, search
from archive.errors import ArchiveError

__all__ = ["Archive", "ArchiveError", "ingest", "search"]
