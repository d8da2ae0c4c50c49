"""Search filters and facets -> SQL over article ids.

Names come from fixed tables below; every value a user gives is a bound
parameter, never formatted into SQL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.errors import QueryError
from archive.names import fold, fold_source

SCOPES = ("all", "paragraphs", "titles", "quotes")
FACETS = ("place", "country", "source", "speaker", "outlet", "year", "month")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Filters:
    """Different filters combine with AND; values of one filter with OR."""

    places: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "since", _date_bound(self.since, "--since", low=True))
        object.__setattr__(self, "until", _date_bound(self.until, "--until", low=False))


def _date_bound(value: str | None, option: str, low: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD -> the first or last day it covers, as an ISO string."""
    if value is None:
        return None
    match = DATE.match(value.strip())
    if not match:
        raise QueryError(f"{option} {value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise QueryError(f"{option} {value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    if low:
        return f"{year}-{month or '01'}-{day or '01'}"
    return f"{year}-{month or '12'}-{day or '31'}"


def _marks(values) -> str:
    return ", ".join("?" * len(values))


def where_articles(filters: Filters, alias: str = "a") -> tuple[str, list]:
    """SQL conditions on the articles row `alias`, and their parameters."""
    clauses: list[str] = []
    params: list = []
    if filters.places:
        names = [fold(v) for v in filters.places]
        clauses.append(
            f"{alias}.id IN (SELECT pm.article_id FROM place_mentions pm JOIN place_names pn ON pn.place_id = pm.place_id"
            f" WHERE pn.folded IN ({_marks(names)}))"
        )
        params += names
    if filters.countries:
        codes = [v.strip().upper() for v in filters.countries]
        names = [fold(v) for v in filters.countries]
        clauses.append(
            f"{alias}.id IN (SELECT pm.article_id FROM place_mentions pm JOIN places p ON p.id = pm.place_id"
            f" WHERE p.country_code IN ({_marks(codes)}) OR p.country_code IN ("
            f"SELECT c.country_code FROM places c JOIN place_names cn ON cn.place_id = c.id"
            f" WHERE c.kind = 'country' AND cn.folded IN ({_marks(names)})))"
        )
        params += codes + names
    if filters.sources:
        names = [fold_source(v) for v in filters.sources]
        clauses.append(
            f"{alias}.id IN (SELECT ci.article_id FROM citations ci JOIN source_aliases sa ON sa.source_id = ci.source_id"
            f" WHERE sa.folded IN ({_marks(names)}))"
        )
        params += names
    if filters.speakers:
        clauses.append(
            f"{alias}.id IN (SELECT q.article_id FROM quotes q WHERE "
            + " OR ".join("q.speaker LIKE ? ESCAPE '\\'" for _ in filters.speakers) + ")"
        )
        params += [like(v) for v in filters.speakers]
    if filters.outlets:
        clauses.append("(" + " OR ".join(f"{alias}.outlet LIKE ? ESCAPE '\\'" for _ in filters.outlets) + ")")
        params += [like(v, whole=True) for v in filters.outlets]
    if filters.since:
        clauses.append(f"{alias}.published >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append(f"{alias}.published <= ?")
        params.append(filters.until)
    return " AND ".join(clauses), params


def like(value: str, whole: bool = False) -> str:
    """A LIKE pattern: case-insensitive, % and _ in the value taken literally."""
    escaped = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped if whole else f"%{escaped}%"


# facet -> SQL giving (value, article count) over the article ids in temp table `matched`
# facet -> SQL giving (value, article count) over the article ids in temp table `matched`.
# Distinct (article, value) pairs come first, from covering indexes (migration
# 0005), so each group counts plain rows.
FACET_SQL = {
    "place": """SELECT p.name || CASE WHEN p.country_code IS NOT NULL AND p.kind != 'country'
                       THEN ' (' || p.country_code || ')' ELSE '' END, f.n
                FROM (SELECT place_id, count(*) AS n FROM (SELECT DISTINCT article_id, place_id FROM place_mentions
                      WHERE article_id IN matched) GROUP BY place_id) AS f
                JOIN places p ON p.id = f.place_id""",
    "country": """SELECT p.country_code, count(DISTINCT pm.article_id) AS n
                  FROM (SELECT DISTINCT article_id, place_id FROM place_mentions WHERE article_id IN matched) AS pm
                  JOIN places p ON p.id = pm.place_id
                  WHERE p.country_code IS NOT NULL GROUP BY p.country_code""",
    "source": """SELECT s.name, f.n
                 FROM (SELECT source_id, count(*) AS n FROM (SELECT DISTINCT article_id, source_id FROM citations
                       WHERE article_id IN matched) GROUP BY source_id) AS f
                 JOIN sources s ON s.id = f.source_id""",
    "speaker": """SELECT speaker, count(*) AS n FROM (SELECT DISTINCT article_id, speaker FROM quotes
                  WHERE article_id IN matched AND speaker IS NOT NULL) GROUP BY speaker""",
    "outlet": """SELECT a.outlet, count(*) AS n FROM articles a
                 WHERE a.id IN matched AND a.outlet IS NOT NULL GROUP BY a.outlet""",
    "year": """SELECT substr(a.published, 1, 4), count(*) AS n FROM articles a
               WHERE a.id IN matched AND a.published IS NOT NULL GROUP BY 1""",
    "month": """SELECT substr(a.published, 1, 7), count(*) AS n FROM articles a
                WHERE a.id IN matched AND a.published IS NOT NULL GROUP BY 1""",
}


def check_facets(facets) -> tuple[str, ...]:
    for facet in facets:
        if facet not in FACET_SQL:
            raise QueryError(f"unknown facet {facet!r}; choose from {', '.join(FACETS)}")
    return tuple(dict.fromkeys(facets))
