"""Cited sources scored on the labelled fixtures (tests/fixtures/sources/labels.json).

Scores (article, source) pairs: a predicted pair is right when the extractor
cites, in that file, a source whose key matches a labelled one's. The key
(a name through the source registry's aliases) is the caller's: it belongs to
the extractor's registry, so it is passed in. Also scores the kind of the
matched sources and the publisher (articles.outlet) per file. Files are split
into "tune" and "heldout".
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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


def load_labels(fixtures: Path) -> dict[str, dict]:
    labels = json.loads((fixtures / "labels.json").read_text(encoding="utf-8"))
    return {k: v for k, v in labels.items() if not k.startswith("_")}


def registry_key(lookup: Callable[[str], Any], normalize: Callable[[str], str]) -> Callable[[str], str]:
    """A key function: a name folded by `normalize`, through the registry's canonical name when
    `lookup` (name -> known source or None) knows it."""

    def key(name: str) -> str:
        known = lookup(name)
        return normalize(known.name if known else name)

    return key


def file_result(name: str, label: dict, citations: Iterable[Any], outlet: str | None,
                key: Callable[[str], str]) -> FileResult:
    """One file's found citations (objects with .source.name and .source.kind) against its label."""
    predicted: dict[str, tuple[str, str]] = {}
    for c in citations:
        predicted.setdefault(key(c.source.name), (c.source.name, c.source.kind))
    expected = {key(n): (n, k) for n, k in label["sources"]}
    return FileResult(name, label.get("split", "tune"), expected, predicted, label.get("outlet"), outlet)


def evaluate_sources(extract_fn: Callable[[Any], Iterable[Any]], fixtures: Path, *, key: Callable[[str], str],
                     outlet_for_url: Callable[[str | None], str | None]) -> list[FileResult]:
    """Run `extract_fn` (ParsedArticle -> citations) over the labelled files; `key` folds a source
    name into its registry key, `outlet_for_url` names an article's publisher."""
    from archive.parse.markdown import parse_markdown

    results = []
    for name, label in sorted(load_labels(fixtures).items()):
        article = parse_markdown((fixtures / name).read_text(encoding="utf-8"), name)
        results.append(file_result(name, label, extract_fn(article), outlet_for_url(article.url), key))
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
