"""archive.evaluate: the one scorer of the benchmarks, the tests and ../shared/eval/check.

- it agrees with the judge's ../shared/eval/score.py, figure for figure and line for line,
  on the labelled real-news sets (ingested here with the CLI, as `check` does) and on a
  small database of our own that exercises every rule (people, aliases, optional sources,
  title rows, a missing article);
- a quality gate: the extractors' figures on the real-news sets stay at or above today's;
- the matching functions, on small examples of our own.

The real-news sets are read from ../shared/eval where they are; nothing of them is copied
into the repository, and the tests that need them are skipped where they are absent.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from archive.evaluate import blind, places, quotes, sources
from archive.evaluate.__main__ import main as evaluate_main
from archive.evaluate.score import (
    Tally,
    greedy,
    person_match,
    place_key,
    place_keys,
    score_database,
    source_key,
    source_match,
    speaker_match,
    text_match,
)
from archive.present.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SCORE_PY = SHARED / "score.py"
SETS = ("dev", "dev_ru")

needs_score_py = pytest.mark.skipif(not SCORE_PY.is_file(), reason=f"the judge's scorer is not here: {SCORE_PY}")


def _gold_files(name: str) -> list[Path]:
    return sorted((SHARED / name).glob("*.gold.json"))


def _judge(db: Path, gold: list[Path], *args: str) -> subprocess.CompletedProcess:
    """../shared/eval/score.py run as `check` runs it."""
    return subprocess.run([sys.executable, str(SCORE_PY), str(db), *map(str, gold), *args],
                          capture_output=True, text=True, check=True)


# ---------------------------------------------------------------- the real-news sets


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """Each labelled set ingested into its own database, as ../shared/eval/check does it:
    only the articles (.md, not the README) copied into a temporary folder first."""
    made: dict[str, Path] = {}

    def get(name: str) -> Path:
        if not _gold_files(name):
            pytest.skip(f"the labelled set is not here: {SHARED / name}")
        if name not in made:
            base = tmp_path_factory.mktemp(name)
            folder = base / name
            folder.mkdir()
            for md in (SHARED / name).glob("*.md"):
                if md.name != "README.md":
                    shutil.copy(md, folder / md.name)
            db = base / f"{name}.db"
            result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(folder)], catch_exceptions=False)
            assert result.exit_code == 0, result.output
            made[name] = db
        return made[name]

    return get


@needs_score_py
@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("args", [(), ("--show",), ("--v1", "--show"), ("--only", "places", "--show")])
def test_the_scorer_prints_what_score_py_prints(ingested, name, args):
    db = ingested(name)
    gold = _gold_files(name)
    judge = _judge(db, gold, *args).stdout.splitlines()
    only = args[args.index("--only") + 1] if "--only" in args else None
    ours = score_database(db, gold, only, v1="--v1" in args).lines(show="--show" in args)
    assert ours == judge


@needs_score_py
@pytest.mark.parametrize("name", SETS)
def test_the_figures_are_score_pys(ingested, name):
    db = ingested(name)
    gold = _gold_files(name)
    judge = {}
    for line in _judge(db, gold).stdout.splitlines()[:-1]:
        category, *pairs = line.split()
        judge[category] = dict(p.split("=", 1) for p in pairs)
    figures = score_database(db, gold).figures
    assert {c: {k: str(v) for k, v in f.items()} for c, f in figures.items()} == judge
    assert figures["quotes"]["tp"] > 0 and figures["places"]["tp"] > 0


# Today's figures on the real-news sets (../shared/eval/check), rounded down to 2 decimals.
# A change that lowers one fails here; a change that raises one should raise its floor.
FLOORS = {
    "dev": {
        "quotes": {"P": 0.93, "R": 0.81, "speaker_acc": 0.63, "kind_acc": 0.93},
        "places": {"P": 0.96, "R": 0.93, "country_acc": 1.0},
        "sources": {"P": 0.95, "R": 0.48},
    },
    "dev_ru": {
        "quotes": {"P": 0.68, "R": 0.41, "speaker_acc": 0.46, "kind_acc": 0.8},
        "places": {"P": 0.87, "R": 0.69, "country_acc": 1.0},
        "sources": {"P": 0.0, "R": 0.0},  # no Russian source is found yet
    },
}


@pytest.mark.parametrize("name", SETS)
def test_quality_stays_at_or_above_the_floors(ingested, name):
    figures = score_database(ingested(name), _gold_files(name)).figures
    low = {f"{c} {k}": (figures[c][k], floor) for c, floors in FLOORS[name].items() for k, floor in floors.items()
           if (figures[c][k] or 0.0) < floor}
    assert not low, f"{name}: below the floor (figure, floor): {low}"


# ---------------------------------------------------------------- a database of our own

SCHEMA = """
create table articles (id integer primary key, url text, title text);
create table quotes (id integer primary key, article_id int, paragraph_id int, text text, speaker text, kind text);
create table places (id integer primary key, name text, kind text, country_code text);
create table place_names (place_id int, name text);
create table place_mentions (place_id int, article_id int, paragraph_id int);
create table sources (id integer primary key, name text);
create table citations (source_id int, article_id int, paragraph_id int);
create table people (id integer primary key, name text);
create table person_names (person_id int, name text);
create table person_mentions (person_id int, article_id int, paragraph_id int);
"""


@pytest.fixture
def small(tmp_path) -> tuple[Path, list[Path]]:
    """Two gold files: one article that every rule touches, one article that is not in the database."""
    db = tmp_path / "small.db"
    con = sqlite3.connect(db)
    con.executescript(SCHEMA)
    con.execute("insert into articles values (1, 'https://example.org/a', 'A story')")
    con.executemany("insert into quotes (article_id, paragraph_id, text, speaker, kind) values (1, ?, ?, ?, ?)", [
        (3, "We will not go.", "Anna Petrova, a mother", "direct"),
        (4, "a partial mobilization", "the army", "direct"),
        (None, "In the title only", "nobody", "direct"),
        (5, "Something nobody labelled", None, "direct"),
    ])
    con.executemany("insert into places values (?, ?, ?, ?)", [
        (1, "Perm Krai", "region", "RU"), (2, "Saint Petersburg", "city", "RU"), (3, "Lyon", "city", "FR")])
    con.executemany("insert into place_names values (?, ?)", [(1, "Perm"), (1, "Permskiy kray"), (2, "Petrograd")])
    con.executemany("insert into place_mentions values (?, 1, ?)", [(1, 3), (2, 4), (3, None)])
    con.executemany("insert into sources values (?, ?)", [(1, "The Moscow Times"), (2, "Mediazona"), (3, "Reuters")])
    con.executemany("insert into citations values (?, 1, ?)", [(1, 3), (2, 4), (3, 5)])
    con.executemany("insert into people values (?, ?)", [(1, "Putin"), (2, "Anna Petrova"), (3, "Ivan")])
    con.executemany("insert into person_names values (?, ?)", [(1, "Vladimir Putin")])
    con.executemany("insert into person_mentions values (?, 1, ?)", [(1, 3), (2, 4), (3, None)])
    con.commit()
    con.close()
    a = {
        "title": "A story", "url": "https://example.org/a/",
        "quotes": [{"text": "“We will not go”", "speaker": "her|Anna Petrova", "kind": "direct", "via": None},
                   {"text": "partial mobilization", "speaker": "the Defence Ministry", "kind": "partial", "via": None},
                   {"text": "In the title only", "speaker": "nobody", "kind": "direct", "via": None},
                   {"text": "A quote nobody found", "speaker": "X", "kind": "direct", "via": None}],
        "places": [{"surface": "Perm", "name": "Perm", "kind": "city", "country_code": "RU"},
                   {"surface": "Perm region", "name": "Perm Region", "kind": "region", "country_code": "RU"},
                   {"surface": "St. Petersburg", "name": "St. Petersburg", "kind": "city", "country_code": "RU"},
                   {"surface": "Lyon", "name": "Lyon", "kind": "city", "country_code": "FR"}],
        "sources": [{"surface": "the Moscow Times", "name": "Moscow Times", "kind": "news outlet"},
                    {"surface": "MediaZona", "name": "Mediazona", "kind": "news outlet", "optional": True},
                    {"surface": "Meduza", "name": "Meduza", "kind": "news outlet"}],
        "people": ["Vladimir Putin", "Anna Petrova", "Anna Petrova", "Ivan Ivanov"],
    }
    b = {"title": "Not ingested", "url": "https://example.org/b", "quotes": [{"text": "x", "speaker": "y"}],
         "places": [], "sources": [{"name": "TASS"}], "people": ["Someone"]}
    paths = []
    for name, gold in (("01-a.gold.json", a), ("02-b.gold.json", b)):
        (tmp_path / name).write_text(json.dumps(gold), encoding="utf-8")
        paths.append(tmp_path / name)
    return db, paths


def test_score_database_on_a_database_of_our_own(small):
    db, gold = small
    scores = score_database(db, gold)
    f = scores.figures
    assert list(f) == ["quotes", "places", "sources", "people"]
    # a title row does not count; a partial quote matches its longer found text, kind wrong
    assert (f["quotes"]["tp"], f["quotes"]["fp"], f["quotes"]["fn"]) == (2, 1, 3)
    assert (f["quotes"]["speaker_acc"], f["quotes"]["kind_acc"]) == (0.5, 0.5)
    # Perm (the city) is not the region's capital alias; Perm Region is Perm Krai; Lyon is in the title only
    assert (f["places"]["tp"], f["places"]["fp"], f["places"]["fn"]) == (2, 0, 2)
    # the optional Mediazona counts neither way; Meduza and the missing article's TASS are missed
    assert (f["sources"]["tp"], f["sources"]["fp"], f["sources"]["fn"]) == (1, 1, 2)
    assert (f["people"]["tp"], f["people"]["fp"], f["people"]["fn"]) == (2, 0, 2)
    assert scores.missing == 1
    assert "articles missing=1" in scores.summary()
    assert "  01-a.gold.json quote missed: 'A quote nobody found' (X)" in scores.misses
    assert "  01-a.gold.json place missed: Perm (Perm)" in scores.misses
    assert "  01-a.gold.json source false: Reuters" in scores.misses
    assert "  01-a.gold.json person missed: Ivan Ivanov" in scores.misses
    assert scores.lines()[0] == "02-b.gold.json: article not found (url https://example.org/b)"
    v1 = score_database(db, gold, v1=True).figures
    assert v1["quotes"]["tp"] == 3 and v1["places"]["tp"] == 3  # title rows count (the quote, Lyon)
    assert list(score_database(db, gold, "sources").figures) == ["sources"]
    with pytest.raises(ValueError):
        score_database(db, gold, "speakers")


@needs_score_py
@pytest.mark.parametrize("args", [(), ("--show",), ("--v1", "--show"), ("--only", "people", "--show"),
                                  ("--only", "quotes")])
def test_our_database_scores_as_score_py_scores_it(small, args, capsys):
    db, gold = small
    judge = _judge(db, gold, *args).stdout
    assert evaluate_main([str(db), *map(str, gold), *args]) == 0
    assert capsys.readouterr().out == judge


def test_the_module_runs_like_score_py(small):
    db, gold = small
    out = subprocess.run([sys.executable, "-m", "archive.evaluate", str(db), *map(str, gold), "--only", "places"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout.splitlines()
    assert out[-2].startswith("places   P=1.0 R=0.5 F1=0.667 tp=2 fp=0 fn=2")
    assert out[-1] == "places P=1.0 R=0.5 country_acc=1.0; articles missing=1"


def test_scoring_imports_no_extractor():
    code = ("import sys, archive.evaluate, archive.evaluate.__main__, archive.evaluate.quotes, "
            "archive.evaluate.places, archive.evaluate.sources, archive.evaluate.blind; "
            "print([m for m in sys.modules if m.startswith('archive.extract')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- the judge's matching rules


def test_text_match():
    assert text_match("“We will not go.”", "we will not go")
    assert text_match("partial mobilization", "a partial mobilization")  # contained, 80% of the length
    assert not text_match("mobilization", "a partial mobilization")
    assert text_match("one two three four five six seven eight nine ten",
                      "one two three four five six seven eight nine ten eleven twelve")  # 10 of 12 words
    assert not text_match("", "")
    assert not text_match("one two three four", "five six seven eight")


def test_speaker_match():
    assert speaker_match("Dmitry Peskov", "Kremlin spokesman Dmitry Peskov")
    assert speaker_match("the widow|Olga Ivanova", "Olga Ivanova")
    assert speaker_match("the ministry", "The Ministry")
    assert not speaker_match("Dmitry Peskov", "Sergei Shoigu")
    assert not speaker_match("Dmitry Peskov", None)
    assert speaker_match("Мать солдата Ирина", "Ирина")


def test_place_key_and_keys():
    assert place_key("St. Petersburg") == place_key("Saint Petersburg") == "saint petersburg"
    assert place_key("Perm Krai") == place_key("Perm region") == "perm |region"
    assert place_key("Perm") == "perm"
    assert place_key("the Republic of Tyva") == "tyva |region"
    # a region's names include its capital's, which stand for the region only
    assert place_keys("Perm Krai", "region", ["Perm", "Permskiy kray"]) == {"perm |region", "permskiy |region",
                                                                         "permskiy"}
    assert place_keys("Lipetsk", "city", ["Lipezk"]) == {"lipetsk", "lipezk"}
    assert place_keys("Kemerovo Oblast", "region", ["Kuzbass Oblast"]) == {"kemerovo |region", "kuzbass |region",
                                                                          "kuzbass"}


def test_source_key_and_match():
    assert source_key("The Moscow Times") == "moscowtimes"
    assert source_key("Sibir.Realii (RFE/RL)") == "sibirrealii"
    gold = {"name": "Put Domoy", "surface": "Put' Domoj"}
    assert source_match(gold, "Put' Domoj") and source_match(gold, "Put Domoi")
    assert source_match({"name": "Moscow Times"}, "The Moscow Times")
    assert not source_match({"name": "TASS"}, "")
    assert not source_match({"name": "TASS"}, "RIA Novosti")


def test_person_match():
    assert person_match("Vladimir Putin", "Putin")
    assert not person_match("Vladimir Putin", "Vladimir")  # the last names must agree
    assert person_match("Anna", "anna")
    assert not person_match("Anna", None)


def test_greedy_pairs_in_gold_order_each_prediction_once():
    assert greedy(["a", "a", "b"], ["b", "a"], lambda g, p: g == p) == [(0, 1), (2, 0)]
    assert greedy([], ["x"], lambda g, p: True) == []


def test_tally():
    t = Tally()
    t.add(4, 3, 2)
    t.add(1, 0, 0)
    t.mark("speaker_acc", True)
    t.mark("speaker_acc", False)
    t.mark("speaker_acc", True)
    assert t.figures() == {"P": 0.667, "R": 0.4, "F1": 0.5, "tp": 2, "fp": 1, "fn": 3, "speaker_acc": 0.667}
    assert Tally().figures() == {"P": 0.0, "R": 0.0, "F1": 0.0, "tp": 0, "fp": 0, "fn": 0}


# ---------------------------------------------------------------- the fixtures' matching rules


def _quote(text, speaker=None, kind="direct", cue=None, via=None):
    return SimpleNamespace(text=text, speaker=speaker, kind=kind, cue=cue, via=via)


def test_fixture_quotes_match_by_trimmed_text_and_list_speakers():
    assert quotes.norm_text("  “We’ll  GO,” ") == "we'll go"
    assert quotes.norm_speaker("The Kremlin") == "kremlin" and quotes.norm_speaker(None) == ""
    expected = [{"text": "We will go.", "speaker": ["Its spokesman", "Dmitry Peskov"], "kind": "direct", "cue": "said"},
                {"text": "never", "speaker": "the minister", "kind": "partial"}]
    found = [_quote("“we will go”", "Dmitry Peskov", cue="said"), _quote("extra one", "x")]
    counts, detail = quotes.score_file(expected, found)
    assert counts == {"tp": 1, "fp": 1, "fn": 1, "speaker_ok": 1, "kind_ok": 1, "cue_ok": 1, "via_ok": 1}
    assert detail == {"misses": ["never"], "extras": ["extra one"], "wrong": []}


def test_fixture_places_match_by_surface_and_resolve_by_name_kind_country():
    expected = [("Jenin", "Jenin", "city", "PS"), ("Kama", "Kama River", "other", "RU"), ("Omsk", "Omsk", "city", "RU")]
    predicted = [("Jenin", "Janin", "city", "PS", ("Jenin",)), ("Kama", "Kami", "city", "JP", ()),
                 ("Tomsk", "Tomsk", "city", "RU", ())]
    r = places.score_file(expected, predicted)
    assert (r["found"], r["right"], r["misses"], r["false"]) == (2, 1, [expected[2]], [predicted[2]])
    assert r["wrong"] == [(expected[1], predicted[1])]
    s = places.summarise({"x": r})
    assert (s["precision"], s["recall"], s["resolution"]) == (2 / 3, 2 / 3, 0.5)
    assert places.summarise({})["precision"] == 1.0


def test_fixture_sources_score_pairs_under_the_registry_key():
    registry = {"verstka": SimpleNamespace(name="Vyorstka")}
    key = sources.registry_key(lambda n: registry.get(n.casefold()), str.casefold)
    assert key("Verstka") == "vyorstka" and key("TASS") == "tass"

    def cite(name, kind="news outlet"):
        return SimpleNamespace(source=SimpleNamespace(name=name, kind=kind))

    label = {"sources": [["Vyorstka", "news outlet"], ["TASS", "agency"]], "split": "heldout", "outlet": "Meduza"}
    r = sources.file_result("a.md", label, [cite("Verstka"), cite("TASS"), cite("Reuters", "agency")], "Meduza", key)
    assert r.true_positives == {"vyorstka", "tass"}
    assert r.false_positives == ["Reuters"] and r.misses == []
    assert r.kind_errors == ["TASS: news outlet (want agency)"]
    s = sources.score([r])
    assert (s.tp, s.predicted, s.expected, s.kinds_right, s.outlets_right) == (2, 3, 2, 1, 1)
    assert sources.score([r], "tune").files == 0 and sources.score([r], "heldout").files == 1


def test_blind_matching():
    assert blind.quote_key("  “We will GO!” ") == "we will go"
    assert blind.speaker_ok("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov")
    assert blind.speaker_ok(None, None) and not blind.speaker_ok("x", None)
    known = SimpleNamespace(name="Put Domoy", aliases=("The Way Home",))
    keys = blind.source_keys("Put' Domoj", lookup=lambda n: known)
    assert {"put domoj", "put domoy", "way home"} <= keys
    tally = blind.BlindTally(lambda n: None)
    place = SimpleNamespace(name="Perm", aliases=(), kind="city", country_code="RU")
    label = {"quotes": [{"text": "Go home.", "speaker": "Anna", "kind": "direct"}],
             "places": [{"surface": "Perm", "name": "Perm", "kind": "city", "country_code": "RU"}] * 2,
             "sources": [{"name": "TASS"}], "outlet": "Meduza"}
    notes = tally.add(label, [_quote("go home", "anna")], [SimpleNamespace(surface="Perm", place=place)],
                      [SimpleNamespace(source=SimpleNamespace(name="TASS", aliases=()))], "Meduza")
    assert notes == ["  place missed: 'Perm' x1"]
    lines = tally.lines("mine")
    assert lines[0] == "mine: 1 articles"
    assert "precision 1.000  recall 0.500  resolution 1.000" in lines[2]
    assert lines[3].endswith("outlet right 1/1")
