"""The first schema: articles, paragraphs, links, and empty extraction tables, with FTS5.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TOKENIZE = "porter unicode61 remove_diacritics 2"


def fts_sql(table: str, columns: list[str]) -> list[str]:
    """FTS5 external-content table and triggers, in the exact form sqlite-utils writes.

    Datasette detects a table's FTS by `content="table"` in the virtual table's SQL.
    Frozen here on purpose: a migration must not change when a library does.
    """
    fts = f'"{table}_fts"'
    quoted = f'"{table}"'
    cols = ", ".join(f'"{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    return [
        f"CREATE VIRTUAL TABLE {fts} USING FTS5 (\n    {cols},\n    tokenize='{TOKENIZE}',\n    content={quoted}\n)",
        f"INSERT INTO {fts} (rowid, {cols}) SELECT rowid, {cols} FROM {quoted}",
        f'CREATE TRIGGER "{table}_ai" AFTER INSERT ON {quoted} BEGIN\n'
        f"  INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});\nEND",
        f'CREATE TRIGGER "{table}_ad" AFTER DELETE ON {quoted} BEGIN\n'
        f"  INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES('delete', old.rowid, {old});\nEND",
        f'CREATE TRIGGER "{table}_au" AFTER UPDATE ON {quoted} BEGIN\n'
        f"  INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES('delete', old.rowid, {old});\n"
        f"  INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});\nEND",
    ]


def _id():
    return sa.Column("id", sa.Integer, primary_key=True)


def _article_fk():
    return sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False)


def _paragraph_fk():
    return sa.Column("paragraph_id", sa.Integer, sa.ForeignKey("paragraphs.id"))


def upgrade() -> None:
    op.create_table(
        "articles",
        _id(),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.Text),
        sa.Column("url", sa.Text, unique=True),
        sa.Column("outlet", sa.Text),
        sa.Column("path", sa.Text),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("word_count", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.Text, nullable=False),
    )
    for column in ("published", "outlet", "path"):
        op.create_index(f"ix_articles_{column}", "articles", [column])

    op.create_table(
        "paragraphs",
        _id(),
        _article_fk(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("section", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("markdown", sa.Text, nullable=False),
        sa.UniqueConstraint("article_id", "position"),
    )
    op.create_table(
        "quotes",
        _id(),
        _article_fk(),
        _paragraph_fk(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_table(
        "places",
        _id(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("country_code", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geonames_id", sa.Integer, unique=True),
    )
    op.create_table(
        "place_mentions",
        _id(),
        sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id"), nullable=False),
        _article_fk(),
        _paragraph_fk(),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_table(
        "sources",
        _id(),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("domain", sa.Text),
    )
    op.create_table(
        "citations",
        _id(),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        _article_fk(),
        _paragraph_fk(),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("href", sa.Text),
    )
    op.create_table(
        "links",
        _id(),
        _article_fk(),
        _paragraph_fk(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("href", sa.Text, nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    for table in ("quotes", "place_mentions", "citations", "links"):
        op.create_index(f"ix_{table}_article_id", table, ["article_id"])
        op.create_index(f"ix_{table}_paragraph_id", table, ["paragraph_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker"])
    op.create_index("ix_place_mentions_place_id", "place_mentions", ["place_id"])
    op.create_index("ix_places_country_code", "places", ["country_code"])
    op.create_index("ix_citations_source_id", "citations", ["source_id"])

    for table, columns in (("articles", ["title"]), ("paragraphs", ["text"]), ("quotes", ["text", "speaker"])):
        for statement in fts_sql(table, columns):
            op.execute(statement)


def downgrade() -> None:
    for table in ("articles", "paragraphs", "quotes"):
        for suffix in ("_ai", "_ad", "_au"):
            op.execute(f'DROP TRIGGER IF EXISTS "{table}{suffix}"')
        op.execute(f'DROP TABLE IF EXISTS "{table}_fts"')
    for table in ("links", "citations", "sources", "place_mentions", "places", "quotes", "paragraphs", "articles"):
        op.drop_table(table)
