"""Extraction: pure functions from a ParsedArticle to what it says (quotes, places, sources)."""
from __future__ import annotations

from dataclasses import dataclass

from archive.parse.document import ParsedArticle
from archive.extract.found import FoundCitation, FoundPlaceMention, FoundQuote


@dataclass(frozen=True)
class Extraction:
    outlet: str | None = None
    quotes: tuple[FoundQuote, ...] = ()
    places: tuple[FoundPlaceMention, ...] = ()
    citations: tuple[FoundCitation, ...] = ()


def extract(article: ParsedArticle) -> Extraction:
    from archive.extract.places import extract_places
    from archive.extract.quotes import extract_quotes
    from archive.extract.sources import extract_citations, outlet_for_url

    return Extraction(
        outlet=outlet_for_url(article.url),
        quotes=tuple(extract_quotes(article)),
        places=tuple(extract_places(article)),
        citations=tuple(extract_citations(article)),
    )


def warm_up() -> None:
    """Load what extraction needs once, before worker processes fork and share it."""
    from archive.extract.gazetteer import get_gazetteer

    get_gazetteer()
