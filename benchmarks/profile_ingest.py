#!/usr/bin/env python3
"""Where ingest's CPU goes: each worker stage, the writer, and the split between processes.

    python ../shared/bench/make_corpus.py /tmp/c2k --articles 2000
    .venv/bin/python benchmarks/profile_ingest.py /tmp/c2k [--rounds 5] [--jobs 2]

1. Worker stages, CPU seconds over the corpus in this process: read, hash,
   decode, parse, each extractor, pickling the results in chunks as workers do.
2. The writer alone (articles prepared beforehand), median of --rounds, with
   and without the place-mention rows: what storing the mentions costs.
3. A real `ingest --jobs N` in a child process: wall time, CPU of the writer
   process (main thread and the result-receiving thread) and of the workers.
Run by hand; the machine is shared, so read the shares, not the seconds.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, tempfile, time
import concurrent.futures.process as process
threads = {}
run = process._ExecutorManagerThread.run
def timed_run(self):
    try:
        run(self)
    finally:
        threads["receiving"] = time.thread_time()
process._ExecutorManagerThread.run = timed_run
from archive import Archive
started = time.perf_counter()
Archive(os.path.join(tempfile.mkdtemp(), "a.db")).ingest([sys.argv[1]], jobs=int(sys.argv[2]))
wall = time.perf_counter() - started
me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "writer_process": me.ru_utime + me.ru_stime, "main_thread": time.thread_time(),
                  "receiving_thread": threads.get("receiving", 0.0), "workers": workers.ru_utime + workers.ru_stime}))
"""


def worker_stages(files: list[Path]) -> dict[str, float]:
    from archive.ingest.decode import decode
    from archive.extract import Extraction, document_with_outlets
    from archive.extract import places as place_stage
    from archive.extract import quotes as quote_stage
    from archive.extract import sources as source_stage
    from archive.extract.resources import load_resources
    from archive.parse.markdown import parse_markdown
    from archive.store.rows import rows_of

    resources = load_resources()
    seconds: dict[str, float] = {}

    def timed(stage, work, *args):
        started = time.process_time()
        result = work(*args)
        seconds[stage] = seconds.get(stage, 0.0) + time.process_time() - started
        return result

    prepared = []
    for path in files:
        data = timed("read", path.read_bytes)
        timed("hash", lambda: hashlib.sha256(data).hexdigest())
        text, _ = timed("decode", decode, data)
        article = timed("parse", parse_markdown, text, str(path))
        doc = timed("outlets", document_with_outlets, article, resources)  # the stages in extract's order
        places = timed("places", lambda: tuple(place_stage.places(doc)))
        quotes = timed("quotes", lambda: tuple(quote_stage.quotes(doc)))
        citations = timed("sources", lambda: tuple(source_stage.citations(doc)))
        prepared.append((article, Extraction(resources.registry.outlet_for_url(article.url), quotes, places,
                                             citations)))
    chunks = [prepared[i:i + 8] for i in range(0, len(prepared), 8)]
    # as workers send them: the rows, in chunks
    timed("rows+pickle", lambda: [pickle.dumps([rows_of(*p) for p in chunk]) for chunk in chunks])
    return seconds


def writer_seconds(files: list[Path], rounds: int) -> tuple[float, float]:
    from archive.store.db import connect_for_writing, tune_for_bulk_writes
    from archive.ingest.pipeline import Writer
    from archive.ingest.prepare import Task, prepare
    from archive.store.writer import Store
    from archive.extract.resources import load_resources

    resources = load_resources()
    prepared = [prepare(Task(str(p), p.stat().st_size, p.stat().st_mtime_ns), resources) for p in files]
    write_places = Store._write_places

    def once(with_mentions: bool) -> float:
        Store._write_places = write_places if with_mentions else (lambda *args: None)
        try:
            conn = connect_for_writing(Path(tempfile.mkdtemp()) / "w.db")
            tune_for_bulk_writes(conn)
            writer = Writer(Store(conn), lambda outcome: None)
            started = time.process_time()
            for p in prepared:
                writer.take(p)
            writer.close()
            return time.process_time() - started
        finally:
            Store._write_places = write_places

    with_, without = [], []
    for _ in range(rounds):
        with_.append(once(True))
        without.append(once(False))
    return statistics.median(with_), statistics.median(without)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.rglob("*.md") if p.is_file())
    print(f"machine: {platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    print(f"corpus: {len(files)} files; CPU seconds")
    stages = worker_stages(files)
    print("worker stages: " + ", ".join(f"{name} {value:.2f}" for name, value in stages.items())
          + f"; total {sum(stages.values()):.2f}")
    with_mentions, without = writer_seconds(files, args.rounds)
    print(f"writer alone (median of {args.rounds}): {with_mentions:.2f}; without place-mention rows {without:.2f}"
          f" (the mentions cost {with_mentions - without:.2f})")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, "-c", CHILD, str(args.corpus), str(args.jobs)], env=env,
                         capture_output=True, text=True, check=True).stdout
    split = json.loads(out)
    print(f"ingest --jobs {args.jobs}: wall {split['wall']:.2f}; writer process {split['writer_process']:.2f}"
          f" (main thread {split['main_thread']:.2f}, receiving thread {split['receiving_thread']:.2f});"
          f" workers {split['workers']:.2f}")


if __name__ == "__main__":
    main()
