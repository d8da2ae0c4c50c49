"""Cited sources: which outlets, agencies, Telegram channels and organisations an article names as
the origin of its information. Two stages over the shared Document:

    claim_outlets(doc)   registry names and aliases in the text, claimed as "outlet" / "organisation"
    citations(doc)       the citations: candidates (``candidates``), cues (``cues``), decided by the
                         named rules of ``rules`` (CUE_RULES, PUBLISHER_RULES, LINK_RULES, CREDIT_RULES)

``extract_citations(article, resources)`` runs both. How a citation is found:

1. Candidates: noun phrases that can name a source (see ``candidates``). A generic body keeps the
   place that says which one it is ("Dagestan's Interior Ministry"), and a later short name ("the
   General Staff") is the one body the article named in full. Names learned in one paragraph
   (unknown outlets, acronyms in parentheses, quoted translations) are looked for in the others.
2. A candidate is cited when a cue ties it to information (CUE_RULES): it is the subject of
   reported / said / told / wrote / published / found ..., or follows according to / told / citing /
   investigation by / seen by ... Coordinated names share the cue ("an investigation by IStories and
   CIT"). An organisation needs a say-type cue.
3. Links on a cue word ("[reported](https://t.me/astrapress)") and credit links above the body are
   citations on their own (LINK_RULES, CREDIT_RULES).

The publisher (``outlet_for_url``) is not a citation unless the text cites it as the origin of a
finding; as the receiver of information ("told Reuters", "seen by Reuters") it is not.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from archive.extract.document import Document
from archive.extract.found import FoundCitation, FoundSource
from archive.extract.sources.candidates import Cand, candidates, merge, scan_names, telegram_handle, unknown
from archive.extract.sources.cues import channel_named_in, groups, is_publishers_channel, link_at, short_names_to_full
from archive.extract.sources.claims import CLAIM_KIND
from archive.kinds import SOURCE_KINDS as KINDS, TELEGRAM_CHANNEL as TELEGRAM
from archive.extract.sources.registry import Registry
from archive.extract.sources.rules import (
    CREDIT_RULES, CUE_RULES, LINK_RULES, PUBLISHER_RULES, RULES, Cited, Group, LinkCandidate,
)
from archive.extract.sources.text import boundary_ok, canonical
from archive.extract.sources.vocabulary import SourceVocabulary, vocabulary
from archive.parse.document import ParsedArticle

SOURCES = "sources"  # the trace kind

__all__ = ["claim_outlets", "citations", "extract_citations", "RULES", "KINDS"]


def known_sources(registry: Registry) -> tuple[FoundSource, ...]:
    """The registry's sources (what KNOWN_SOURCES was)."""
    return registry.sources


@dataclass(slots=True, eq=False, init=False)
class _Scan:
    """The joined text of a Document and the registry-name matches in it, shared by both stages."""

    original: str
    full: str
    starts: list
    names: list
    lowers: list

    def __init__(self, v: SourceVocabulary, doc: Document):
        texts = doc.texts
        self.original = "\n".join(texts)
        self.full = canonical(self.original)
        starts = [0, *accumulate(len(t) + 1 for t in texts)]
        starts.pop()
        self.starts = starts
        self.names, self.lowers = scan_names(v, self.full)


def _scan(v: SourceVocabulary, doc: Document) -> _Scan:
    """claim_outlets' scan of the Document, reused by citations."""
    scan = doc.derived.get("source_scan")
    if scan is None:
        scan = doc.derived["source_scan"] = _Scan(v, doc)
    return scan


def claim_outlets(doc: Document) -> None:
    """Claim every registry name or alias in the body as an "outlet" (news outlet, agency, Telegram
    channel) or "organisation" span, value = its FoundSource; later stages read these claims."""
    if not doc.texts:
        return
    v = vocabulary(doc.resources)
    scan = _scan(v, doc)
    full, starts, table = scan.full, scan.starts, v.table
    n = len(full)
    spans = [(s, e, table[form][0], table[form][1]) for form, s, e in scan.names if table[form][0] is not None]
    spans += [(s, e, source, False) for s, e, source in scan.lowers]
    claim = doc.claim
    for s, e, source, need_the in spans:
        if s and (full[s - 1].isalnum() or full[s - 1] in "-_"):
            continue
        if e < n and (full[e].isalnum() or full[e] in "-_"):
            continue
        i = bisect_right(starts, s) - 1
        lo = starts[i]
        before4 = full[s - 4:s] if s >= lo + 4 else ""
        if before4 in ("The ", "the "):
            if source.name.startswith("The "):
                s -= 4
        elif need_the:
            continue
        claim(CLAIM_KIND[source.kind], i, s - lo, e - lo, source)


def extract_citations(article: ParsedArticle, resources, trace=None) -> list[FoundCitation]:
    """Every citation of a source in the article, in reading order, as ``extract`` finds them."""
    from archive.extract import document_with_outlets

    return citations(document_with_outlets(article, resources, trace))


def citations(doc: Document) -> list[FoundCitation]:
    """Every citation of a source in the article, in reading order: the credit line's first
    (paragraph None), then one per cited mention in the body."""
    article = doc.article
    v = vocabulary(doc.resources)
    trace = doc.trace if doc.trace is not None and doc.trace.wants(SOURCES) else None
    registry = v.registry
    # "" = not looked up yet: most articles never need it
    publisher = registry.outlet_for_url(article.url) if article.credit_links or any(
        p.links for p in article.paragraphs) else ""
    out = _credits(v, article, publisher, trace)
    paragraphs = article.paragraphs
    if not paragraphs:
        return out
    scan = _scan(v, doc)
    original, full, starts = scan.original, scan.full, scan.starts
    bounds = [(a, a + len(t)) for a, t in zip(starts, doc.texts)]
    per_paragraph = _all_candidates(v, full, starts, bounds, paragraphs, scan)
    for i in sorted({*per_paragraph, *(i for i, p in enumerate(paragraphs) if p.links)}):
        found, publisher = _paragraph(v, article, i, per_paragraph.get(i, ()), original, full, bounds[i],
                                      publisher, trace)
        if found:
            if len(found) > 1:
                found.sort(key=lambda x: x[0])
            out.extend(f for _, f in found)
    return out


def _credits(v: SourceVocabulary, article: ParsedArticle, publisher, trace) -> list[FoundCitation]:
    out = []
    for link in article.credit_links:
        handle = telegram_handle(link.href)
        source = v.registry.for_url(link.href)
        own = is_publishers_channel(v, handle, source, publisher)
        if not own and handle and source is None:
            source = unknown(v, handle, TELEGRAM, domain=f"t.me/{handle}")
        rule = CREDIT_RULES.decide(LinkCandidate(link, "credit", handle, source, own))
        if trace is not None:
            trace.record(SOURCES, link.text.strip() or link.href, None, link.start, rule.name, rule.decision,
                         source.name if source is not None and rule.decision == "accept" else "")
        if rule.decision == "accept":
            out.append(FoundCitation(source=source, paragraph=None, surface=link.text.strip() or link.href,
                                     cue="credit", href=link.href))
    return out


def _all_candidates(v: SourceVocabulary, full: str, starts, bounds, paragraphs, scan) -> dict[int, list[Cand]]:
    per_paragraph: dict[int, list[Cand]] = {}
    learned: dict[str, FoundSource] = {}
    for i, cands in candidates(v, full, starts, bounds, paragraphs, scan.names, scan.lowers).items():
        if cands:
            cands = per_paragraph[i] = merge(full, bounds[i][1], cands)
            for c in cands:
                for name in c.learned:
                    learned.setdefault(name, c.source)
    by_name = v.registry.by_name
    for name in sorted(learned, key=len, reverse=True):  # names learned in one paragraph, looked for in all
        s = full.find(name)
        while s >= 0:
            e = s + len(name)
            i = bisect_right(starts, s) - 1
            cands = per_paragraph.setdefault(i, [])
            if (boundary_ok(full, s, e) and not (e < len(full) and (full[e].isalnum() or full[e] in "-_"))
                    and not any(s < c.end and c.start < e for c in cands)):
                source = learned[name]
                cands.append(Cand(s, e, s, e, source, source.name in by_name, "learned"))
                cands.sort(key=lambda c: c.start)
            s = full.find(name, e)
    short_names_to_full(v, per_paragraph)
    return per_paragraph


def _hits(v: SourceVocabulary, full: str, lo: int, hi: int, cands, position, trace) -> list[tuple[Cand, str, int, int]]:
    hits: list[tuple[Cand, str, int, int]] = []
    for members in groups(v, full, cands):
        g = Group(v, full, lo, hi, members, hits)
        rule = CUE_RULES.decide(g)
        if trace is not None and rule.decision == "reject":
            for c in members:
                trace.record(SOURCES, full[c.name_start:c.name_end].strip(), position, c.name_start - lo,
                             rule.name, rule.decision, c.source.name)
        if g.cue is not None:
            cue, cs, ce = g.cue
            for c in members:
                hits.append((c, cue, cs, ce))
                if trace is not None:
                    trace.record(SOURCES, full[c.name_start:c.name_end].strip(), position, c.name_start - lo,
                                 rule.name, rule.decision, f"{c.source.name} ({cue})")
    return hits


def _paragraph(v: SourceVocabulary, article, i: int, cands, original: str, full: str, bounds, publisher, trace):
    p = article.paragraphs[i]
    links = p.links
    lo, hi = bounds
    used: set[int] = set()
    found: list[tuple[int, FoundCitation]] = []
    for c, cue, cs, ce in (_hits(v, full, lo, hi, cands, p.position, trace) if cands else ()):
        if publisher == "":
            publisher = v.registry.outlet_for_url(article.url)
        rule = PUBLISHER_RULES.decide(Cited(v, full, c, cue, cs, publisher))
        if trace is not None:
            trace.record(SOURCES, original[c.name_start:c.name_end].strip(), p.position, c.name_start - lo,
                         rule.name, rule.decision, f"{c.source.name} ({cue})")
        if rule.decision == "reject":
            continue
        href = c.href
        if links:
            link = link_at(links, c.name_start - lo, c.name_end - lo)
            cue_link = link_at(links, cs - lo, ce - lo)
            if cue_link is not None:
                used.add(id(cue_link))
            href = href or (link.href if link else None) or (cue_link.href if cue_link else None)
        surface = original[c.name_start:c.name_end].strip()
        found.append((c.name_start, FoundCitation(source=c.source, paragraph=p.position, surface=surface,
                                                  cue=cue, href=href)))
    for link in links:  # a link on a cue word: "[reported](https://t.me/astrapress)"
        if id(link) in used or not link.href or link.href[0] == "#":
            continue
        k = _link_candidate(v, link, found, full, publisher)
        rule = LINK_RULES.decide(k)
        if trace is not None:
            trace.record(SOURCES, link.text.strip(), p.position, link.start, rule.name, rule.decision,
                         f"{k.source.name} ({k.cue})" if rule.decision == "accept" else "")
        if rule.decision == "accept":
            found.append((lo + link.start, FoundCitation(source=k.source, paragraph=p.position,
                                                         surface=link.text.strip(), cue=k.cue, href=link.href)))
    return found, publisher


def _link_candidate(v: SourceVocabulary, link, found, full: str, publisher) -> LinkCandidate:
    cue = v.link_cue_text.get(link.text.strip().lower())
    if cue is None:
        return LinkCandidate(link)
    handle = telegram_handle(link.href)
    source = v.registry.for_url(link.href)
    if is_publishers_channel(v, handle, source, publisher):
        return LinkCandidate(link, cue, handle, source, own=True)
    if source is None and handle:
        source = channel_named_in(v, handle, full)
    return LinkCandidate(link, cue, handle, source, cited={f.source.name for _, f in found})
