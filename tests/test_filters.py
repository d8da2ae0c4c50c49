"""Filters, facets and listings, over articles stored with known quotes, places and citations."""
import json

import pytest

from archive.store.db import connect_for_writing
from archive.extract import Extraction
from archive.extract.found import FoundCitation, FoundPlace, FoundPlaceMention, FoundQuote, FoundSource
from archive.parse.markdown import parse_markdown
from archive.store.rows import rows_of
from archive.store.writer import Store

MOSCOW = FoundPlace("gn:524901", "Moscow", "city", "RU", 55.75, 37.62, 524901, ("Moskva", "Москва"))
KEMEROVO = FoundPlace("iso:RU-KEM", "Kemerovo Oblast", "region", "RU", 55.35, 86.09, None,
                      ("Kemerovo region", "Кемеровская область", "Kuzbass"))
KYIV = FoundPlace("gn:703448", "Kyiv", "city", "UA", 50.45, 30.52, 703448, ("Kiev", "Київ"))
RUSSIA = FoundPlace("gn:2017370", "Russia", "country", "RU", 60.0, 100.0, 2017370, ("Россия", "Russian Federation"))
MEDIAZONA = FoundSource("Mediazona", "news outlet", "zona.media", ("MediaZona", "Медиазона"))
ISTORIES = FoundSource("IStories", "news outlet", "istories.media", ("iStories", "Important Stories", "Важные истории"))

ARTICLES = [
    # (date, outlet, places, sources, speakers, body)
    ("2023-10-05", "meduza.io", [MOSCOW, RUSSIA], [MEDIAZONA], ["a lawyer"], "Walrus protest in Moscow."),
    ("2023-11-02", "meduza.io", [KEMEROVO], [ISTORIES], ["one woman"], "Walrus rally in the Kemerovo region."),
    ("2023-11-20", "themoscowtimes.com", [KEMEROVO, MOSCOW], [MEDIAZONA, ISTORIES], ["one woman", "the governor"],
     "Walrus appeal in Kemerovo and Moscow."),
    ("2024-01-15", "kyivindependent.com", [KYIV], [], ["the mayor"], "Other news from Kyiv about walrus."),
]


@pytest.fixture
def archive_db(tmp_path):
    path = tmp_path / "f.db"
    conn = connect_for_writing(path)
    store = Store(conn)
    for n, (date, outlet, places, sources, speakers, body) in enumerate(ARTICLES):
        article = parse_markdown(f"# Article {n}\n\n{date}\n\n{body}\n\nOriginal url: https://{outlet}/{n}\n", f"{n}.md")
        extraction = Extraction(
            outlet=outlet,
            quotes=tuple(FoundQuote(0, 0, 4, f"Words {n} {s}", "direct", s, "said", None) for s in speakers),
            places=tuple(FoundPlaceMention(p, 0, p.name, 0, len(p.name)) for p in places),
            citations=tuple(FoundCitation(s, 0, s.name, "reported", "#") for s in sources),
        )
        store.save(rows_of(article, extraction), f"hash{n}", f"{n}.md")
    conn.close()
    return path


def search(run, db, *args):
    result = run("search", *args, "--json", db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def titles(data):
    return sorted(h["title"] for h in data["hits"])


def test_place_filter_by_any_name(run, archive_db):
    for name in ("Kemerovo Oblast", "Kemerovo region", "кемеровская область", "KUZBASS"):
        assert titles(search(run, archive_db, "walrus", "--place", name)) == ["Article 1", "Article 2"], name
    assert titles(search(run, archive_db, "walrus", "--place", "Москва")) == ["Article 0", "Article 2"]


def test_same_filter_twice_is_or_different_filters_and(run, archive_db):
    assert titles(search(run, archive_db, "walrus", "--place", "Kyiv", "--place", "Moskva")) == ["Article 0", "Article 2", "Article 3"]
    assert titles(search(run, archive_db, "walrus", "--place", "Moscow", "--source", "Важные истории")) == ["Article 2"]


def test_source_country_outlet_speaker_and_dates(run, archive_db):
    assert titles(search(run, archive_db, "walrus", "--source", "mediazona")) == ["Article 0", "Article 2"]
    assert titles(search(run, archive_db, "walrus", "--country", "UA")) == ["Article 3"]
    assert titles(search(run, archive_db, "walrus", "--country", "Russia")) == ["Article 0", "Article 1", "Article 2"]
    assert titles(search(run, archive_db, "walrus", "--outlet", "meduza.io")) == ["Article 0", "Article 1"]
    assert titles(search(run, archive_db, "walrus", "--speaker", "woman")) == ["Article 1", "Article 2"]
    assert titles(search(run, archive_db, "walrus", "--since", "2023-11-01", "--until", "2023-11")) == ["Article 1", "Article 2"]
    assert titles(search(run, archive_db, "walrus", "--since", "2024")) == ["Article 3"]


def test_facets_count_the_whole_matching_set_not_the_page(run, archive_db):
    data = search(run, archive_db, "walrus", "--limit", "1", "--facet", "place", "--facet", "source",
                  "--facet", "month", "--facet", "year", "--facet", "outlet", "--facet", "country", "--facet", "speaker")
    assert data["total"] == 4 and len(data["hits"]) == 1
    facets = {name: {v["value"]: v["count"] for v in values} for name, values in data["facets"].items()}
    assert facets["place"] == {"Moscow (RU)": 2, "Kemerovo Oblast (RU)": 2, "Russia": 1, "Kyiv (UA)": 1}
    assert facets["source"] == {"Mediazona": 2, "IStories": 2}
    assert facets["month"] == {"2023-10": 1, "2023-11": 2, "2024-01": 1}
    assert facets["year"] == {"2023": 3, "2024": 1}
    assert facets["outlet"] == {"meduza.io": 2, "themoscowtimes.com": 1, "kyivindependent.com": 1}
    assert facets["country"] == {"RU": 3, "UA": 1}
    assert facets["speaker"]["one woman"] == 2


def test_no_query_facets_the_whole_archive(run, archive_db):
    data = search(run, archive_db, "--facet", "place", "--since", "2023-11-01")
    assert data["total"] == 3
    assert {v["value"]: v["count"] for v in data["facets"]["place"]}["Kemerovo Oblast (RU)"] == 2
    assert [h["published"] for h in data["hits"]] == ["2024-01-15", "2023-11-20", "2023-11-02"]


def test_unknown_facet_and_bad_date_are_one_line_exit_2(run, archive_db):
    result = run("search", "walrus", "--facet", "colour", db=archive_db)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: unknown facet 'colour'; choose from place, country, source, speaker, outlet, year, month"]
    result = run("search", "walrus", "--since", "last week", db=archive_db)
    assert result.exit_code == 2 and "is not a date" in result.output


def test_filter_values_are_parameters_not_sql(run, archive_db):
    for value in ("x' OR 1=1 --", "%", "_", "\\"):
        data = search(run, archive_db, "walrus", "--place", value, "--source", value)
        assert data["total"] == 0
    assert search(run, archive_db, "walrus", "--speaker", "%")["total"] == 0


def test_table_output_lists_facets(run, archive_db):
    result = run("search", "walrus", "--facet", "source", db=archive_db)
    assert "source:" in result.output and "Mediazona" in result.output


def test_quotes_places_sources_listings(run, archive_db):
    quotes = json.loads(run("quotes", "--speaker", "woman", "--json", db=archive_db).output)
    assert {q["speaker"] for q in quotes} == {"one woman"} and len(quotes) == 2
    assert len(json.loads(run("quotes", "governor", "--json", db=archive_db).output)) == 1
    assert len(json.loads(run("quotes", "--article", "4", "--json", db=archive_db).output)) == 1
    places = json.loads(run("places", "--country", "RU", "--json", db=archive_db).output)
    assert [(p["name"], p["articles"]) for p in places][:2] == [("Kemerovo Oblast", 2), ("Moscow", 2)]
    assert all(p["latitude"] is not None for p in places)
    regions = json.loads(run("places", "--kind", "region", "--json", db=archive_db).output)
    assert [p["name"] for p in regions] == ["Kemerovo Oblast"]
    sources = json.loads(run("sources", "--json", db=archive_db).output)
    assert {s["name"]: (s["citations"], s["articles"]) for s in sources} == {"Mediazona": (2, 2), "IStories": (2, 2)}
    assert "Важные истории" in next(s for s in sources if s["name"] == "IStories")["aliases"]
    one = json.loads(run("sources", "important stories", "--json", db=archive_db).output)
    assert one["name"] == "IStories" and len(one["citations"]) == 2


def test_show_and_stats(run, archive_db):
    shown = json.loads(run("show", "3", "--json", db=archive_db).output)
    assert shown["title"] == "Article 2" and len(shown["quotes"]) == 2 and len(shown["places"]) == 2
    assert {c["name"] for c in shown["citations"]} == {"Mediazona", "IStories"}
    assert json.loads(run("show", "https://meduza.io/0", "--json", db=archive_db).output)["title"] == "Article 0"
    assert run("show", "nope", db=archive_db).exit_code == 2
    stats = json.loads(run("stats", "--json", db=archive_db).output)
    assert stats["tables"]["articles"] == 4 and stats["schema_version"] and stats["bytes"] > 0


def test_bad_ids_and_limits_are_one_line(run, archive_db):
    for args in (["show", "²"], ["show", "99999999999999999999"], ["quotes", "--article", "99999999999999999999"],
                 ["search", "x", "--limit", "99999999999999999999"], ["places", "--limit", "-1"]):
        result = run(*args, db=archive_db)
        assert result.exit_code == 2, args
        assert "Error:" in result.output and "Traceback" not in result.output
