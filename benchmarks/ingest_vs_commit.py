#!/usr/bin/env python3
"""`archive ingest` as it is now against the same command at an earlier commit.

    python ../shared/bench/make_corpus.py /tmp/c2k --articles 2000
    .venv/bin/python benchmarks/ingest_vs_commit.py REV /tmp/c2k [--rounds 3] [--jobs 2]

Checks REV out into a temporary git worktree, then ingests the corpus into a
fresh database with each version in turn (alternating, so neither always runs
second), both with this venv's Python and libraries, and prints medians, the
ratio now / then, and the rows each stored. Answers "is ingest slower than
before issue N?" side by side on one machine. Run by hand; compare ratios.
"""
from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "paragraphs", "quotes", "place_mentions", "citations")


def ingest_seconds(checkout: Path, corpus: Path, db: Path, jobs: int) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, "-m", "archive", "--db", str(db), "ingest", "--jobs", str(jobs), str(corpus)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ingest at {checkout} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return seconds


def row_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES if t in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", help="the earlier commit, e.g. 4a3aa6f^")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="archive-then-") as tmp:
        then = Path(tmp) / "then"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(then), args.rev], check=True)
        try:
            for tree in (then, ROOT):  # byte-compile both, so neither pays for it inside a timed run
                subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "archive")], capture_output=True)
            times: dict[str, list[float]] = {"then": [], "now": []}
            for round_number in range(args.rounds):
                order = ("then", "now") if round_number % 2 == 0 else ("now", "then")
                for side in order:
                    checkout = then if side == "then" else ROOT
                    times[side].append(ingest_seconds(checkout, args.corpus, Path(tmp) / f"{side}.db", args.jobs))
                    print(f"round {round_number + 1} {side}: {times[side][-1]:.2f} s", file=sys.stderr)
            counts = {side: row_counts(Path(tmp) / f"{side}.db") for side in times}
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(then)], check=False)
    then_s, now_s = statistics.median(times["then"]), statistics.median(times["now"])
    print(f"machine: {platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    print(f"corpus: {args.corpus}; ingest --jobs {args.jobs}; {args.rounds} rounds, medians")
    print(f"  then ({args.rev}): {then_s:.2f} s   rows {counts['then']}")
    print(f"  now:  {now_s:.2f} s   rows {counts['now']}")
    print(f"ratio now / then: {now_s / then_s:.2f}")


if __name__ == "__main__":
    main()
