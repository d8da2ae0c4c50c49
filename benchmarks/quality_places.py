"""Quality of the place extractor on the labelled fixtures, and its load and run times.

    PYTHONPATH=. python benchmarks/quality_places.py [--corpus DIR] [--no-cold]

Prints mention precision, recall and resolution accuracy (on the mentions
found) for the tuning files and for the held-out files (heldout_*, written
before any tuning), each file's misses and false places, the gazetteer's
cold-build and warm-load times, and with --corpus the time extract_places
takes as a fraction of parse_markdown's over a folder of .md files.

A predicted mention matches a labelled one when the surface text is the same
(one prediction per label); it is resolved right when the place's kind and
country code are the labelled ones and the labelled name is its name or one of
its other names.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from archive.evaluate import places as _places
from archive.evaluate.places import summarise

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "places"


def load_labels() -> dict[str, list[tuple]]:
    return _places.load_labels(FIXTURES)


def _extractor():
    """extract_places over freshly loaded Resources: article -> mentions."""
    from archive.extract.places import extract_places
    from archive.extract.resources import load_resources

    resources = load_resources()
    return lambda article: extract_places(article, resources)


def predict(path: Path) -> list[tuple]:
    return _places.predict_file(_extractor(), path)


def evaluate(heldout: bool | None = None) -> tuple[dict[str, float], dict[str, dict]]:
    return _places.evaluate_places(_extractor(), FIXTURES, heldout)


def _timed_subprocess(cache_dir: str) -> float:
    code = ("import time; t=time.perf_counter(); from archive.extract.places import gazetteer as g; "
            "g.load_gazetteer(); print(time.perf_counter()-t)")
    env = dict(os.environ, ARCHIVE_CACHE_DIR=cache_dir, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def load_times() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        cold = _timed_subprocess(tmp)
        warm = min(_timed_subprocess(tmp) for _ in range(3))
    return cold, warm


def corpus_speed(folder: Path) -> dict[str, float]:
    from archive.parse.markdown import parse_markdown

    extract_places = _extractor()
    files = sorted(folder.rglob("*.md"))
    sources = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    t0 = time.perf_counter()
    articles = [parse_markdown(src, path) for path, src in sources]
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions = sum(len(extract_places(a)) for a in articles)
    extract_s = time.perf_counter() - t0
    return {"files": len(files), "parse_s": parse_s, "extract_s": extract_s,
            "ratio": extract_s / parse_s if parse_s else 0.0, "mentions": mentions}


def _print_set(title: str, summary: dict, results: dict) -> None:
    print(f"== {title}: {len(results)} files, {summary['labels']} labelled mentions, {summary['predicted']} predicted")
    print(f"   precision {summary['precision']:.3f}   recall {summary['recall']:.3f}   "
          f"resolution accuracy {summary['resolution']:.3f}")
    for name, r in results.items():
        if not (r["misses"] or r["false"] or r["wrong"]):
            continue
        print(f"   {name}:")
        for m in r["misses"]:
            print(f"      miss   {m[0]!r} ({m[1]}, {m[2]}, {m[3]})")
        for f in r["false"]:
            print(f"      false  {f[0]!r} -> {f[1]} ({f[2]}, {f[3]})")
        for label, got in r["wrong"]:
            print(f"      wrong  {label[0]!r}: {got[1]} ({got[2]}, {got[3]}), expected {label[1]} ({label[2]}, {label[3]})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="folder of .md files to time parse vs parse + extract_places")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-build timing (about 12 s)")
    args = ap.parse_args()

    if not args.no_cold:
        cold, warm = load_times()
        print(f"gazetteer: cold build {cold:.2f} s, warm load {warm:.3f} s (fresh process, import included)")
    t0 = time.perf_counter()
    from archive.extract.places.gazetteer import load_gazetteer

    loaded = load_gazetteer().loaded
    print(f"gazetteer in this process: {loaded.get('source')} in {time.perf_counter() - t0:.3f} s")

    tuning, tuning_results = evaluate(heldout=False)
    held, held_results = evaluate(heldout=True)
    _print_set("tuning files", tuning, tuning_results)
    _print_set("held-out files", held, held_results)
    allsum = summarise({**tuning_results, **held_results})
    print(f"== all: precision {allsum['precision']:.3f}   recall {allsum['recall']:.3f}   "
          f"resolution accuracy {allsum['resolution']:.3f}   ({allsum['labels']} labelled mentions)")
    kinds = Counter(label[2] for labels in load_labels().values() for label in labels)
    print(f"   labelled kinds: {dict(kinds)}")

    if args.corpus:
        s = corpus_speed(args.corpus)
        print(f"corpus: {s['files']} files, parse {s['parse_s']:.2f} s, extract_places {s['extract_s']:.2f} s "
              f"= {100 * s['ratio']:.1f}% of parse time, {s['mentions']} mentions")


if __name__ == "__main__":
    main()
