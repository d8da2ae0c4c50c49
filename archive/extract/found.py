"""What the extractors return: plain data, positions refer to ParsedArticle.paragraphs."""
from __future__ import annotations

import pickle
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class FoundQuote:
    paragraph: int | None  # position of the paragraph where the quote opens; None: the title
    start: int  # offset of the quote text (without marks) in that paragraph's (or the title's) text
    end: int  # end offset in that paragraph (a quote running on is cut at its end)
    text: str  # the whole quote, without the marks; paragraphs joined by "\n"
    kind: str  # "direct" | "partial"
    speaker: str | None
    cue: str | None  # said, told, wrote, according to, ...
    via: str | None  # the outlet the speaker spoke to ("told IStories" -> "IStories")
    via_source: "FoundSource | None" = None  # that outlet as the sources stage claimed it, when it did


@dataclass(frozen=True)
class FoundPlace:
    key: str  # stable identity: "gn:<geonames_id>" or "iso:<code>" or "x:<name>"
    name: str  # English name
    kind: str  # city | region | country | other
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    aliases: tuple[str, ...] = ()  # other names users may filter by (Latin and Cyrillic)

    def __reduce__(self):
        # A place from the gazetteer travels as its key: workers send many mentions of the
        # same few places to the writer, which holds the same gazetteer (loaded before it
        # forked them) and looks the place up again, aliases and all. Any other place (not
        # in this process's gazetteer, or none loaded) travels whole and is rebuilt from
        # its fields.
        if _gazetteer_place_of_key(self.key, load=False) == self:
            return _gazetteer_place, (self.key,)
        return FoundPlace, tuple(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class FoundPlaceMention:
    place: FoundPlace
    paragraph: int | None  # None for a mention in the title
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class FoundSource:
    name: str  # canonical name
    kind: str  # "news outlet" | "telegram channel" | "agency" | "organisation"
    domain: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FoundCitation:
    source: FoundSource
    paragraph: int | None  # None for the credit line above the body
    surface: str
    cue: str | None
    href: str | None


def _gazetteer_place(key: str) -> FoundPlace:
    """A place unpickled from its key (see FoundPlace.__reduce__)."""
    place = _gazetteer_place_of_key(key, load=True)
    if place is None:
        raise pickle.UnpicklingError(f"no place {key!r} in this process's gazetteer: pickled with another one")
    return place


def _gazetteer_place_of_key(key: str, load: bool) -> FoundPlace | None:
    """The gazetteer's place of that key, or None; ``load``: load the gazetteer if this process has none."""
    from archive.extract import gazetteer

    gaz = gazetteer.get_gazetteer() if load else gazetteer._GAZETTEER  # never load it just to pickle a place
    if gaz is None:
        return None
    index = gaz.memo.get("place_of_key")
    if index is None:
        index = gaz.memo["place_of_key"] = {k: pid for pid, k in enumerate(gaz.keys)}
    pid = index.get(key)
    return None if pid is None else gaz.place(pid)
