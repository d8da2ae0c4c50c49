import json

import pytest

from archive.query.search import fts_query
from archive.errors import QueryError

from conftest import FIXTURES


def test_novosibirsk_finds_the_seed_with_its_paragraph(run, seeded):
    result = run("search", "Novosibirsk", "--json")
    data = json.loads(result.output)
    assert data["query"] == "Novosibirsk" and data["total"] == 1
    hit = data["hits"][0]
    assert set(hit) == {"article_id", "title", "published", "outlet", "url", "paragraph_id", "position", "snippet", "rank"}
    assert hit["position"] == 1
    assert "[Novosibirsk]" in hit["snippet"]
    assert hit["published"] == "2023-11-20"


def test_table_output_highlights_with_brackets_when_piped(run, seeded):
    result = run("search", "Novosibirsk")
    assert result.exit_code == 0
    assert "Anti-Mobilization Protests" in result.output
    assert "[Novosibirsk]" in result.output
    assert "2023-11-20" in result.output and "https://www.themoscowtimes.com/" in result.output


def test_stemming_finds_protests(run, seeded):
    data = json.loads(run("search", "protest", "--json").output)
    assert data["total"] == 1
    assert "[protest" in data["hits"][0]["snippet"].lower()


def test_no_match_says_so(run, seeded):
    result = run("search", "Kyiv")
    assert result.exit_code == 0
    assert "No articles match 'Kyiv'" in result.output
    assert json.loads(run("search", "Kyiv", "--json").output) == {"query": "Kyiv", "total": 0, "hits": []}


@pytest.mark.parametrize("query", ["St. Petersburg", "7x7", "Put' Domoj", '"unbalanced', "mobiliz*", "IStories:", "a-b (c"])
def test_user_text_is_safe(run, seeded, query):
    result = run("search", query, "--json")
    assert result.exit_code == 0, result.output
    json.loads(result.output)


@pytest.mark.parametrize("query", ["St. Petersburg", "7x7", "Put' Domoj", "mobiliz*", "demobiliz*"])
def test_safe_queries_find_the_seed(run, seeded, query):
    assert json.loads(run("search", query, "--json").output)["total"] == 1, query


def test_prefix_search_still_a_prefix(run, seeded):
    assert json.loads(run("search", "Novosib*", "--json").output)["total"] == 1
    assert json.loads(run("search", "Novosib", "--json").output)["total"] == 0


def test_raw_passes_fts_syntax(run, seeded):
    assert json.loads(run("search", "--raw", '"Siberian city" AND Novosibirsk', "--json").output)["total"] == 1
    assert json.loads(run("search", "--raw", "Novosibirsk NOT Moscow", "--json").output)["total"] == 0
    assert json.loads(run("search", "--raw", "NEAR(women protest, 5)", "--json").output)["total"] == 1


def test_raw_syntax_error_is_one_line_exit_2(run, seeded):
    result = run("search", "--raw", "foo AND (")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "syntax error" in lines[0]


def test_empty_query_is_an_error(run, seeded):
    for query in ("", '"', "*"):
        result = run("search", query)
        assert result.exit_code == 2, query
        assert result.output.startswith("Error:")


def test_missing_database_is_one_line(run, tmp_path):
    result = run("search", "x", db=tmp_path / "missing.db")
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: no archive at")
    assert not (tmp_path / "missing.db").exists()


def test_not_a_database_is_one_line(run, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite" * 100)
    for args in (["search", "x"], ["ingest", str(FIXTURES / "articles")]):
        result = run(*args, db=bogus)
        assert result.exit_code == 1
        assert "Error:" in result.output and "Traceback" not in result.output
    assert bogus.read_text().startswith("this is not sqlite")


def test_title_hits_rank_above_body_hits(run, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "body.md").write_text("# Weather report\n\nToday's pangolin sighting was brief.\n\nOriginal url: https://e.org/1\n")
    (folder / "title.md").write_text("# Pangolin protest\n\nA paragraph about pangolin rights.\n\nOriginal url: https://e.org/2\n")
    run("ingest", str(folder))
    data = json.loads(run("search", "pangolin", "--json").output)
    assert [h["title"] for h in data["hits"]] == ["Pangolin protest", "Weather report"]


def test_one_hit_per_article_limit_offset_and_formats(run, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.md").write_text(f"# Article {n}\n\nAardvark one.\n\nAardvark two.\n\nOriginal url: https://e.org/{n}\n")
    run("ingest", str(folder))
    data = json.loads(run("search", "aardvark", "--json", "--limit", "2", "--offset", "1").output)
    assert data["total"] == 5 and len(data["hits"]) == 2
    assert len({h["article_id"] for h in json.loads(run("search", "aardvark", "--json").output)["hits"]}) == 5
    nl = run("search", "aardvark", "--nl").output.strip().splitlines()
    assert len(nl) == 5 and all(json.loads(line)["title"].startswith("Article") for line in nl)
    csv_lines = run("search", "aardvark", "--csv").output.strip().splitlines()
    assert csv_lines[0] == "article_id,title,published,outlet,url,paragraph_id,position,snippet,rank"
    assert len(csv_lines) == 6
    past = json.loads(run("search", "aardvark", "--json", "--offset", "10").output)
    assert past["total"] == 5 and past["hits"] == []
    bad = run("search", "aardvark", "--limit", "-1")
    assert bad.exit_code == 2


def test_cyrillic_and_diacritics(run, articles_dir, db_path):
    run("ingest", str(articles_dir / "cyrillic.md"))
    assert json.loads(run("search", "Новосибирске", "--json").output)["total"] == 1
    assert json.loads(run("search", "протесты", "--json").output)["total"] == 1  # title, case-folded
    assert json.loads(run("search", "cafe", "--json").output)["total"] == 1  # remove_diacritics 2


def test_fts_query_quotes_every_term():
    assert fts_query('St. Petersburg') == '"St." "Petersburg"'
    assert fts_query('"unbalanced') == '"""unbalanced"'
    assert fts_query("mobiliz*") == '"mobiliz"*'
    assert fts_query("mobiliz*", lambda prefix: ["mobil"]) == '("mobiliz"* OR "mobil")'
    with pytest.raises(QueryError):
        fts_query("  \x00 ")
