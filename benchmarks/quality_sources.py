"""Precision and recall of cited sources on the labelled fixtures.

    PYTHONPATH=. python benchmarks/quality_sources.py [--verbose]

Scores (article, source) pairs: a predicted pair is right when the extractor
cites, in that file, a source whose name (through the registry's aliases)
matches a labelled one. Also reports the kind of the matched sources, the
publisher (articles.outlet) per file, and per-file misses and false positives.
Files are split into "tune" (written before the extractor was tuned) and
"heldout" (written afterwards), reported separately and together.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from archive.extract.resources import load_resources
from archive.extract.sources import extract_citations as _extract_citations
from archive.extract.sources.registry import normalize_alias
from archive.evaluate import sources as _sources
from archive.evaluate.sources import FileResult, registry_key, score

_SOURCES = load_resources()  # the registry and lexicons the sources stage reads
lookup_source = _SOURCES.registry.lookup
outlet_for_url = _SOURCES.registry.outlet_for_url


def extract_citations(article):
    return _extract_citations(article, _SOURCES)


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sources"


key = registry_key(lookup_source, normalize_alias)


def load_labels(directory: Path = FIXTURES) -> dict[str, dict]:
    return _sources.load_labels(directory)


def run(directory: Path = FIXTURES) -> list[FileResult]:
    return _sources.evaluate_sources(extract_citations, directory, key=key, outlet_for_url=outlet_for_url)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list every file, not only those with errors")
    args = ap.parse_args()
    results = run()
    for r in results:
        problems = r.misses or r.false_positives or r.kind_errors or r.outlet != r.outlet_expected
        if problems or args.verbose:
            print(f"{r.name} [{r.split}]")
            if r.misses:
                print(f"    missed: {', '.join(r.misses)}")
            if r.false_positives:
                print(f"    false positives: {', '.join(r.false_positives)}")
            if r.kind_errors:
                print(f"    kind: {'; '.join(r.kind_errors)}")
            if r.outlet != r.outlet_expected:
                print(f"    outlet: {r.outlet!r} (want {r.outlet_expected!r})")
    print()
    print(f"{'split':8} {'files':>5} {'pairs':>5} {'precision':>9} {'recall':>7} {'kinds':>6} {'outlets':>8}")
    for split in ("tune", "heldout", None):
        s = score(results, split)
        if not s.files:
            continue
        kinds = s.kinds_right / s.tp if s.tp else 1.0
        print(f"{split or 'all':8} {s.files:5d} {s.expected:5d} {s.precision:9.3f} {s.recall:7.3f} "
              f"{kinds:6.2f} {s.outlets_right:>4}/{s.files}")


if __name__ == "__main__":
    main()
