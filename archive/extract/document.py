"""The one document every extractor reads: the article, its paragraphs, and the spans each stage claims.

Stages run in a declared order (``archive.extract.STAGES``): outlets and
organisations first, then places, then quotes, then citations. A stage claims
the spans it has decided ("Govorit NeMoskva" as an outlet, "Novosibirsk" as a
place), and later stages read the claims instead of deciding again: places skip
what an outlet claimed, a quote's ``via`` is the outlet claimed where the
attribution names it, citations use the same outlet spans. Overlaps are settled
here and nowhere else: a span that overlaps a claim of a kind earlier in
``PRECEDENCE`` (or of the same kind) is refused.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Any

from archive.parse.document import ParsedArticle

OUTLET = "outlet"
ORGANISATION = "organisation"
PLACE = "place"
QUOTE = "quote"
PRECEDENCE = (OUTLET, ORGANISATION, PLACE, QUOTE)  # earlier kinds win an overlap
_RANK = {kind: i for i, kind in enumerate(PRECEDENCE)}
TITLE = -1  # the paragraph key of the title (FoundX.paragraph is None there)


@dataclass(frozen=True, slots=True, order=True)
class Claim:
    start: int
    end: int
    kind: str = field(compare=False)
    paragraph: int | None = field(compare=False)
    value: Any = field(compare=False, default=None)  # what the span is: a FoundSource, a FoundPlace, ...


class Document:
    """An article as the extractors share it. Pure data; nothing here reads files or the database."""

    __slots__ = ("article", "resources", "trace", "texts", "_claims", "derived")

    def __init__(self, article: ParsedArticle, resources=None, trace=None):
        self.article = article
        self.resources = resources
        self.trace = trace
        self.texts = [p.text for p in article.paragraphs]
        self._claims: dict[int, list[Claim]] = {}
        self.derived: dict[str, Any] = {}  # what one stage computed from the text and a later one reuses

    def text(self, paragraph: int | None) -> str:
        return self.article.title if paragraph is None else self.texts[paragraph]

    def claim(self, kind: str, paragraph: int | None, start: int, end: int, value: Any = None) -> bool:
        """Claim text[start:end] of a paragraph for ``kind``; False (and nothing claimed) when a claim of
        an earlier or the same kind overlaps it."""
        rank = _RANK[kind]
        for other in self.overlapping(paragraph, start, end):
            if _RANK[other.kind] <= rank:
                return False
        insort(self._claims.setdefault(TITLE if paragraph is None else paragraph, []),
               Claim(start, end, kind, paragraph, value))
        return True

    def overlapping(self, paragraph: int | None, start: int, end: int, kinds=None) -> list[Claim]:
        spans = self._claims.get(TITLE if paragraph is None else paragraph)
        if not spans:
            return []
        out = []
        # claims are sorted by start; one that overlaps starts before `end`
        for claim in spans[: bisect_left(spans, Claim(end, end, "", None))]:
            if claim.end > start and claim.start < end and (kinds is None or claim.kind in kinds):
                out.append(claim)
        return out

    def claimed(self, paragraph: int | None, start: int, end: int, kinds=None) -> Claim | None:
        """The first claim overlapping text[start:end] (of one of ``kinds``), or None."""
        found = self.overlapping(paragraph, start, end, kinds)
        return found[0] if found else None

    def claims(self, kind: str | None = None, paragraph: int | None | str = "all") -> list[Claim]:
        if paragraph == "all":
            spans = [c for key in sorted(self._claims) for c in self._claims[key]]
        else:
            spans = self._claims.get(TITLE if paragraph is None else paragraph, [])
        return [c for c in spans if kind is None or c.kind == kind]
