"""Ingest: discover -> prepare (workers: read, parse, extract) -> store (one writer).

Files are prepared in worker processes and written by this process alone, in
short batches: every article is whole in the transaction that stores it, so a
crash or kill leaves complete articles only, and the next run finishes the job.
Ctrl-C and SIGTERM stop at the next article boundary with what was stored.
"""
from __future__ import annotations

import os
import pickle
import shutil
import signal
import sqlite3
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterator

from archive.store.db import tune_for_bulk_writes
from archive.ingest.discover import discover
from archive.errors import ArchiveError
from archive.ingest.prepare import DEFAULT_MAX_SIZE, DEFAULT_TIMEOUT, Prepared, Task, prepare
from archive.store.writer import Store

STATUSES = ("new", "updated", "unchanged", "failed")
BATCH_SECONDS = 1.0  # a writer waiting on us waits at most about this long
BATCH_ARTICLES = 500
CHUNK = 8  # files a worker prepares per round trip
IN_FLIGHT = 16  # chunks per worker handed out and not yet stored: work for the workers while the writer commits


@dataclass(frozen=True, slots=True)  # one a file: slots keep a large run's outcomes small
class FileOutcome:
    path: str
    status: str  # one of STATUSES, or "duplicate": an older version of an article stored from another file
    article_id: int | None = None
    reason: str | None = None  # why it failed, or why it was skipped
    warnings: tuple[str, ...] = ()
    replaced: str | None = None  # an older version of the same url stored from this path earlier in the run


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    interrupted: bool = False
    signal: int | None = None  # the signal that stopped the run
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(outcome.status for outcome in self.outcomes)
        counts = {status: counted.get(status, 0) for status in STATUSES}
        duplicates = counted.get("duplicate", 0) + sum(1 for o in self.outcomes if o.replaced)
        if duplicates:
            counts["duplicate"] = duplicates
        if self.pruned:
            counts["pruned"] = len(self.pruned)
        return counts

    @property
    def failed(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    def summary(self) -> str:
        counts = self.counts
        line = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
        if counts.get("duplicate"):
            n = counts["duplicate"]
            line += f" ({n} older duplicate{'s' * (n > 1)}: the same url in another file; the newer file kept)"
        if self.pruned:
            line += f", {len(self.pruned)} pruned"
        return line + (" (interrupted)" if self.interrupted else "")

    def as_dict(self) -> dict:
        return {
            **self.counts,
            "interrupted": self.interrupted,
            "seconds": round(self.seconds, 3),
            "failures": [{"path": o.path, "reason": o.reason} for o in self.failed],
            "pruned": self.pruned,
        }


@dataclass(frozen=True)
class IngestOptions:
    jobs: int = 1
    max_size: int = DEFAULT_MAX_SIZE
    timeout: float = DEFAULT_TIMEOUT
    prune: bool = False


def stored_path(path: Path) -> str:
    """The absolute path: the same file is the same row whatever folder ingest runs from."""
    return os.path.abspath(path)


def ingest_paths(
    conn: sqlite3.Connection,
    paths: list[str | os.PathLike],
    options: IngestOptions = IngestOptions(),
    on_file: Callable[[FileOutcome], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestReport:
    started = time.monotonic()
    tune_for_bulk_writes(conn)
    store = Store(conn)
    report = IngestReport()

    def record(outcome: FileOutcome) -> None:
        report.outcomes.append(outcome)
        if on_file:
            on_file(outcome)

    found = discover(paths)
    for path, reason in found.skipped:
        record(FileOutcome(_printable(path), "failed", reason=reason))
    writer = Writer(store, record)
    try:
        tasks = _tasks(found.files, store.known_files(), options, record)
        del found  # Path objects cost ~0.5 KB a file: a folder of 100,000 would hold 55 MB for nothing
        if on_start:
            on_start(len(tasks))
        with StopRequests() as stop:
            try:
                for prepared in _prepared(tasks, options.jobs, stop):
                    writer.take(prepared)
                    if stop.requested:
                        break
            finally:
                writer.close()
            report.interrupted = stop.requested
            report.signal = stop.signal
        if options.prune and not report.interrupted:
            report.pruned = store.prune_missing([stored_path(Path(p)) for p in paths])
    except sqlite3.OperationalError as error:
        raise ArchiveError(_write_failure(error, writer.stored)) from None
    report.seconds = time.monotonic() - started
    return report


def _tasks(files: list[Path], known: dict, options: IngestOptions, record) -> list[Task]:
    """Files to read: a file whose size and mtime match what was stored is not even opened."""
    tasks = []
    for path in files:
        name = stored_path(path)
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            record(FileOutcome(_printable(path), "failed", reason="file name is not valid UTF-8; rename it"))
            continue
        try:
            info = path.stat()
        except OSError as error:
            record(FileOutcome(name, "failed", reason=error.strerror or "vanished"))
            continue
        seen = known.get(name)
        if seen and seen.article_id and seen.size == info.st_size and seen.mtime_ns == info.st_mtime_ns:
            record(FileOutcome(name, "unchanged", seen.article_id))
            continue
        known_hash = seen.content_hash if seen and seen.article_id else None  # no article yet: read it again
        tasks.append(Task(name, info.st_size, info.st_mtime_ns, known_hash, options.max_size, options.timeout))
    return tasks


def _printable(path) -> str:
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _write_failure(error: sqlite3.OperationalError, stored: int) -> str:
    text = str(error)
    if "full" in text:
        return f"the disk is full: {stored} articles were stored whole; free some space and run again"
    if "locked" in text or "busy" in text:
        return f"the database stayed locked by another writer: {stored} articles stored; run again"
    return f"cannot write to the database ({text}); {stored} articles stored"


class Writer:
    """Stores prepared files in short transactions of whole articles."""

    def __init__(self, store: Store, record: Callable[[FileOutcome], None]):
        self.store = store
        self.record = record
        self.pending: list[FileOutcome] = []
        self.batch_started: float | None = None
        self.batch_size = 0
        self.stored = 0
        self.url_versions: dict[str, tuple[int, str]] = {}  # url -> (mtime_ns, path) written this run

    def take(self, prepared: Prepared) -> None:
        if prepared.status == "failed":
            self.record(FileOutcome(prepared.path, "failed", reason=prepared.reason))
            return
        self._begin()
        outcome = self._store(prepared)
        self.pending.append(outcome)
        self.batch_size += 1
        if self.batch_size >= BATCH_ARTICLES or time.monotonic() - self.batch_started >= BATCH_SECONDS:
            self._commit()

    def close(self) -> None:
        """Commit the whole articles of the open batch; if even that fails, keep the database as it was."""
        if self.store.batch is None:
            return
        try:
            self._commit()
        except sqlite3.Error:
            self.store.rollback_batch()

    def _begin(self) -> None:
        if self.store.batch is None:
            self.store.begin_batch()
            self.batch_started = time.monotonic()

    def _commit(self) -> None:
        self.store.commit_batch()
        self.stored += sum(o.status in ("new", "updated") for o in self.pending)
        for outcome in self.pending:
            self.record(outcome)
        self.pending = []
        self.batch_started = None
        self.batch_size = 0

    def _store(self, p: Prepared) -> FileOutcome:
        store = self.store
        if p.status == "unchanged":
            article_id = store.note_file(p.path, p.size, p.mtime_ns, p.content_hash, None, p.encoding)
            return FileOutcome(p.path, "unchanged", article_id)
        rows = p.rows
        existing = store.existing(rows.url, p.path)
        if existing and existing.content_hash == p.content_hash:
            store.note_file(p.path, p.size, p.mtime_ns, p.content_hash, existing.id, p.encoding)
            return FileOutcome(p.path, "unchanged", existing.id, warnings=p.warnings)
        if existing and rows.url and existing.path != p.path:
            newer = self.url_versions.get(rows.url) or (store.file_mtime(existing.path), existing.path)
            if newer[0] is not None and newer[0] > p.mtime_ns:
                store.note_file(p.path, p.size, p.mtime_ns, p.content_hash, existing.id, p.encoding)
                return FileOutcome(p.path, "duplicate", existing.id,
                                   reason=f"an older version of {rows.url} than {newer[1]}", warnings=p.warnings)
        previous = store.article_of_file(p.path)
        if previous is not None and existing and previous != existing.id and not store.held_by_other_files(previous, p.path):
            store.delete_article(previous)  # this file now carries another url: its old article goes
        article_id = store.save(rows, p.content_hash, p.path, existing.id if existing else None)
        store.note_file(p.path, p.size, p.mtime_ns, p.content_hash, article_id, p.encoding)
        replaced = None
        if rows.url:
            earlier = self.url_versions.get(rows.url)
            replaced = earlier[1] if earlier and earlier[1] != p.path else None
            self.url_versions[rows.url] = (p.mtime_ns, p.path)
        return FileOutcome(p.path, "updated" if existing else "new", article_id, warnings=p.warnings,
                           replaced=replaced)


def _prepared(tasks: list[Task], jobs: int, stop: StopRequests) -> Iterator[Prepared]:
    """Prepare files in order, in `jobs` worker processes (inline when jobs is 1)."""
    if not tasks:
        return
    from archive.extract.resources import load_resources

    # Load (or, the first time, build) the lexicons, registry and gazetteer here,
    # outside any file's time cap; forked workers share them.
    resources = load_resources()
    if jobs <= 1 or len(tasks) < 2:
        for task in tasks:
            if stop.requested:
                return
            yield prepare(task, resources)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as StillWorking
    from concurrent.futures.process import BrokenProcessPool

    chunks = iter([tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)])
    try:
        spool: str | None = tempfile.mkdtemp(prefix="archive-ingest-")
    except OSError:
        spool = None  # no temporary folder to write: results come through the pipe
    executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(resources,))
    # Workers parse faster than one writer stores: only IN_FLIGHT chunks a worker
    # are handed out at a time, so prepared articles never pile up in memory.
    pending: deque = deque()

    def hand_out() -> None:
        while len(pending) < IN_FLIGHT * jobs:
            chunk = next(chunks, None)
            if chunk is None:
                return
            pending.append(executor.submit(prepare_chunk, chunk, spool))

    try:
        hand_out()
        while pending:
            while True:
                try:
                    chunk = _unspooled(pending[0].result(timeout=0.2))
                    break
                except StillWorking:
                    if stop.requested:
                        return
            pending.popleft()
            hand_out()
            yield from chunk
    except BrokenProcessPool:
        raise ArchiveError("a worker process died (out of memory, or killed); the articles stored so far are "
                           "whole: run the same command again to finish") from None
    finally:
        # Chunks not started are dropped; a worker finishes the chunk it holds (each
        # file is capped by --timeout). Killing workers here can deadlock the pool.
        executor.shutdown(wait=True, cancel_futures=True)
        if spool:
            shutil.rmtree(spool, ignore_errors=True)


def prepare_chunk(tasks: list[Task], spool: str | None) -> str | list[Prepared]:
    """Prepare files in a worker; hand them back as a file in ``spool`` whose path is the only message.

    A worker killed while it writes a long message to the pool's result pipe leaves
    half a message, which the pool then waits on for ever (CPython's
    ProcessPoolExecutor); a path is a short message, written to the pipe at once,
    so a killed worker is noticed and reported. If the spool cannot be written
    (a full disk) the articles go through the pipe after all.
    """
    prepared = [prepare(task, _worker.resources) for task in tasks]
    if spool is None:
        return prepared
    try:
        fd, path = tempfile.mkstemp(dir=spool, suffix=".pickle")
        with os.fdopen(fd, "wb") as out:
            pickle.dump(prepared, out, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        return prepared
    return path


def _unspooled(result: str | list[Prepared]) -> list[Prepared]:
    if isinstance(result, list):
        return result
    try:
        with open(result, "rb") as spooled:
            prepared = pickle.load(spooled)
        os.unlink(result)
    except (OSError, pickle.UnpicklingError, EOFError) as error:
        raise ArchiveError(f"lost a worker's results in the temporary folder ({error}); the articles stored so "
                           "far are whole: run the same command again to finish") from None
    return prepared


class _Worker:
    """What a worker process holds: the resources it was forked with (set once by _start_worker).

    The one per-process state of ingest: ProcessPoolExecutor calls plain functions, so a
    worker finds its resources here rather than in every task's pickle."""

    resources = None


_worker = _Worker()


def _start_worker(resources) -> None:
    _worker.resources = resources  # inherited through fork, never pickled
    # Workers leave Ctrl-C and SIGTERM to the writer, which stops cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """A worker must not outlive a writer killed with kill -9 (Linux: PR_SET_PDEATHSIG)."""
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: an orphaned worker ends when its queue closes
    if os.getppid() != parent:  # the parent died before the request took hold
        os._exit(1)


class StopRequests:
    """Ctrl-C or SIGTERM asks the run to stop after the article being written; a second Ctrl-C stops at once."""

    def __init__(self):
        self.requested = False
        self.signal: int | None = None
        self.active = threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if self.active:
            self.previous = {s: signal.signal(s, self._request) for s in (signal.SIGINT, signal.SIGTERM)}
        return self

    def __exit__(self, *exc):
        if self.active:
            for number, handler in self.previous.items():
                signal.signal(number, handler)
        return False

    def _request(self, signum, frame):
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.requested = True
        self.signal = signum
