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

import itertools
import math
import re

from archive.parse.document import ParsedArticle
from archive.extract.found import FoundPlace, FoundPlaceMention
from archive.extract.gazetteer import (
    BLOCK, COMMON, CUE_ONLY, CYRILLIC, DEMONYM, FORM, MATCH_TABLE, NORMALISE, NOT_PLACE, PERSON,
    Gazetteer, fold, get_gazetteer, match_text,
)

__all__ = ["extract_places", "lookup_places"]

_CLOSING = '.!?:;"\u201c\u201d\u00ab\u00bb()[]*|/\u2014\u2013'  # punctuation a word can end with
_SENTENCE_END = set('.!?:;"\u201c\u201d\u00ab\u00bb(\u2014\u2013\n*\u2022|[')
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
_PLANT_LOWER_STARTS = ("nuclear", "hydroelectric", "thermal", "coal-fired", "power")  # _PLANT's words in lower case
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

_QUAL_SEPS = (", ", " (", ",")
_PLANT_WORDS = frozenset({"nuclear", "power", "npp", "hydroelectric", "thermal", "coal-fired"})
_NO_QUAL: frozenset = frozenset()
# the words _COORD_REGIONS and _COPULA_REGION can go on with after a name and one space
_LIST_WORDS = frozenset({"and", "or", "is", "was", "remains", "became", "has"})
_REGION_PLURALS = ("regions", "oblasts", "Oblasts", "Regions", "provinces", "Provinces", "krais", "territories",
                   "Territories")
_LIST_STARTS = tuple(_LIST_WORDS) + _REGION_PLURALS  # how a next word that regions_list reads on starts
_WORD = re.compile(r"[^\W\d_][\w'-]*")  # _NEXT_WORD's word when one space precedes it
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_SPACE_LOWER = frozenset(" " + c for c in _ASCII_LOWER)  # after a name: a word in lower case follows
# before a name: the end of a word, then one space
_ALNUM_SPACE = frozenset(c + " " for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

# The matcher's table (gazetteer.MATCH_TABLE) in faster forms: bytes for the
# ASCII characters (UTF-8 leaves the others' bytes alone), and the few others it
# changes (quotes, dashes, spaces, ё), each into one character.
_ASCII_MATCH = bytes(ord(MATCH_TABLE.get(i, chr(i))) for i in range(128)) + bytes(range(128, 256))
_NOT_ASCII_MATCH = tuple((chr(c), v if isinstance(v, str) else chr(v)) for c, v in MATCH_TABLE.items() if c >= 128)


def _match_text_not_ascii(text: str) -> str:
    """match_text(text) for a text that is not ASCII, faster than str.translate with the table."""
    mt = (" " + text).encode("utf-8", "surrogatepass").translate(_ASCII_MATCH).decode("utf-8", "surrogatepass")
    for ch, to in _NOT_ASCII_MATCH:
        if ch in mt:
            mt = mt.replace(ch, to)
    return mt


# A span is a list: [para, start, end, text, eid, cands, qualifiers, cue, tentative, pk]
# (cands: tuple of (place id, primary); pk: the number of the tuple of its place ids).
_PARA, _START, _END, _TEXT, _EID, _CANDS, _QUALS, _CUE, _TENT, _PK = range(10)


class _Ctx:
    """The gazetteer's facts the extractor reads per match, gathered on first use (one per gazetteer)."""

    def __init__(self, g: Gazetteer):
        self.g = g
        self.iter_long = g.automaton.iter_long
        self.automaton = g.automaton
        self.lengths = g.lengths
        self.region_forms = g.region_forms
        # eid -> (flags, cands, maxpop, has_country, has_primary, pk, plain, city_only, small_city, skip, codes,
        #         weak_common, quiet)
        self.facts: dict[int, tuple] = {}
        self.pk_ids: dict[tuple, int] = {}  # tuple of place ids -> pk
        self.pk_pids: list[tuple] = []  # pk -> tuple of place ids
        self.pk_pid: list[int] = []  # pk -> its only place id, -1 when it has more
        self.pk_evidence: list[tuple] = []  # pk -> (countries, regions)
        self.single: dict[int, tuple] = {}  # place id -> evidence of that place alone
        self.pk_scored: dict[int, tuple] = {}  # pk -> its places scored for _best (see _scored)
        self.demonym: dict[int, tuple] = {}  # eid -> (cands, pk) of a demonym's place
        self.prefixes: dict[str, tuple] = {}  # key -> ((length, eid), ...) of the keys it starts with
        w = g.words
        self.titles = w["titles"]
        self.speech = w["speech"]
        self.outlet = w["outlet"]
        self.designators = w["designators"]
        self.pre = w["pre"]
        self.cues = w["cues"]
        self.cue_pairs = w["cue_pairs"]
        self.demonym_nouns = w["demonym_nouns"]
        self.common = w["common"]
        self.adjectival = w["adjectival"]
        self.adjectival_eids = _entries_reading_as(g.automaton, self.adjectival)
        # judge's quick way takes a word starting in lower case for no outlet's name ("Moscow Times")
        self.lower_outlet = any(w[:1] in _ASCII_LOWER for w in self.outlet)
        self.judge = _make_judge(self)

    def pk(self, pids: tuple) -> int:
        k = self.pk_ids.get(pids)
        if k is None:
            k = self.pk_ids[pids] = len(self.pk_pids)
            self.pk_pids.append(pids)
            self.pk_pid.append(pids[0] if len(pids) == 1 else -1)
            self.pk_evidence.append(_evidence_of(self.g, pids))
        return k

    def entry(self, eid: int) -> tuple:
        """What the rules need to know of an entry and its candidates."""
        f = self.facts.get(eid)
        if f is None:
            g = self.g
            flags = g.flags[eid]
            cands = g.candidates(eid)
            kinds = frozenset(g.kinds[pid] for pid, _ in cands)
            maxpop = max((g.pops[pid] for pid, _ in cands), default=0)
            codes = frozenset(_code(g, pid) for pid, _ in cands if g.kinds[pid] in ("country", "region"))
            skip = bool(flags & (BLOCK | NOT_PLACE)) or not cands
            plain = bool(flags & FORM) or (kinds <= _NAME_ONLY and not flags & (PERSON | CUE_ONLY))
            # a small place named by a common word ("Of", "To"): the rules keep it only after a cue
            # (a qualifier in a title), whatever else surrounds it
            weak_common = (flags & (COMMON | CUE_ONLY | PERSON | DEMONYM) == COMMON and "country" not in kinds
                           and maxpop < 150_000 and not plain and eid not in self.adjectival_eids)
            # a name no rule for words of its kind applies to (a plain name, or one with no flag at all):
            # judge's quick way can take it
            quiet = ((plain and not flags & DEMONYM) or not flags) and eid not in self.adjectival_eids \
                and not self.lower_outlet
            f = (flags, cands, maxpop, "country" in kinds, any(p for _, p in cands),
                 self.pk(tuple(pid for pid, _ in cands)), plain, kinds == _CITY, maxpop < MAJOR and "city" in kinds,
                 skip, codes, weak_common, quiet)
            self.facts[eid] = f
        return f

    def shorter(self, key: str) -> tuple:
        """The keys ``key`` starts with, other than itself, longest first: (body length, eid)."""
        lengths = self.lengths
        found = {e2 + 1: eid2 for e2, eid2 in self.automaton.iter(key, 0, len(key) - 1)
                 if e2 == lengths[eid2]}  # a key of length e2 + 1 starting at 0
        got = self.prefixes[key] = tuple(sorted(((ln - 1, eid2) for ln, eid2 in found.items()), reverse=True))
        return got

    def scored(self, pk: int) -> tuple:
        got = self.pk_scored.get(pk)
        if got is None:
            got = self.pk_scored[pk] = _scored(self.g, self.pk_pids[pk])
        return got

    def alone(self, pid: int) -> tuple:
        ev = self.single.get(pid)
        if ev is None:
            ev = self.single[pid] = self.pk_evidence[self.pk((pid,))]
        return ev


def _ctx(g: Gazetteer) -> _Ctx:
    ctx = g.memo.get("ctx")
    if ctx is None:
        ctx = g.memo["ctx"] = _Ctx(g)
    return ctx


def extract_places(article: ParsedArticle) -> list[FoundPlaceMention]:
    g = get_gazetteer()
    ctx = _ctx(g)
    spans: list[list] = []
    persons: set[int] = set()
    title = article.title
    paragraphs = [(p.position, p.text, False) for p in article.paragraphs]
    ordered = True  # paragraph positions increase: spans come in (paragraph, start) order
    prev = -1
    for pos, _text, _tc in paragraphs:
        if not pos > prev:
            ordered = False
            break
        prev = pos
    if title:
        paragraphs.insert(0, (None, title, _is_title_case(title)))
    _scan(ctx, paragraphs, persons, spans)
    if not spans:
        return []
    if persons or any(s[_TENT] for s in spans):
        spans = _article_rules(g, spans, persons)
        if not spans:
            return []
    spans, pids = _resolve(ctx, spans, ordered)  # in (paragraph, start) order, each with its place
    place = g.place
    known = g._places
    new = _new_mention
    set_fields = _set_fields
    mentions = []
    for s, pid in zip(spans, pids):
        m = new(FoundPlaceMention)
        set_fields(m, "__dict__", {"place": known.get(pid) or place(pid), "paragraph": s[0], "surface": s[3],
                                   "start": s[1], "end": s[2]})
        mentions.append(m)
    return mentions


# FoundPlaceMention(place, paragraph, surface, start, end) without its frozen __init__, which sets each
# field through object.__setattr__: half the cost, for what is one object per mention
_new_mention = object.__new__
_set_fields = object.__setattr__


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


def _ending_on_a_word(ctx, prefixes, mt: str, text: str, start: int, end: int):
    """"Kemerovo regional": the longest key ends inside a word; the longest one that does not, or None."""
    key = mt[start:end + 1]
    shorter = prefixes.get(key)
    if shorter is None:
        shorter = ctx.shorter(key)
    n = len(text)
    for length, eid in shorter:  # longest first
        e2 = start + length
        if e2 >= n or not text[e2].isalnum():
            return e2, eid
    return None


def _is_title_case(title: str) -> bool:
    words = _TITLE_WORD.findall(title)
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _scan(ctx: _Ctx, paragraphs: list[tuple], persons: set, out: list) -> None:
    """The spans of each (paragraph position or None for the title, text, title case) in turn."""
    facts = ctx.facts
    entry = ctx.entry
    judge = ctx.judge
    # match_text() of each text, faster: all at once when the article is ASCII ("\n" becomes the space before each)
    whole = "\n".join([text for _para, text, _tc in paragraphs])
    whole_mt = (" " + whole).encode().translate(_ASCII_MATCH).decode() if whole.isascii() else None
    off = 0
    for para, text, title_case in paragraphs:
        n = len(text)
        if whole_mt is not None:
            mt = whole_mt[off:off + n + 1]
            off += n + 1
        elif text.isascii():
            mt = (" " + text).encode().translate(_ASCII_MATCH).decode()
        else:
            mt = _match_text_not_ascii(text)
        if para is not None:
            dateline = _DATELINE.match(text) if text[:2].isupper() else None
            if dateline is not None or (n < 160 and text.startswith("By ")):
                _paragraph_spans(ctx, para, text, mt, dateline, title_case, persons, out)  # a dateline or a byline
                continue
        # judging each match once the next one is known
        s0 = e0 = i0 = -1  # the match waiting for the next one
        for start, end, eid in _word_matches(ctx, mt, text):
            if s0 >= 0:
                f = facts.get(i0) or entry(i0)
                if not f[9]:
                    span = judge(text, para, s0, e0, i0, f, start, eid, title_case, persons,
                                 s0 == 0 and text[:e0].isupper())
                    if span is not None:
                        out.append(span)
            s0, e0, i0 = start, end, eid
        if s0 >= 0:
            f = facts.get(i0) or entry(i0)
            if not f[9]:
                span = judge(text, para, s0, e0, i0, f, -1, -1, title_case, persons, s0 == 0 and text[:e0].isupper())
                if span is not None:
                    out.append(span)


def _word_matches(ctx: _Ctx, mt: str, text: str):
    """Leftmost-longest names in ``text`` that end on a word boundary: (start, end, entry).

    The match text ``mt`` has one more character in front, so a match's inclusive
    end there is its exclusive end in ``text``.
    """
    n = len(text)
    lengths = ctx.lengths
    prefixes = ctx.prefixes
    last = 0
    for end, eid in ctx.iter_long(mt):
        if end < n and text[end].isalnum():
            # "Kemerovo regional": the longest key ends inside a word; take the longest that does not
            best = _ending_on_a_word(ctx, prefixes, mt, text, end - lengths[eid], end)
            if best is None:
                continue
            end, eid = best
        start = end - lengths[eid]
        if start >= last:
            last = end
            yield start, end, eid


def _paragraph_spans(ctx: _Ctx, para, text: str, mt: str, m, title_case: bool, persons: set, out: list) -> None:
    """The spans of a paragraph that opens with a dateline (``m``, its match) or a byline."""
    picked = list(_word_matches(ctx, mt, text))
    if m is not None:  # "KYIV, May 18 (Reuters) -"
        eid = ctx.automaton.get(match_text(m.group(1).title()), None)
        if eid is not None and not (picked and picked[0][0] == 0):
            picked.insert(0, (0, m.end(1), eid))
    if not picked:
        return
    if text.startswith("By ") and len(text) < 160:
        # a byline, "By Madina Alieva in Bishkek, Kyrgyzstan": names before "in" are the writers'
        cut = text.find(" in ")
        cut = len(text) if cut < 0 else cut
        picked = [p for p in picked if p[0] > cut]
        if not picked:
            return
    facts = ctx.facts
    entry = ctx.entry
    judge = ctx.judge
    last_i = len(picked) - 1
    for i, (start, end, eid) in enumerate(picked):
        f = facts.get(eid) or entry(eid)
        if f[9]:
            continue  # blocked, not a place here, or no place at all
        nstart, neid = picked[i + 1][::2] if i < last_i else (-1, -1)
        span = judge(text, para, start, end, eid, f, nstart, neid, title_case, persons,
                     start == 0 and text[:end].isupper())
        if span is not None:
            out.append(span)


_NAME_ONLY = frozenset({"country", "other"})


def _make_judge(ctx: _Ctx):
    """``judge(text, para, start, end, eid, facts, nstart, neid, title_case, persons, dateline)`` for a gazetteer.

    ``nstart``, ``neid``: the start and entry of the paragraph's next match, -1 when there is none.
    """
    g = ctx.g
    entry = ctx.entry
    pk_of = ctx.pk
    demonym = ctx.demonym
    region_forms = ctx.region_forms
    region_forms_get = region_forms.get
    titles, speech, outlet, designators = ctx.titles, ctx.speech, ctx.outlet, ctx.designators
    pre, cues, cue_pairs, common = ctx.pre, ctx.cues, ctx.cue_pairs, ctx.common
    demonym_nouns, adjectival = ctx.demonym_nouns, ctx.adjectival
    coord_regions, copula_region = _COORD_REGIONS.match, _COPULA_REGION.match
    # punctuation that ends no cue ("in", "city of"): a word before the name ending so is no cue
    no_cue_after = frozenset(_CLOSING) - {w[-1] for w in cues} - {p[-1] for p in cue_pairs}

    def has_cue(norm: str, start: int) -> bool:
        if start >= 2:  # the quick way out, for a name after a full stop or a quote
            c = norm[start - 1]
            if c == " ":
                c = norm[start - 2]
            if c in no_cue_after:
                return False
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
        if last in cues:
            return True
        if len(head) > 1 and f"{head[-2].lower()} {last}" in cue_pairs:
            return True
        return False

    def regions_list(text: str, span: list, nch: str, nword: str | None) -> list:
        """"the Kursk and Belgorod regions": each name is a region, not its capital."""
        end = span[_END]
        if (
            # what the two patterns need after one space ("Kursk and", "Perm is") or another start
            (nword in _LIST_WORDS or nword.startswith(_REGION_PLURALS)) if nword is not None
            else nch == "," or nch.isspace()
        ) and (coord_regions(text, end) or copula_region(text, end)):
            f = entry(region_forms[span[_TEXT]])
            span[_CANDS] = f[1]
            span[_PK] = f[5]
        return span

    def judge(text: str, para, start: int, end: int, eid: int, facts: tuple, nstart: int, neid: int, title_case: bool,
              persons: set, dateline: bool) -> list | None:
        """The span as a mention, or None when the rules say it is something else here.

        Offsets are the text's; rules read it as it is (both apostrophes, ё and е).
        """
        (flags, cands, maxpop, has_country, has_primary, pk, plain, city_only, small_city, _skip, _codes,
         weak_common, quiet) = facts

        # qualifier right after: "Moscow, Idaho", "Nice (France)"
        qualifiers = _NO_QUAL
        if nstart >= 0 and nstart - end <= 2 and text[end:nstart] in _QUAL_SEPS:
            qualifiers = entry(neid)[10]

        if weak_common and not dateline and not qualifiers and (title_case or not has_cue(text, start)):
            return None  # what the rules for common words below come to, before the costlier ones

        if quiet and not dateline and not qualifiers:
            # The quick way, for what most names look like: after the name no word ("Kherson,") or one
            # starting in lower case ("Kherson and"); before it, for a name that is not plain, one word
            # starting in lower case ("in Kherson"), outside a title-case title. Of the rules below, only
            # these then apply; the next word is read only where one of them needs it. Other cases go the
            # general way.
            nch = text[end:end + 1]
            lower_next = nch == " " and text[end:end + 2] in _SPACE_LOWER
            if (lower_next and not text.startswith(_PLANT_LOWER_STARTS, end + 1)) or (nch != " " and nch != "-"):
                if lower_next and text.startswith(" of ", end) and text[start:end] in _ORG_HEADS:
                    return None  # "the University of Idaho" is no town called University
                if start > 4 and text.startswith(" of ", start - 4):
                    before = text[max(0, start - 20):start - 4].rsplit(None, 1)
                    if before and before[-1] in _ORG_OF:
                        return None  # "University of Idaho", "Bank of Russia"
                surface = text[start:end]
                if plain:
                    span = [para, start, end, surface, eid, cands, qualifiers, False, False, pk]
                elif not title_case and text[start - 2:start] in _ALNUM_SPACE:
                    k = text.rfind(" ", 0, start - 2)
                    pword = text[k + 1:start - 1]
                    if not pword.isalnum() or pword[0].isupper():
                        span = None  # the general way
                    elif not has_country and (
                            pword in titles
                            or (lower_next and small_city and _WORD.match(text, end + 1).group().lower() in speech)):
                        return None
                    else:
                        span = [para, start, end, surface, eid, cands, qualifiers, False, False, pk]
                else:
                    span = None
                if span is not None:
                    if region_forms_get(surface) is None or (lower_next and not text.startswith(_LIST_STARTS, end + 1)):
                        return span  # no list of regions can follow
                    return regions_list(text, span, nch, _WORD.match(text, end + 1).group() if lower_next else None)

        nch = text[end:end + 1]
        nword = None
        nadjacent = False
        nlower = ""
        if nch == " ":
            m = _WORD.match(text, end + 1)
            if m is not None:
                nword = m.group()
                nadjacent = True
                nlower = nword.lower()

        if flags & DEMONYM or (nlower in demonym_nouns
                               and text[start:end].translate(NORMALISE) in adjectival):
            if not (nadjacent and nlower in demonym_nouns):
                return None
            dem = demonym.get(eid)
            if dem is None:
                pid = _demonym_place(g, eid, cands)
                dem = demonym[eid] = (((pid, True),), pk_of((pid,)))
            return [para, start, end, text[start:end], eid, dem[0], _NO_QUAL, False, False, dem[1]]

        if nadjacent and nword in outlet and not flags & FORM:
            return None  # "Kyiv Independent", "Moscow Times"

        if not dateline:
            if nadjacent:
                if not title_case and nword[0].isupper():
                    tail = _ORG_TAIL.match(text, end)
                    if tail:
                        for w in tail.group().split():
                            if w.rstrip(".") in _ORG_HEADS:
                                return None  # "Tomsk Regional Court", "Moscow City Council", "Washington State University"
                if nlower in _PLANT_WORDS and _PLANT.match(text, end):
                    return None  # "the Kursk nuclear power plant", "the Kursk NPP"
                if nlower == "of" and text[end:end + 4] == " of " and text[start:end] in _ORG_HEADS:
                    return None  # "the University of Idaho" is no town called University
            elif nch == "-" and text[end + 1:end + 2].isupper() and nstart != end + 1:
                return None  # "Asia-Plus": a name of which the place is a part
            if start > 4 and text.startswith(" of ", start - 4):
                before = text[max(0, start - 20):start - 4].rsplit(None, 1)
                if before and before[-1] in _ORG_OF:
                    return None  # "University of Idaho", "Bank of Russia"

        surface = text[start:end]
        if dateline or plain:
            span = [para, start, end, surface, eid, cands, qualifiers, False, False, pk]
            return span if region_forms_get(surface) is None else regions_list(text, span, nch, nword)

        # the word before: pword; whether it starts a sentence: pinitial (only read when pword is
        # capitalised); whether one space separates them: padjacent. (None, True, False) when the name
        # itself starts the text or a sentence
        j = start - 1
        if j > 0 and text[j] == " " and text[j - 1] != " ":
            j -= 1  # the usual single space
        else:
            while j >= 0 and text[j] == " ":
                j -= 1
        if j < 0 or text[j] in _SENTENCE_END:
            pword, pinitial, padjacent = None, True, False
        else:
            k = text.rfind(" ", 0, j)
            pword = text[k + 1:j + 1]
            if not pword.isalnum():  # the quick way misses "St.", "Sergei's", "(in"
                k = j
                while k >= 0 and (text[k].isalnum() or text[k] in "'.-\u2019"):
                    k -= 1
                pword = text[k + 1:j + 1]
            if k == j:
                pword, pinitial, padjacent = None, False, False
            else:
                padjacent = j == start - 2 and text[start - 1] == " "
                pinitial = False
                if pword[0].isupper():
                    while k >= 0 and text[k] == " ":
                        k -= 1
                    pinitial = k < 0 or text[k] in _SENTENCE_END
        initial = title_case or (pword is None and pinitial)
        tentative = False
        cue = bool(qualifiers)
        if not cue and (flags & (CUE_ONLY | PERSON | COMMON) or initial or (padjacent and pword[:1].isupper())):
            cue = has_cue(text, start)

        if flags & CUE_ONLY:
            if not cue:
                prev = text[max(0, start - 8):start].split()
                cue = prev[-2:] == ["on", "the"]  # "on the Baltic"
            if not cue or (nadjacent and (nword[0].isupper() or nlower in _CUE_ONLY_NOT)):
                return None  # "Baltic countries", "Pacific Fleet"

        if flags & PERSON:
            person = False
            if pword and padjacent:
                if pword in titles:
                    person = True
                elif (pword[:1].isupper() and not pword.endswith(_POSSESSIVE) and pword not in pre
                      and not pword.endswith(".") and not (pinitial and pword.lower() in common)
                      and pword.lower() not in cues):
                    person = True
            if nadjacent:
                if nword[0].isupper() and nword not in designators:
                    person = True
                elif nlower in speech:
                    person = True
            if person:
                if pword and padjacent and pword[:1].isupper() and pword not in titles:
                    persons.add(eid)  # "Pavel Kirov": bare "Kirov" is the man in this article
                return None
            if not (cue or has_country or maxpop >= BIG_PERSONLIKE):
                return None
        elif flags & COMMON and not has_country:
            exempt = maxpop >= EXEMPT_COMMON or (" " in surface and maxpop >= 150_000)
            if not exempt and not (qualifiers if title_case else cue):
                if title_case or maxpop < 150_000 or not surface[:1].isupper():
                    return None  # a title capitalises every word: only "Nice, France" will do there
                tentative = True  # "Perm lawyer ...": a place if the article names it so elsewhere

        if initial and not cue and city_only and maxpop < 50_000 and (end - start <= 4 or not has_primary):
            return None  # a short word or a foreign spelling that merely starts a sentence

        if not title_case and not has_country and not flags & CYRILLIC:
            if padjacent and not cue:
                if pword in titles:
                    return None
                if (pword[0].isupper() and not pword.endswith(_POSSESSIVE) and pword not in pre
                        and not pword.endswith(".") and not (pinitial and pword.lower() in common)):
                    return None  # "Sergei Kirov", "State Duma", "President Lincoln"
            if nadjacent and small_city:
                if nword[0].isupper() and nword not in designators:
                    if nstart != end + 1:  # "Kherson Oblast" is another match
                        return None
                if nlower in speech:
                    return None
            if city_only and padjacent and nadjacent and pword in speech and nword[0].isupper():
                return None  # "said Taras Melnyk"
        elif title_case and nadjacent and nword[0].isupper() and maxpop < MAJOR and flags & PERSON:
            return None

        span = [para, start, end, surface, eid, cands, qualifiers, cue, tentative, pk]
        return span if region_forms_get(surface) is None else regions_list(text, span, nch, nword)



    return judge


def _article_rules(g: Gazetteer, spans: list[list], persons: set) -> list[list]:
    """What the whole article says about a name: a person's surname, or a place named plainly elsewhere."""
    sure: set[int] = set()
    for s in spans:
        if not s[_TENT] and not (s[_EID] in persons and not s[_CUE]):
            sure.update((pid, s[_EID]) for pid, _ in s[_CANDS])
    out = []
    for s in spans:
        if s[_EID] in persons and not s[_CUE]:
            continue  # "Kirov's application", "Kirov plans to appeal" after "Pavel Kirov"
        if s[_TENT]:
            form = g.region_forms.get(s[_TEXT])
            region = {pid for pid, _ in g.candidates(form)} if form is not None else set()
            # another form of the name ("Perm Krai", "Перми"), not the same word elsewhere ("from Reading")
            if not any(pid in region or (eid != s[_EID] and any(pid == p for p, _ in s[_CANDS])) for pid, eid in sure):
                continue
        out.append(s)
    return out


_CITY = frozenset({"city"})


_POSSESSIVE = ("'s", "s'", "\u2019s", "s\u2019")



def _entries_reading_as(automaton, words) -> frozenset[int]:
    """The entries matched where the text, read through NORMALISE, is one of ``words``.

    The match text is the text through MATCH_TABLE, which is NORMALISE but for
    a few characters that NORMALISE makes "'" or "-" and it makes a space ("`", dashes).
    """
    eids = set()
    for word in words:
        options = [(MATCH_TABLE.get(ord(c), c), " ") if c in "'-" else (MATCH_TABLE.get(ord(c), c),) for c in word]
        for body in itertools.product(*options):
            for lead in " -":  # a key starts with one of these (see gazetteer.match_keys)
                eid = automaton.get(lead + "".join(body), None)
                if eid is not None:
                    eids.add(eid)
    return frozenset(eids)


def _demonym_place(g: Gazetteer, eid: int, cands) -> int:
    for pid, _ in cands:
        if g.kinds[pid] == "other":
            return pid
    return cands[0][0]


# ---------------------------------------------------------------- resolution


def _code(g: Gazetteer, pid: int) -> str:
    key = g.keys[pid]
    return key[4:] if key.startswith("iso:") else key


def _resolve(ctx: _Ctx, spans: list[list], ordered: bool) -> tuple[list[list], list[int]]:
    """One place per distinct name in the article.

    First pass: what the article places beyond doubt (countries and regions of
    unambiguous names) steers the ambiguous ones. Second pass: the same with
    the first pass's choices for every other name ("Florida's governor" makes
    "St. Petersburg" the Florida one).

    A name is its tuple of candidate places (numbered: pk); a qualified mention
    ("Moscow, Pennsylvania") is that Moscow, whatever the rest are.
    """
    keys = [s[_PK] for s in spans]
    quals = [s[_QUALS] for s in spans]
    if any(quals):
        keys = [(pk, frozenset(q)) if q else pk for pk, q in zip(keys, quals)]
        # a name written both with and without a qualifier: the bare mentions take every qualifier seen
        seen: dict[int, set] = {}
        for key in keys:
            if key.__class__ is tuple:
                seen.setdefault(key[0], set()).update(key[1])
        for key, s in zip(keys, spans):
            extra = seen.get(key)  # a bare mention's key is its pk
            if extra:
                s[_QUALS] = s[_QUALS] | extra

    pk_pid = ctx.pk_pid
    choice: dict = {}
    ambiguous = []  # (key, pk)
    fixed = []  # the pks of the unambiguous names
    for key in dict.fromkeys(keys):  # each name once
        pk = key if key.__class__ is int else key[0]
        pid = pk_pid[pk]
        if pid < 0:
            ambiguous.append((key, pk))
        else:
            choice[key] = pid
            fixed.append(pk)
    if ambiguous:
        pk_evidence = ctx.pk_evidence
        # what the unambiguous names place the article in: it stays through both passes
        all_c: set = set()
        all_r: set = set()
        for pk in fixed:
            c, r = pk_evidence[pk]
            if c:
                all_c |= c
            if r:
                all_r |= r
        # each ambiguous name's places that one of its mentions names first (primary), and its qualifiers
        primary: dict = {key: set() for key, _pk in ambiguous}
        qualifiers: dict = {key: set() for key, _pk in ambiguous}
        last_cands: dict = {}
        for key, s in zip(keys, spans):
            first = primary.get(key)
            if first is not None:
                q = s[_QUALS]
                if q:
                    qualifiers[key] |= q
                cands = s[_CANDS]
                if cands is not last_cands.get(key):
                    last_cands[key] = cands
                    for pid, prim in cands:
                        if prim:
                            first.add(pid)
        alone = ctx.alone
        scored = ctx.scored
        evidence = [pk_evidence[pk] for _key, pk in ambiguous]
        redo = None
        for _pass in (1, 2):
            for i, (key, pk) in enumerate(ambiguous):
                if redo is not None and not redo[i]:
                    continue  # what the other names say has not changed: nor would its choice
                # the countries and regions every other name places the article in
                countries, regions = all_c, all_r
                for j, (c, r) in enumerate(evidence):
                    if j != i:
                        if c:
                            if countries is all_c:
                                countries = set(all_c)
                            countries |= c
                        if r:
                            if regions is all_r:
                                regions = set(all_r)
                            regions |= r
                choice[key] = _best(scored(pk), primary[key], qualifiers[key], countries, regions)
            updated = [alone(choice[key]) for key, _pk in ambiguous]
            if updated == evidence:
                break  # the choices add nothing the first pass did not see
            changed = [u != e for u, e in zip(updated, evidence)]
            n_changed = sum(changed)
            redo = [n_changed > c for c in changed]
            evidence = updated

    pids = [choice[key] for key in keys]
    if ordered:
        return spans, pids
    groups: dict = {}
    for key, s in zip(keys, spans):
        groups.setdefault(key, []).append(s)
    out = [(s, choice[key]) for key, members in groups.items() for s in members]
    out.sort(key=lambda sp: (-1 if sp[0][_PARA] is None else sp[0][_PARA], sp[0][_START]))
    return [s for s, _pid in out], [pid for _s, pid in out]


def _evidence_of(g: Gazetteer, pids: tuple) -> tuple[frozenset, frozenset]:
    """The countries and regions a name places the article in, when it is unambiguous."""
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
    return (countries, regions)


def _scored(g: Gazetteer, pids: tuple) -> tuple:
    """Each place of a name with what _best weighs: (pid, base score, country, admin1, region code)."""
    out = []
    for pid in pids:
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
        out.append((pid, score, g.countries[pid], g.admin1[pid], _code(g, pid) if kind == "region" else None))
    return tuple(out)


def _best(scored: tuple, primary: set[int], qualifiers: set[str], countries: set[str], regions: set[str]) -> int:
    best, best_score = scored[0][0], -1e9
    for pid, score, cc, admin1, code in scored:
        if pid in primary:
            score += 1.0
        if cc in countries:
            score += 1.5
        if admin1 and admin1 in regions:
            score += 4.0
        if code is not None and code in regions:
            score += 4.0
        if qualifiers and (cc in qualifiers or (admin1 or "") in qualifiers):
            score += 10.0
        if score > best_score:
            best, best_score = pid, score
    return best
