"""Cue checks: what ties a candidate to information ("Mediazona reported", "according to IStories",
"told Reuters"), and whether the publisher is the receiver rather than the origin of it."""
from __future__ import annotations

import re

from archive.extract.found import FoundSource
from archive.extract.sources.candidates import Cand, unknown
from archive.extract.sources.cue_patterns import (
    ADDED_OK, AFTER_END_RE, AFTER_POSS_RE, COORD_WORD, LATER_CUE_RE, SENTENCE_END_RE, TITLE_AFTER_RE,
)
from archive.kinds import ORGANISATION, TELEGRAM_CHANNEL as TELEGRAM
from archive.extract.sources.text import left_reversed
from archive.parse.document import Link


def publisher_keys(v, publisher: str | None) -> tuple[str, ...]:
    """Letters-and-digits forms of the publisher's name, aliases and domains
    ("59.ru" -> "59ru"; "Meduza" -> "meduza"), to recognise its own t.me handle."""
    try:
        return v.publisher_keys[publisher]
    except KeyError:
        keys = v.publisher_keys[publisher] = _publisher_keys(v, publisher)
        return keys


def _publisher_keys(v, publisher: str | None) -> tuple[str, ...]:
    if not publisher:
        return ()
    forms = {publisher}
    known = v.registry.by_name.get(publisher)
    if known is not None:
        forms.update(known.aliases)
        if known.domain:
            forms.add(known.domain)
    keys = set()
    for form in forms:
        form = form.lower().removeprefix("the ")
        key = re.sub(r"[^a-z0-9]", "", form)
        if len(key) >= 3:
            keys.add(key)
        head = re.sub(r"[^a-z0-9]", "", form.split(".")[0])
        if len(head) >= 4:
            keys.add(head)
    return tuple(sorted(keys))


def is_publishers_channel(v, handle: str | None, source: FoundSource | None, publisher: str | None) -> bool:
    if not publisher:
        return False
    if source is not None:
        return source.name == publisher
    key = (handle or "").lower().replace("_", "")
    return bool(key) and any(k in key for k in publisher_keys(v, publisher))


# The publisher on the receiving end: "told Reuters", "seen by Reuters", "in a comment to Meduza".
def publisher_receives(v, full: str, cue: str, cs: int, c_start: int) -> bool:
    if cue == "told":
        return True
    if cs >= c_start:  # an after-cue: "Reuters reported", "The Insider's investigation"
        return False
    window = full[cs:c_start]
    if window.lower().startswith("according to") and not v.receiving_after_according_re.search(window):
        return False
    return bool(v.receiving_r.search(window))



def after_cue(v, full: str, c: Cand, hi: int) -> tuple[str, int, int] | None:
    m = v.after_re.match(full, c.end, hi)
    if m:
        verb = m.group("cue")
        if verb in ("added", "adds") and not ADDED_OK.match(full, m.end(), hi):
            return None
        if c.source.kind == ORGANISATION and verb not in v.org_verbs:
            if not (verb in ("found", "finds") and full.startswith(" that", m.end())):
                return None
        return v.verb_cue[verb], m.start("cue"), m.end("cue")
    m = AFTER_POSS_RE.match(full, c.name_end if c.name_end == c.end else c.end, hi)
    if m:
        return "investigation by", m.start("cue"), m.end("cue")
    return None


def before_cue(v, full: str, c: Cand, lo: int, hi: int) -> tuple[str, int, int, str] | None:
    """The cue before a name and the before-pattern's group that found it ("acc", "told", ...)."""
    m = v.before_r.match(left_reversed(full, c.start, lo))
    if not m:
        return None
    group = m.lastgroup
    gs, ge = m.span(group)
    cs, ce = c.start - ge, c.start - gs  # the cue's offsets in the text
    kind = c.source.kind
    if group == "acc":
        return "according to", cs, cs + 12, group
    if group in ("data", "by"):
        word = m.group(group)[::-1].split()
        by = max(i for i, w in enumerate(word) if w in ("by", "from"))
        fallback = "investigation by" if group == "data" else "reported"
        return v.participle_cue.get(word[by - 1] if by else "", fallback), cs, ce, group
    if group == "citing":
        return "cited", cs, ce, group
    if group == "told":
        if kind == ORGANISATION and not c.known:
            return None
        return "told", cs, ce, group
    if group in ("onverb", "post"):
        if kind == ORGANISATION:
            return None
        if group == "post":
            return "published", cs, ce, group
        verb = m.group(group)[::-1].split()[0]
        return v.verb_cue.get(verb, "wrote" if verb == "writing" else "published"), cs, ce, group
    if group == "inv":
        if not AFTER_END_RE.match(full, c.end, hi):
            return None
        verb = m.group(group)[::-1].lstrip(',"').strip()
        cue = "according to" if verb.startswith("according") else v.verb_cue.get(verb, "said")
        return cue, ce - len(verb), ce, group
    if group == "src":
        a = v.after_re.match(full, c.end, hi)
        if a:
            return v.verb_cue[a.group("cue")], a.start("cue"), a.end("cue"), group
    return None


def object_of_preposition(v, full: str, c: Cand, lo: int) -> bool:
    if c.start <= lo or full[c.start - 1] != " ":
        return False
    return bool(v.prep_r.match(left_reversed(full, c.start, lo, 60)))




def speaks_for(v, full: str, c: Cand, lo: int) -> bool:
    """ "the press service of the Tomsk Regional Court said": the court speaks."""
    return bool(v.speaks_for_r.match(left_reversed(full, c.start, lo, 60)))


def after_including(v, full: str, c: Cand, lo: int) -> bool:
    window = full[max(lo, c.start - 60):c.start]
    if "includ" not in window and "such as" not in window and "like" not in window and "among" not in window:
        return False
    return bool(v.including_r.match(window[::-1]))


def groups(v, full: str, cands: list[Cand]) -> list[list[Cand]]:
    if len(cands) == 1:
        return [cands]
    groups: list[list[Cand]] = []
    for c in cands:
        if groups:
            prev = groups[-1][-1]
            between = full[prev.end:c.start]
            if len(between) <= 60 and v.coord_re.match(between):
                groups[-1].append(c)
                continue
        groups.append([c])
    out: list[list[Cand]] = []
    for g in groups:  # commas alone do not coordinate ("blocked Meduza, Roskomnadzor said")
        if len(g) > 1 and not any(COORD_WORD.search(full[a.end:b.start]) for a, b in zip(g, g[1:])):
            out.extend([x] for x in g)
        else:
            out.append(g)
    return out




def subject_of_later_cue(v, full: str, first: Cand, last: Cand, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The subject of a sentence that ends ", saying ..." or ", it said": "The U.S. Treasury Department
    added the firm to its sanctions list, saying ..."; "The Memorial centre recognises 600 ..., it said"."""
    s = first.start
    if full[max(lo, s - 4):s] in ("The ", "the "):
        s -= 4
    if s > lo and not (full[s - 2:s] in (". ", "! ", "? ", '" ') or full[s - 1] == "\n"):
        return None
    end = SENTENCE_END_RE.search(full, last.end, hi)
    stop = end.start() if end else hi
    if ", " not in full[last.end:stop]:
        return None
    m = LATER_CUE_RE.search(full, last.end, stop)
    if not m or TITLE_AFTER_RE.match(full, last.end, hi):  # "Kremlin spokesman Dmitry Peskov ..., saying"
        return None
    if m.group("saying"):
        return "said", m.start("saying"), m.end("saying")
    return v.verb_cue[m.group("verb")], m.start("verb"), m.end("verb")




def channel_named_in(v, handle: str, full: str) -> FoundSource:
    """A t.me/<handle> channel, under the name the text gives it: a link to t.me/atesh_ua on an
    article that names "Atesh" is the channel Atesh, with the handle as an alias."""
    key = v.handle_suffix_re.sub("", handle.lower()).replace("_", "")
    if len(key) >= 4:
        m = re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", full, re.IGNORECASE)
        if m and m.group()[0].isupper():
            return unknown(v, m.group(), TELEGRAM, aliases=(handle,), domain=f"t.me/{handle}")
    return unknown(v, handle, TELEGRAM, domain=f"t.me/{handle}")


def link_at(links: tuple[Link, ...], start: int, end: int) -> Link | None:
    for link in links:
        if link.start < end and start < link.end:
            return link
    return None


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------


def short_names_to_full(v, per_paragraph: dict[int, list[Cand]]) -> None:
    """A generic short name stands for the one body the article names in full:
    "the General Staff" after "the General Staff of Ukraine's Armed Forces",
    "the Interior Ministry" after "Dagestan's Interior Ministry"."""
    short = [c for cands in per_paragraph.values() for c in cands
             if not c.known and c.source.kind == ORGANISATION and " " in c.source.name
             and all(t in v.generic_body for t in c.source.name.split())]
    if not short:
        return
    bodies = {c.source.name: c.source for cands in per_paragraph.values() for c in cands
              if c.source.kind == ORGANISATION}
    for c in short:
        name = c.source.name
        full_forms = {s.name: s for s in bodies.values() if s.name != name and any(
            f.startswith(name + " of ") or f.endswith(" " + name) for f in (s.name, *s.aliases))}
        if len(full_forms) == 1:
            c.source = next(iter(full_forms.values()))
            c.known = c.source.name in v.registry.by_name

