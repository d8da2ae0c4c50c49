"""What the extractors need: quote cue and via, place keys and names, source aliases.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a column with a REFERENCES clause in place; no table rebuild.
    op.execute("ALTER TABLE quotes ADD COLUMN cue TEXT")
    op.execute("ALTER TABLE quotes ADD COLUMN via TEXT")
    op.execute("ALTER TABLE quotes ADD COLUMN via_source_id INTEGER REFERENCES sources(id)")
    op.create_index("ix_quotes_via_source_id", "quotes", ["via_source_id"])

    # A stable identity for every place, known or not to GeoNames.
    op.execute("ALTER TABLE places ADD COLUMN key TEXT")
    op.execute(
        "UPDATE places SET key = CASE WHEN geonames_id IS NOT NULL THEN 'gn:' || geonames_id "
        "ELSE 'x:' || lower(name) END"
    )
    op.create_index("ix_places_key", "places", ["key"], unique=True)

    op.create_table(
        "place_names",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("folded", sa.Text, nullable=False),
        sa.UniqueConstraint("place_id", "name"),
    )
    op.create_index("ix_place_names_folded", "place_names", ["folded"])
    op.execute("INSERT INTO place_names (place_id, name, folded) SELECT id, name, lower(name) FROM places")

    op.create_table(
        "source_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("folded", sa.Text, nullable=False),
    )
    op.create_index("ix_source_aliases_source_id", "source_aliases", ["source_id"])
    op.create_index("ix_source_aliases_folded", "source_aliases", ["folded"], unique=True)
    op.execute("INSERT INTO source_aliases (source_id, alias, folded) SELECT id, name, lower(name) FROM sources")


def downgrade() -> None:
    op.drop_table("source_aliases")
    op.drop_table("place_names")
    op.drop_index("ix_places_key", "places")
    op.drop_index("ix_quotes_via_source_id", "quotes")
    for table, column in (("places", "key"), ("quotes", "via_source_id"), ("quotes", "via"), ("quotes", "cue")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
