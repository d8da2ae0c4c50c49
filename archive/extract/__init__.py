"""Extraction: a ParsedArticle in, what it says out (quotes, places, sources). Pure.

The stages share one Document and run in a declared order: outlets and
organisations claim their spans first, then places, then quotes, then
citations (see archive.extract.document for how overlaps are settled).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from archive.extract.document import Document
from archive.extract.found import FoundCitation, FoundPlaceMention, FoundQuote
from archive.parse.document import ParsedArticle


@dataclass(frozen=True)
class Extraction:
    outlet: str | None = None
    quotes: tuple[FoundQuote, ...] = ()
    places: tuple[FoundPlaceMention, ...] = ()
    citations: tuple[FoundCitation, ...] = ()


# The order the stages run in over one Document: each reads the claims of those before it.
STAGES = ("outlets", "places", "quotes", "citations")


def document_with_outlets(article: ParsedArticle, resources, trace=None) -> Document:
    """A Document whose outlets and organisations are claimed: what every later stage starts from."""
    from archive.extract.sources import claim_outlets

    doc = Document(article, resources, trace)
    claim_outlets(doc)
    return doc


def extract(article: ParsedArticle, resources, trace=None, stages=STAGES) -> Extraction:
    """The ``stages`` over one shared Document, in STAGES order; ``trace`` (a rules.Trace) records each
    decision. Outlets are always claimed (later stages read the claims); a stage left out finds nothing."""
    from archive.extract import places as place_stage
    from archive.extract import quotes as quote_stage
    from archive.extract import sources as source_stage

    doc = document_with_outlets(article, resources, trace)
    citations = tuple(source_stage.citations(doc)) if "citations" in stages else ()
    quotes = tuple(quote_stage.quotes(doc)) if "quotes" in stages else ()
    return Extraction(
        outlet=resources.registry.outlet_for_url(article.url),
        places=tuple(place_stage.places(doc)) if "places" in stages else (),
        quotes=link_vias(quotes, citations),
        citations=citations,
    )


def link_vias(quotes: tuple[FoundQuote, ...], citations: tuple[FoundCitation, ...]) -> tuple[FoundQuote, ...]:
    """A quote whose via no outlet span claimed ("told NGS42" where NGS42 is in no registry) takes
    the source a citation of the same article found under that name."""
    from archive.names import fold_source

    by_name: dict[str, object] = {}
    for citation in citations:
        source = citation.source
        for name in (citation.surface, source.name, *source.aliases):
            by_name.setdefault(fold_source(name), source)
    if not by_name:
        return quotes
    return tuple(
        replace(q, via_source=by_name.get(fold_source(q.via)))  # type: ignore[arg-type]
        if q.via and q.via_source is None and fold_source(q.via) in by_name else q
        for q in quotes
    )
