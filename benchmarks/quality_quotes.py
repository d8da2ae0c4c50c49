"""Quality of the quote extractor on the labelled fixtures in tests/fixtures/quotes/.

    PYTHONPATH=. python benchmarks/quality_quotes.py [--split tune|heldout|all] [--misses]

A found quote matches a labelled one when their texts are equal after trimming
punctuation and white space at both ends, folding case, curly apostrophes and runs of
white space. Speaker, kind, cue and via accuracy are measured on matched quotes; a
label's speaker may list several acceptable strings (an apposition names one person
twice: "Its spokesman, Dmitry Peskov"). Speakers compare case-insensitively, without a
leading "the".
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archive.evaluate import quotes as _quotes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "quotes"
SPLITS = _quotes.SPLITS


def load_labels() -> dict[str, list[dict]]:
    return _quotes.load_labels(FIXTURES)


def evaluate(split: str = "all") -> dict:
    from archive.extract.quotes import extract_quotes
    from archive.extract.resources import load_resources

    resources = load_resources()
    return _quotes.evaluate_quotes(lambda article: extract_quotes(article, resources), FIXTURES, split)


def report(result: dict, show_misses: bool) -> None:
    r = result
    print(f"[{r['split']}] labelled={r['labelled']} found={r['found']} matched={r['matched']}")
    print(f"  text precision  {r['precision']:.3f}")
    print(f"  text recall     {r['recall']:.3f}")
    print(f"  speaker accuracy {r['speaker_accuracy']:.3f}")
    print(f"  kind accuracy    {r['kind_accuracy']:.3f}")
    print(f"  cue accuracy     {r['cue_accuracy']:.3f}  (informational)")
    print(f"  via accuracy     {r['via_accuracy']:.3f}  (informational)")
    if not show_misses:
        return
    for rel, d in r["per_file"].items():
        if not (d["misses"] or d["extras"] or d["wrong"]):
            continue
        print(f"  -- {rel}")
        for t in d["misses"]:
            print(f"     MISS  {t[:90]!r}")
        for t in d["extras"]:
            print(f"     EXTRA {t[:90]!r}")
        for text, got, want, gk, wk in d["wrong"]:
            print(f"     WRONG {text!r}: speaker {got!r} want {want!r}; kind {gk} want {wk}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=SPLITS + ("all", "each"), default="each")
    ap.add_argument("--misses", action="store_true", help="print per-file misses, extras and wrong attributions")
    args = ap.parse_args(argv)
    splits = list(SPLITS) + ["all"] if args.split == "each" else [args.split]
    for split in splits:
        report(evaluate(split), args.misses)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
