"""Quotes in a parsed article: what was said, by whom, to whom. Pure: no DB, no IO.

    extract_quotes(article) -> list[FoundQuote]

How it works, in four passes over the body paragraphs:

1. Marks. Double quote marks (straight ", curly “ ” and the „ “ pair) and guillemets « »
   are tokenized and paired with a stack, so nested quotes stay inside the outer one.
   Single quotes and apostrophes are never marks at the top level: Put' Domoj, I'm,
   soldiers' and ‘nested’ quotes all stay text. A quote left open at the end of a
   paragraph continues when the next paragraph opens with a mark (one quote over
   several paragraphs).
2. Context. Quoted spans are masked out of the paragraph, the rest (the writer's
   narrative) is split into sentences; each quote gets the narrative to its left and
   right inside its sentence.
3. Classification. A quote that starts its sentence or follows "X said:" is direct;
   a fragment inside the writer's sentence is partial when a speech verb governs it
   (or it is long, or speaks in the first person). Scare quotes, names, titles,
   call signs and translations are dropped: short spans after a possessive, a
   determiner or a naming word ("called", "film", "law"...), Title Case names, spans
   followed by "organization", "movement"..., and spans in parentheses.
4. Attribution. The speaker is the noun phrase next to the cue verb ("…," X said;
   "…," said X; X told Y: "…"; according to X, "…"; X said that … "fragment"),
   with appositions resolved ("Anna, 34, said" -> Anna) and pronouns resolved to the
   nearest fitting earlier mention by gender, number and person/thing. A quote with
   no attribution of its own inherits the speaker of the quote before it or of the
   person the text just introduced. "via" is the outlet spoken to ("told IStories").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import ParsedArticle
from .found import FoundQuote
from .quotes_lexicon import (
    ABBREVIATIONS, ADVERBIAL_STARTS, ADVERBS, AUXILIARIES, CUE_FORMS, DETERMINERS, FEMALE_NAMES,
    FEMALE_SURNAME_ENDINGS, FEMALE_WORDS, FINITE_VERBS, FIRST_PERSON, LEADING_JUNK, MALE_NAMES,
    MALE_NAMES_IN_A, MALE_SURNAME_ENDINGS, MALE_WORDS, MONTHS, NAMING_AFTER, NAMING_BEFORE,
    NP_STOPS, ORG_WORDS, OUTLET_DESCRIPTORS, PARTICIPLE_CUES, PERSON_WORDS, PLURAL_WORDS,
    RESOLVABLE, TIME_WORDS, TITLE_SMALL, VERBISH, WEAK_CUES, WEEKDAYS,
)

__all__ = ["extract_quotes"]

# ---------------------------------------------------------------- regexes (compiled once)
MARK_RE = re.compile(r'["“”„«»‟]')
MASK = "\x00"
# Sentence ends in the masked narrative: terminal punctuation, maybe a masked closing mark,
# then space and something that can start a sentence.
SENT_END_RE = re.compile(r'[.!?…][\x00"”»)]*\s+(?=[\x00"“«„(\[A-ZА-ЯЁ0-9])')
TOKEN_RE = re.compile(r"\x00+|[^\W_]+(?:['’.&\-][^\W_]+)*\.?|[,;:()\[\]—–]")
WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
ACCORDING_RE = re.compile(r"(?:^|\W)according\s+to\s+(?P<np>[^,;:\x00]+?)\s*,\s*$", re.IGNORECASE)
AS_PUT_RE = re.compile(r"(?:^|\W)(?:as|in the words of)\s+(?P<np>[^,;:\x00]+?)(?:\s+(?:put|puts)\s+it)?\s*[,:]\s*$",
                       re.IGNORECASE)
KNOWN_AS_RE = re.compile(r"\b(?:known|referred\s+to|dubbed|nicknamed|described)(?:\s+\w+ly)?\s+as\s*$", re.IGNORECASE)
POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])\s*$")
VIA_TOLD_RE = re.compile(
    r"^\s*(?:the\s+)?(?:(?:[a-z][\w-]*)\s+){0,3}?(?P<v>[A-Z0-9][\w.&'’-]*(?:\s+(?:[A-Z0-9][\w.&'’-]*))*)")
VIA_PREP_RE = re.compile(
    r"\b(?:interview|interviews|conversation|comments?|remarks|speaking|spoke|talking|talked|quoted|cited|"
    r"statement|told)\s+(?:\w+\s+){0,2}?(?:to|with|by)\s+(?:the\s+)?(?:(?:[a-z][\w-]*)\s+){0,3}?"
    r"(?P<v>[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*)*)")
VIA_QUOTED_BY_SUBJECT_RE = re.compile(
    r"(?P<v>[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*)*)\s+(?:quoted|cited)\s+")

# "MOSCOW, March 14 (Reuters) - ", "POKROVSK, Ukraine (AP) — ", "VILNIUS (AFP) — "
DATELINE_RE = re.compile(r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ.'’ -]{2,40}(?:,[^()\n—–]{1,40}?)?(?:\s*\([^)\n]{1,40}\))?\s*[-—–]+\s+")
OPEN_BEFORE = set(" \t\n([{—–-/:;\u00a0") | set("“„«\"")
CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…\u00a0") | set("”“»\"")
TERMINAL = ".!?…"


@dataclass
class _Span:
    """One top-level quote: where it opens, where it closes, which paragraphs it covers."""

    para: int
    open_at: int  # index of the opening mark in the paragraph text
    close_para: int
    close_at: int | None  # index of the closing mark in close_para, None if never closed
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (para, start, end) of inner text


@dataclass
class _Mention:
    text: str
    pos: tuple[int, int]
    gender: str | None
    kind: str  # person | org | thing | unknown
    plural: bool
    cue: str | None = None
    via: str | None = None


@dataclass
class _Tok:
    norm: str
    start: int
    end: int
    raw: str


# ---------------------------------------------------------------- 1. marks
def _roles(text: str):
    """Yield (index, char, role) for every double mark; role is 'open', 'close' or 'either'."""
    n = len(text)
    for m in MARK_RE.finditer(text):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        opens = prev in OPEN_BEFORE
        closes = nxt in CLOSE_AFTER
        if ch in "«„‟":
            role = "open"
        elif ch == "»":
            role = "close"
        elif opens and not closes:
            role = "open"
        elif closes and not opens:
            role = "close"
        else:
            role = "either"
        yield i, ch, role


def _family(ch: str) -> str:
    return "g" if ch in "«»" else "d"


def _pair(paragraphs: list[str]) -> list[_Span]:
    spans: list[_Span] = []
    pending: _Span | None = None
    count = len(paragraphs)
    for p, text in enumerate(paragraphs):
        if "\"" not in text and not any(c in text for c in "“”„«»‟"):
            if pending is not None:
                spans.append(pending)
                pending = None
            continue
        stack: list[tuple[str, int, _Span | None]] = []  # (opening char, index, continued span)
        first = len(text) - len(text.lstrip())
        for i, ch, role in _roles(text):
            if i == first and pending is not None and role in ("open", "either") and ch != "»":
                stack.append((ch, i, pending))
                pending = None
                continue
            if pending is not None:  # the paragraph did not continue the open quote
                spans.append(pending)
                pending = None
            fam = _family(ch)
            if role == "either":
                top = next((s for s in reversed(stack) if _family(s[0]) == fam), None)
                if ch == "“" and top is not None and top[0] == "„":
                    role = "close"
                elif top is not None and (top[0] == ch or ch in "”\"") and ch != "“":
                    role = "close"
                else:
                    role = "open"
            elif ch == "“" and role == "open" and stack and stack[-1][0] == "„":
                role = "close"  # German / Russian „…“
            elif ch == "”" and role == "open" and any(_family(s[0]) == "d" for s in stack):
                role = "close"
            if role == "open":
                stack.append((ch, i, None))
                continue
            j = len(stack) - 1
            while j >= 0 and _family(stack[j][0]) != fam:
                j -= 1
            if j < 0:
                continue  # a closing mark with nothing open: inches, stray marks
            och, oi, cont = stack[j]
            del stack[j:]
            if j == 0:
                if cont is not None:
                    cont.pieces.append((p, oi + 1, i))
                    cont.close_para, cont.close_at = p, i
                    spans.append(cont)
                else:
                    spans.append(_Span(p, oi, p, i, [(p, oi + 1, i)]))
        if pending is not None:
            spans.append(pending)
            pending = None
        if stack:
            och, oi, cont = stack[0]
            span = cont if cont is not None else _Span(p, oi, p, None, [])
            span.pieces.append((p, oi + 1, len(text)))
            span.close_para, span.close_at = p, None
            nxt = paragraphs[p + 1].lstrip() if p + 1 < count else ""
            if nxt[:1] and nxt[0] in "\"“«„‟”":
                pending = span
            else:
                spans.append(span)
    if pending is not None:
        spans.append(pending)
    spans.sort(key=lambda s: (s.para, s.open_at))
    return spans


# ---------------------------------------------------------------- 2. narrative context
class _Para:
    """A paragraph's narrative: quotes masked, sentence starts, tokens."""

    __slots__ = ("text", "masked", "starts", "_tokens")

    def __init__(self, text: str, masks: list[tuple[int, int, int]]):
        self.text = text
        if masks:
            chars = list(text)
            for a, b, keep in masks:
                for k in range(a, min(b, len(chars))):
                    chars[k] = MASK
                if keep >= 0:
                    chars[keep] = text[keep]  # a quote's own final . ! ? still ends the sentence
            self.masked = "".join(chars)
        else:
            self.masked = text
        d = DATELINE_RE.match(self.masked)
        if d:
            self.masked = " " * d.end() + self.masked[d.end():]
        self.starts = [0]
        for m in SENT_END_RE.finditer(self.masked):
            dot = m.start()
            word = self.masked[max(0, dot - 12):dot].rsplit(None, 1)[-1] if dot else ""
            word = word.lstrip("(\x00").lower()
            if m.group()[0] == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
                continue
            self.starts.append(m.end())
        self._tokens = None

    def sentence_bounds(self, at: int) -> tuple[int, int]:
        start, end = 0, len(self.masked)
        for s in self.starts:
            if s <= at:
                start = s
            else:
                end = s
                break
        return start, end

    def tokens(self) -> list[_Tok]:
        if self._tokens is None:
            out = []
            for m in TOKEN_RE.finditer(self.masked):
                raw = m.group()
                if raw[0] == MASK:
                    out.append(_Tok("<q>", m.start(), m.end(), raw))
                    continue
                norm = raw.lower().replace("’", "'")
                if norm.endswith(".") and norm[:-1] not in ABBREVIATIONS and len(norm) > 2:
                    norm = norm[:-1]
                out.append(_Tok(norm, m.start(), m.end(), raw))
            self._tokens = out
        return self._tokens

    def tokens_in(self, a: int, b: int) -> list[_Tok]:
        return [t for t in self.tokens() if t.start >= a and t.end <= b]


def _masks_for(spans: list[_Span], paragraphs: list[str]) -> dict[int, list[tuple[int, int, int]]]:
    masks: dict[int, list[tuple[int, int, int]]] = {}
    for s in spans:
        for k, (p, a, b) in enumerate(s.pieces):
            text = paragraphs[p]
            lo = a - 1 if k == 0 else 0
            last = k == len(s.pieces) - 1
            hi = (s.close_at + 1) if (last and s.close_at is not None) else len(text)
            inner = text[a:b].rstrip()
            keep = a + len(inner) - 1 if last and inner and inner[-1] in TERMINAL else -1
            masks.setdefault(p, []).append((lo, hi, keep))
    return masks


# ---------------------------------------------------------------- helpers on words
def _is_cap(tok: _Tok) -> bool:
    c = tok.raw[0]
    return c.isupper() or c.isdigit()


def _noun_not_cue(toks: list[_Tok], k: int) -> bool:
    """ "reports in Western media", "the claims of": a plural noun that spells like a cue."""
    t = toks[k].norm
    if not t.endswith("s") or t in {"says", "tells", "writes", "reads", "adds"}:
        return False
    prev = toks[k - 1].norm if k > 0 else ""
    nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
    return prev in DETERMINERS or prev.endswith("ing") or nxt in {"of", "in", "about", "from", "on", "by", "for"}


def _looks_verb(toks: list[_Tok], k: int) -> bool:
    """Is toks[k] a finite verb that ends a subject noun phrase?"""
    t = toks[k].norm
    if t in FINITE_VERBS or (t in CUE_FORMS and t not in PARTICIPLE_CUES):
        return True
    if len(t) > 4 and t.endswith("ed") and not _is_cap(toks[k]):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None or nxt.norm in DETERMINERS or nxt.norm in _AFTER_VERB or not nxt.norm[0].isalpha() \
                or _is_cap(nxt):
            return True
    return False


_AFTER_VERB = {"to", "in", "on", "at", "by", "for", "from", "that", "with", "it", "them", "him", "us",
               "about", "over", "into", "after", "as", "up", "out", "down", "off", "back", "against",
               "all", "more", "during", "since", "through", "under", "<q>", "last", "this", "earlier",
               "before", "without", "upon", "near", "toward", "towards", "across", "around"}
_PARTICIPLE_PREP = {"to", "in", "by", "from", "at", "on", "for", "with", "into", "during", "under",
                    "over", "since", "after", "last", "this", "near", "across", "through"}
_IRREGULAR_PARTICIPLES = {"sent", "held", "known", "given", "taken", "born", "based", "made", "kept",
                          "built", "brought", "caught", "found", "left", "led", "shot", "hit", "seen",
                          "written", "drawn", "shown", "sold", "paid", "put", "set", "spent", "stuck"}


def _clean_np(toks: list[_Tok]) -> list[_Tok]:
    """Trim a subject noun phrase: leading conjunctions, trailing adverbs and time words, and
    participial / relative modifiers ("the soldiers sent to Ukraine" -> "the soldiers")."""
    toks = list(toks)
    while toks and (toks[0].norm in LEADING_JUNK or toks[0].norm in {",", "—", "–", "(", ")"}):
        toks.pop(0)
    for k in range(1, len(toks)):
        t = toks[k].norm
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        if t in {"who", "which", "that", "whose", "whom", "where", "when"}:
            toks = toks[:k]
            break
        if (t in _IRREGULAR_PARTICIPLES or (t.endswith("ed") and len(t) > 4)) and nxt in _PARTICIPLE_PREP \
                and not _is_cap(toks[k]):
            toks = toks[:k]
            break
    changed = True
    while toks and changed:
        changed = False
        last = toks[-1].norm
        if last in ADVERBS or last in {",", "—", "–", ":", ";"}:
            toks.pop()
            changed = True
        elif last in TIME_WORDS or last in WEEKDAYS or last in MONTHS or last.isdigit():
            # "this month", "on Monday", "last week", "in March", "earlier this year"
            k = len(toks) - 1
            while k > 0 and (toks[k - 1].norm in {"this", "last", "next", "on", "in", "that", "every", "each",
                                                  "earlier", "later", "early", "late", "the", "of"}
                             or toks[k - 1].norm in MONTHS or toks[k - 1].norm.isdigit()):
                k -= 1
            if k < len(toks) - 1 or toks[k - 1].norm in {"this", "last", "on", "in"} or last in WEEKDAYS:
                if k == 0:
                    break
                toks = toks[:k] if k < len(toks) - 1 else toks[:-1]
                changed = True
    return toks


def _np_text(para: _Para, toks: list[_Tok]) -> str | None:
    if not toks:
        return None
    s = para.text[toks[0].start:toks[-1].end].strip().rstrip(",;:").strip()
    if s.endswith(".") and s[:-1].rsplit(None, 1)[-1].lower() not in ABBREVIATIONS:
        s = s[:-1]
    return s or None


def _proper(toks: list[_Tok]) -> bool:
    """A name: every word capitalised (allowing "of", "de"...), no determiner first."""
    words = [t for t in toks if t.norm[0].isalpha()]
    if not words or len(words) > 5 or words[0].norm in DETERMINERS:
        return False
    return all(_is_cap(t) or t.norm in TITLE_SMALL for t in words) and _is_cap(words[0])


def _choose_apposition(head: list[_Tok], app: list[_Tok]) -> list[_Tok]:
    """"Navalny's widow, Yulia Navalnaya," -> the name; "Anna, 34," -> Anna."""
    head, app = _clean_np(head), _clean_np(app)
    if not head:
        return app if _proper(app) else []
    if app and _proper(app) and not _proper(head) and app[0].norm not in PRONOUN_SET:
        return app
    return head


PRONOUN_SET = {"he", "she", "they", "it", "i", "we", "you"}


def _np_before(toks: list[_Tok], cue: int, lo: int = 0) -> list[_Tok] | None:
    found = _np_before_region(toks, cue, lo)
    return found[0] if found else None


def _np_before_region(toks: list[_Tok], cue: int, lo: int = 0) -> tuple[list[_Tok], int] | None:
    """The subject right before toks[cue], walking back over adverbs and an apposition."""
    j = cue - 1
    while j >= lo:
        t = toks[j].norm
        if t in ADVERBS:
            j -= 1
        elif t in TIME_WORDS and j - 1 >= lo and toks[j - 1].norm in {"this", "last", "that", "next"}:
            j -= 2
        elif t in WEEKDAYS or t in MONTHS:
            j -= 1
            if j >= lo and toks[j].norm in {"on", "in"}:
                j -= 1
        else:
            break
    if j < lo:
        return None
    app: list[_Tok] = []
    if toks[j].norm == ",":
        k = j - 1
        while k >= lo and toks[k].norm not in {",", ";", ":", "<q>", "(", "—", "–"}:
            k -= 1
        app = toks[k + 1:j]
        for x in range(k + 1, j):
            if toks[x].norm in {"who", "which", "that", "whose", "whom", "where"}:
                break
            if x > k + 1 and _looks_verb(toks, x):
                return None  # not an apposition but a clause: "…, it had no plans, dismissing"
        if k < lo or toks[k].norm != ",":
            app = _clean_np(app)
            return (app, k + 1) if app else None
        j = k - 1
    b = j
    while b >= lo:
        t = toks[b]
        if t.norm in {",", ";", ":", "(", ")", "—", "–", "<q>"} or t.norm in NP_STOPS:
            break
        if b < j and _looks_verb(toks, b):
            break
        b -= 1
    head = toks[b + 1:j + 1]
    if head and head[0].norm in ADVERBIAL_STARTS:
        return None
    chosen = _choose_apposition(head, app) if app else _clean_np(head)
    if not chosen or len(chosen) > 12:
        return None
    return chosen, b + 1


def _np_after(toks: list[_Tok], start: int) -> list[_Tok] | None:
    """The subject after an inverted cue: '"…," said Anna, 34, a nurse'."""
    out: list[_Tok] = []
    k = start
    while k < len(toks):
        t = toks[k].norm
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        if t in {",", ";", ":", "(", ")", "—", "–", "<q>", "who", "as", "while", "when", "adding",
                 "according", "after", "before", "during", "because", "and", "but", "referring",
                 "pointing", "noting", "speaking", "although", "since", "whose", "which", "that"}:
            break
        if t in {"in", "on", "at", "via", "through", "to"} and out and (
                nxt in {"a", "an", "his", "her", "their", "its", "telegram", "facebook", "x", "twitter",
                        "instagram", "vkontakte", "television", "tv", "camera", "court", "reporters",
                        "journalists", "condition", "comments", "remarks", "response"} or nxt in WEEKDAYS):
            break
        if out and t in {"today", "yesterday", "later", "earlier", "on", "last", "this"} and (
                nxt in WEEKDAYS or nxt in TIME_WORDS or t in {"today", "yesterday", "later", "earlier"}):
            break
        out.append(toks[k])
        k += 1
        if len(out) > 12:
            return None
    # "said the head of the city, Vasily Kozupitsa." -> the name after the comma
    if k < len(toks) and toks[k].norm == "," and out and not _proper(out):
        m = k + 1
        app = []
        while m < len(toks) and toks[m].norm not in {",", ";", ":", "(", "<q>"}:
            app.append(toks[m])
            m += 1
        if app and _proper(app) and (m >= len(toks) or toks[m].norm in {",", ";"}) and len(app) <= 4 \
                and not any(t.norm in CUE_FORMS for t in app):
            return app
    out = _clean_np(out)
    return out or None


def _subject(toks: list[_Tok]) -> tuple[list[_Tok] | None, int | None]:
    """The subject of a sentence (its tokens) and the index of its main verb."""
    i = 0
    n = len(toks)
    guard = 0
    while i < n and guard < 6:
        guard += 1
        while i < n and toks[i].norm in LEADING_JUNK:
            i += 1
        if i >= n:
            return None, None
        t = toks[i].norm
        starts_adverbial = t in ADVERBIAL_STARTS or (t.endswith("ing") and i + 1 < n) or \
            (t.endswith("ed") and not _is_cap(toks[i])) or t in WEEKDAYS or t in MONTHS
        if not starts_adverbial and t == "asked":
            starts_adverbial = True
        if starts_adverbial:
            k = i
            while k < n and toks[k].norm != ",":
                if toks[k].norm == "<q>":
                    break
                k += 1
            if k >= n or toks[k].norm != ",":
                return None, None
            i = k + 1
            continue
        break
    if i >= n:
        return None, None
    head: list[_Tok] = []
    k = i
    while k < n:
        t = toks[k]
        if t.norm in {";", ":", "(", ")", "—", "–"} or t.norm in NP_STOPS - {"said", "says", "told", "tells",
                                                                             "wrote", "writes"}:
            return None, None
        if t.norm == ",":
            # an apposition: ", a nurse from Tomsk," then the verb
            m = k + 1
            while m < n and toks[m].norm not in {",", ";", ":", "<q>"} and m - k < 14:
                m += 1
            if m < n and toks[m].norm == "," and m + 1 < n and (
                    _looks_verb(toks, m + 1) or toks[m + 1].norm in ADVERBS):
                app = toks[k + 1:m]
                v = m + 1
                while v < n and toks[v].norm in ADVERBS and not _looks_verb(toks, v):
                    v += 1
                return _choose_apposition(head, app) or None, v
            return None, None
        if k > i and _looks_verb(toks, k):
            cleaned = _clean_np(head)
            return (cleaned or None), k
        head.append(t)
        k += 1
        if len(head) > 16:
            return None, None
    return None, None


# ---------------------------------------------------------------- mentions and pronouns
def _features(text: str) -> tuple[str | None, str, bool]:
    words = [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]
    raw = WORD_RE.findall(text)
    if not words:
        return None, "unknown", False
    one_of = len(words) > 2 and words[0] in {"one", "each", "none", "neither", "either", "any"} and words[1] == "of"
    core = words
    for k, w in enumerate(words):
        if k > 0 and w in {"of", "from", "in", "at", "with", "for", "on", "near", "who", "whose"}:
            core = words[:k]
            if one_of:
                core = [x for x in words[2:] if x not in {"the", "his", "her", "their", "its"}][:3]
            break
    head = core[-1] if core else words[-1]
    gender = None
    for w in words:
        if w in FEMALE_WORDS:
            gender = "f"
            break
        if w in MALE_WORDS:
            gender = "m"
            break
    caps = [w for w in raw if w[0].isupper()]
    if gender is None and caps:
        first = caps[0].lower()
        last = caps[-1].lower()
        if first in FEMALE_NAMES:
            gender = "f"
        elif first in MALE_NAMES:
            gender = "m"
        elif last.endswith(FEMALE_SURNAME_ENDINGS) and last not in MALE_NAMES_IN_A:
            gender = "f"
        elif last.endswith(MALE_SURNAME_ENDINGS) and len(last) > 4:
            gender = "m"
        elif first.endswith("a") and first not in MALE_NAMES_IN_A and len(caps) <= 3 and len(first) > 2 \
                and first not in ORG_WORDS:
            gender = "f"
    orgish = head in ORG_WORDS or any(w in ORG_WORDS for w in core)
    personish = gender is not None or head in PERSON_WORDS or any(w in PERSON_WORDS for w in core)
    if personish and not (orgish and head in ORG_WORDS):
        kind = "person"
    elif orgish:
        kind = "org"
    elif all(w[0].isupper() for w in raw if w.lower() not in TITLE_SMALL):
        kind = "unknown"
    else:
        kind = "thing"
    plural = not one_of and (head in PLURAL_WORDS or (
        head.endswith("s") and not head.endswith(("ss", "'s", "us", "is")) and head not in ORG_WORDS
        and not raw[words.index(head)][0].isupper()))
    return gender, kind, plural


def _fits(pronoun: str, m: _Mention) -> bool:
    if pronoun == "she":
        return not m.plural and m.kind in ("person", "unknown") and m.gender in ("f", None)
    if pronoun == "he":
        return not m.plural and m.kind in ("person", "unknown") and m.gender in ("m", None)
    if pronoun == "it":
        return not m.plural and m.kind in ("org", "thing", "unknown") and m.gender is None
    if pronoun == "they":
        return m.plural or m.kind == "org"
    return False


# ---------------------------------------------------------------- via
def _via(clause: str, cue: str | None) -> str | None:
    """The outlet the speaker spoke to: "told IStories", "in an interview with the BBC"."""
    if not clause:
        return None
    cand = None
    if cue in ("told", "tells", "telling", "tell"):
        m = VIA_TOLD_RE.match(clause)
        if m:
            cand = m.group("v")
    if cand is None:
        m = VIA_PREP_RE.search(clause)
        if m:
            cand = m.group("v")
    if cand is None:
        return None
    words = cand.split()
    while words and words[-1].lower().strip(".") in OUTLET_DESCRIPTORS:
        words.pop()
    while words and words[0].lower() in {"the", "a", "an"}:
        words.pop(0)
    if not words:
        return None
    name = " ".join(words).rstrip(".,")
    low = name.lower()
    if low in PRONOUN_SET or low in WEEKDAYS or low in MONTHS or low in {"telegram", "facebook", "x", "twitter"}:
        return None
    return name


# ---------------------------------------------------------------- 3+4. the extractor
@dataclass
class _Attr:
    speaker: list[_Tok] | None = None
    speaker_text: str | None = None
    cue: str | None = None
    via: str | None = None
    para: int = 0
    at: int = 0


class _Extractor:
    def __init__(self, article: ParsedArticle):
        self.texts = [p.text for p in article.paragraphs]
        self.spans = _pair(self.texts)
        masks = _masks_for(self.spans, self.texts)
        self.paras = [_Para(t, masks.get(i, [])) for i, t in enumerate(self.texts)]
        self.mentions: list[_Mention] = []
        self.subject_done: set[tuple[int, int]] = set()
        self.subjects_from = 0
        self.results: list[tuple[FoundQuote, _Span]] = []

    # ---- mentions -------------------------------------------------------------------------
    def _add_mention(self, text: str, pos: tuple[int, int], cue: str | None = None, via: str | None = None,
                     like: _Mention | None = None) -> _Mention:
        if like is not None:
            m = _Mention(like.text, pos, like.gender, like.kind, like.plural, cue or like.cue, via)
        else:
            g, k, pl = _features(text)
            m = _Mention(text, pos, g, k, pl, cue, via)
        self.mentions.append(m)
        return m

    def _resolve(self, pronoun: str, pos: tuple[int, int]) -> _Mention | None:
        for m in reversed(self.mentions):
            if m.pos >= pos:
                continue
            if pos[0] - m.pos[0] > 8:
                break
            if _fits(pronoun, m):
                return m
        return None

    def _subjects_until(self, p: int, at: int) -> None:
        """Record sentence subjects as mentions, in reading order, up to offset `at` of paragraph p."""
        while self.subjects_from < p:
            self._subjects_in(self.subjects_from, 1 << 30)
            self.subjects_from += 1
        self._subjects_in(p, at)

    def _subjects_in(self, p: int, at: int) -> None:
        para = self.paras[p]
        for s in para.starts:
            if s > at or (p, s) in self.subject_done:
                continue
            self.subject_done.add((p, s))
            start, end = para.sentence_bounds(s)
            toks = para.tokens_in(start, end)
            if not toks or toks[0].norm == "<q>":
                continue
            subj, verb = _subject(toks)
            if not subj:
                continue
            text = _np_text(para, subj)
            if not text:
                continue
            cue = toks[verb].norm if verb is not None and verb < len(toks) and toks[verb].norm in CUE_FORMS else None
            if len(subj) == 1 and subj[0].norm in RESOLVABLE:
                ref = self._resolve(subj[0].norm, (p, s))
                if ref is not None:
                    self._add_mention(ref.text, (p, s), cue, like=ref)
                continue
            if subj[0].norm in PRONOUN_SET:
                continue
            self._add_mention(text, (p, s), cue)

    # ---- attribution ----------------------------------------------------------------------
    def _speaker(self, p: int, toks: list[_Tok], pos: tuple[int, int]) -> tuple[str | None, _Mention | None]:
        para = self.paras[p]
        text = _np_text(para, toks)
        if text is None:
            return None, None
        if len(toks) == 1 and toks[0].norm in RESOLVABLE:
            ref = self._resolve(toks[0].norm, pos)
            return (ref.text if ref else None), ref
        if toks[0].norm in PRONOUN_SET:
            return None, None
        return text, None

    def _right(self, span: _Span) -> _Attr | None:
        """'"…," X said' / '"…," said X' / '"…," according to X' after the closing mark."""
        if span.close_at is None:
            return None
        p = span.close_para
        para = self.paras[p]
        _, end = para.sentence_bounds(span.close_at + 1)
        toks = para.tokens_in(span.close_at + 1, end)
        k = 0
        while k < len(toks) and toks[k].norm in {",", "—", "–", ":", ";"}:
            k += 1
        if k >= len(toks):
            return None
        first = k
        new_sentence = _is_cap(toks[first]) and any(
            para.masked[x] in TERMINAL for x in range(max(0, span.close_at - 2), span.close_at + 1))
        if toks[first].norm == "according" and first + 1 < len(toks) and toks[first + 1].norm == "to":
            np = _np_after(toks, first + 2)
            if np:
                return _Attr(np, _np_text(para, np), "according to", None, p, toks[first].start)
            return None
        limit = min(len(toks), first + 16)
        for c in range(first, limit):
            t = toks[c].norm
            if t == "<q>":
                return None
            if t in CUE_FORMS and t not in WEAK_CUES and t not in PARTICIPLE_CUES and not _noun_not_cue(toks, c):
                if c + 1 < len(toks) and toks[c + 1].norm == "to" and t in {"continued", "continues", "promised",
                                                                              "vowed", "threatened", "asked",
                                                                              "pledged", "agreed", "refused"}:
                    return None
                clause = para.text[toks[c].end:end]
                if c == first:
                    if new_sentence and not toks[c].raw[0].isupper():
                        return None
                    np = _np_after(toks, c + 1)
                    if not np:
                        return None
                    at = toks[c].start
                else:
                    found = _np_before_region(toks, c, first)
                    if not found or found[1] != first:
                        return None  # the subject must begin the attribution ("…," the minister said)
                    np = found[0]
                    if new_sentence and (len(np) > 4 and np[0].norm not in RESOLVABLE):
                        return None
                    at = toks[first].start
                    clause = para.text[toks[c].end:end]
                cue = "saying" if t == "quoted" and "as saying" in clause[:40] else t
                return _Attr(np, _np_text(para, np), cue, _via(clause, t), p, at)
            if c > first and _looks_verb(toks, c):
                return None
        return None

    def _left(self, span: _Span, partial: bool) -> _Attr | None:
        """'X said: "…"', 'According to X, "…"', 'X said that … "fragment"'."""
        p = span.para
        para = self.paras[p]
        start, _ = para.sentence_bounds(span.open_at)
        left = para.masked[start:span.open_at]
        toks = para.tokens_in(start, span.open_at)
        if not toks:
            return None
        m = ACCORDING_RE.search(left)
        if m:
            a = start + m.start("np")
            np = [t for t in toks if t.start >= a and t.end <= start + m.end("np")]
            np = _clean_np(np)
            if np:
                return _Attr(np, _np_text(para, np), "according to", None, p, a)
        m = AS_PUT_RE.search(left)
        if m and ("put" in m.group(0).lower() or "words of" in m.group(0).lower()):
            a = start + m.start("np")
            np = [t for t in toks if t.start >= a and t.end <= start + m.end("np")]
            if np and np[-1].norm in {"put", "puts"}:
                np = np[:-1]
            np = _clean_np(np)
            if np:
                return _Attr(np, _np_text(para, np), "put it", None, p, a)
        # the last cue before the quote
        cue_i = None
        for c in range(len(toks) - 1, -1, -1):
            t = toks[c].norm
            if t in CUE_FORMS and not _noun_not_cue(toks, c):
                if not partial and t in WEAK_CUES and t not in {"described", "describes"}:
                    continue
                if c + 1 < len(toks) and toks[c + 1].norm == "to" and t in {"continued", "continues", "promised",
                                                                              "threatened", "pledged", "agreed"}:
                    continue
                cue_i = c
                break
        if cue_i is None:
            if left.rstrip().endswith(":"):
                subj, _ = _subject(toks)
                if subj:
                    return _Attr(subj, _np_text(para, subj), None, None, p, subj[0].start)
            return None
        cue = toks[cue_i].norm
        clause = para.text[toks[cue_i].end:span.open_at]
        via = _via(clause, cue)
        np = None
        if cue in PARTICIPLE_CUES or (cue_i > 0 and toks[cue_i - 1].norm == "as" and cue == "saying"):
            subj, verb = _subject(toks)
            if subj:
                main = toks[verb].norm if verb is not None and verb < len(toks) else None
                if main in CUE_FORMS and main not in PARTICIPLE_CUES:
                    cue = main
                    via = via or _via(para.text[toks[verb].end:span.open_at], main)
                np = subj
            if via is None:
                m2 = VIA_QUOTED_BY_SUBJECT_RE.search(left)
                if m2 and "as saying" in left:
                    via = m2.group("v")
        else:
            np = _np_before(toks, cue_i)
            if np is None:
                subj, _ = _subject(toks)
                np = subj
        if not np:
            return None
        if cue == "quoted":
            cue = "saying" if "as saying" in clause else cue
        return _Attr(np, _np_text(para, np), cue, via, p, np[0].start)

    # ---- classification -------------------------------------------------------------------
    def _inner(self, span: _Span) -> tuple[str, int, int]:
        p, a, b = span.pieces[0]
        texts = []
        for (q, x, y) in span.pieces:
            texts.append(self.texts[q][x:y].strip())
        text = "\n".join(t for t in texts if t)
        text = text.rstrip()
        if text.endswith(","):
            text = text[:-1].rstrip()
        raw = self.texts[p][a:b]
        lead = len(raw) - len(raw.lstrip())
        first = raw.strip()
        if len(span.pieces) == 1 and first.endswith(","):
            first = first[:-1].rstrip()
        return text, a + lead, a + lead + len(first)

    def run(self) -> list[FoundQuote]:
        last_quote: tuple[FoundQuote, _Span] | None = None
        for span in self.spans:
            p = span.para
            para = self.paras[p]
            self._subjects_until(p, span.open_at)
            text, qstart, qend = self._inner(span)
            if not text.strip(" .,;:!?…—–-'\"‘’“”«»„"):
                continue
            words = WORD_RE.findall(text)
            nwords = len(words)
            low_words = {w.lower().replace("’", "'") for w in words}
            s_start, s_end = para.sentence_bounds(span.open_at)
            left = para.masked[s_start:span.open_at]
            left_s = left.strip()
            left_toks = para.tokens_in(s_start, span.open_at)
            if span.close_at is not None:
                cp = self.paras[span.close_para]
                _, r_end = cp.sentence_bounds(span.close_at + 1)
                right = cp.masked[span.close_at + 1:r_end]
            else:
                right = ""
            right_s = right.strip()
            right_words = WORD_RE.findall(right_s)
            right_first = right_words[0].lower() if right_words and re.match(r"^\W{0,2}\w", right_s) else ""
            ends_clause = not right_s or right_s[0] in ",.;:!?)—–" or right_s[0] == MASK

            content = [w for w in words if w.lower() not in TITLE_SMALL]
            title_case = bool(content) and all(w[0].isupper() for w in content) and nwords <= 8
            first_person = bool(low_words & FIRST_PERSON)
            has_verb = bool(low_words & VERBISH) or any(w.lower().endswith("ed") for w in words) or \
                bool(low_words & CUE_FORMS)
            prev_word = left_toks[-1].norm if left_toks else ""
            prev2 = left_toks[-2].norm if len(left_toks) > 1 else ""

            in_parens = left.rstrip().endswith("(") and right_s.startswith(")")
            possessive = bool(POSSESSIVE_RE.search(left)) and nwords <= 6
            naming_before = (prev_word in NAMING_BEFORE and nwords <= 15 and not first_person) or \
                bool(KNOWN_AS_RE.search(left)) or (prev_word in {"so-called", "socalled"}) or \
                (prev2 == "so" and prev_word == "called")
            naming_after = right_first in NAMING_AFTER and not right_s.startswith((",", ".")) and nwords <= 6
            last_inner = words[-1].lower() if words else ""
            names_itself = last_inner in {"operation", "movement", "organization", "organisation", "party",
                                          "group", "law", "act", "bill", "campaign", "project", "foundation",
                                          "fund", "brigade", "battalion", "regiment", "initiative", "festival",
                                          "program", "programme", "award", "prize", "front", "union"} \
                and nwords <= 5 and not first_person

            colon_intro = left_s.endswith(":")
            sentence_initial = left_s == "" or left_s in {"—", "–", "-"} or colon_intro
            # "He said, "…"" / "X added "…"" / "said X, "…"" and a quote resumed after its attribution
            cue_intro = False
            if left_toks and not sentence_initial:
                lt = [t for t in left_toks if t.norm not in {",", "—", "–"}]
                if left_s.endswith(",") and lt and (lt[-1].norm in CUE_FORMS and lt[-1].norm not in WEAK_CUES):
                    cue_intro = True
                elif left_s.endswith(",") and left_toks[0].norm == "<q>" and any(
                        t.norm in CUE_FORMS for t in left_toks[-6:]):
                    cue_intro = True  # '"We will," he said, "never surrender."'
                elif lt and lt[-1].norm in CUE_FORMS and lt[-1].norm not in WEAK_CUES and \
                        lt[-1].norm not in PARTICIPLE_CUES and text[:1].isupper() and nwords >= 3:
                    cue_intro = True
            according_intro = bool(ACCORDING_RE.search(left)) and ends_clause and nwords >= 4 and \
                left_toks and left_toks[0].norm == "according"
            as_put_intro = bool(AS_PUT_RE.search(left)) and ends_clause and nwords >= 3 and "put" in left.lower()

            direct_shape = sentence_initial or cue_intro or according_intro or as_put_intro
            if not direct_shape and span.close_at is None:
                continue  # an unclosed mark in mid-sentence: not a quote we can trust
            if span.close_at is None and not (colon_intro or sentence_initial) :
                continue

            right_attr = self._right(span) if ends_clause or direct_shape else None

            if in_parens and not right_attr:
                continue
            if possessive or naming_before or names_itself:
                continue
            if naming_after and not right_attr:
                continue
            if title_case and nwords <= 6 and not right_attr and not colon_intro and not (
                    sentence_initial and last_quote and last_quote[1].close_para == p and nwords >= 3):
                continue

            if direct_shape:
                kind = "direct"
                attr = right_attr
                if attr is None and not sentence_initial:
                    attr = self._left(span, partial=False)
                elif attr is None and colon_intro:
                    attr = self._left(span, partial=False)
                if attr is None and sentence_initial and not colon_intro:
                    # a lone quote: accept when it reads like speech
                    if nwords < 3 and not first_person and text[-1:] not in TERMINAL:
                        continue
            else:
                kind = "partial"
                if prev_word in DETERMINERS and nwords <= 4 and not ends_clause:
                    continue  # the "special military operation" was...: a scare term
                attr = right_attr or self._left(span, partial=True)
                if attr is None:
                    if not (nwords >= 6 and (has_verb or first_person)) and not (first_person and nwords >= 3):
                        continue
                elif attr.cue is None and not right_attr:
                    if nwords < 5:
                        continue
                if title_case and nwords <= 6:
                    continue
                if nwords <= 4 and not has_verb and attr is None:
                    continue

            speaker = cue = via = None
            ref = None
            if attr is not None and attr.speaker:
                speaker, ref = self._speaker(attr.para, attr.speaker, (attr.para, attr.at))
                cue, via = attr.cue, attr.via
            elif attr is not None:
                cue, via = attr.cue, attr.via

            if attr is None:
                speaker, cue, via = self._inherit(span, last_quote)

            found = FoundQuote(paragraph=p, start=qstart, end=qend, text=text, kind=kind,
                               speaker=speaker, cue=cue, via=via)
            self.results.append((found, span))
            last_quote = (found, span)
            if speaker:
                pos = (attr.para, attr.at) if attr is not None else (p, span.open_at)
                self._add_mention(speaker, pos, cue, via, like=ref)
        return [f for f, _ in self.results]

    def _inherit(self, span: _Span, last_quote) -> tuple[str | None, str | None, str | None]:
        """A quote with no attribution of its own: the previous speaker, or the person just introduced."""
        p = span.para
        # a paragraph ending in a colon introduces this one
        if span.open_at <= len(self.texts[p]) - len(self.texts[p].lstrip()) and p > 0:
            prev = self.paras[p - 1]
            if prev.masked.rstrip().endswith(":"):
                s, _ = prev.sentence_bounds(len(prev.masked.rstrip()) - 1)
                fake = _Span(p - 1, len(prev.masked.rstrip()), p - 1, None)
                attr = self._left(fake, partial=False)
                if attr is not None and attr.speaker:
                    speaker, _ = self._speaker(p - 1, attr.speaker, (p - 1, attr.at))
                    if speaker:
                        return speaker, attr.cue, attr.via
        if last_quote is not None and last_quote[1].close_para == p and last_quote[0].speaker:
            q = last_quote[0]
            return q.speaker, q.cue, q.via
        last_pos = (last_quote[1].close_para, last_quote[1].close_at or 0) if last_quote else (-1, -1)
        for m in reversed(self.mentions):
            if m.pos >= (p, span.open_at):
                continue
            if m.pos <= last_pos or p - m.pos[0] > 1:
                break
            if m.kind in ("person", "unknown", "org") and not m.plural:
                return m.text, m.cue, None
            if m.plural and m.kind == "person":
                return m.text, m.cue, None
        if last_quote is not None and p - last_quote[1].close_para <= 2 and last_quote[0].speaker:
            q = last_quote[0]
            return q.speaker, q.cue, q.via
        return None, None, None


def extract_quotes(article: ParsedArticle) -> list[FoundQuote]:
    """Every quote in the article's body, in reading order."""
    if not any(MARK_RE.search(p.text) for p in article.paragraphs):
        return []
    return _Extractor(article).run()
