#!/usr/bin/env python3
"""Every quote, place, source and citation the extractors find, now against an earlier commit.

    .venv/bin/python benchmarks/extraction_diff.py REV [FOLDER ...] [--dump FILE]

Ingests each folder (by default tests/fixtures, evaluation, seeds and, where it
exists, ../shared/eval) into a fresh database with REV (checked out into a
temporary git worktree) and with the working tree, dumps what was found per
article (keyed by the file's path under its folder), and prints every
difference. Exit status 1 if anything differs. Run by hand before and after a
change to the extractors; the list goes into the closing note.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [ROOT / "tests" / "fixtures", ROOT / "evaluation", ROOT / "seeds", ROOT.parent / "shared" / "eval"]

QUERIES = {
    "quotes": 'SELECT a.path, q.paragraph_id IS NOT NULL, p.position, q.start, q."end", q.text, q.speaker, q.kind,'
              ' q.cue, q.via, s.name FROM quotes q JOIN articles a ON a.id = q.article_id'
              ' LEFT JOIN paragraphs p ON p.id = q.paragraph_id LEFT JOIN sources s ON s.id = q.via_source_id',
    "places": "SELECT a.path, p.position, m.surface, m.start, m.\"end\", pl.name, pl.kind, pl.country_code"
              " FROM place_mentions m JOIN articles a ON a.id = m.article_id"
              " LEFT JOIN paragraphs p ON p.id = m.paragraph_id JOIN places pl ON pl.id = m.place_id",
    "citations": "SELECT a.path, p.position, c.surface, c.cue, c.href, s.name, s.kind FROM citations c"
                 " JOIN articles a ON a.id = c.article_id LEFT JOIN paragraphs p ON p.id = c.paragraph_id"
                 " JOIN sources s ON s.id = c.source_id",
    "outlets": "SELECT a.path, a.outlet FROM articles a",
}


def dump(checkout: Path, folders: list[Path], work: Path) -> dict[str, list]:
    """Ingest copies of the folders with the archive at `checkout`; rows keyed by relative path."""
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    for folder in folders:
        shutil.copytree(folder, corpus / folder.name, ignore=shutil.ignore_patterns("*.json", "README.md", "check",
                                                                                    "*.py"))
    db = work / "archive.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run([sys.executable, "-m", "archive", "--db", str(db), "ingest", str(corpus)],
                          cwd=checkout, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"ingest at {checkout} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    conn = sqlite3.connect(db)
    out: dict[str, list] = {}
    prefix = str(corpus) + os.sep
    for kind, sql in QUERIES.items():
        rows = [[row[0].removeprefix(prefix), *row[1:]] for row in conn.execute(sql)]
        out[kind] = sorted(rows, key=lambda r: json.dumps(r, ensure_ascii=False))
    conn.close()
    return out


def differences(then: dict[str, list], now: dict[str, list]) -> list[str]:
    lines = []
    for kind in QUERIES:
        before = {json.dumps(r, ensure_ascii=False) for r in then.get(kind, [])}
        after = {json.dumps(r, ensure_ascii=False) for r in now.get(kind, [])}
        lines += [f"- {kind} {r}" for r in sorted(before - after)]
        lines += [f"+ {kind} {r}" for r in sorted(after - before)]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", help="the earlier commit, or a dump file written by --dump")
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--dump", type=Path, help="also write what the working tree found to this file")
    args = parser.parse_args()
    folders = [f for f in (args.folders or DEFAULT_FOLDERS) if f.is_dir()]
    with tempfile.TemporaryDirectory(prefix="archive-diff-") as tmp:
        work = Path(tmp)
        if Path(args.rev).is_file():
            then = json.loads(Path(args.rev).read_text())
        else:
            tree = work / "then"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), args.rev],
                           check=True)
            try:
                then = dump(tree, folders, work)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
        now = dump(ROOT, folders, work)
    if args.dump:
        args.dump.write_text(json.dumps(now, ensure_ascii=False, indent=0))
    lines = differences(then, now)
    counts = {kind: len(rows) for kind, rows in now.items()}
    print(f"folders: {', '.join(str(f) for f in folders)}; rows now: {counts}")
    print("\n".join(lines) if lines else "no differences")
    print(f"{len(lines)} differences")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
