"""The project's enumerations, stated once. Light: on the search path.

Extractors produce these values, the store writes them, queries filter on them
and the CLI offers them as choices; everything imports them from here.
"""
from __future__ import annotations

SOURCE_KINDS = ("news outlet", "telegram channel", "agency", "organisation")
NEWS_OUTLET, TELEGRAM_CHANNEL, AGENCY, ORGANISATION = SOURCE_KINDS

PLACE_KINDS = ("city", "region", "country", "other")
CITY, REGION, COUNTRY, OTHER_PLACE = PLACE_KINDS

QUOTE_KINDS = ("direct", "partial")
DIRECT, PARTIAL = QUOTE_KINDS

# every table of the schema, in the order `archive stats` lists them (a test checks it against the models)
TABLES = ("articles", "paragraphs", "links", "quotes", "places", "place_names", "place_mentions",
          "sources", "source_aliases", "citations", "files")
