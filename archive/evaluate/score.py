"""Score an archive database against gold labels, as ../shared/eval/score.py does.

A faithful re-implementation of the judge's scorer (shared/eval/score.py) as
functions: the same normalisation, the same matching of quotes, places,
sources and people, the same greedy pairing and the same rounding, so
`score_database` gives the figures `score.py` prints, number for number
(tests/test_evaluate.py checks this on the labelled sets).

It reads the schema contract with plain sqlite3, read-only: `articles.url`,
`quotes.text/speaker/kind`, `places` + `place_mentions` + `place_names`,
`sources` + `citations`, and `people` + `person_mentions` + `person_names`
where they exist. Only rows from body paragraphs count (`paragraph_id` not
null) unless ``v1`` is set.

    from archive.evaluate import score_database
    scores = score_database("data/archive.db", sorted(Path("gold").glob("*.gold.json")))
    scores.figures["quotes"]["P"], scores.summary(), scores.misses
"""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from os import PathLike
from pathlib import Path
from typing import Any

STOP = {"the", "a", "an", "of", "from", "in", "to", "and", "by", "at", "on", "for", "one"}
REGION_WORDS = {"oblast", "krai", "kray", "region", "republic", "province", "autonomous", "okrug", "the", "of"}
CATEGORIES = ("quotes", "places", "sources", "people")
BODY = " and paragraph_id is not null"  # gold labels cover the body only


# ---------------------------------------------------------------- matching


def norm(s: str | None) -> str:
    """NFKC, case-folded, straight apostrophes, double quotes dropped, spaces collapsed, ends trimmed."""
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"[\"\u201c\u201d\u00ab\u00bb\u201e]", "", s)
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .,;:!?'-\u2014\u2013")


def tokens(s: str) -> list[str]:
    return re.findall(r"\w+", norm(s))


def text_match(a: str, b: str) -> bool:
    """Same quote: equal after `norm`, one containing the other at 80% of its length, or 80% word overlap."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    if short in long_ and len(short) >= 0.8 * len(long_):
        return True
    ta, tb = set(tokens(a)), set(tokens(b))
    return len(ta & tb) / max(1, len(ta | tb)) >= 0.8


def speaker_match(gold: str, pred: str | None) -> bool:
    """Same speaker: any `|` alternative of the gold one contains or is contained, or half the words agree."""
    if "|" in gold:
        return any(speaker_match(alt, pred) for alt in gold.split("|"))
    g = [t for t in tokens(gold) if t not in STOP]
    p = [t for t in tokens(pred or "") if t not in STOP]
    if not g or not p:
        return norm(gold) == norm(pred or "")
    if norm(gold) in norm(pred or "") or norm(pred or "") in norm(gold):
        return True
    gs, ps = set(g), set(p)
    return len(gs & ps) / len(gs | ps) >= 0.5


def place_key(name: str) -> str:
    """Name without its administrative word, but a region never equals its same-name city."""
    words = tokens(name.replace("St.", "Saint "))
    region = any(w in REGION_WORDS - {"the", "of"} for w in words)
    t = ["saint" if w == "st" else w for w in words if w not in REGION_WORDS]
    return " ".join(t) + (" |region" if region else "")


def person_match(gold: str, pred: str | None) -> bool:
    """Same person: the full names agree, or every word of the shorter is in the longer (Putin / Vladimir Putin)."""
    g, p = tokens(gold), tokens(pred or "")
    if not g or not p:
        return False
    short, long_ = sorted((g, p), key=len)
    return short == long_ or (set(short) <= set(long_) and short[-1] == long_[-1])


def source_key(name: str) -> str:
    """Normalised, without a leading "the", parentheses or anything but word characters."""
    s = norm(name)
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"\(.*?\)", "", s)
    return re.sub(r"[^\w]", "", s)


def source_match(gold: dict, pred_name: str | None) -> bool:
    """A predicted source name matches a gold source by its canonical name or its surface."""
    ka, kb = source_key(gold["name"]), source_key(pred_name or "")
    ks = source_key(gold.get("surface", ""))
    if not kb:
        return False
    if ka == kb or ks == kb or (len(kb) > 3 and (kb in ka or ka in kb)):
        return True
    return max(SequenceMatcher(None, ka, kb).ratio(), SequenceMatcher(None, ks, kb).ratio()) >= 0.8


def place_keys(name: str | None, kind: str | None, aliases: Iterable[str] = ()) -> set[str]:
    """The keys a predicted place answers to: its name's, and its other names'.

    A region may also answer to its capital's names; those must not stand for the city.
    """
    own = place_key(name or "")
    keys = {own}
    region = kind == "region" or own.endswith("|region")
    for nm in aliases:
        k = place_key(nm)
        if not region:
            keys.add(k)
        elif k.endswith("|region"):
            keys.update({k, k[: -len(" |region")]})
        else:
            keys.add(k + " |region")
    return keys


def greedy(gold: Sequence, pred: Sequence, match: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """Pair each gold item, in order, with the first unused prediction it matches."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and match(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


class Tally:
    """True and false positives and negatives of one category, and accuracies on matches."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.extra: dict[str, list[int]] = {}

    def add(self, gold_n: int, pred_n: int, tp: int) -> None:
        self.tp += tp
        self.fp += pred_n - tp
        self.fn += gold_n - tp

    def mark(self, key: str, ok: bool) -> None:
        self.extra.setdefault(key, [0, 0])
        self.extra[key][0] += ok
        self.extra[key][1] += 1

    def figures(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out: dict[str, Any] = {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3),
                               "tp": self.tp, "fp": self.fp, "fn": self.fn}
        for k, (ok, n) in self.extra.items():
            out[k] = round(ok / n, 3) if n else None
        return out


# ---------------------------------------------------------------- the database


@dataclass
class Scores:
    """What `score_database` found: figures per category, and what score.py prints."""

    figures: dict[str, dict[str, Any]]
    missing: int = 0
    misses: list[str] = field(default_factory=list)   # --show lines: every miss and false hit
    errors: list[str] = field(default_factory=list)   # failed queries (score.py prints them on stderr)
    _log: list[tuple[bool, str]] = field(default_factory=list, repr=False)  # (is a --show line, line), in order

    def summary(self) -> str:
        """The compact last line: `quotes P=.. R=.. speaker_acc=..; places ...`."""
        parts = []
        for c, f in self.figures.items():
            extra = " ".join(f"{k}={v}" for k, v in f.items() if k.endswith("_acc"))
            parts.append(f"{c} P={f['P']} R={f['R']} {extra}".strip())
        if self.missing:
            parts.append(f"articles missing={self.missing}")
        return "; ".join(parts)

    def lines(self, show: bool = False) -> list[str]:
        """Exactly the lines score.py prints on stdout (with --show when `show`)."""
        out = [line for is_miss, line in self._log if show or not is_miss]
        for c, f in self.figures.items():
            out.append(f"{c:8s} " + " ".join(f"{k}={v}" for k, v in f.items()))
        out.append(self.summary())
        return out


class _Reader:
    def __init__(self, db: sqlite3.Connection, scores: Scores) -> None:
        self.db, self.scores = db, scores

    def rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as e:
            self.scores.errors.append(f"  query failed: {e}")
            return []


def find_article(db: sqlite3.Connection, gold: dict) -> int | None:
    """The article a gold file labels: by url (with or without a final slash), else by title."""
    if gold.get("url"):
        row = db.execute("select id from articles where url = ? or url = ?",
                         (gold["url"], gold["url"].rstrip("/"))).fetchone()
        if row:
            return row[0]
    row = db.execute("select id from articles where title = ?", (gold.get("title"),)).fetchone()
    return row[0] if row else None


def score_database(db_path: str | PathLike[str], gold_paths: Iterable[str | PathLike[str]],
                   only: str | None = None, *, v1: bool = False) -> Scores:
    """Score the database at `db_path` against the gold files; `only` one category.

    `v1` is score.py's --v1: title rows count, and a place matches by its main name only.
    """
    if only is not None and only not in CATEGORIES:
        raise ValueError(f"only must be one of {', '.join(CATEGORIES)}, not {only!r}")
    body = "" if v1 else BODY
    aliases = not v1
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        cats = [only] if only else ["quotes", "places", "sources"]
        has_people = db.execute("select 1 from sqlite_master where name = 'person_mentions'").fetchone()
        if not only and has_people:
            cats.append("people")
        tallies = {c: Tally() for c in cats}
        scores = Scores(figures={})
        reader = _Reader(db, scores)
        for path in gold_paths:
            gold = json.loads(Path(path).read_text())
            _score_article(reader, Path(path).name, gold, cats, tallies, body, aliases)
        scores.figures = {c: tallies[c].figures() for c in cats}
        return scores
    finally:
        db.close()


def _score_article(reader: _Reader, fname: str, gold: dict, cats: list[str], tallies: dict[str, Tally],
                   body: str, aliases: bool) -> None:
    scores = reader.scores

    def show(line: str) -> None:
        scores.misses.append(line)
        scores._log.append((True, line))

    aid = find_article(reader.db, gold)
    if aid is None:
        scores.missing += 1
        scores._log.append((False, f"{fname}: article not found (url {gold.get('url')})"))
        for c in cats:
            tallies[c].add(len(gold.get(c, [])), 0, 0)
        return
    if "quotes" in cats:
        pred = reader.rows("select text, speaker, kind from quotes where article_id = ?" + body, (aid,))
        g = gold["quotes"]
        pairs = greedy(g, pred, lambda a, b: text_match(a["text"], b[0]))
        tallies["quotes"].add(len(g), len(pred), len(pairs))
        for gi, pi in pairs:
            tallies["quotes"].mark("speaker_acc", speaker_match(g[gi]["speaker"], pred[pi][1]))
            tallies["quotes"].mark("kind_acc", norm(g[gi]["kind"]) == norm(pred[pi][2]))
        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        for gi, q in enumerate(g):
            if gi not in hit_g:
                show(f"  {fname} quote missed: {q['text'][:70]!r} ({q['speaker']})")
        for pi, q in enumerate(pred):
            if pi not in hit_p:
                show(f"  {fname} quote false: {str(q[0])[:70]!r} ({q[1]})")
        for gi, pi in pairs:
            if not speaker_match(g[gi]["speaker"], pred[pi][1]):
                show(f"  {fname} speaker: gold {g[gi]['speaker']!r} got {pred[pi][1]!r}")
    if "places" in cats:
        pred = reader.rows("select distinct p.name, p.kind, p.country_code, p.id from place_mentions m "
                           "join places p on p.id = m.place_id where m.article_id = ?"
                           + body.replace("paragraph_id", "m.paragraph_id"), (aid,))
        names: dict[Any, set[str]] = {}
        for pid, nm in reader.rows("select place_id, name from place_names"):
            names.setdefault(pid, set()).add(nm)
        gl: dict[str, dict] = {}
        for p in gold["places"]:
            gl.setdefault(place_key(p["name"]), p)
        g = list(gl.values())

        def pmatch(a: dict, b: tuple) -> bool:
            keys = place_keys(b[0], b[1], names.get(b[3], ()) if aliases else ())
            return place_key(a["name"]) in keys

        pairs = greedy(g, pred, pmatch)
        tallies["places"].add(len(g), len(pred), len(pairs))
        for gi, pi in pairs:
            if g[gi].get("country_code"):
                tallies["places"].mark("country_acc",
                                       (g[gi]["country_code"] or "").upper() == (pred[pi][2] or "").upper())
        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        for gi, p in enumerate(g):
            if gi not in hit_g:
                show(f"  {fname} place missed: {p['name']} ({p['surface']})")
        for pi, pr in enumerate(pred):
            if pi not in hit_p:
                show(f"  {fname} place false: {pr[0]} {pr[1]} {pr[2]}")
    if "sources" in cats:
        pred = reader.rows("select distinct s.name from citations c join sources s on s.id = c.source_id "
                           "where c.article_id = ?" + body.replace("paragraph_id", "c.paragraph_id"), (aid,))
        gs: dict[str, dict] = {}
        for s in gold["sources"]:
            gs.setdefault(source_key(s["name"]), s)
        g = list(gs.values())
        pairs = greedy(g, pred, lambda a, b: source_match(a, b[0]))
        optional = sum(1 for gi, _ in pairs if g[gi].get("optional"))
        required = sum(1 for x in g if not x.get("optional"))
        tallies["sources"].add(required, len(pred) - optional, len(pairs) - optional)
        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        for gi, s in enumerate(g):
            if gi not in hit_g and not s.get("optional"):
                show(f"  {fname} source missed: {s['name']}")
        for pi, pr in enumerate(pred):
            if pi not in hit_p:
                show(f"  {fname} source false: {pr[0]}")
    if "people" in cats:
        pred = reader.rows("select distinct p.name, p.id from person_mentions m join people p on p.id = m.person_id "
                           "where m.article_id = ?" + body.replace("paragraph_id", "m.paragraph_id"), (aid,))
        pnames: dict[Any, set[str]] = {}
        for pid, nm in reader.rows("select person_id, name from person_names") if aliases else ():
            pnames.setdefault(pid, set()).add(nm)
        g = [{"name": n} for n in dict.fromkeys(gold.get("people", []))]
        pairs = greedy(g, pred, lambda a, b: any(person_match(a["name"], n) for n in {b[0]} | pnames.get(b[1], set())))
        tallies["people"].add(len(g), len(pred), len(pairs))
        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        for gi, x in enumerate(g):
            if gi not in hit_g:
                show(f"  {fname} person missed: {x['name']}")
        for pi, pr in enumerate(pred):
            if pi not in hit_p:
                show(f"  {fname} person false: {pr[0]}")
