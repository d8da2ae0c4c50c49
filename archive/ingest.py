"""Ingest: discover -> read -> parse -> extract -> store, one file at a time."""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .decode import decode
from .discover import discover
from .errors import ArchiveError
from .extract import extract
from .parse import parse_markdown
from .store import Store

STATUSES = ("new", "updated", "unchanged", "failed")


@dataclass(frozen=True)
class FileOutcome:
    path: str
    status: str  # one of STATUSES
    article_id: int | None = None
    reason: str | None = None  # why it failed
    warnings: tuple[str, ...] = ()


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(outcome.status for outcome in self.outcomes)
        return {status: counted.get(status, 0) for status in STATUSES}

    @property
    def failed(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    def summary(self) -> str:
        return ", ".join(f"{count} {status}" for status, count in self.counts.items())


def ingest_paths(
    conn, paths: list[str | os.PathLike], on_file: Callable[[FileOutcome], None] | None = None
) -> IngestReport:
    store = Store(conn)
    report = IngestReport()
    found = discover(paths)
    outcomes = [FileOutcome(str(path), "failed", reason=reason) for path, reason in found.skipped]
    for outcome in outcomes:
        _record(report, outcome, on_file)
    for path in found.files:
        _record(report, ingest_file(store, path), on_file)
    return report


def _record(report: IngestReport, outcome: FileOutcome, on_file) -> None:
    report.outcomes.append(outcome)
    if on_file:
        on_file(outcome)


def ingest_file(store: Store, path: Path) -> FileOutcome:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return FileOutcome(name, "failed", reason=error.strerror or str(error))
    content_hash = hashlib.sha256(data).hexdigest()
    if (article_id := store.unchanged_at(name, content_hash)) is not None:
        return FileOutcome(name, "unchanged", article_id)
    try:
        text, _encoding = decode(data)
        if not text.strip():
            return FileOutcome(name, "failed", reason="empty file")
        article = parse_markdown(text, name)
        extraction = extract(article)
        existing = store.existing(article.url, name)
        if existing and existing.content_hash == content_hash:
            return FileOutcome(name, "unchanged", existing.id, warnings=article.warnings)
        article_id = store.save(article, extraction, content_hash, name, replace=existing.id if existing else None)
    except ArchiveError as error:
        return FileOutcome(name, "failed", reason=str(error))
    return FileOutcome(name, "updated" if existing else "new", article_id, warnings=article.warnings)
