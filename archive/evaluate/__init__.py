"""Scoring of the extractors' results: one module for the benchmarks, the tests and the judge's check.

- `archive.evaluate.score`: the judge's scorer (../shared/eval/score.py) as functions over a
  database and gold files; `python -m archive.evaluate DB GOLD.json...` runs it like score.py.
- `archive.evaluate.quotes`, `.places`, `.sources`, `.blind`: matching and scoring on the
  project's labelled fixtures (tests/fixtures/*, evaluation/blind*), used by
  benchmarks/quality_*.py and the tests.

Scoring reads results; extraction is the caller's business: nothing here imports
archive.extract. Functions that run an extractor over fixtures take it as an argument.
"""
from __future__ import annotations

from archive.evaluate.score import (
    Scores,
    Tally,
    greedy,
    norm,
    person_match,
    place_key,
    score_database,
    source_key,
    speaker_match,
    text_match,
)

__all__ = ["Scores", "Tally", "greedy", "norm", "person_match", "place_key", "score_database", "source_key",
           "speaker_match", "text_match"]
