"""Places named in an article: gazetteer match, rules against false places, disambiguation.

    places(doc) -> list[FoundPlaceMention]                      the stage, over the shared Document
    extract_places(article, resources, trace=None) -> list[...]  the same for one article
    lookup_places(name, gazetteer) -> list[FoundPlace]           what a user's name for a place may mean

Pure: the gazetteer (gazetteer.py, built by build.py) and the word lists come
in through ``resources``; nothing here is a module singleton.

How a name becomes a mention:

1. Every gazetteer name found on word boundaries, case-sensitively, longest
   first (matcher.py); a name inside a span the sources stage claimed for an
   outlet or an organisation is none ("Govorit NeMoskva").
2. Rules (judge.py, a named ordered table, RULES) drop names that are something
   else here: common English words and person names without a locative cue,
   names glued to other capitalised words, institutions, outlets, demonyms
   without a place noun, ...; two rules decide on the whole article (a surname
   seen with a first name, a common-word city the article names plainly elsewhere).
3. Each distinct name is resolved once per article (resolve.py).

Each place mention kept is claimed in the Document as kind "place" (its value
the FoundPlace); with a trace, every gazetteer match is recorded with the rule
that dropped or kept it (kind "places", detail: the place chosen).
"""
from __future__ import annotations

import math

from archive.extract.document import OUTLET, PLACE, Document
from archive.extract.found import FoundPlace, FoundPlaceMention
from archive.extract.places.gazetteer import Gazetteer, place_key
from archive.extract.places.judge import _RULE, _TENT, KIND, PLACE_RULES, RULES, article_rules
from archive.extract.places.matcher import _Context, _is_title_case, _scan
from archive.extract.places.resolve import resolve
from archive.extract.rules import ACCEPT
from archive.parse.document import ParsedArticle

__all__ = ["places", "extract_places", "lookup_places", "RULES", "PLACE_RULES"]

_CLAIMS_SKIPPED = (OUTLET,)  # an organisation names its owner: "Russia's defence ministry" still names Russia
_KIND_RANK = {"country": 3, "region": 1, "other": 2, "city": 0}


def context(resources) -> _Context:
    """The extractor's facts about this resources' gazetteer and word lists, gathered on first use."""
    ctx = resources.memo.get("places")
    if ctx is None or ctx.g is not resources.gazetteer:
        ctx = resources.memo["places"] = _Context(resources.gazetteer, resources.en)
    return ctx


def places(doc: Document) -> list[FoundPlaceMention]:
    """The place mentions of the Document's article, each claimed as kind "place"."""
    resources = doc.resources
    if resources is None or resources.gazetteer is None:
        return []
    ctx = context(resources)
    article = doc.article
    trace = doc.trace
    if trace is not None and not trace.wants(KIND):
        trace = None
    claimed = _claimed_spans(doc)
    spans: list[list] = []
    persons: set[int] = set()
    title = article.title
    paragraphs = [(p.position, p.text, False) for p in article.paragraphs]
    ordered = True  # paragraph positions increase: spans come in (paragraph, start) order
    prev = -1
    for pos, _text, _tc in paragraphs:
        if not pos > prev:
            ordered = False
            break
        prev = pos
    if title:
        paragraphs.insert(0, (None, title, _is_title_case(title)))
    _scan(ctx, paragraphs, persons, spans, claimed, trace)
    if not spans:
        return []
    if persons or any(s[_TENT] for s in spans):
        spans = article_rules(ctx.g, spans, persons, trace)
        if not spans:
            return []
    spans, pids = resolve(ctx, spans, ordered)  # in (paragraph, start) order, each with its place
    mentions = _mentions(ctx.g, spans, pids)
    add = doc.claim
    for m in mentions:
        add(PLACE, m.paragraph, m.start, m.end, m.place)
    if trace is not None:
        for s, m in zip(spans, mentions):
            trace.record(KIND, m.surface, m.paragraph, m.start, s[_RULE], ACCEPT, m.place.name)
    return mentions


def _claimed_spans(doc: Document) -> dict | None:
    """paragraph -> [(start, end)] the outlets and organisations claimed, or None when they claimed nothing."""
    claims = doc.claims()
    if not claims:
        return None
    out: dict = {}
    for c in claims:
        if c.kind in _CLAIMS_SKIPPED:
            out.setdefault(c.paragraph, []).append((c.start, c.end))
    return out or None


def _mentions(g: Gazetteer, spans: list[list], pids: list[int]) -> list[FoundPlaceMention]:
    place = g.place
    known = g._places
    new = _new_mention
    set_fields = _set_fields
    mentions = []
    for s, pid in zip(spans, pids):
        m = new(FoundPlaceMention)
        set_fields(m, "__dict__", {"place": known.get(pid) or place(pid), "paragraph": s[0], "surface": s[3],
                                   "start": s[1], "end": s[2]})
        mentions.append(m)
    return mentions


# FoundPlaceMention(place, paragraph, surface, start, end) without its frozen __init__, which sets each
# field through object.__setattr__: half the cost, for what is one object per mention
_new_mention = object.__new__
_set_fields = object.__setattr__


def extract_places(article: ParsedArticle, resources, trace=None) -> list[FoundPlaceMention]:
    """The place mentions of one article, as ``extract`` finds them (outlets claimed first)."""
    from archive.extract import document_with_outlets

    return places(document_with_outlets(article, resources, trace))


def lookup_places(name: str, gazetteer: Gazetteer) -> list[FoundPlace]:
    """Places a user's name for a place may mean, best first.

    Accepts any form the gazetteer knows, in any case, with or without accents:
    "Kemerovo region", "Кемерово", "Moskva", "St. Petersburg", "Russia".
    """
    g = gazetteer
    key = place_key(name)
    if not key:
        return []
    index = g.lookup_index()
    pids = index.get(key, [])
    if not pids:
        return []

    def rank(pid: int):
        exact = place_key(g.names[pid]) == key
        return -(math.log10(max(g.pops[pid], 1000)) + _KIND_RANK[g.kinds[pid]] + (1.0 if exact else 0.0))

    return [g.place(pid) for pid in sorted(pids, key=rank)]
