"""The extractors scored on evaluation/blind*/: articles labelled by someone who never saw the rules.

Counting:
- quotes: a quote matches when its text does after trimming punctuation, case
  and white space; speaker is right when one name contains the other (the label
  "Dmitry Peskov" and "Kremlin spokesman Dmitry Peskov" agree); kind must be equal.
- places: mentions are matched by surface form, occurrence by occurrence, per
  article; resolution is right when the place's name (or an alias) is the
  label's and kind and country agree.
- sources: (article, source) pairs, names compared under the alias key, through
  the registry's aliases on both sides (the registry lookup is the caller's).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from archive.names import fold, fold_source

TRIM = re.compile(r"^[\W_]+|[\W_]+$")

Lookup = Callable[[str], Any]  # a source name -> the registry's source (with .name, .aliases) or None


def quote_key(text: str) -> str:
    return " ".join(TRIM.sub("", text).casefold().split())


def speaker_ok(got: str | None, want: str | None) -> bool:
    if not got or not want:
        return got == want
    a, b = fold(got), fold(want)
    return a == b or a in b or b in a


def source_keys(name: str, aliases: Iterable[str] = (), lookup: Lookup | None = None) -> set[str]:
    keys = {fold_source(name), *(fold_source(a) for a in aliases)}
    known = lookup(name) if lookup else None
    if known:
        keys |= {fold_source(known.name), *(fold_source(a) for a in known.aliases)}
    return keys


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


class BlindTally:
    """Counts over the articles of one set; `add` scores one article and returns its notes."""

    def __init__(self, lookup: Lookup | None = None) -> None:
        self.lookup = lookup
        self.q: Counter[str] = Counter()
        self.p: Counter[str] = Counter()
        self.s: Counter[str] = Counter()
        self.outlets = 0
        self.articles = 0

    def add(self, label: dict, quotes: Iterable[Any], mentions: Iterable[Any], citations: Iterable[Any],
            outlet: str | None) -> list[str]:
        """Score one article's found quotes, place mentions, citations and outlet against its label."""
        q, p, s = self.q, self.p, self.s
        notes: list[str] = []
        self.articles += 1

        # quotes
        found = {quote_key(x.text): x for x in quotes}
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
        mentions = list(mentions)
        got_surfaces = Counter(m.surface for m in mentions)
        want_surfaces = Counter(x["surface"] for x in label["places"])
        p["labelled"] += sum(want_surfaces.values())
        p["found"] += sum(got_surfaces.values())
        p["matched"] += sum((got_surfaces & want_surfaces).values())
        by_surface: dict[str, Any] = {}
        for m in mentions:
            by_surface.setdefault(m.surface, m.place)
        for x in label["places"]:
            place = by_surface.get(x["surface"])
            if place is None:
                continue
            names = {fold(place.name), *(fold(a) for a in place.aliases)}
            right = (fold(x["name"]) in names and place.kind == x["kind"]
                     and (place.country_code or None) == x["country_code"])
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
        cited: dict[str, Any] = {}
        for c in citations:
            cited.setdefault(c.source.name, c.source)
        wanted_sources = [x["name"] for x in label["sources"]]
        s["labelled"] += len(wanted_sources)
        s["found"] += len(cited)
        matched_got = set()
        for want_name in wanted_sources:
            keys = source_keys(want_name, lookup=self.lookup)
            hit = next((g for g, src in cited.items() if source_keys(g, src.aliases, self.lookup) & keys), None)
            if hit:
                s["matched"] += 1
                matched_got.add(hit)
            else:
                notes.append(f"  source missed: {want_name}")
        for g in cited:
            if g not in matched_got:
                notes.append(f"  source extra: {g}")
        self.outlets += bool(outlet and source_keys(outlet, lookup=self.lookup)
                             & source_keys(label["outlet"], lookup=self.lookup))
        return notes

    def lines(self, set_name: str) -> list[str]:
        """The summary: one line for the set, one per category."""
        q, p, s = self.q, self.p, self.s
        return [
            f"{set_name}: {self.articles} articles",
            f"quotes  labelled {q['labelled']:4} found {q['found']:4}  precision {_ratio(q['matched'], q['found']):.3f}"
            f"  recall {_ratio(q['matched'], q['labelled']):.3f}  speaker {_ratio(q['speaker'], q['matched']):.3f}"
            f"  kind {_ratio(q['kind'], q['matched']):.3f}",
            f"places  labelled {p['labelled']:4} found {p['found']:4}  precision {_ratio(p['matched'], p['found']):.3f}"
            f"  recall {_ratio(p['matched'], p['labelled']):.3f}"
            f"  resolution {_ratio(p['resolved'], p['resolvable']):.3f}",
            f"sources labelled {s['labelled']:4} found {s['found']:4}  precision {_ratio(s['matched'], s['found']):.3f}"
            f"  recall {_ratio(s['matched'], s['labelled']):.3f}  outlet right {self.outlets}/{self.articles}",
        ]
