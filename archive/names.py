"""How names users type are folded into lookup keys. Light: on the search path.

The store writes these keys (place_names.folded, source_aliases.folded) and the
query side folds what users type the same way, so any spelling finds the row.
"""
from __future__ import annotations

import re
import unicodedata

_QUOTES = "'\u2019\u2018\u02bc`\u00b4\"\u201c\u201d\u201e\u00ab\u00bb\u2032"
_DROP_QUOTES = str.maketrans("", "", _QUOTES)
_NON_WORD = re.compile(r"[\W_]+")


def fold(name: str) -> str:
    """Case-folded, white space collapsed: "Kemerovo  Region" -> "kemerovo region"."""
    return " ".join(name.casefold().split())


def fold_source(text: str) -> str:
    """The key under which spellings of one source merge.

    Case-folded; apostrophes and quotes dropped; other punctuation, underscores
    and runs of spaces become one space; Latin diacritics and a leading "the"
    dropped; ё = е. "Put' Domoj", "Put Domoj" and "PUT DOMOJ" share a key, as do
    "Sibir.Realii" and "Sibir Realii", "IStories" and "iStories".
    """
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text)
    if not s.isascii():
        s = unicodedata.normalize("NFC", _without_latin_marks(unicodedata.normalize("NFD", s)))
    s = s.casefold().replace("ё", "е").replace("&", " and ")
    s = s.translate(_DROP_QUOTES)
    s = _NON_WORD.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def _without_latin_marks(decomposed: str) -> str:
    """Drop every combining mark that follows a Latin letter ("é" -> "e"), whatever its
    kind or order (NFD sorts marks by class, so a foreign mark can come first);
    Cyrillic "й" keeps its breve."""
    kept = []
    after_latin = False
    for char in decomposed:
        if unicodedata.combining(char):
            if after_latin:
                continue
        else:
            after_latin = char.isascii() and char.isalpha()
        kept.append(char)
    return "".join(kept)
