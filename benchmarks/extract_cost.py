#!/usr/bin/env python3
"""What each extractor adds to ingest time: the whole ingest with none, each one, and all.

    python ../shared/bench/make_corpus.py /tmp/c2k --articles 2000
    .venv/bin/python benchmarks/extract_cost.py /tmp/c2k [--rounds 3]

Each configuration ingests the corpus into a fresh database in this process
(--jobs 1, the default, times the work itself; --jobs 2 the wall time users see),
rounds alternate the order, and the script prints medians and the slowdown of
each configuration against the ingest with no extractor ("before the issue").
Run by hand; compare ratios, not seconds.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from archive import Archive
from archive.extract import extract

# configuration -> the stages extract runs (outlets are always claimed: "none" includes that scan)
CONFIGURATIONS = {
    "none": (),
    "quotes": ("quotes",),
    "places": ("places",),
    "sources": ("citations",),
    "all": ("places", "quotes", "citations"),
}


def extractor(stages: tuple[str, ...]):
    def extract_these(article, resources, trace=None):
        return extract(article, resources, trace, stages=stages)

    return extract_these


def ingest_seconds(corpus: Path, names: tuple[str, ...], work: Path, jobs: int) -> float:
    import archive.ingest.prepare as prepare_module

    prepare_module.extract = extractor(names)
    db = work / f"{'-'.join(names) or 'none'}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    report = Archive(db).ingest([corpus], jobs=jobs)  # workers fork after the patch: they run it too
    seconds = time.perf_counter() - started
    assert report.counts["failed"] == 0, report.failed[:3]
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="1: the work itself; more: the wall time users see")
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in CONFIGURATIONS}
    with tempfile.TemporaryDirectory(prefix="archive-extract-") as tmp:
        ingest_seconds(args.corpus, CONFIGURATIONS["all"], Path(tmp), args.jobs)  # untimed: imports, caches
        for round_number in range(args.rounds):
            order = list(CONFIGURATIONS) if round_number % 2 == 0 else list(reversed(CONFIGURATIONS))
            for name in order:
                times[name].append(ingest_seconds(args.corpus, CONFIGURATIONS[name], Path(tmp), args.jobs))
                print(f"round {round_number + 1} {name}: {times[name][-1]:.2f} s", file=sys.stderr)
    base = statistics.median(times["none"])
    files = sum(1 for p in args.corpus.rglob("*.md"))
    print(f"machine: {platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    print(f"corpus: {files} files; ingest --jobs {args.jobs} in process; {args.rounds} rounds, medians")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:8} {median:7.2f} s   {100 * (median / base - 1):+6.1f}% against none   worst {max(values):.2f} s")


if __name__ == "__main__":
    main()
