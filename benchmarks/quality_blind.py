#!/usr/bin/env python3
"""Score the extractors on evaluation/blind/: articles labelled by someone who never saw the rules.

    .venv/bin/python benchmarks/quality_blind.py [--set blind|blind2] [--misses]

Nothing here was tuned on this set; it is the honest estimate of how the
extractors do on outlets nobody here has seen. Counting:
- quotes: a quote matches when its text does after trimming punctuation, case
  and white space; speaker is right when one name contains the other (the label
  "Dmitry Peskov" and "Kremlin spokesman Dmitry Peskov" agree); kind must be equal.
- places: mentions are matched by surface form, occurrence by occurrence, per
  article; resolution is right when the place's name (or an alias) is the
  label's and kind and country agree.
- sources: (article, source) pairs, names compared under the alias key, through
  the registry's aliases on both sides.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.extract import extract  # noqa: E402
from archive.extract.resources import load_resources  # noqa: E402
from archive.evaluate.blind import BlindTally  # noqa: E402
from archive.parse.markdown import parse_markdown  # noqa: E402


EVALUATION = ROOT / "evaluation"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list what was missed or wrong")
    parser.add_argument("--set", default="blind", help="a folder under evaluation/ with articles and labels.json")
    args = parser.parse_args()
    folder = EVALUATION / args.set
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    resources = load_resources()
    tally = BlindTally(resources.registry.lookup)
    for name, label in sorted(labels.items()):
        path = folder / name
        article = parse_markdown(path.read_text(encoding="utf-8"), str(path))
        found = extract(article, resources)
        notes = tally.add(label, found.quotes, found.places, found.citations, found.outlet)
        if args.misses and notes:
            print(name)
            print("\n".join(notes))
    print("\n".join(tally.lines(args.set)))


if __name__ == "__main__":
    main()
