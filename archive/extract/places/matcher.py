"""Finding gazetteer names in an article's texts, and the per-gazetteer facts the judge reads.

Every gazetteer name found on word boundaries, case-sensitively, longest first
("Govorit NeMoskva" holds no "Moskva"; "Kemerovo region" beats "Kemerovo";
"Moscow Times" is a phrase that is no place, not Moscow), each judged once the
next one is known (the judge reads a qualifier after it: "Moscow, Idaho").
"""
from __future__ import annotations

import itertools
import re

from archive.extract.places.gazetteer import (
    BLOCK, COMMON, CUE_ONLY, DEMONYM, FORM, MATCH_TABLE, NOT_PLACE, PERSON, Gazetteer, match_text,
)
from archive.extract.places.judge import (
    _ASCII_LOWER, KIND, MAJOR, R_BYLINE, R_CLAIMED, R_NOT_PLACE, R_NOT_PLACE_PHRASE, PlaceVocabulary, make_judge,
)
from archive.extract.places.resolve import _code, _evidence_of, _scored
from archive.extract.rules import REJECT

_CITY = frozenset({"city"})
_NAME_ONLY = frozenset({"country", "other"})
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
# "KYIV, May 18 (Reuters) -", "MOSCOW, Idaho (AP) —", "BRUSSELS (Reuters) -", "VLADIVOSTOK, June 11. /TASS/."
_DATELINE = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?=,| \(|\.? /| [-\u2014\u2013])")

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


class _Context:
    """The gazetteer's facts the extractor reads per match, gathered on first use (one per Resources)."""

    def __init__(self, g: Gazetteer, en):
        self.g = g
        self.words = PlaceVocabulary(en)
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
        self.common = w["common"]
        self.adjectival = w["adjectival"]
        self.adjectival_eids = _entries_reading_as(g.automaton, self.adjectival)
        # judge's quick way takes a word starting in lower case for no outlet's name ("Moscow Times")
        self.lower_outlet = any(w[:1] in _ASCII_LOWER for w in self.words.outlet)
        self.judge = make_judge(self)

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


def _scan(ctx: _Context, paragraphs: list[tuple], persons: set, out: list, claimed=None, trace=None) -> None:
    """The spans of each (paragraph position or None for the title, text, title case) in turn.

    ``claimed``: paragraph -> [(start, end)] of the outlets' and organisations' claims; ``trace``: a Trace.
    """
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
        matches = _word_matches(ctx, mt, text)
        if claimed is not None or trace is not None:
            matches = _unclaimed(ctx, matches, text, para, claimed, trace)
        if para is not None:
            dateline = _DATELINE.match(text) if text[:2].isupper() else None
            if dateline is not None or (n < 160 and text.startswith("By ")):
                # a dateline or a byline
                _paragraph_spans(ctx, para, text, matches, dateline, title_case, persons, out, trace)
                continue
        # judging each match once the next one is known
        s0 = e0 = i0 = -1  # the match waiting for the next one
        for start, end, eid in matches:
            if s0 >= 0:
                f = facts.get(i0) or entry(i0)
                if not f[9]:
                    span = judge(text, para, s0, e0, i0, f, start, eid, title_case, persons,
                                 s0 == 0 and text[:e0].isupper())
                    if span.__class__ is list:
                        out.append(span)
                    elif trace is not None:
                        trace.record(KIND, text[s0:e0], para, s0, span.name, REJECT)
            s0, e0, i0 = start, end, eid
        if s0 >= 0:
            f = facts.get(i0) or entry(i0)
            if not f[9]:
                span = judge(text, para, s0, e0, i0, f, -1, -1, title_case, persons, s0 == 0 and text[:e0].isupper())
                if span.__class__ is list:
                    out.append(span)
                elif trace is not None:
                    trace.record(KIND, text[s0:e0], para, s0, span.name, REJECT)


def _unclaimed(ctx: _Context, matches, text: str, para, claimed, trace) -> list:
    """The matches no outlet or organisation claimed; with a trace, each one dropped here recorded."""
    spans = claimed.get(para, ()) if claimed is not None else ()
    kept = []
    for start, end, eid in matches:
        if spans and any(s < end and e > start for s, e in spans):
            rule = R_CLAIMED
        elif trace is not None and (ctx.facts.get(eid) or ctx.entry(eid))[9]:
            rule = R_NOT_PLACE if ctx.g.flags[eid] & NOT_PLACE else R_NOT_PLACE_PHRASE
            kept.append((start, end, eid))  # skipped where it is judged: it still ends the match before it
        else:
            kept.append((start, end, eid))
            continue
        if trace is not None:
            trace.record(KIND, text[start:end], para, start, rule.name, REJECT)
    return kept


def _word_matches(ctx: _Context, mt: str, text: str):
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


def _paragraph_spans(ctx: _Context, para, text: str, matches, m, title_case: bool, persons: set, out: list,
                     trace=None) -> None:
    """The spans of a paragraph that opens with a dateline (``m``, its match) or a byline."""
    picked = list(matches)
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
        if trace is not None:
            for start, end, eid in picked:
                if start <= cut and not (ctx.facts.get(eid) or ctx.entry(eid))[9]:
                    trace.record(KIND, text[start:end], para, start, R_BYLINE.name, REJECT)
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
        if span.__class__ is list:
            out.append(span)
        elif trace is not None:
            trace.record(KIND, text[start:end], para, start, span.name, REJECT)


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
