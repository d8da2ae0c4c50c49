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
import json
from dataclasses import dataclass, field
from pathlib import Path

from archive.extract.sources import extract_citations, lookup_source, normalize_alias, outlet_for_url
from archive.parse.markdown import parse_markdown

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sources"


def key(name: str) -> str:
    known = lookup_source(name)
    return normalize_alias(known.name if known else name)


@dataclass
class FileResult:
    name: str
    split: str
    expected: dict[str, tuple[str, str]]  # key -> (name, kind)
    predicted: dict[str, tuple[str, str]]
    outlet_expected: str | None
    outlet: str | None

    @property
    def true_positives(self) -> set[str]:
        return set(self.expected) & set(self.predicted)

    @property
    def misses(self) -> list[str]:
        return [self.expected[k][0] for k in self.expected if k not in self.predicted]

    @property
    def false_positives(self) -> list[str]:
        return [self.predicted[k][0] for k in self.predicted if k not in self.expected]

    @property
    def kind_errors(self) -> list[str]:
        return [f"{self.expected[k][0]}: {self.predicted[k][1]} (want {self.expected[k][1]})"
                for k in self.true_positives if self.expected[k][1] != self.predicted[k][1]]


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    expected: int = 0
    kinds_right: int = 0
    outlets_right: int = 0
    files: int = 0
    results: list[FileResult] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0


def load_labels(directory: Path = FIXTURES) -> dict[str, dict]:
    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    return {k: v for k, v in labels.items() if not k.startswith("_")}


def run(directory: Path = FIXTURES) -> list[FileResult]:
    results = []
    for name, label in sorted(load_labels(directory).items()):
        article = parse_markdown((directory / name).read_text(encoding="utf-8"), name)
        predicted: dict[str, tuple[str, str]] = {}
        for c in extract_citations(article):
            predicted.setdefault(key(c.source.name), (c.source.name, c.source.kind))
        expected = {key(n): (n, k) for n, k in label["sources"]}
        results.append(FileResult(name, label.get("split", "tune"), expected, predicted,
                                  label.get("outlet"), outlet_for_url(article.url)))
    return results


def score(results: list[FileResult], split: str | None = None) -> Score:
    s = Score()
    for r in results:
        if split and r.split != split:
            continue
        s.files += 1
        s.results.append(r)
        s.tp += len(r.true_positives)
        s.predicted += len(r.predicted)
        s.expected += len(r.expected)
        s.kinds_right += len(r.true_positives) - len(r.kind_errors)
        s.outlets_right += r.outlet == r.outlet_expected
    return s


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
