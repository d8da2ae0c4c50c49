"""Views that read well in Datasette or any SQLite browser.

quotes_with_articles, place_counts, source_counts, article_summaries: plain
SELECTs over the tables, so they are right on empty tables and stay right as
ingest adds rows. Counts come from correlated subqueries, not joins, so one
table's rows never multiply another's.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Frozen here on purpose: a migration must not change when the code around it does.
VIEWS = {
    "quotes_with_articles": """
        SELECT
            quotes.id AS id,
            quotes.text AS text,
            quotes.speaker AS speaker,
            quotes.kind AS kind,
            quotes.cue AS cue,
            quotes.via AS via,
            sources.name AS via_source,
            quotes.article_id AS article_id,
            articles.title AS article_title,
            articles.published AS published,
            articles.url AS url
        FROM quotes
        JOIN articles ON articles.id = quotes.article_id
        LEFT JOIN sources ON sources.id = quotes.via_source_id
        ORDER BY articles.published DESC, quotes.article_id, quotes.id""",
    "place_counts": """
        SELECT
            places.id AS id,
            places.name AS name,
            places.kind AS kind,
            places.country_code AS country_code,
            places.latitude AS latitude,
            places.longitude AS longitude,
            (SELECT count(DISTINCT m.article_id) FROM place_mentions m WHERE m.place_id = places.id) AS articles,
            (SELECT count(*) FROM place_mentions m WHERE m.place_id = places.id) AS mentions
        FROM places
        ORDER BY mentions DESC, name""",
    "source_counts": """
        SELECT
            sources.id AS id,
            sources.name AS name,
            sources.kind AS kind,
            sources.domain AS domain,
            (SELECT group_concat(alias, '; ') FROM
                (SELECT a.alias AS alias FROM source_aliases a WHERE a.source_id = sources.id ORDER BY a.alias)
            ) AS aliases,
            (SELECT count(*) FROM citations c WHERE c.source_id = sources.id) AS citations,
            (SELECT count(DISTINCT c.article_id) FROM citations c WHERE c.source_id = sources.id) AS articles
        FROM sources
        ORDER BY citations DESC, name""",
    "article_summaries": """
        SELECT
            articles.id AS id,
            articles.title AS title,
            articles.published AS published,
            substr(articles.published, 1, 7) AS month,
            articles.outlet AS outlet,
            articles.url AS url,
            (SELECT count(*) FROM quotes q WHERE q.article_id = articles.id) AS quotes,
            (SELECT count(DISTINCT m.place_id) FROM place_mentions m WHERE m.article_id = articles.id) AS places,
            (SELECT count(DISTINCT c.source_id) FROM citations c WHERE c.article_id = articles.id) AS sources
        FROM articles
        ORDER BY articles.published DESC, articles.id""",
}


def upgrade() -> None:
    for name, select in VIEWS.items():
        op.execute(f'CREATE VIEW "{name}" AS{select}')


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(f'DROP VIEW IF EXISTS "{name}"')
