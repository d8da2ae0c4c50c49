"""What the extractors read besides the article, built once and passed explicitly.

``load_resources()`` builds the lexicons, the outlet registry and the gazetteer
once, before ingest forks its workers (which then share the pages); every
extractor takes them as an argument. Nothing is a module singleton, so a test
that wants other data builds other Resources instead of clearing caches.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.extract.lexicon import HERE as LEXICON_ROOT
from archive.extract.lexicon import LANGUAGES, Lexicon, load_lexicon

PLACE_DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, eq=False)
class Resources:
    lexicons: dict[str, Lexicon]
    registry: Any = None  # archive.extract.sources.registry.Registry
    gazetteer: Any = None  # archive.extract.places.gazetteer.Gazetteer
    memo: dict = field(default_factory=dict, repr=False)  # per-resources facts engines compute on first use

    @property
    def en(self) -> Lexicon:
        return self.lexicons["en"]

    def lexicon(self, lang: str) -> Lexicon:
        return self.lexicons[lang]


def load_resources(*, gazetteer: bool = True, lexicon_root: Path = LEXICON_ROOT, place_data: Path = PLACE_DATA,
                   gazetteer_cache: Path | None = None) -> Resources:
    """Everything extraction needs, read from ``lexicon_root`` (en/, ru/, sources.tsv, ...) and
    ``place_data`` (places.json, common_words.txt): another root is another vocabulary for every
    extractor at once. ``gazetteer=False`` skips the ~0.15 s gazetteer load (no places);
    ``gazetteer_cache`` is the pickle to keep it in (default: the user's cache folder)."""
    lexicons = {lang: load_lexicon(lang, lexicon_root) for lang in LANGUAGES}
    from archive.extract.places.gazetteer import load_gazetteer
    from archive.extract.sources.registry import load_registry

    # register_for_unpickling: the one place a process says which gazetteer its places unpickle with
    places = load_gazetteer(gazetteer_cache, place_data, lexicon_root).register_for_unpickling() if gazetteer else None
    return Resources(lexicons=lexicons, registry=load_registry(lexicon_root), gazetteer=places)
