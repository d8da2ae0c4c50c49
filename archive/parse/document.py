"""Plain data that flows between the stages: parse -> extract -> store.

Nothing here touches the database or the file system.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple


class Link(NamedTuple):
    """An inline link or autolink.

    ``start``/``end`` are offsets of the link text inside the text of the
    paragraph it sits in; ``paragraph`` is that paragraph's position, or None
    for links outside the body (the credit line, the "Original url" footer).
    """

    text: str
    href: str
    paragraph: int | None
    start: int
    end: int


class Paragraph(NamedTuple):
    # NamedTuples, like Link: an article has dozens, built several times faster than frozen dataclasses
    position: int  # 0-based order among body paragraphs
    section: str | None  # the heading it falls under
    text: str  # plain text: Markdown removed, links show their text
    markdown: str  # the block's source
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    published: str | None  # ISO date YYYY-MM-DD
    url: str | None
    paragraphs: tuple[Paragraph, ...]
    links: tuple[Link, ...]  # every link: body links and the ones outside it
    path: str | None = None
    title_from_filename: bool = False
    warnings: tuple[str, ...] = field(default=())

    @cached_property
    def credit_links(self) -> tuple[Link, ...]:
        """Links above the body, such as the seed's t.me credit line."""
        return tuple(link for link in self.links if link.paragraph is None and link.href != self.url)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)
