"""Places named in an article: gazetteer match, rules against false places, disambiguation.

    extract_places(article) -> list[FoundPlaceMention]
    lookup_places(name) -> list[FoundPlace]

Pure apart from reading the gazetteer (see gazetteer.py), which is loaded once
per process.

How a name becomes a mention:

1. Every gazetteer name found on word boundaries, case-sensitively, longest
   first ("Govorit NeMoskva" holds no "Moskva"; "Kemerovo region" beats
   "Kemerovo"; "Moscow Times" is a blocked phrase, not Moscow).
2. Rules drop names that are something else here:
   * common English words ("Police", "Nice", "Reading", "Of") and names that
     are also first names or surnames ("Vladimir", "Kirov", "Lincoln") need a
     cue: a locative word before them ("in", "from", "near", "city of"...), or
     a qualifier after them ("Nice, France"). Person cues (a title or a
     capitalised word before, a capitalised word or "said" after) drop them;
   * a small place glued to other capitalised words is part of a longer name
     ("Alexander Hamilton", "Moscow Times"); a capitalised word before a city
     name, mid-sentence, makes it part of a person's or an organisation's name;
   * a demonym names a place only before a place noun ("the Siberian city of").
3. Each distinct name is resolved once per article: candidates are scored by
   population, an explicit qualifier ("Moscow, Idaho"), the regions and
   countries the article mentions otherwise, primary name over alternate name.
"""
from __future__ import annotations

import math
import re

from ..document import ParsedArticle
from .found import FoundPlace, FoundPlaceMention
from .gazetteer import (
    BLOCK, COMMON, CUE_ONLY, CYRILLIC, DEMONYM, FORM, NORMALISE, NOT_PLACE, PERSON,
    Gazetteer, fold, get_gazetteer, match_text,
)

__all__ = ["extract_places", "lookup_places"]

_SENTENCE_END = set('.!?:;"\u201c\u201d\u00ab\u00bb(\u2014\u2013\n*\u2022|[')
_NEXT_WORD = re.compile(r"\s?([^\W\d_][\w'-]*)")
_COORD_REGIONS = re.compile(
    r"(?:(?:,\s*|,?\s+and\s+|,?\s+or\s+)[A-Z\u0410-\u042f][\w'-]*(?:\s[A-Z][\w'-]*)?)*"
    r"\s+(?:regions|oblasts|Oblasts|Regions|provinces|Provinces|krais|territories|Territories)\b"
)
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
# "KYIV, May 18 (Reuters) -", "MOSCOW, Idaho (AP) —", "BRUSSELS (Reuters) -", "VLADIVOSTOK, June 11. /TASS/."
_DATELINE = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?=,| \(|\.? /| [-\u2014\u2013])")

# "Tomsk Regional Court", "Kyiv School of Economics", "Idaho Office for Refugees": a place
# followed by capitalised words one of which heads an institution's name is part of that name.
_ORG_HEADS = frozenset("""
Court Courts School University Institute Academy College Conservatory Lyceum Gymnasium Plant Factory Works
Council Department Office Police Highway Services Service Museum Gallery Theatre Theater Philharmonic
Orchestra Hospital Clinic Bank Exchange Ministry Committee Commission Administration Prosecutor Prosecutor's
Airport Station Railway Metro Stadium Arena Cathedral Church Diocese Eparchy Monastery Mosque Synagogue
Company Corporation Association Union Society Foundation Fund Center Centre Agency Bureau Prison Colony
Club Group Party Forum Summit Conference Parliament Assembly Legislature Duma Senate Library Zoo Port
Authority Board Directorate Inspectorate Garrison Brigade Regiment Battalion Division Army Fleet Command
""".split())
_ORG_TAIL = re.compile(r"(?: (?:(?:of|and|for|&|the) )*[A-Z][\w.'\u2019-]*){1,5}")
# "University of Idaho", "Bank of Russia", "American University of Central Asia"
_ORG_OF = frozenset("""
University Institute Academy School College Conservatory Bank Museum Ministry Council Committee Commission
Church Patriarch Diocese Metropolitan Archbishop Bishop Embassy Consulate
""".split())
# "the Kursk nuclear power plant": power plants are named after a city they are not in
_PLANT = re.compile(r" (?:(?:nuclear|hydroelectric|thermal|coal-fired) )?(?:power (?:plant|station)|nuclear plant|NPP)\b")
_CUE_ONLY_NOT = frozenset({"countries", "states", "nations", "republics", "fleet", "nation", "country"})
# "Perm is not the first region where ...": the name stands for its region
_COPULA_REGION = re.compile(
    r"\s+(?:is|was|remains|became|has become)\s+(?:not\s+|also\s+|now\s+)?(?:the|a|an|one of the)\s+"
    r"(?:[a-z]+\s+){0,2}(?:region|regions|oblast|krai|province|territory)\b"
)

_PRE_LOWER = frozenset({"central", "northern", "southern", "eastern", "western", "downtown", "occupied",
                        "northeastern", "northwestern", "southeastern", "southwestern", "rural", "suburban"})

MAJOR = 100_000  # a city at least this big may carry an institution's name ("Moscow City Court")
BIG_PERSONLIKE = 200_000  # "Vladimir" alone is the city; "Vladimir said" is not
EXEMPT_COMMON = 1_000_000  # "Paris", "Phoenix": too big to be the common word


class _Span:
    __slots__ = ("para", "start", "end", "text", "eid", "cands", "qualifiers", "group", "cue", "tentative")

    def __init__(self, para, start, end, text, eid, cands):
        self.para = para
        self.start = start
        self.end = end
        self.text = text
        self.eid = eid
        self.cands = cands  # tuple of (place id, primary)
        self.qualifiers: set[str] = set()
        self.cue = False
        self.tentative = False


def extract_places(article: ParsedArticle) -> list[FoundPlaceMention]:
    g = get_gazetteer()
    spans: list[_Span] = []
    persons: set[int] = set()
    if article.title:
        spans.extend(_paragraph_spans(g, None, article.title, _is_title_case(article.title), persons))
    for p in article.paragraphs:
        spans.extend(_paragraph_spans(g, p.position, p.text, False, persons))
    if not spans:
        return []
    if persons or any(s.tentative for s in spans):
        spans = _article_rules(g, spans, persons)
        if not spans:
            return []
    chosen = _resolve(g, spans)
    return [
        FoundPlaceMention(place=g.place(pid), paragraph=s.para, surface=s.text, start=s.start, end=s.end)
        for s, pid in chosen
    ]


def lookup_places(name: str) -> list[FoundPlace]:
    """Places a user's name for a place may mean, best first.

    Accepts any form the gazetteer knows, in any case, with or without accents:
    "Kemerovo region", "Кемерово", "Moskva", "St. Petersburg", "Russia".
    """
    g = get_gazetteer()
    key = fold(name)
    if not key:
        return []
    index = g.lookup_index()
    pids = index.get(key, [])
    if not pids:
        return []

    def rank(pid: int):
        exact = fold(g.names[pid]) == key
        kind_rank = {"country": 3, "region": 1, "other": 2, "city": 0}[g.kinds[pid]]
        return -(math.log10(max(g.pops[pid], 1000)) + kind_rank + (1.0 if exact else 0.0))

    return [g.place(pid) for pid in sorted(pids, key=rank)]


# ---------------------------------------------------------------- matching


def _is_title_case(title: str) -> bool:
    words = _TITLE_WORD.findall(title)
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _paragraph_spans(g: Gazetteer, para, text: str, title_case: bool, persons: set) -> list[_Span]:
    n = len(text)
    lengths = g.lengths
    automaton = g.automaton
    mt = match_text(text)
    picked = []
    last = 0
    # Leftmost-longest matches; the match text has one more character in front,
    # so a match's inclusive end there is its exclusive end here.
    for end, eid in automaton.iter_long(mt):
        if end < n and text[end].isalnum():
            # "Kemerovo regional": the longest key ends inside a word; take the longest that does not
            start = end - lengths[eid]
            best = None
            for e2, eid2 in automaton.iter(mt, start, end):
                if e2 - lengths[eid2] == start and (e2 >= n or not text[e2].isalnum()):
                    if best is None or e2 > best[0]:
                        best = (e2, eid2)
            if best is None:
                continue
            end, eid = best
        start = end - lengths[eid]
        if start >= last:
            picked.append((start, end, eid))
            last = end
    if para is not None and text[:2].isupper():
        m = _DATELINE.match(text)
        if m:
            eid = automaton.get(match_text(m.group(1).title()), None)
            if eid is not None and not (picked and picked[0][0] == 0):
                picked.insert(0, (0, m.end(1), eid))
    if not picked:
        return []
    if para is not None and text.startswith("By ") and len(text) < 160:
        # a byline, "By Madina Alieva in Bishkek, Kyrgyzstan": names before "in" are the writers'
        cut = text.find(" in ")
        cut = len(text) if cut < 0 else cut
        picked = [p for p in picked if p[0] > cut]
        if not picked:
            return []
    out: list[_Span] = []
    flags_of = g.flags
    for i, (start, end, eid) in enumerate(picked):
        flags = flags_of[eid]
        if flags & (BLOCK | NOT_PLACE):
            continue
        cands = g.candidates(eid)
        if not cands:
            continue
        nxt = picked[i + 1] if i + 1 < len(picked) else None
        span = _judge(g, text, para, start, end, eid, flags, cands, nxt, title_case, persons,
                      dateline=start == 0 and text[:end].isupper())
        if span is not None:
            out.append(span)
    return out


def _prev_word(norm: str, start: int) -> tuple[str | None, bool, bool]:
    """The word before ``start``; whether it starts a sentence; whether one space separates them.

    (None, True, False) when ``start`` itself starts the text or a sentence.
    """
    j = start - 1
    while j >= 0 and norm[j] == " ":
        j -= 1
    if j < 0 or norm[j] in _SENTENCE_END:
        return None, True, False
    k = j
    while k >= 0 and (norm[k].isalnum() or norm[k] in "'.-\u2019"):
        k -= 1
    word = norm[k + 1:j + 1]
    if not word:
        return None, False, False
    adjacent = j == start - 2 and norm[start - 1] == " "
    while k >= 0 and norm[k] == " ":
        k -= 1
    return word, k < 0 or norm[k] in _SENTENCE_END, adjacent


def _next_word(norm: str, end: int) -> tuple[str | None, bool]:
    m = _NEXT_WORD.match(norm, end)
    if not m:
        return None, False
    return m.group(1), m.start(1) == end + 1


def _has_cue(g: Gazetteer, norm: str, start: int) -> bool:
    words = g.words
    head = norm[max(0, start - 40):start].split()
    if not head:
        return False
    last = head[-1].lower().rstrip(",")
    if last in _PRE_LOWER and len(head) > 1 and head[-1].islower():
        head = head[:-1]  # "in central Kirov"
        last = head[-1].lower().rstrip(",")
    if last == "the" and len(head) > 1:
        head = head[:-1]
        last = head[-1].lower()
    if last in words["cues"]:
        return True
    if len(head) > 1 and f"{head[-2].lower()} {last}" in words["cue_pairs"]:
        return True
    return False


def _info(g: Gazetteer, eid: int):
    """What the rules need to know of an entry's candidates (memoised)."""
    memo = g.memo.setdefault("info", {})
    info = memo.get(eid)
    if info is None:
        cands = g.candidates(eid)
        kinds = frozenset(g.kinds[pid] for pid, _ in cands)
        maxpop = max((g.pops[pid] for pid, _ in cands), default=0)
        codes = frozenset(_code(g, pid) for pid, _ in cands if g.kinds[pid] in ("country", "region"))
        info = (kinds, maxpop, "country" in kinds, any(p for _, p in cands), codes)
        memo[eid] = info
    return info


_NAME_ONLY = frozenset({"country", "other"})


def _judge(g, norm, para, start, end, eid, flags, cands, nxt, title_case, persons, dateline=False) -> _Span | None:
    """The span as a mention, or None when the rules say it is something else here."""
    text = norm  # offsets are the text's; rules read it as it is (both apostrophes, ё and е)
    words = g.words
    kinds, maxpop, has_country, has_primary, _codes = _info(g, eid)

    # qualifier right after: "Moscow, Idaho", "Nice (France)"
    qualifiers: frozenset[str] = frozenset()
    if nxt is not None and nxt[0] - end <= 2 and norm[end:nxt[0]] in (", ", " (", ","):
        qualifiers = _info(g, nxt[2])[4]

    if norm[end:end + 1] == " ":
        nword, nadjacent = _next_word(norm, end)
    else:
        nword, nadjacent = None, False
    nlower = nword.lower() if nword else ""

    if flags & DEMONYM or (nlower in words["demonym_nouns"]
                           and norm[start:end].translate(NORMALISE) in words["adjectival"]):
        if not (nadjacent and nlower in words["demonym_nouns"]):
            return None
        pid = _demonym_place(g, eid, cands)
        return _Span(para, start, end, text[start:end], eid, ((pid, True),))

    if nadjacent and nword in words["outlet"] and not flags & FORM:
        return None  # "Kyiv Independent", "Moscow Times"

    if not dateline:
        if nadjacent and not title_case and _capitalised(nword):
            tail = _ORG_TAIL.match(norm, end)
            if tail and any(w.rstrip(".") in _ORG_HEADS for w in tail.group().split()):
                return None  # "Tomsk Regional Court", "Moscow City Council", "Washington State University"
        nch = norm[end:end + 1]
        if nch == "-" and norm[end + 1:end + 2].isupper() and (nxt is None or nxt[0] != end + 1):
            return None  # "Asia-Plus": a name of which the place is a part
        if nch == " " and nlower in ("nuclear", "power", "npp", "hydroelectric", "thermal", "coal-fired") \
                and _PLANT.match(norm, end):
            return None  # "the Kursk nuclear power plant"
        if norm[end:end + 4] == " of " and norm[start:end] in _ORG_HEADS:
            return None  # "the University of Idaho" is no town called University
        if start > 4 and norm[start - 4:start] == " of ":
            before = norm[max(0, start - 20):start - 4].rsplit(None, 1)
            if before and before[-1] in _ORG_OF:
                return None  # "University of Idaho", "Bank of Russia"

    if dateline or flags & FORM or kinds <= _NAME_ONLY and not flags & (PERSON | CUE_ONLY):
        span = _Span(para, start, end, text[start:end], eid, cands)
        span.qualifiers = qualifiers
        return _regions_list(g, norm, span)

    pword, pinitial, padjacent = _prev_word(norm, start)
    initial = title_case or (pword is None and pinitial)
    tentative = False
    cue = bool(qualifiers)
    if not cue and (flags & (CUE_ONLY | PERSON | COMMON) or initial or (padjacent and pword[:1].isupper())):
        cue = _has_cue(g, norm, start)

    if flags & CUE_ONLY:
        if not cue:
            prev = norm[max(0, start - 8):start].split()
            cue = prev[-2:] == ["on", "the"]  # "on the Baltic"
        if not cue or (nadjacent and (_capitalised(nword) or nlower in _CUE_ONLY_NOT)):
            return None  # "Baltic countries", "Pacific Fleet"

    if flags & PERSON:
        person = False
        if pword and padjacent:
            if pword in words["titles"]:
                person = True
            elif (_capitalised(pword) and not _possessive(pword) and pword not in words["pre"]
                  and not pword.endswith(".") and not (pinitial and pword.lower() in words["common"])
                  and pword.lower() not in words["cues"]):
                person = True
        if nword and nadjacent:
            if _capitalised(nword) and nword not in words["designators"]:
                person = True
            elif nlower in words["speech"]:
                person = True
        if person:
            if pword and padjacent and _capitalised(pword) and pword not in words["titles"]:
                persons.add(eid)  # "Pavel Kirov": bare "Kirov" is the man in this article
            return None
        if not (cue or has_country or maxpop >= BIG_PERSONLIKE):
            return None
    elif flags & COMMON and not has_country:
        exempt = maxpop >= EXEMPT_COMMON or (" " in norm[start:end] and maxpop >= 150_000)
        if not exempt and not (qualifiers if title_case else cue):
            if title_case or maxpop < 150_000 or not _capitalised(norm[start:end]):
                return None  # a title capitalises every word: only "Nice, France" will do there
            tentative = True  # "Perm lawyer ...": a place if the article names it so elsewhere

    if initial and not cue and kinds == _CITY and maxpop < 50_000 and (end - start <= 4 or not has_primary):
        return None  # a short word or a foreign spelling that merely starts a sentence

    if not title_case and not has_country and not flags & CYRILLIC:
        if pword and padjacent and not cue:
            if pword in words["titles"]:
                return None
            if (_capitalised(pword) and not _possessive(pword) and pword not in words["pre"]
                    and not pword.endswith(".") and not (pinitial and pword.lower() in words["common"])):
                return None  # "Sergei Kirov", "State Duma", "President Lincoln"
        if nword and nadjacent and maxpop < MAJOR and "city" in kinds:
            if _capitalised(nword) and nword not in words["designators"]:
                if nxt is None or nxt[0] != end + 1:  # "Kherson Oblast" is another match
                    return None
            if nlower in words["speech"]:
                return None
        if (nword and nadjacent and _capitalised(nword) and pword and padjacent and pword in words["speech"]
                and kinds == _CITY):
            return None  # "said Taras Melnyk"
    elif title_case and nword and nadjacent and _capitalised(nword) and maxpop < MAJOR and flags & PERSON:
        return None

    span = _Span(para, start, end, text[start:end], eid, cands)
    span.qualifiers = qualifiers
    span.cue = cue
    span.tentative = tentative
    return _regions_list(g, norm, span)


def _article_rules(g: Gazetteer, spans: list[_Span], persons: set) -> list[_Span]:
    """What the whole article says about a name: a person's surname, or a place named plainly elsewhere."""
    sure: set[int] = set()
    for s in spans:
        if not s.tentative and not (s.eid in persons and not s.cue):
            sure.update((pid, s.eid) for pid, _ in s.cands)
    out = []
    for s in spans:
        if s.eid in persons and not s.cue:
            continue  # "Kirov's application", "Kirov plans to appeal" after "Pavel Kirov"
        if s.tentative:
            form = g.region_forms.get(s.text)
            region = {pid for pid, _ in g.candidates(form)} if form is not None else set()
            # another form of the name ("Perm Krai", "Перми"), not the same word elsewhere ("from Reading")
            if not any(pid in region or (eid != s.eid and any(pid == p for p, _ in s.cands)) for pid, eid in sure):
                continue
        out.append(s)
    return out


_CITY = frozenset({"city"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "s'", "\u2019s", "s\u2019"))


def _demonym_place(g: Gazetteer, eid: int, cands) -> int:
    for pid, _ in cands:
        if g.kinds[pid] == "other":
            return pid
    return cands[0][0]


def _regions_list(g: Gazetteer, norm: str, span: _Span) -> _Span:
    """"the Kursk and Belgorod regions": each name is a region, not its capital."""
    form = g.region_forms.get(norm[span.start:span.end])
    if form is not None and (_COORD_REGIONS.match(norm, span.end) or _COPULA_REGION.match(norm, span.end)):
        span.cands = g.candidates(form)
    return span


# ---------------------------------------------------------------- resolution


def _code(g: Gazetteer, pid: int) -> str:
    key = g.keys[pid]
    return key[4:] if key.startswith("iso:") else key


def _resolve(g: Gazetteer, spans: list[_Span]) -> list[tuple[_Span, int]]:
    """One place per distinct name in the article.

    First pass: what the article places beyond doubt (countries and regions of
    unambiguous names) steers the ambiguous ones. Second pass: the same with
    the first pass's choices for every other name ("Florida's governor" makes
    "St. Petersburg" the Florida one).
    """
    groups: dict[tuple, list[_Span]] = {}
    keys = g.memo.setdefault("keys", {})
    for s in spans:
        cands = s.cands
        key = keys.get(cands)
        if key is None:
            key = keys[cands] = tuple(pid for pid, _ in cands)
        if s.qualifiers:
            key = (key, frozenset(s.qualifiers))  # "Moscow, Pennsylvania" is that Moscow, whatever the rest are
        if key in groups:
            groups[key].append(s)
        else:
            groups[key] = [s]

    pids_of = {key: key[0] if isinstance(key[0], tuple) else key for key in groups}
    evidence = {key: _evidence_of(g, pids_of[key]) for key in groups}
    choice: dict[tuple, int] = {}
    ambiguous = [key for key in groups if len(pids_of[key]) > 1]
    for key in groups:
        if len(pids_of[key]) == 1:
            choice[key] = pids_of[key][0]
    if len(pids_of) != len(set(pids_of.values())):
        # a name written both with and without a qualifier: the bare mentions take every qualifier seen
        quals: dict[tuple, set] = {}
        for key in groups:
            if key is not pids_of[key]:
                quals.setdefault(pids_of[key], set()).update(key[1])
        for key, members in groups.items():
            extra = quals.get(key)
            if extra:
                for m in members:
                    m.qualifiers = m.qualifiers | extra
    for _pass in (1, 2):
        for key in ambiguous:
            countries: set[str] = set()
            regions: set[str] = set()
            for other, (c, r) in evidence.items():
                if other != key:
                    countries |= c
                    regions |= r
            choice[key] = _best(g, pids_of[key], groups[key], countries, regions)
        if not ambiguous:
            break
        updated = {key: _evidence_of(g, (choice[key],)) for key in groups}
        if all(updated[key] == evidence[key] for key in ambiguous):
            break  # the choices add nothing the first pass did not see
        evidence = updated

    out = []
    for key, members in groups.items():
        for s in members:
            out.append((s, choice[key]))
    out.sort(key=lambda sp: (-1 if sp[0].para is None else sp[0].para, sp[0].start))
    return out


def _evidence_of(g: Gazetteer, pids: tuple) -> tuple[frozenset, frozenset]:
    """The countries and regions a name places the article in, when it is unambiguous."""
    memo = g.memo.setdefault("evidence", {})
    got = memo.get(pids)
    if got is None:
        countries = frozenset(g.countries[pid] for pid in pids)
        if len(countries) != 1 or None in countries:
            countries = frozenset()
        regions: frozenset = frozenset()
        if len(pids) == 1:
            pid = pids[0]
            if g.kinds[pid] == "region":
                regions = frozenset((_code(g, pid),))
            elif g.admin1[pid]:
                regions = frozenset((g.admin1[pid],))
        got = (countries, regions)
        memo[pids] = got
    return got


def _best(g: Gazetteer, key: tuple, members: list[_Span], countries: set[str], regions: set[str]) -> int:
    qualifiers: set[str] = set()
    primary: dict[int, bool] = {}
    for s in members:
        qualifiers |= s.qualifiers
        for pid, prim in s.cands:
            primary[pid] = primary.get(pid, False) or prim
    best, best_score = key[0], -1e9
    static = g.memo.setdefault("static", {})
    for pid in key:
        score = static.get(pid)
        if score is None:
            score = math.log10(max(g.pops[pid], 1000))
            kind = g.kinds[pid]
            if kind == "region":
                score -= 1.0  # shares its name with a city (Washington): the city, unless the context says otherwise
            elif kind == "country":
                score += 2.0
            elif kind == "other":
                score = 7.0  # a continent or a sea, not the village of the same name ("Asia", Philippines)
            if g.capital[pid]:
                score += 0.5
            static[pid] = score
        kind = g.kinds[pid]
        if primary.get(pid):
            score += 1.0
        cc = g.countries[pid]
        if cc in countries:
            score += 1.5
        if g.admin1[pid] and g.admin1[pid] in regions:
            score += 4.0
        if kind == "region" and _code(g, pid) in regions:
            score += 4.0
        if qualifiers and (cc in qualifiers or (g.admin1[pid] or "") in qualifiers):
            score += 10.0
        if score > best_score:
            best, best_score = pid, score
    return best
