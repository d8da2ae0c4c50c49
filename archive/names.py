"""How names users type are folded into lookup keys. Light: on the search path.

The store writes these keys (place_names.folded, source_aliases.folded) and the
query side folds what users type the same way, so any spelling finds the row.
"""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({c: "" for c in "'’‘`´ʼ\"“”«»„"})
_SEPARATORS = re.compile(r"[\s\-_.,:;!?()\[\]/\\|]+")


def fold(name: str) -> str:
    """Case-folded, white space collapsed: "Kemerovo  Region" -> "kemerovo region"."""
    return " ".join(name.casefold().split())


def fold_source(name: str) -> str:
    """A source spelling's key: case, quotes and apostrophes, punctuation, spaces and
    diacritics do not matter ("Put' Domoj" = "Put Domoj" = "put-domoj")."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch) or ch in "\u0306")  # keep й
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    text = text.removeprefix("the ") if text.startswith("the ") and len(text) > 8 else text
    return _SEPARATORS.sub(" ", text).strip()
