"""A cue verb, an outlet alias and a place alias are each one line of data, and every extractor sees it.

The lexicon and the place data are copied, one line is added to each, and
Resources are built from the copy (load_resources(lexicon_root=..., place_data=...)):
the same sentences are read with the shipped data and with the changed data.
"""
from __future__ import annotations

import shutil

import pytest

from archive.extract import extract
from archive.extract.resources import LEXICON_ROOT, PLACE_DATA, load_resources
from archive.parse.markdown import parse_markdown

CUE_LINE = "harrumphed\tcue\tsaid\tspeech\tcites\n"  # a quote cue; a citation "said"; a person before it; organisations cite
OUTLET = "Sibir.Realii"
OUTLET_ALIAS = "Tomsk Evening Wire"
PLACE_LINE = '  "Kazan|RU": ["Qazanopolis", "Казань"],\n'


def _article(*paragraphs: str):
    body = "\n\n".join(paragraphs)
    return parse_markdown(f"# A test article\n\nMarch 3, 2024\n\n{body}\n", "test.md")


def _add_outlet_alias(path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    (i, line), = [(i, line) for i, line in enumerate(lines) if line.startswith(OUTLET + "\t")]
    lines[i] = line.rstrip("\n") + f"; {OUTLET_ALIAS}\n"  # the one line changed
    path.write_text("".join(lines), encoding="utf-8")


def _replace_place_alias_line(path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    (i,), = [[i for i, line in enumerate(lines) if line.strip().startswith('"Kazan|RU"')]]
    lines[i] = PLACE_LINE
    path.write_text("".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    lexicon, places = root / "lexicon", root / "places"
    shutil.copytree(LEXICON_ROOT, lexicon, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    shutil.copytree(PLACE_DATA, places)
    with open(lexicon / "en" / "cue_verbs.tsv", "a", encoding="utf-8") as fh:
        fh.write(CUE_LINE)
    _add_outlet_alias(lexicon / "sources.tsv")
    _replace_place_alias_line(places / "places.json")
    return load_resources(lexicon_root=lexicon, place_data=places, gazetteer_cache=root / "places.pickle")


def test_the_copied_data_unchanged_reads_as_the_shipped_data(resources, tmp_path):
    shutil.copytree(LEXICON_ROOT, tmp_path / "lexicon", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    copy = load_resources(gazetteer=False, lexicon_root=tmp_path / "lexicon")
    assert copy.en.concepts == resources.en.concepts
    assert copy.registry.sources == resources.registry.sources


def test_a_cue_verb_is_one_line_every_extractor_sees(resources, changed):
    text = _article(
        '"The trains are full again," Irina Volkova harrumphed.',
        "Vladimir harrumphed at the reporters outside the office.",
        "Rosstat harrumphed that the call-up was over.",
    )
    before, after = extract(text, resources), extract(text, changed)

    assert [(q.speaker, q.cue) for q in before.quotes] == [(None, None)]
    assert [(q.speaker, q.cue) for q in after.quotes] == [("Irina Volkova", "harrumphed")]
    # places: a name right before a speech verb is a person, not the city of Vladimir
    assert "Vladimir" in {m.surface for m in before.places}
    assert "Vladimir" not in {m.surface for m in after.places}
    # citations: the verb now cites Rosstat
    assert not [c for c in before.citations if c.paragraph == 2]
    assert [c.cue for c in after.citations if c.paragraph == 2] == ["said"]


def test_an_outlet_alias_is_one_line_every_extractor_sees(resources, changed):
    text = _article(
        f'"We have waited a year," Anna Petrova told {OUTLET_ALIAS}.',
        f"{OUTLET_ALIAS} reported that the school in Seversk was closed.",
    )
    before, after = extract(text, resources), extract(text, changed)

    assert [q.via for q in after.quotes] == [OUTLET_ALIAS]
    assert [q.via_source.name if q.via_source else None for q in before.quotes] == [None]
    assert [q.via_source.name for q in after.quotes] == [OUTLET]  # quotes: via is the outlet
    assert "Tomsk" in {m.surface for m in before.places}
    assert "Tomsk" not in {m.surface for m in after.places}  # places: inside an outlet's name
    assert OUTLET not in {c.source.name for c in before.citations}
    assert [c.source.name for c in after.citations if c.paragraph == 1] == [OUTLET]  # citations


def test_a_place_alias_is_one_line_every_lookup_sees(resources, changed):
    text = _article("Volunteers in Qazanopolis collected warm clothes for the reservists.")
    assert [m.place.name for m in extract(text, resources).places] == []
    assert [(m.surface, m.place.name, m.place.country_code) for m in extract(text, changed).places] == [
        ("Qazanopolis", "Kazan", "RU")]
    assert "Qazanopolis" in changed.gazetteer.place_of_key(extract(text, changed).places[0].place.key).aliases
