"""Quote extraction scored on the labelled fixtures (tests/fixtures/quotes/labels.json).

A found quote matches a labelled one when their texts are equal after trimming
punctuation and white space at both ends, folding case, curly apostrophes and runs of
white space. Speaker, kind, cue and via accuracy are measured on matched quotes; a
label's speaker may list several acceptable strings (an apposition names one person
twice: "Its spokesman, Dmitry Peskov"). Speakers compare case-insensitively, without a
leading "the".
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

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


def load_labels(fixtures: Path) -> dict[str, list[dict]]:
    return json.loads((fixtures / "labels.json").read_text(encoding="utf-8"))


def score_file(expected: list[dict], found: Iterable[Any]) -> tuple[dict[str, int], dict[str, list]]:
    """Match one file's found quotes (objects with text, speaker, kind, cue, via) to its labels.

    Returns the counts (tp, fp, fn, speaker_ok, kind_ok, cue_ok, via_ok) and the file's
    misses, extras and wrong attributions.
    """
    counts = dict.fromkeys(("tp", "fp", "fn", "speaker_ok", "kind_ok", "cue_ok", "via_ok"), 0)
    want = {norm_text(q["text"]): q for q in expected}
    got: dict[str, Any] = {}
    for f in found:
        got.setdefault(norm_text(f.text), f)
    misses, extras, wrong = [], [], []
    for key, q in want.items():
        f = got.get(key)
        if f is None:
            counts["fn"] += 1
            misses.append(q["text"])
            continue
        counts["tp"] += 1
        speakers = q["speaker"] if isinstance(q["speaker"], list) else [q["speaker"]]
        s_ok = norm_speaker(f.speaker) in {norm_speaker(s) for s in speakers}
        k_ok = f.kind == q["kind"]
        counts["speaker_ok"] += s_ok
        counts["kind_ok"] += k_ok
        counts["cue_ok"] += (f.cue or "") == (q.get("cue") or "")
        counts["via_ok"] += norm_speaker(f.via) == norm_speaker(q.get("via"))
        if not (s_ok and k_ok):
            wrong.append((q["text"][:60], f.speaker, speakers, f.kind, q["kind"]))
    for key, f in got.items():
        if key not in want:
            counts["fp"] += 1
            extras.append(f.text)
    return counts, {"misses": misses, "extras": extras, "wrong": wrong}


def evaluate_quotes(extract_fn: Callable[[Any], Iterable[Any]], fixtures: Path, split: str = "all") -> dict:
    """Run `extract_fn` (a ParsedArticle -> found quotes) over the labelled files of `split`; score it."""
    from archive.parse.markdown import parse_markdown

    total = dict.fromkeys(("tp", "fp", "fn", "speaker_ok", "kind_ok", "cue_ok", "via_ok"), 0)
    per_file = {}
    for rel, expected in sorted(load_labels(fixtures).items()):
        if split != "all" and not rel.startswith(split + "/"):
            continue
        path = fixtures / rel
        article = parse_markdown(path.read_text(encoding="utf-8"), str(path))
        counts, per_file[rel] = score_file(expected, extract_fn(article))
        for k, v in counts.items():
            total[k] += v
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "split": split,
        "labelled": tp + fn,
        "found": tp + fp,
        "matched": tp,
        "precision": precision,
        "recall": recall,
        "speaker_accuracy": total["speaker_ok"] / tp if tp else 0.0,
        "kind_accuracy": total["kind_ok"] / tp if tp else 0.0,
        "cue_accuracy": total["cue_ok"] / tp if tp else 0.0,
        "via_accuracy": total["via_ok"] / tp if tp else 0.0,
        "per_file": per_file,
    }
