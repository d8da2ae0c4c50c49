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
    return Extraction(
        outlet=resources.registry.outlet_for_url(article.url),
        places=tuple(place_stage.places(doc)) if "places" in stages else (),
        quotes=tuple(quote_stage.quotes(doc)) if "quotes" in stages else (),
        citations=tuple(source_stage.citations(doc)) if "citations" in stages else (),
    )
