"""One file -> a Prepared article: read, hash, decode, parse, extract. Runs in workers.

Pure apart from reading the file; never touches the database. Each file gets
a time cap (markdown-it-py is quadratic on some inputs, e.g. thousands of
"![") and a recursion guard, so one bad file costs seconds, not the run.
"""
from __future__ import annotations

import hashlib
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from archive.ingest.decode import decode
from archive.errors import FileRejected
from archive.extract import extract
from archive.parse.markdown import parse_markdown
from archive.store.rows import ArticleRows, rows_of

DEFAULT_MAX_SIZE = 10 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)  # one a file: slots keep a large run's tasks small
class Task:
    path: str
    size: int
    mtime_ns: int
    known_hash: str | None = None  # the hash stored for this path: equal means unchanged
    max_size: int = DEFAULT_MAX_SIZE
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Prepared:
    path: str
    size: int
    mtime_ns: int
    status: str  # "parsed" | "unchanged" | "failed"
    content_hash: str | None = None
    encoding: str | None = None
    rows: ArticleRows | None = None  # the article and what was found in it, ready for the store
    reason: str | None = None
    warnings: tuple[str, ...] = ()


class FileTimedOut(Exception):
    pass


def prepare(task: Task, resources) -> Prepared:
    """Read, decode, parse and extract one file with ``resources`` (archive.extract.resources)."""
    def failed(reason: str) -> Prepared:
        return Prepared(task.path, task.size, task.mtime_ns, "failed", reason=reason)

    if task.size > task.max_size:
        return failed(f"too large: {_megabytes(task.size)}, over the --max-size of {_megabytes(task.max_size)}")
    try:
        data = Path(task.path).read_bytes()
    except FileNotFoundError:
        return failed("vanished before it could be read")
    except OSError as error:
        return failed(error.strerror or str(error))
    if len(data) > task.max_size:  # it grew since it was listed
        return failed(f"too large: {_megabytes(len(data))}, over the --max-size of {_megabytes(task.max_size)}")
    content_hash = hashlib.sha256(data).hexdigest()
    if content_hash == task.known_hash:
        return Prepared(task.path, len(data), task.mtime_ns, "unchanged", content_hash)
    try:
        with time_cap(task.timeout):
            text, encoding = decode(data)
            if not text.strip():
                return failed("empty file")
            article = parse_markdown(text, task.path)
            rows = rows_of(article, extract(article, resources))
    except FileRejected as error:
        return failed(str(error))
    except FileTimedOut:
        return failed(f"took over {task.timeout:g} s to parse (pathological Markdown?); skipped")
    except RecursionError:
        return failed("nested too deeply to parse; skipped")
    except Exception as error:  # a bug of ours must cost one file, not the run
        return failed(f"could not be processed ({type(error).__name__}: {error}); please report it")
    return Prepared(task.path, len(data), task.mtime_ns, "parsed", content_hash, encoding, rows,
                    warnings=article.warnings)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


class time_cap:
    """Raise FileTimedOut after `seconds` of wall time (main thread only; elsewhere no cap)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.armed = seconds > 0 and threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if self.armed:
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False

    @staticmethod
    def _expire(signum, frame):
        raise FileTimedOut()
