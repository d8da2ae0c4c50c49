"""The schema, once, as SQLAlchemy 2.x typed models. No behaviour.

Migrations in migrations/ create and change these tables; a test checks that the
migrated database and these models agree. The full-text tables and their
triggers are SQLite virtual tables that SQLAlchemy cannot model: they live in
the migrations only (see FTS_TABLES).
"""
from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# FTS5 external-content tables: name -> (content table, indexed columns)
FTS_TABLES = {
    "articles_fts": ("articles", ("title",)),
    "paragraphs_fts": ("paragraphs", ("text",)),
    "quotes_fts": ("quotes", ("text", "speaker")),
}
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"

# SQL views (migrations/versions/0003_views.py), for Datasette and SQLite browsers.
# SQLAlchemy models no tables for them; they read the tables below.
VIEWS = ("quotes_with_articles", "place_counts", "source_counts", "article_summaries")


class Base(DeclarativeBase):
    pass


def _article_fk(index: bool = True) -> Mapped[int]:
    return mapped_column(ForeignKey("articles.id"), nullable=False, index=index)


def _paragraph_fk() -> Mapped[int | None]:
    return mapped_column(ForeignKey("paragraphs.id"), index=True)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text, index=True)  # ISO date
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    path: Mapped[str | None] = mapped_column(Text, index=True)
    content_hash: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[str] = mapped_column(Text)


class ArticleParagraph(Base):
    __tablename__ = "paragraphs"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), nullable=False)
    position: Mapped[int] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    markdown: Mapped[str] = mapped_column(Text)


class Quote(Base):
    __tablename__ = "quotes"
    # article first: facets count speakers over a set of articles from the index alone
    __table_args__ = (Index("ix_quotes_article_speaker", "article_id", "speaker"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = _article_fk(index=False)
    paragraph_id: Mapped[int | None] = _paragraph_fk()
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(Text)  # direct | partial
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str | None] = mapped_column(Text)  # the outlet as the text names it
    via_source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)


class Place(Base):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # gn:<geonames id>, iso:<code>, x:<slug>; always set by the store (NULL-able only
    # because SQLite cannot add a NOT NULL column to a filled table in place).
    key: Mapped[str | None] = mapped_column(Text, unique=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)  # city | region | country | other
    country_code: Mapped[str | None] = mapped_column(Text, index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geonames_id: Mapped[int | None] = mapped_column(Integer, unique=True)


class PlaceName(Base):
    """Every name a place goes by, so filters match any of them without the gazetteer."""

    __tablename__ = "place_names"
    __table_args__ = (UniqueConstraint("place_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), nullable=False)
    name: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text, index=True)  # lower-cased key for lookups


class PlaceMention(Base):
    __tablename__ = "place_mentions"
    __table_args__ = (Index("ix_place_mentions_article_place", "article_id", "place_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), nullable=False, index=True)
    article_id: Mapped[int] = _article_fk(index=False)
    paragraph_id: Mapped[int | None] = _paragraph_fk()  # NULL: the mention is in the title
    surface: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(Text)  # news outlet | telegram channel | agency | organisation
    domain: Mapped[str | None] = mapped_column(Text)


class SourceAlias(Base):
    """Spellings and scripts that name one source; users may add rows."""

    __tablename__ = "source_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), nullable=False, index=True)
    alias: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text, unique=True, index=True)  # normalised key: one source per spelling


class Citation(Base):
    __tablename__ = "citations"
    __table_args__ = (Index("ix_citations_article_source", "article_id", "source_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), nullable=False, index=True)
    article_id: Mapped[int] = _article_fk(index=False)
    paragraph_id: Mapped[int | None] = _paragraph_fk()  # NULL: the credit line
    surface: Mapped[str] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    href: Mapped[str | None] = mapped_column(Text)


class ArticleLink(Base):
    __tablename__ = "links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    paragraph_id: Mapped[int | None] = _paragraph_fk()  # NULL: outside the body
    text: Mapped[str] = mapped_column(Text)
    href: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)



class File(Base):
    """A file ingest has read: unchanged size and mtime mean it is not read again."""

    __tablename__ = "files"

    path: Mapped[str] = mapped_column(Text, primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    mtime_ns: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(Text)  # as decoded: utf-8, cp1251, koi8-r, utf-16, ...
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
