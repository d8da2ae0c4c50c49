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
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.extract.places import extract_places  # noqa: E402
from archive.extract.quotes import extract_quotes  # noqa: E402
from archive.extract.sources import extract_citations, lookup_source, outlet_for_url  # noqa: E402
from archive.names import fold, fold_source  # noqa: E402
from archive.parse.markdown import parse_markdown  # noqa: E402

EVALUATION = ROOT / "evaluation"
TRIM = re.compile(r"^[\W_]+|[\W_]+$")


def quote_key(text: str) -> str:
    return " ".join(TRIM.sub("", text).casefold().split())


def speaker_ok(got: str | None, want: str | None) -> bool:
    if not got or not want:
        return got == want
    a, b = fold(got), fold(want)
    return a == b or a in b or b in a


def source_keys(name: str, aliases=()) -> set[str]:
    keys = {fold_source(name), *(fold_source(a) for a in aliases)}
    known = lookup_source(name)
    if known:
        keys |= {fold_source(known.name), *(fold_source(a) for a in known.aliases)}
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list what was missed or wrong")
    parser.add_argument("--set", default="blind", help="a folder under evaluation/ with articles and labels.json")
    args = parser.parse_args()
    folder = EVALUATION / args.set
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    q = Counter()
    p = Counter()
    s = Counter()
    outlets = 0
    for name, label in sorted(labels.items()):
        path = folder / name
        article = parse_markdown(path.read_text(encoding="utf-8"), str(path))
        notes = []

        # quotes
        found = {quote_key(x.text): x for x in extract_quotes(article)}
        wanted = {quote_key(x["text"]): x for x in label["quotes"]}
        q["labelled"] += len(wanted)
        q["found"] += len(found)
        for key, want in wanted.items():
            got = found.get(key)
            if got is None:
                notes.append(f"  quote missed: {want['text'][:70]!r}")
                continue
            q["matched"] += 1
            q["speaker"] += speaker_ok(got.speaker, want["speaker"])
            q["kind"] += got.kind == want["kind"]
            if not speaker_ok(got.speaker, want["speaker"]):
                notes.append(f"  speaker: {want['text'][:40]!r} got {got.speaker!r}, want {want['speaker']!r}")
        for key, got in found.items():
            if key not in wanted:
                notes.append(f"  quote extra: {got.text[:70]!r} ({got.speaker})")

        # places
        mentions = extract_places(article)
        got_surfaces = Counter(m.surface for m in mentions)
        want_surfaces = Counter(x["surface"] for x in label["places"])
        p["labelled"] += sum(want_surfaces.values())
        p["found"] += sum(got_surfaces.values())
        p["matched"] += sum((got_surfaces & want_surfaces).values())
        by_surface = {}
        for m in mentions:
            by_surface.setdefault(m.surface, m.place)
        for x in label["places"]:
            place = by_surface.get(x["surface"])
            if place is None:
                continue
            names = {fold(place.name), *(fold(a) for a in place.aliases)}
            right = fold(x["name"]) in names and place.kind == x["kind"] and (place.country_code or None) == x["country_code"]
            p["resolved"] += right
            p["resolvable"] += 1
            if not right:
                notes.append(f"  place {x['surface']!r}: got {place.name} ({place.kind}, {place.country_code}), "
                             f"want {x['name']} ({x['kind']}, {x['country_code']})")
        for surface, count in (want_surfaces - got_surfaces).items():
            notes.append(f"  place missed: {surface!r} x{count}")
        for surface, count in (got_surfaces - want_surfaces).items():
            notes.append(f"  place extra: {surface!r} x{count}")

        # sources
        cited = {}
        for c in extract_citations(article):
            cited.setdefault(c.source.name, c.source)
        wanted_sources = [x["name"] for x in label["sources"]]
        s["labelled"] += len(wanted_sources)
        s["found"] += len(cited)
        matched_got = set()
        for want in wanted_sources:
            keys = source_keys(want)
            hit = next((g for g, src in cited.items() if source_keys(g, src.aliases) & keys), None)
            if hit:
                s["matched"] += 1
                matched_got.add(hit)
            else:
                notes.append(f"  source missed: {want}")
        for g in cited:
            if g not in matched_got:
                notes.append(f"  source extra: {g}")
        outlet = outlet_for_url(article.url)
        outlets += bool(outlet and source_keys(outlet) & source_keys(label["outlet"]))
        if args.misses and notes:
            print(name)
            print("\n".join(notes))

    def ratio(a, b):
        return a / b if b else 0.0

    print(f"{args.set}: {len(labels)} articles")
    print(f"quotes  labelled {q['labelled']:4} found {q['found']:4}  precision {ratio(q['matched'], q['found']):.3f}"
          f"  recall {ratio(q['matched'], q['labelled']):.3f}  speaker {ratio(q['speaker'], q['matched']):.3f}"
          f"  kind {ratio(q['kind'], q['matched']):.3f}")
    print(f"places  labelled {p['labelled']:4} found {p['found']:4}  precision {ratio(p['matched'], p['found']):.3f}"
          f"  recall {ratio(p['matched'], p['labelled']):.3f}  resolution {ratio(p['resolved'], p['resolvable']):.3f}")
    print(f"sources labelled {s['labelled']:4} found {s['found']:4}  precision {ratio(s['matched'], s['found']):.3f}"
          f"  recall {ratio(s['matched'], s['labelled']):.3f}  outlet right {outlets}/{len(labels)}")


if __name__ == "__main__":
    main()
