"""The seed article, ingested as a user does, yields exactly the issues' acceptance lists."""
import json

import pytest


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from click.testing import CliRunner

    from archive.present.cli import cli
    from conftest import SEEDS

    path = tmp_path_factory.mktemp("seed") / "archive.db"
    assert CliRunner().invoke(cli, ["--db", str(path), "ingest", str(SEEDS)]).exit_code == 0
    return path


def cli_json(seed_db, *args):
    from click.testing import CliRunner

    from archive.present.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(seed_db), *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_quotes(seed_db):
    quotes = cli_json(seed_db, "quotes")
    got = [(q["text"][:40], q["speaker"], q["kind"], q["via"]) for q in quotes]
    assert got == [
        ("a complete demobilization.", "female relatives of the soldiers", "partial", None),
        ("Civilians should not take part in hostil", "the statement", "direct", None),
        ("We do not impose political choices regar", "the statement", "direct", None),
        ("We are determined to get our men back at", "the statement", "direct", None),
        ("Apparently, they decided to nip it in th", "one woman", "direct", "IStories"),
        ("They come to those who were in favor of ", "one of the relatives from the Krasnoyarsk region", "direct", "IStories"),
        ("stick their arms out of the trenches in ", "a wife of a Russian mobilized soldier", "partial", "Govorit NeMoskva"),
        ("Some write: ‘I'm so tired. Let something", "a wife of a Russian mobilized soldier", "direct", None),
        ("This movement is not for rotation [of th", "a wife of a Russian mobilized soldier", "direct", None),
    ]
    assert quotes[2]["text"].endswith("returns our men to us")
    assert quotes[8]["text"].endswith("Armed Forces")


def test_quotes_are_searchable_by_text_speaker_and_via(seed_db):
    assert len(cli_json(seed_db, "quotes", "hostilities")) == 1
    assert len(cli_json(seed_db, "quotes", "--speaker", "wife")) == 3
    assert len(cli_json(seed_db, "quotes", "--via", "Important Stories")) == 2
    hits = cli_json(seed_db, "search", "bud", "--in", "quotes")["hits"]
    assert len(hits) == 1 and "[bud]" in hits[0]["snippet"]
    assert cli_json(seed_db, "search", "Novosibirsk", "--in", "quotes")["total"] == 0


def test_places(seed_db):
    places = cli_json(seed_db, "places")
    got = sorted((p["name"], p["kind"], p["country_code"]) for p in places)
    assert got == sorted([
        ("Novosibirsk", "city", "RU"), ("Siberia", "other", "RU"), ("Moscow", "city", "RU"),
        ("Saint Petersburg", "city", "RU"), ("Chelyabinsk", "city", "RU"), ("Kemerovo Oblast", "region", "RU"),
        ("Krasnoyarsk Krai", "region", "RU"), ("Ukraine", "country", "UA"), ("Russia", "country", "RU"),
    ])
    assert all(p["latitude"] and p["longitude"] for p in places)


@pytest.mark.parametrize("name", ["Kemerovo Oblast", "Kemerovo region", "Кемерово"])
def test_place_filter_takes_any_name(seed_db, name):
    assert cli_json(seed_db, "search", "protest", "--place", name)["total"] == 1


def test_sources_and_outlet(seed_db):
    sources = {s["name"]: s for s in cli_json(seed_db, "sources")}
    assert set(sources) == {"Vyorstka", "Put' Domoj", "7x7", "IStories", "Govorit NeMoskva", "Mediazona",
                            "Conflict Intelligence Team", "mobilizationnews"}
    assert sources["Put' Domoj"]["kind"] == sources["mobilizationnews"]["kind"] == "telegram channel"
    # the text attributes to IStories five times: according to, told (twice), said, and the investigation by
    assert sources["IStories"]["citations"] == 5
    assert sources["Mediazona"]["citations"] == 2
    assert "CIT" in sources["Conflict Intelligence Team"]["aliases"]
    shown = cli_json(seed_db, "show", "1")
    assert shown["outlet"] == "The Moscow Times"
    for spelling in ("Mediazona", "MediaZona", "Медиазона"):
        assert cli_json(seed_db, "search", "protest", "--source", spelling)["total"] == 1
