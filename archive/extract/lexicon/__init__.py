"""Vocabularies as data: one concept per file, per language, loaded once and validated.

    lexicon/en/cue_verbs.tsv      a table: a header line, then tab-separated rows
    lexicon/en/adverbs.txt        a word list: one entry per line

Lines starting with "#" and blank lines are skipped. A file is one concept,
named by its stem ("cue_verbs"); a language is a folder. ``load_lexicon(lang)``
reads every file of that folder into a frozen ``Lexicon``; it refuses (with
``LexiconError``, naming file and line) a duplicate entry, an empty file, a
table row with the wrong number of fields, and a concept asked for that does
not exist. Extractors read their words from here, never from literals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "ru")
NONE = "-"  # an empty field in a table


class LexiconError(ValueError):
    """A vocabulary file that cannot be used as it is."""


@dataclass(frozen=True)
class Table:
    """The rows of a .tsv concept: ``columns`` from the header, each row a tuple of strings."""

    concept: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def column(self, name: str) -> tuple[str, ...]:
        i = self.columns.index(name)
        return tuple(row[i] for row in self.rows)

    def where(self, column: str, flag: str, key: str | None = None) -> frozenset[str]:
        """The first column (or ``key``) of rows whose ``column`` holds ``flag`` among its comma-separated flags."""
        i, k = self.columns.index(column), self.columns.index(key) if key else 0
        return frozenset(row[k] for row in self.rows if flag in row[i].split(","))

    def mapping(self, key: str, value: str) -> dict[str, str]:
        """key column -> value column, for rows whose value is not empty."""
        i, j = self.columns.index(key), self.columns.index(value)
        return {row[i]: row[j] for row in self.rows if row[j] != NONE}


@dataclass(frozen=True)
class Lexicon:
    lang: str
    _words: MappingProxyType = field(repr=False)
    _tables: MappingProxyType = field(repr=False)
    _ordered: MappingProxyType = field(repr=False)

    @property
    def concepts(self) -> tuple[str, ...]:
        return tuple(sorted({*self._words, *self._tables}))

    def words(self, concept: str) -> frozenset[str]:
        try:
            return self._words[concept]
        except KeyError:
            raise LexiconError(f"no word list {concept!r} in lexicon/{self.lang}/") from None

    def ordered(self, concept: str) -> tuple[str, ...]:
        """A word list in file order (for regexes and lists whose order matters)."""
        return self._ordered[concept]

    def table(self, concept: str) -> Table:
        try:
            return self._tables[concept]
        except KeyError:
            raise LexiconError(f"no table {concept!r} in lexicon/{self.lang}/") from None

    def has(self, concept: str) -> bool:
        return concept in self._words or concept in self._tables

    def regex(self, concept: str, flags: int = 0, boundary: bool = True) -> re.Pattern:
        """One alternation of the list's entries, longest first, generated from the data."""
        return alternation(self.ordered(concept), flags=flags, boundary=boundary)


def alternation(entries, flags: int = 0, boundary: bool = True) -> re.Pattern:
    body = "|".join(re.escape(e) for e in sorted(set(entries), key=lambda e: (-len(e), e)))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if boundary else f"(?:{body})", flags)


def _entries(path: Path) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.rstrip("\n")
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        out.append((number, text.strip() if path.suffix == ".txt" else text))
    return out


def _read_words(path: Path) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    for number, word in _entries(path):
        if word in seen:
            raise LexiconError(f"{path}:{number}: {word!r} is already on line {seen[word]}")
        seen[word] = number
    if not seen:
        raise LexiconError(f"{path}: no entries")
    return tuple(seen)


def _read_table(path: Path) -> Table:
    lines = _entries(path)
    if not lines:
        raise LexiconError(f"{path}: no header")
    header = tuple(c.strip() for c in lines[0][1].split("\t"))
    if len(set(header)) != len(header) or not all(header):
        raise LexiconError(f"{path}:{lines[0][0]}: the header names a column twice or not at all")
    rows, seen = [], {}
    for number, line in lines[1:]:
        row = tuple(c.strip() for c in line.split("\t"))
        if len(row) != len(header):
            raise LexiconError(f"{path}:{number}: {len(row)} fields, the header has {len(header)}")
        if not row[0] or any(not c for c in row):
            raise LexiconError(f"{path}:{number}: an empty field (write {NONE!r} for none)")
        if row[0] in seen:
            raise LexiconError(f"{path}:{number}: {row[0]!r} is already on line {seen[row[0]]}")
        seen[row[0]] = number
        rows.append(row)
    if not rows:
        raise LexiconError(f"{path}: no rows")
    return Table(path.stem, header, tuple(rows))


def load_lexicon(lang: str = "en", root: Path = HERE) -> Lexicon:
    folder = root / lang
    if not folder.is_dir():
        raise LexiconError(f"no lexicon for language {lang!r} ({folder})")
    words, ordered, tables = {}, {}, {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".tsv"):
            continue
        if path.stem in words or path.stem in tables:
            raise LexiconError(f"{path}: concept {path.stem!r} is defined twice")
        if path.suffix == ".txt":
            ordered[path.stem] = _read_words(path)
            words[path.stem] = frozenset(ordered[path.stem])
        else:
            tables[path.stem] = _read_table(path)
    return Lexicon(lang, MappingProxyType(words), MappingProxyType(tables), MappingProxyType(ordered))
