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
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "quotes"
TRIM = " \t\n.,;:!?…—–-'\"‘’“”«»„‟"
SPLITS = ("tune", "heldout1", "heldout2", "heldout3")


def norm_text(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'")
    s = re.sub(r"\s+", " ", s).strip(TRIM).lower()
    return s


def norm_speaker(s: str | None) -> str:
    if not s:
        return ""
    s = norm_text(s)
    return re.sub(r"^(the|a|an)\s+", "", s)


def load_labels() -> dict[str, list[dict]]:
    return json.loads((FIXTURES / "labels.json").read_text(encoding="utf-8"))


def evaluate(split: str = "all") -> dict:
    from archive.extract.quotes import extract_quotes
    from archive.parse.markdown import parse_markdown

    labels = load_labels()
    tp = fp = fn = 0
    speaker_ok = kind_ok = cue_ok = via_ok = 0
    per_file = {}
    for rel, expected in sorted(labels.items()):
        if split != "all" and not rel.startswith(split + "/"):
            continue
        path = FIXTURES / rel
        article = parse_markdown(path.read_text(encoding="utf-8"), str(path))
        found = extract_quotes(article)
        want = {norm_text(q["text"]): q for q in expected}
        got = {}
        for f in found:
            got.setdefault(norm_text(f.text), f)
        misses, extras, wrong = [], [], []
        for key, q in want.items():
            f = got.get(key)
            if f is None:
                fn += 1
                misses.append(q["text"])
                continue
            tp += 1
            speakers = q["speaker"] if isinstance(q["speaker"], list) else [q["speaker"]]
            s_ok = norm_speaker(f.speaker) in {norm_speaker(s) for s in speakers}
            k_ok = f.kind == q["kind"]
            speaker_ok += s_ok
            kind_ok += k_ok
            cue_ok += (f.cue or "") == (q.get("cue") or "")
            via_ok += norm_speaker(f.via) == norm_speaker(q.get("via"))
            if not (s_ok and k_ok):
                wrong.append((q["text"][:60], f.speaker, speakers, f.kind, q["kind"]))
        for key, f in got.items():
            if key not in want:
                fp += 1
                extras.append(f.text)
        per_file[rel] = {"misses": misses, "extras": extras, "wrong": wrong}
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "split": split,
        "labelled": tp + fn,
        "found": tp + fp,
        "matched": tp,
        "precision": precision,
        "recall": recall,
        "speaker_accuracy": speaker_ok / tp if tp else 0.0,
        "kind_accuracy": kind_ok / tp if tp else 0.0,
        "cue_accuracy": cue_ok / tp if tp else 0.0,
        "via_accuracy": via_ok / tp if tp else 0.0,
        "per_file": per_file,
    }


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
