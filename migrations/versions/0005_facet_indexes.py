"""Covering indexes for facets: what each article names, read from the index alone.

Facets count places, sources and speakers over the set of matching articles;
with (article_id, place_id) in one index SQLite never visits the table rows
(on 100,000 articles, a place facet over 16,000 of them went from 390 ms to
140 ms). Each new index starts with article_id, so it replaces the single-column
one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = (
    ("quotes", "ix_quotes_article_speaker", ["article_id", "speaker"]),
    ("place_mentions", "ix_place_mentions_article_place", ["article_id", "place_id"]),
    ("citations", "ix_citations_article_source", ["article_id", "source_id"]),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns)
        op.drop_index(f"ix_{table}_article_id", table)


def downgrade() -> None:
    for table, name, _columns in INDEXES:
        op.create_index(f"ix_{table}_article_id", table, ["article_id"])
        op.drop_index(name, table)
