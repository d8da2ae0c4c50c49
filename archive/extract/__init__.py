"""Extraction: a ParsedArticle in, what it says out (quotes, places, sources). Pure.

The stages share one Document and run in a declared order: outlets and
organisations claim their spans first, then places, then quotes, then
citations (see archive.extract.document for how overlaps are settled).
"""
from __future__ import annotations

from dataclasses import dataclass

from archive.extract.document import Document
from archive.extract.found import FoundCitation, FoundPlaceMention, FoundQuote
from archive.parse.document import ParsedArticle


@dataclass(frozen=True)
class Extraction:
    outlet: str | None = None
    quotes: tuple[FoundQuote, ...] = ()
    places: tuple[FoundPlaceMention, ...] = ()
    citations: tuple[FoundCitation, ...] = ()


def extract(article: ParsedArticle, resources, trace=None) -> Extraction:
    """Every stage over one shared Document, in order; ``trace`` (a rules.Trace) records each decision."""
    from archive.extract import places as place_stage
    from archive.extract import quotes as quote_stage
    from archive.extract import sources as source_stage

    doc = Document(article, resources, trace)
    # transitional: each extractor moves to a stage over the Document (name(doc)); until then its old entry point
    if hasattr(source_stage, "claim_outlets"):
        source_stage.claim_outlets(doc)
    found_places = place_stage.places(doc) if callable(getattr(place_stage, "places", None)) \
        else place_stage.extract_places(article)
    found_quotes = quote_stage.quotes(doc) if callable(getattr(quote_stage, "quotes", None)) \
        else quote_stage.extract_quotes(article)
    found_citations = source_stage.citations(doc) if callable(getattr(source_stage, "citations", None)) \
        else source_stage.extract_citations(article)
    outlet_for_url = source_stage.outlet_for_url
    try:
        outlet = outlet_for_url(article.url, resources.registry)
    except TypeError:
        outlet = outlet_for_url(article.url)
    return Extraction(outlet=outlet, quotes=tuple(found_quotes), places=tuple(found_places),
                      citations=tuple(found_citations))
