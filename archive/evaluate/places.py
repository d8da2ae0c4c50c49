"""Place extraction scored on the labelled fixtures (tests/fixtures/places/labels.json).

A predicted mention matches a labelled one when the surface text is the same
(one prediction per label); it is resolved right when the place's kind and
country code are the labelled ones and the labelled name is its name or one of
its other names. Labels are (surface, name, kind, country_code); predictions
are (surface, name, kind, country_code, aliases).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


def load_labels(fixtures: Path) -> dict[str, list[tuple]]:
    raw = json.loads((fixtures / "labels.json").read_text(encoding="utf-8"))
    return {k: [tuple(r) for r in v] for k, v in raw.items() if not k.startswith("_")}


def mention_tuples(mentions: Iterable[Any]) -> list[tuple]:
    """Found place mentions as (surface, name, kind, country_code, aliases)."""
    return [(m.surface, m.place.name, m.place.kind, m.place.country_code, m.place.aliases) for m in mentions]


def predict_file(extract_fn: Callable[[Any], Iterable[Any]], path: Path) -> list[tuple]:
    """Parse the Markdown file at `path` and run `extract_fn` (ParsedArticle -> mentions) on it."""
    from archive.parse.markdown import parse_markdown

    article = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    return mention_tuples(extract_fn(article))


def same_place(label: tuple, got: tuple) -> bool:
    """Name (or one of the place's other names: "Jenin" for geonames' "Janin"), kind and country agree."""
    return (label[1] == got[1] or label[1] in got[4]) and tuple(label[2:4]) == tuple(got[2:4])


def score_file(expected: list[tuple], predicted: list[tuple]) -> dict:
    """Match labels to predictions by surface; count hits, right resolutions, misses, false places."""
    pool = list(predicted)
    found = right = 0
    misses, wrong = [], []
    for label in expected:
        same = [p for p in pool if p[0] == label[0]]
        if not same:
            misses.append(label)
            continue
        exact = [p for p in same if same_place(label, p)]
        pick = exact[0] if exact else same[0]
        pool.remove(pick)
        found += 1
        if exact:
            right += 1
        else:
            wrong.append((label, pick))
    return {"expected": len(expected), "predicted": len(predicted), "found": found, "right": right,
            "misses": misses, "false": pool, "wrong": wrong}


def summarise(results: dict[str, dict]) -> dict[str, float]:
    exp = sum(r["expected"] for r in results.values())
    pred = sum(r["predicted"] for r in results.values())
    found = sum(r["found"] for r in results.values())
    right = sum(r["right"] for r in results.values())
    return {
        "labels": exp, "predicted": pred, "found": found,
        "precision": found / pred if pred else 1.0,
        "recall": found / exp if exp else 1.0,
        "resolution": right / found if found else 1.0,
    }


def evaluate_places(extract_fn: Callable[[Any], Iterable[Any]], fixtures: Path,
                    heldout: bool | None = None) -> tuple[dict[str, float], dict[str, dict]]:
    """Run `extract_fn` over the labelled files (only the heldout_* ones, or only the others); score it."""
    results = {}
    for name, expected in sorted(load_labels(fixtures).items()):
        if heldout is not None and name.startswith("heldout_") != heldout:
            continue
        results[name] = score_file(expected, predict_file(extract_fn, fixtures / name))
    return summarise(results), results
