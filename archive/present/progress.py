"""A progress line for long ingests on a terminal: files, articles/s, ETA. Silent when piped."""
from __future__ import annotations

import sys
import time

import click


class Progress:
    def __init__(self, enabled: bool, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.total = 0
        self.done = 0
        self.stored = 0
        self.started = time.monotonic()
        self.last_drawn = 0.0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.enabled and self.total:
            self._draw(force=True)
            self.stream.write("\n")
        return False

    def start(self, total: int) -> None:
        """Called once the files to read are known (unchanged ones already skipped)."""
        self.total = total
        self.done = 0
        self.started = time.monotonic()

    def advance(self, outcome) -> None:
        if outcome.status in ("new", "updated"):
            self.stored += 1
        self.done += 1
        self._draw()

    def echo(self, line: str) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
        click.echo(line, err=True)
        self._draw(force=True)

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or not self.total or (not force and now - self.last_drawn < 0.1):
            return
        self.last_drawn = now
        elapsed = max(now - self.started, 1e-6)
        done = min(self.done, self.total)
        rate = self.stored / elapsed
        per_file = elapsed / done if done else 0
        eta = per_file * (self.total - done)
        width = 24
        filled = int(width * done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(
            f"\r\x1b[K[{bar}] {done}/{self.total} files  {rate:,.0f} articles/s  ETA {_clock(eta)}"
        )
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}" if seconds >= 3600 else f"{seconds // 60}:{seconds % 60:02d}"
