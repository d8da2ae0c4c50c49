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
    via_source: FoundSource | None = None  # that outlet as the sources stage claimed it, when it did


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
        # A place from a gazetteer travels as (that gazetteer's stamp, its key): workers send many
        # mentions of the same few places to the writer, which registered the same gazetteer
        # (load_resources does, before ingest forks the workers) and looks the place up again,
        # aliases and all. Any other place (in no gazetteer this process registered) travels
        # whole and is rebuilt from its fields.
        from archive.extract.places.gazetteer import registered

        for gaz in registered():
            if gaz.place_of_key(self.key) == self:
                return _gazetteer_place, (self.key, gaz.stamp)
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
    kind: str  # one of archive.kinds.SOURCE_KINDS
    domain: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FoundCitation:
    source: FoundSource
    paragraph: int | None  # None for the credit line above the body
    surface: str
    cue: str | None
    href: str | None


def _gazetteer_place(key: str, stamp: str | None = None) -> FoundPlace:
    """A place unpickled from its key (see FoundPlace.__reduce__)."""
    place = _gazetteer_place_of_key(key, stamp)
    if place is None:
        raise pickle.UnpicklingError(f"no place {key!r} in this process's gazetteer: pickled with another one")
    return place


def _gazetteer_place_of_key(key: str, stamp: str | None) -> FoundPlace | None:
    """The place of that key in the gazetteer of that stamp this process registered for unpickling.

    None registered under that stamp: load the gazetteer, and register it when its stamp is that one.
    """
    from archive.extract.places.gazetteer import load_gazetteer, registered_gazetteer

    gaz = registered_gazetteer(stamp)
    if gaz is None:
        gaz = load_gazetteer()
        if gaz.stamp != stamp:
            return None
        gaz.register_for_unpickling()
    return gaz.place_of_key(key)
