#!/usr/bin/env python3
"""Ingest speed: `archive ingest` against the floor a peer tool reaches without parsing.

    python ../shared/bench/make_corpus.py /tmp/c20k --articles 20000
    .venv/bin/python benchmarks/ingest.py /tmp/c20k [--rounds 2] [--jobs N]

The floor: split every file on blank lines into one JSON object a paragraph,
`sqlite-utils insert DB paragraphs FILE --nl`, then
`sqlite-utils enable-fts DB paragraphs text --fts5 --create-triggers --tokenize porter`.
Both run in the same rounds, alternating, on the same machine; the script prints
medians, the ratio, articles per second, peak memory and bytes per input byte.
Run by hand; machines here are shared and noisy, so compare ratios, not seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def corpus_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".md", ".markdown", ".txt") and p.is_file())


def run_timed(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in KiB of the process (its workers included), stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # its rusage covers the children it reaped
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode not in (0, 1):
            raise SystemExit(f"{command[0]} failed ({process.returncode}): {err.read().strip()[-500:]}")
        return wall, usage.ru_maxrss, out.read()


def floor(files: list[Path], work: Path) -> dict:
    db = work / "floor.db"
    nl = work / "paragraphs.nl"
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    with open(nl, "w", encoding="utf-8") as out:
        for path in files:
            for block in path.read_text(encoding="utf-8").split("\n\n"):
                if block.strip():
                    out.write(json.dumps({"text": block.strip()}, ensure_ascii=False) + "\n")
    split = time.perf_counter() - started
    insert, _, _ = run_timed([str(BIN / "sqlite-utils"), "insert", str(db), "paragraphs", str(nl), "--nl"])
    fts, _, _ = run_timed([str(BIN / "sqlite-utils"), "enable-fts", str(db), "paragraphs", "text", "--fts5",
                           "--create-triggers", "--tokenize", "porter"])
    return {"wall": split + insert + fts, "split": split, "insert": insert, "fts": fts, "bytes": db.stat().st_size}


def archive(corpus: Path, work: Path, jobs: int) -> dict:
    db = work / "archive.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    wall, peak, out = run_timed([str(BIN / "archive"), "--db", str(db), "ingest", "--json", "--jobs", str(jobs), str(corpus)])
    summary = json.loads(out)
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    return {"wall": wall, "peak_kib": peak, "stored": summary["new"] + summary["updated"], "bytes": size,
            "failed": summary["failed"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    files = corpus_files(args.corpus)
    input_bytes = sum(p.stat().st_size for p in files)
    floors, archives = [], []
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as tmp:
        work = Path(tmp)
        for round_number in range(args.rounds):
            # alternate the order so neither side always runs on a warm cache
            order = (("floor", "archive") if round_number % 2 == 0 else ("archive", "floor"))
            for side in order:
                if side == "floor":
                    floors.append(floor(files, work))
                else:
                    archives.append(archive(args.corpus, work, args.jobs))
                print(f"round {round_number + 1} {side}: {(floors if side == 'floor' else archives)[-1]}", file=sys.stderr)

    floor_wall = statistics.median(f["wall"] for f in floors)
    archive_wall = statistics.median(a["wall"] for a in archives)
    stored = archives[-1]["stored"]
    print(f"machine: {platform.node()} · {os.cpu_count()} cores · {platform.processor() or platform.machine()} · Python {platform.python_version()}")
    print(f"corpus: {len(files)} files, {input_bytes / 1e6:.1f} MB; {args.rounds} rounds, medians")
    print(f"floor (split + sqlite-utils insert + enable-fts): {floor_wall:.1f} s "
          f"(split {statistics.median(f['split'] for f in floors):.1f}, insert {statistics.median(f['insert'] for f in floors):.1f}, "
          f"fts {statistics.median(f['fts'] for f in floors):.1f})")
    print(f"archive ingest --jobs {args.jobs}: {archive_wall:.1f} s, {stored / archive_wall:.0f} articles/s, "
          f"peak memory {max(a['peak_kib'] for a in archives) / 1024:.0f} MiB, failed {archives[-1]['failed']}")
    print(f"ratio archive / floor: {archive_wall / floor_wall:.2f}x")
    print(f"database bytes per input byte: archive {archives[-1]['bytes'] / input_bytes:.2f}, floor {floors[-1]['bytes'] / input_bytes:.2f}")


if __name__ == "__main__":
    main()
