"""Extraction: pure functions from a ParsedArticle to what it says (quotes, places, sources)."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import ParsedArticle
from .found import FoundCitation, FoundPlaceMention, FoundQuote


@dataclass(frozen=True)
class Extraction:
    outlet: str | None = None
    quotes: tuple[FoundQuote, ...] = ()
    places: tuple[FoundPlaceMention, ...] = ()
    citations: tuple[FoundCitation, ...] = ()


def extract(article: ParsedArticle) -> Extraction:
    from .places import extract_places

    return Extraction(
        outlet=host_of(article.url),
        places=tuple(extract_places(article)),
    )


def warm_up() -> None:
    """Load what extraction needs once, before worker processes fork and share it."""
    from .gazetteer import get_gazetteer

    get_gazetteer()


def host_of(url: str | None) -> str | None:
    """The URL's host without "www."; the publisher when no registry knows better."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
