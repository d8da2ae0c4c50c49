"""Vocabularies are data: every lexicon file loads and validates, and extractor code holds no word lists."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from archive.extract.lexicon import LANGUAGES, LexiconError, load_lexicon

EXTRACT = Path(__file__).resolve().parent.parent / "archive" / "extract"
MAX_LITERAL = 5  # a literal collection of more strings than this belongs in a lexicon file


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lexicon_loads(lang):
    lexicon = load_lexicon(lang)
    assert lexicon.concepts
    for concept in lexicon.concepts:
        try:
            assert lexicon.words(concept)
        except LexiconError:
            assert lexicon.table(concept).rows


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder.parent


def test_a_duplicate_word_is_refused_with_its_lines(tmp_path):
    root = _write(tmp_path / "en", "adverbs.txt", "# adverbs\nalso\nlater\nalso\n")
    with pytest.raises(LexiconError, match=r"adverbs.txt:4: 'also' is already on line 2"):
        load_lexicon("en", root)


def test_an_empty_word_list_is_refused(tmp_path):
    root = _write(tmp_path / "en", "adverbs.txt", "# nothing yet\n\n")
    with pytest.raises(LexiconError, match="no entries"):
        load_lexicon("en", root)


def test_a_table_row_with_a_missing_field_is_refused(tmp_path):
    root = _write(tmp_path / "en", "cue_verbs.tsv", "form\tquotes\nsaid\tcue\ntold\n")
    with pytest.raises(LexiconError, match=r"cue_verbs.tsv:3: 1 fields, the header has 2"):
        load_lexicon("en", root)


def test_a_duplicate_table_key_and_an_empty_table_are_refused(tmp_path):
    root = _write(tmp_path / "en", "cue_verbs.tsv", "form\tquotes\nsaid\tcue\nsaid\tweak\n")
    with pytest.raises(LexiconError, match="already on line 2"):
        load_lexicon("en", root)
    root = _write(tmp_path / "xx", "cue_verbs.tsv", "form\tquotes\n")
    with pytest.raises(LexiconError, match="no rows"):
        load_lexicon("xx", tmp_path)


def test_a_concept_asked_for_that_does_not_exist_names_itself():
    with pytest.raises(LexiconError, match="no word list 'no_such_concept'"):
        load_lexicon("en").words("no_such_concept")


def test_regexes_are_generated_from_the_data_longest_first():
    lexicon = load_lexicon("en")
    pattern = lexicon.regex("months")
    assert pattern.search("since sept 2023").group() == "sept"
    assert pattern.search("in september").group() == "september"
    assert pattern.search("decent") is None


def _literal_collections(tree: ast.AST):
    """Sets, lists, tuples of string constants, and "a b c".split() calls, with their sizes
    (``__slots__`` and ``__all__`` name attributes, not words)."""
    names = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
             and any(isinstance(t, ast.Name) and t.id in ("__slots__", "__all__") for t in node.targets)}
    for node in ast.walk(tree):
        if id(node) in names:
            continue
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            strings = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) > MAX_LITERAL:
                yield node.lineno, len(strings)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str) \
                and not node.args:
            words = node.func.value.value.split()
            if len(words) > MAX_LITERAL:
                yield node.lineno, len(words)


def test_extractor_code_holds_no_word_lists():
    found = []
    for path in sorted(EXTRACT.rglob("*.py")):
        for line, size in _literal_collections(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(EXTRACT)}:{line}: {size} strings")
    assert not found, "word lists belong in archive/extract/lexicon/:\n" + "\n".join(found)
