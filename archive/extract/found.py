"""What the extractors return: plain data, positions refer to ParsedArticle.paragraphs."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FoundQuote:
    paragraph: int | None  # position of the paragraph where the quote opens; None: the title
    start: int  # offset of the quote text (without marks) in that paragraph's (or the title's) text
    end: int  # end offset in that paragraph (a quote running on is cut at its end)
    text: str  # the whole quote, without the marks; paragraphs joined by "\n"
    kind: str  # "direct" | "partial"
    speaker: str | None
    cue: str | None  # said, told, wrote, according to, ...
    via: str | None  # the outlet the speaker spoke to ("told IStories" -> "IStories")


@dataclass(frozen=True)
class FoundPlace:
    key: str  # stable identity: "gn:<geonames_id>" or "iso:<code>" or "x:<name>"
    name: str  # English name
    kind: str  # city | region | country | other
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    aliases: tuple[str, ...] = ()  # other names users may filter by (Latin and Cyrillic)


@dataclass(frozen=True)
class FoundPlaceMention:
    place: FoundPlace
    paragraph: int | None  # None for a mention in the title
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class FoundSource:
    name: str  # canonical name
    kind: str  # "news outlet" | "telegram channel" | "agency" | "organisation"
    domain: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FoundCitation:
    source: FoundSource
    paragraph: int | None  # None for the credit line above the body
    surface: str
    cue: str | None
    href: str | None
