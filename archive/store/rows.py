"""An article and what was found in it, as the rows the store writes (ids aside). Pure.

Workers build ArticleRows (rows_of) and send them to the one writer process.
Tuples pickle and unpickle several times faster than the dataclasses they come
from, and the writer, the one part of ingest that cannot run in parallel, is
left only to give the rows their ids and insert them.
"""
from __future__ import annotations

from dataclasses import dataclass

from archive.parse.document import ParsedArticle
from archive.extract import Extraction
from archive.extract.found import FoundPlace, FoundSource

# Offsets are into the paragraph's text; a paragraph is named by its position
# (None: the title, or outside the body), the store maps positions to ids.
ParagraphRow = tuple  # (position, section, text, markdown)
LinkRow = tuple  # (paragraph, text, href, start, end)
QuoteRow = tuple  # (paragraph, text, speaker, kind, start, end, cue, via, index into sources or None)
MentionRow = tuple  # (index into places, paragraph, surface, start, end)
CitationRow = tuple  # (index into sources, paragraph, surface, cue, href)


@dataclass(frozen=True)
class ArticleRows:
    title: str
    published: str | None
    url: str | None
    outlet: str | None
    word_count: int
    paragraphs: tuple[ParagraphRow, ...]
    links: tuple[LinkRow, ...]
    quotes: tuple[QuoteRow, ...]
    places: tuple[FoundPlace, ...]  # each place once
    mentions: tuple[MentionRow, ...]
    sources: tuple[FoundSource, ...]  # each source once: the cited ones and the quotes' via sources
    citations: tuple[CitationRow, ...]


def rows_of(article: ParsedArticle, extraction: Extraction) -> ArticleRows:
    place_index: dict[str, int] = {}
    places: list[FoundPlace] = []
    mentions = []
    for m in extraction.places:
        index = place_index.get(m.place.key)
        if index is None:
            index = place_index[m.place.key] = len(places)
            places.append(m.place)
        mentions.append((index, m.paragraph, m.surface, m.start, m.end))
    source_index: dict[FoundSource, int] = {}
    citations = []
    for c in extraction.citations:
        index = source_index.setdefault(c.source, len(source_index))
        citations.append((index, c.paragraph, c.surface, c.cue, c.href))
    quotes = tuple((q.paragraph, q.text, q.speaker, q.kind, q.start, q.end, q.cue, q.via,
                    None if q.via_source is None else source_index.setdefault(q.via_source, len(source_index)))
                   for q in extraction.quotes)
    return ArticleRows(
        title=article.title,
        published=article.published,
        url=article.url,
        outlet=extraction.outlet,
        word_count=article.word_count,
        paragraphs=tuple((p.position, p.section, p.text, p.markdown) for p in article.paragraphs),
        links=tuple((link.paragraph, link.text, link.href, link.start, link.end) for link in article.links),
        quotes=quotes,
        places=tuple(places),
        mentions=tuple(mentions),
        sources=tuple(source_index),
        citations=tuple(citations),
    )
