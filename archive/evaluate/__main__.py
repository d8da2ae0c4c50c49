"""python -m archive.evaluate DB GOLD.json [GOLD.json ...] [--only quotes|places|sources|people] [--show]

Prints what ../shared/eval/score.py prints: precision / recall / F1 per category,
speaker, kind and country accuracy on matches, and a compact summary line.
"""
from __future__ import annotations

import argparse
import sys

from archive.evaluate.score import CATEGORIES, score_database


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m archive.evaluate",
                                 description="Score an archive database against gold labels.")
    ap.add_argument("db")
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--only", choices=list(CATEGORIES))
    ap.add_argument("--show", action="store_true", help="print misses and false hits")
    ap.add_argument("--v1", action="store_true", help="older rules: title rows count, a place matches by its main name only")
    args = ap.parse_args(argv)
    scores = score_database(args.db, args.gold, args.only, v1=args.v1)
    for line in scores.errors:
        print(line, file=sys.stderr)
    for line in scores.lines(show=args.show):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
