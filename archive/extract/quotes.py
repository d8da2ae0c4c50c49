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
   Subjects survive time openers ("A year after …, Yelena, 44, …"), chained appositions and
   parenthetical glosses; a call sign names its speaker ('with the call sign "Bober" told');
   "Ms Belova" becomes the full name given earlier; "the channel" the channel just named;
   Russian cues ("— говорит Ольга", "рассказала:", "заявили, что «…»") count too.
5. Headline. A headline opening with a quote the body says ('"We were told nothing": …')
   is a quote too, with that body quote's speaker and paragraph None (the title).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from archive.parse.document import ParsedArticle
from archive.extract.found import FoundQuote
from archive.extract.quotes_lexicon import (
    ABBREVIATIONS, ADVERBIAL_STARTS, ADVERBS, CUE_FORMS, DETERMINERS, FEMALE_NAMES,
    FEMALE_SURNAME_ENDINGS, FEMALE_WORDS, FINITE_VERBS, LEADING_JUNK, MALE_NAMES,
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
SENT_END_RE = re.compile(r'[.!?…][\x00"”»)]*\s+(?=[\x00"“«„(\[A-ZА-ЯЁ0-9]|[—–] ?[\x00"“«„])')
TOKEN_RE = re.compile(r"\x00+|\d{1,3}(?:,\d{3})+(?![\d])|[^\W_]+(?:['’.&\-][^\W_]+)*\.?|[,;:()\[\]—–]")
# the same tokens with the text before each: every character is either in a gap or starts a token
GAP_TOKEN_RE = re.compile(r"((?:[^\x00,;:()\[\]—–\w]|_)*)(" + TOKEN_RE.pattern + ")")
WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
ACCORDING_RE = re.compile(r"(?:^|\W)according\s+to\s+(?P<np>[^,;:\x00]+?)\s*,\s*$", re.IGNORECASE)
DASH_NAME_RE = re.compile(r"[,.\x00]?[ \x00]*[—–][ ]*(?P<np>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})[ ]*(?:,|\.?$)")
# '"…," the statement said' and the like, without the tokenizer (the general path handles the rest)
FAST_RIGHT_RE = re.compile(
    r"[,\x00]?[ \x00]*(?:[—–][ ]*)?"
    r"(?P<np>[Hh]e|[Ss]he|[Ii]t|[Tt]hey|(?:[Tt]he|[Aa]n?|[Oo]ne) [a-z]+(?: (?:[a-z]+|[A-Z][a-z’'-]+)){0,6}"
    r"|[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2})"
    r" (?P<cue>said|says|told|added|wrote|writes|asked|explained|noted|stressed|recalled|insisted|warned|adds)\b"
    r"(?! to\b)")
ACCORDING_ANY_RE = re.compile(r"(?:^|\W)according\s+to\s+(?P<np>[^,;:\x00]+?)\s*,", re.IGNORECASE)
ACCORDING_NP_RE = re.compile(r"according\s+to\s+(?P<np>[^,;:.\x00]+)", re.IGNORECASE)
AS_PUT_RE = re.compile(r"(?:^|\W)(?:as|in the words of)\s+(?P<np>[^,;:\x00]+?)(?:\s+(?:put|puts)\s+it)?\s*[,:]\s*$",
                       re.IGNORECASE)
KNOWN_AS_RE = re.compile(r"\b(?:known|referred\s+to|dubbed|nicknamed|described)(?:\s+\w+ly)?\s+as\s*$", re.IGNORECASE)
POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])\s*$")
_DESC = "(?i:" + "|".join(sorted((re.escape(w) for w in OUTLET_DESCRIPTORS if w not in ("the", "a", "an")),
                                  key=len, reverse=True)) + ")"
VIA_TOLD_RE = re.compile(
    r"^\s*(?:(?:the|a|an)\s+)?(?:" + _DESC + r"\s+){0,3}(?P<v>[A-Z0-9][\w.&'’-]*(?:\s+(?:[A-Z0-9][\w.&'’-]*))*)")
VIA_PREP_RE = re.compile(
    r"\b(?:interview|interviews|conversation|comments?|remarks|speaking|spoke|talking|talked|quoted|cited|"
    r"statement|told)\s+(?:\w+\s+){0,2}?(?:to|with|by)\s+(?:(?:the|a|an)\s+)?(?:" + _DESC + r"\s+){0,3}"
    r"(?P<v>[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*)*)")
INTERVIEWED_RE = re.compile(r"\b(?:(?:spoke|talked|spoken)\s+(?:to|with)|interviewed)\s+"
                            r"(?P<np>(?:(?!\s(?:about|after|before|during|on\s+condition)\b)[^,;:.\x00])+)")
NAMED_ORG_NOUNS = {"company", "channel", "agency", "movement", "group", "outlet", "organization", "organisation",
                   "firm", "corporation", "foundation", "fund", "union", "network", "project", "website",
                   "newspaper", "publication", "broadcaster", "operator", "airline", "bank", "party", "watchdog"}
_ORG_NAME = r"(?P<name>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}?)"
ORG_POSSESSOR_RE = re.compile(_ORG_NAME + r"['’]s\s+(?:[a-z-]+\s+)?(?:founder|co-founder|owner|owners|head|chief|"
                              r"CEO|director|management|spokesman|spokeswoman|spokesperson|press\s+service|"
                              r"board|administrators?|editors?|employees|staff)\b")
ORG_NAME_BEFORE_RE = re.compile(r"\b" + _ORG_NAME + r"\s+(?:[a-z-]+\s+){0,2}(?:" +
                                "|".join(sorted(NAMED_ORG_NOUNS)) + r")\b")
ORG_NAME_AFTER_RE = re.compile(r"\b(?:the|a)\s+(?:[a-z-]+\s+){0,2}(?:" + "|".join(sorted(NAMED_ORG_NOUNS)) +
                               r")\s+" + _ORG_NAME + r"(?![\w’'-])")
POSSESSOR_START_RE = re.compile(r"\s*(?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+){0,2})['’]s\s+[a-z]")
QUOTED_AS_RE = re.compile(r"\b(?:quoted|cited)\s+(?!by\b)(?P<np>[^,;:\x00]+?)\s+as\s+saying\b")

# "MOSCOW, March 14 (Reuters) - ", "POKROVSK, Ukraine (AP) — ", "VILNIUS (AFP) — "
DATELINE_RE = re.compile(r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ.'’ -]{2,40}(?:,[^()\n—–]{1,40}?)?(?:\s*\([^)\n]{1,40}\))?\s*[-—–]+\s+")
CUE_WORDS = frozenset(CUE_FORMS | {"according"})
LOWER_WORD_RE = re.compile(r"[a-zа-яё]+")
FIRST_WORD_RE = re.compile(r"^\W{0,2}?([^\W\d_][\w'’\-]*)")
FIRST_PERSON_RE = re.compile(r"(?<![\w'’])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e're|"
                             r"[Ww]e’re|[Uu]s|[Oo]ur|[Oo]urs|[Yy]ou|[Yy]our|[Mm]yself|[Oo]urselves)(?![\w'’])")
OPEN_BEFORE = set(" \t\n([{—–-/:;\u00a0") | set("“„«\"")
CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…\u00a0") | set("”“»\"")
TERMINAL = ".!?…"
WINDOW = 2  # paragraphs a pronoun or an unattributed quote may reach back over
SENTENCES = 8  # and at most this many sentences
# "called the report "another fake"": the quote is what the report was called, not its title
# before a short span, these make it a term ("the "established order" meant"); "that" does not
SCARE_DETERMINERS = {"a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
                     "any", "such", "some", "no", "every", "each", "another", "so-called", "alleged", "supposed"}
COMPLEMENT_VERBS = {"called", "calls", "calling", "described", "describes", "describing", "branded", "brands",
                    "branding", "labelled", "labeled", "labelling", "labeling", "termed", "terms", "deemed"}
DESIGNATION_VERBS = {"recognized", "recognised", "declared", "designated", "classified", "listed", "registered",
                     "classed", "categorized", "categorised", "certified", "qualified", "outlawed", "banned"}
SPAN_PREPOSITIONS = {"in", "under", "with", "by", "according", "within", "without", "for", "on", "at", "into"}
STATUS_WORDS = {"register", "registry", "list", "status", "label", "designation", "category", "title",
                "charge", "charges", "article", "articles", "offence", "offense", "crime", "term", "word",
                "concept", "principle", "idea", "slogan", "banner", "motto", "name", "brand", "version"}
COPULAS = {"is", "was", "were", "are", "be", "been", "being", "remains", "remained", "become", "became",
           "becomes", "seemed", "seems", "looked", "looks", "called", "calls", "call", "described",
           "considered", "consider", "considers", "branded", "labelled", "labeled", "dubbed", "saw", "sees"}


@dataclass(slots=True)
class _Span:
    """One top-level quote: where it opens, where it closes, which paragraphs it covers."""

    para: int
    open_at: int  # index of the opening mark in the paragraph text
    close_para: int
    close_at: int | None  # index of the closing mark in close_para, None if never closed
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (para, start, end) of inner text


class _Mention:
    """Someone or something the text named: a speaker or a sentence's subject."""

    __slots__ = ("text", "pos", "cue", "via", "_features", "speaks")

    def __init__(self, text: str, pos: tuple[int, int], cue: str | None = None, via: str | None = None,
                 features: tuple | None = None, speaks: bool = False):
        self.text, self.pos, self.cue, self.via = text, pos, cue, via
        self._features = features
        self.speaks = speaks

    @property
    def features(self) -> tuple[str | None, str, bool]:
        """(gender f/m/None, kind person/org/thing/unknown, plural), computed on first use."""
        if self._features is None:
            gender, kind, plural = _features(self.text)
            if kind == "thing" and self.speaks:  # things do not speak: "a trader with a European firm"
                kind = "person"
            self._features = (gender, kind, plural)
        return self._features


@dataclass(slots=True)
class _Tok:
    norm: str
    start: int
    end: int
    raw: str


# ---------------------------------------------------------------- 1. marks
def _title_case(words: list[str]) -> bool:
    """Every content word capitalised: a name or a title ("Combat Brotherhood", "Noon Against Putin")."""
    seen = False
    for w in words:
        if w.lower() in TITLE_SMALL:
            continue
        if not w[0].isupper():
            return False
        seen = True
    return seen


def _is_code(markdown: str) -> bool:
    return markdown.startswith(("```", "~~~", "    ", "\t"))


def _has_mark(text: str) -> bool:
    # str.__contains__ per character is several times faster than a regex scan
    return '"' in text or "“" in text or "”" in text or "«" in text or "„" in text or "»" in text or "‟" in text


def _pair(paragraphs: list[str]) -> list[_Span]:
    """Pair the marks of every paragraph; return the top-level quotes in reading order."""
    spans: list[_Span] = []
    pending: _Span | None = None  # a quote left open at the end of the previous paragraph
    count = len(paragraphs)
    for p, text in enumerate(paragraphs):
        m0 = MARK_RE.search(text) if _has_mark(text) else None
        if m0 is None:
            if pending is not None:
                spans.append(pending)
                pending = None
            continue
        stack: list[tuple[str, int, _Span | None]] = []  # (opening char, index, continued span)
        n = len(text)
        first = n - len(text.lstrip()) if pending is not None else -1
        marks = MARK_RE.finditer(text, m0.end())
        m = m0
        while m is not None:
            i = m.start()
            ch = text[i]
            m = next(marks, None)
            # the role a mark's neighbours give it
            if ch in "«„‟":
                role = "open"
            elif ch == "»":
                role = "close"
            else:
                opens = i == 0 or text[i - 1] in OPEN_BEFORE
                closes = i + 1 >= n or text[i + 1] in CLOSE_AFTER
                role = "open" if opens and not closes else "close" if closes and not opens else "either"
            if i == first and pending is not None and role != "close":
                stack.append((ch, i, pending))
                pending = None
                continue
            if pending is not None:  # the paragraph did not continue the open quote
                spans.append(pending)
                pending = None
            fam = "g" if ch in "«»" else "d"
            if role == "either":
                top = None
                for s in reversed(stack):
                    if (s[0] in "«»") == (fam == "g"):
                        top = s
                        break
                if ch == "“" and top is not None and top[0] == "„":
                    role = "close"
                elif top is not None and (top[0] == ch or ch in "”\"") and ch != "“":
                    role = "close"
                else:
                    role = "open"
            elif ch == "“" and role == "open" and stack and stack[-1][0] == "„":
                role = "close"  # German / Russian „…“
            elif ch == "”" and role == "open" and any(s[0] not in "«»" for s in stack):
                role = "close"
            if role == "open":
                stack.append((ch, i, None))
                continue
            j = len(stack) - 1
            while j >= 0 and (stack[j][0] in "«»") != (fam == "g"):
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
            span.pieces.append((p, oi + 1, n))
            span.close_para, span.close_at = p, None
            nxt = paragraphs[p + 1].lstrip()[:1] if p + 1 < count else ""
            if nxt and nxt in "\"“«„‟”":
                pending = span  # the next paragraph opens with a mark: the quote goes on
            else:
                spans.append(span)
    if pending is not None:
        spans.append(pending)
    spans.sort(key=lambda s: (s.para, s.open_at))
    return spans


# ---------------------------------------------------------------- 2. narrative context
class _Para:
    """A paragraph's narrative: quotes masked, sentence starts, tokens."""

    __slots__ = ("text", "masked", "starts", "cache")

    def __init__(self, text: str, masks: list[tuple[int, int, int]]):
        self.text = text
        masked = text
        for a, b, keep in masks:
            b = min(b, len(text))
            if keep >= 0:  # a quote's own final . ! ? still ends the sentence
                masked = masked[:a] + MASK * (keep - a) + text[keep] + MASK * (b - keep - 1) + masked[b:]
            else:
                masked = masked[:a] + MASK * (b - a) + masked[b:]
        self.masked = masked
        d = DATELINE_RE.match(self.masked)
        if d:
            self.masked = " " * d.end() + self.masked[d.end():]
        self.cache: dict[tuple[int, int, int], list[_Tok]] = {}
        self.starts = [0]
        for m in SENT_END_RE.finditer(self.masked):
            dot = m.start()
            word = self.masked[max(0, dot - 12):dot].rsplit(None, 1)[-1] if dot else ""
            word = word.lstrip("(\x00").lower()
            if m.group()[0] == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
                continue
            self.starts.append(m.end())

    def sentence_bounds(self, at: int) -> tuple[int, int]:
        start, end = 0, len(self.masked)
        for s in self.starts:
            if s <= at:
                start = s
            else:
                end = s
                break
        return start, end

    def tokens_in(self, a: int, b: int, limit: int = 1 << 30) -> list[_Tok]:
        """Tokens of the masked narrative between offsets a and b (at most `limit`)."""
        key = (a, b, limit)
        out = self.cache.get(key)
        if out is not None:
            return out
        out = self.cache[key] = []
        # findall on (gap, token) pairs runs in C; offsets follow from the lengths
        pos = a
        append = out.append
        for gap, raw in GAP_TOKEN_RE.findall(self.masked, a, b):
            pos += len(gap)
            end = pos + len(raw)
            append(_Tok(_norm(raw), pos, end, raw))
            if len(out) >= limit:
                break
            pos = end
        return out

    def tokens(self) -> list[_Tok]:
        return self.tokens_in(0, len(self.masked))


@lru_cache(maxsize=1 << 16)
def _norm(raw: str) -> str:
    """A token's comparable form: lower case, straight apostrophe, no sentence-final dot."""
    if raw[0] == MASK:
        return "<q>"
    norm = raw.lower()
    if "’" in norm:
        norm = norm.replace("’", "'")
    if norm[-1] == "." and len(norm) > 2 and norm[:-1] not in ABBREVIATIONS:
        norm = norm[:-1]
    return norm


def _masks_for(spans: list[_Span], paragraphs: list[str]) -> dict[int, list[tuple[int, int, int]]]:
    """Per paragraph: (from, to, keep) ranges to mask; keep is a quote's own final . ! ? (or -1)."""
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
    if len(toks) > 1 and toks[-1].norm in {"he", "she", "they"} and toks[-2].norm[0].isalpha():
        toks = toks[-1:]  # "a figure he calls": a relative clause without "that"; he is the speaker
    return toks


def _np_text(para: _Para, toks: list[_Tok]) -> str | None:
    if not toks:
        return None
    s = para.text[toks[0].start:toks[-1].end].strip().rstrip(",;:").strip()
    if len(toks) == 1 and toks[0].norm == "<q>":  # a call sign: '"Bober"' -> Bober
        s = s.strip(" \"“”«»„'‘’")
    if s.endswith(".") and s[:-1].rsplit(None, 1)[-1].lower() not in ABBREVIATIONS:
        s = s[:-1]
    return s or None


def _speaker_case(text: str | None) -> str | None:
    """"A wife of a soldier" at a sentence start -> "a wife of a soldier"; "The Kremlin" stays."""
    if not text or not text[0].isupper():
        return text
    first, _, rest = text.partition(" ")
    if first.lower() in LOWER_STARTS and rest[:1].islower():
        return first.lower() + " " + rest
    return text


LOWER_STARTS = {"a", "an", "the", "one", "two", "three", "several", "many", "some", "another", "both", "all",
                "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "each",
                "most", "few", "other", "others", "local", "dozens", "hundreds", "thousands"}


def _proper(toks: list[_Tok]) -> bool:
    """A name: every word capitalised (allowing "of", "de"...), no determiner first."""
    words = [t for t in toks if t.norm[0].isalpha()]
    if not words or len(words) > 5 or words[0].norm in DETERMINERS:
        return False
    return all(_is_cap(t) or t.norm in TITLE_SMALL for t in words) and _is_cap(words[0])


def _choose_apposition(head: list[_Tok], app: list[_Tok]) -> list[_Tok]:
    """"Navalny's widow, Yulia Navalnaya," -> the name; "Anna, 34," -> Anna;
    "One of the authors, Perm resident Olga," -> the described name."""
    head, app = _clean_np(head), _clean_np(app)
    if not head:
        return app if _proper(app) else []
    if app and _proper(app) and not _proper(head) and app[0].norm not in PRONOUN_SET:
        return app
    if app and not _proper(head) and _titled_name(app) and not _titled_name(head):
        return app
    return head


def _titled_name(toks: list[_Tok]) -> bool:
    """A short description ending in a name: "Perm resident Olga", "military blogger Ivan Petrov"."""
    if not toks or len(toks) > 6 or toks[0].norm in DETERMINERS or not toks[-1].norm[0].isalpha():
        return False
    k = len(toks)
    while k > 0 and _is_cap(toks[k - 1]):
        k -= 1
    return 0 < k < len(toks) and len(toks) - k <= 3 and not _is_cap(toks[k - 1]) and \
        all(t.norm[0].isalpha() for t in toks) and not any(t.norm in NP_STOPS for t in toks)


def _choose_among(head: list[_Tok], apps: list[list[_Tok]]) -> list[_Tok]:
    """Several appositions: the name among the head and its appositions, else the head."""
    head = _clean_np(head)
    if head and _proper(head):
        return head
    for app in apps:
        if app and app[0].norm in {"who", "which", "whose", "whom"}:
            continue
        app = _clean_np(app)
        if app and (_proper(app) or _titled_name(app)) and app[0].norm not in PRONOUN_SET:
            return app
    return head


_QUANTITIES = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "several", "few", "many", "some", "hours", "days", "weeks", "months", "years", "minutes"}
_TIME_AFTER = {"after", "before", "later", "earlier", "ago", "into", "since", "on"}


def _time_opener(toks: list[_Tok], i: int) -> bool:
    """ "A year after …", "Two weeks later", "Days earlier": a time phrase opening the sentence."""
    t = toks[i].norm
    if t not in _QUANTITIES and not t.isdigit():
        return False
    if t.endswith("s") and t[:-1] in TIME_WORDS:
        return i + 1 < len(toks) and toks[i + 1].norm in _TIME_AFTER
    if i + 2 < len(toks):
        w = toks[i + 1].norm
        if w in TIME_WORDS or (w.endswith("s") and w[:-1] in TIME_WORDS):
            return toks[i + 2].norm in _TIME_AFTER
    return False


PRONOUN_SET = {"he", "she", "they", "it", "i", "we", "you"}
CALL_SIGN_WORDS = {"sign", "callsign", "call-sign", "alias", "nicknamed", "nickname", "pseudonym", "codename"}
HONORIFIC_RE = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Dr)\.? ([A-Z][\w'’-]+)$")
PREDICATE_START = {"is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "can", "should",
                   "must", "did", "does", "do"}
PARTICLES = {"in", "up", "off", "out", "back", "down"}  # "called in for": not speech
TERM_PREPOSITIONS = {"for", "with", "about", "on", "of", "into", "against", "over", "from", "under", "toward",
                     "towards", "by"}
SUBORDINATORS = {"when", "after", "as", "while", "because", "although", "though", "since", "before", "once",
                 "if", "until"}


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
    close = j if toks[j].norm == ")" else j - 1 if (toks[j].norm == "," and j - 1 >= lo and toks[j - 1].norm == ")") \
        else -1
    if close >= 0:  # 'Olga (she asked that her surname not be used), said' / '"Bober" (Beaver) told'
        o = close - 1
        while o > lo and toks[o].norm not in {"(", "<q>"}:
            o -= 1
        if o > lo and toks[o].norm == "(" and close - o <= 14:
            return _np_before_region(toks[:o] + toks[close + 1:cue + 1], o + cue - close - 1, lo)
    if toks[j].norm == "<q>" and j - 1 >= lo and toks[j - 1].norm in CALL_SIGN_WORDS:
        return [toks[j]], j  # 'a soldier with the call sign "Bober" told': the call sign names him
    app: list[_Tok] = []
    if toks[j].norm == ",":
        k = j - 1
        while k >= lo and toks[k].norm not in {",", ";", ":", "<q>", "(", "—", "–"}:
            k -= 1
            if k > lo and toks[k].norm == "<q>" and _scare_in_np(toks, k):
                k -= 1  # 'Sergei Aksyonov, the Russian-installed "head" of Crimea, wrote'
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
            if b - 1 >= lo and toks[b - 1].norm in {"who", "which", "that"}:
                b -= 2  # "A man who answered the hotline": keep walking to "A man"
                continue
            break
        b -= 1
    head = toks[b + 1:j + 1]
    if app and b - 1 >= lo and toks[b].norm == "," and head and head[0].raw[0].islower() \
            and head[0].norm not in DETERMINERS and not _looks_verb(toks, b + 1):
        # "Aleksei Tabalov, head of the Conscript School, a legal aid group, told": a name two appositions back
        k = b - 1
        while k >= lo and toks[k].norm not in {",", ";", ":", "<q>", "(", "—", "–"} and not _looks_verb(toks, k):
            k -= 1
        prior = _clean_np(toks[k + 1:b])
        if prior and (_proper(prior) or _titled_name(prior)) and prior[0].norm not in PRONOUN_SET and \
                (k < lo or toks[k].norm != ","):
            return prior, k + 1
    while app and b >= lo and toks[b].norm == "," and head and _minor_apposition(head):
        # "Ivanov, 45, a teacher, said": the head was another apposition; the name is further back
        k = b - 1
        while k >= lo and toks[k].norm not in {",", ";", ":", "<q>", "(", "—", "–"} and not _looks_verb(toks, k):
            k -= 1
        head, b = toks[k + 1:b], k
    if head and head[0].norm in ADVERBIAL_STARTS:
        return None
    chosen = _choose_apposition(head, app) if app else _clean_np(head)
    if not chosen or len(chosen) > 12:
        return None
    return chosen, b + 1


def _scare_in_np(toks: list[_Tok], k: int) -> bool:
    """toks[k] is a quoted word inside a noun phrase: 'the Russian-installed "head" of Crimea'."""
    before, after = toks[k - 1], toks[k + 1] if k + 1 < len(toks) else None
    return before.norm[0].isalpha() and before.norm not in DETERMINERS and before.norm not in CUE_FORMS and \
        before.norm not in NAMING_BEFORE and ("-" in before.norm or not _looks_verb(toks, k - 1)) and \
        after is not None and after.norm in {"of", "for", "in", "at", ","}


def _minor_apposition(toks: list[_Tok]) -> bool:
    """An age, a place or a short description that cannot be the speaker: "45", "from Tomsk"."""
    first = toks[0].norm
    return all(t.norm.isdigit() for t in toks) or first in {"from", "of", "in", "at", "aged", "age"} or (
        len(toks) <= 4 and first in {"a", "an"} and not _proper(toks))


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


def _drop_parens(toks: list[_Tok]) -> list[_Tok]:
    """Without short parenthetical glosses: 'the channel Podslushano Vladivostok ("Overheard…"), with…'."""
    out: list[_Tok] = []
    k, n = 0, len(toks)
    while k < n:
        if toks[k].norm == "(":
            m = k + 1
            while m < n and m - k <= 14 and toks[m].norm not in {"(", ")"}:
                m += 1
            if m < n and toks[m].norm == ")":
                k = m + 1
                continue
        out.append(toks[k])
        k += 1
    return out


def _is_person_head(head: list[_Tok]) -> bool:
    """ "a police officer", "Serhiy": a noun phrase a "who" clause can describe."""
    last = head[-1].norm
    return last in PERSON_WORDS or (_is_cap(head[-1]) and last[0].isalpha())


# words that end a subject before its verb; the cues among them are the verb (computed once, not per word)
SUBJECT_STOPS = frozenset(NP_STOPS - {"said", "says", "told", "tells", "wrote", "writes"})


def _subject(toks: list[_Tok]) -> tuple[list[_Tok] | None, int | None]:
    """The subject of a sentence (its tokens) and the index of its main verb."""
    if any(t.norm == "(" for t in toks):
        toks = _drop_parens(toks)
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
        if not starts_adverbial and _time_opener(toks, i):
            starts_adverbial = True  # "A year after X ordered…, Yelena…", "Days earlier, …"
        if starts_adverbial:
            k = i
            while k < n and toks[k].norm != ",":
                if toks[k].norm == "<q>" and not (k > i and toks[k - 1].norm in DETERMINERS and k + 1 < n):
                    break  # but 'ordered a "partial mobilization" of…' is a term inside the phrase
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
        if t.norm in {"who", "whose"} and head and _is_person_head(head):
            # "a police officer who gave only his first name, Serhiy, said": skip the relative clause
            m = k + 1
            while m < n and m - k < 20 and toks[m].norm not in {",", ";", ":", "<q>", "—", "–"}:
                m += 1
            if m < n and toks[m].norm == "," and m + 1 < n and not _looks_verb(toks, m + 1):
                k = m
                t = toks[k]
        if t.norm in {";", ":", "(", ")", "—", "–"} or t.norm in SUBJECT_STOPS:
            return None, None
        if t.norm == ",":
            # appositions: ", a nurse from Tomsk," then the verb; or several in a row
            # ("Another member, Yulia, a teacher from Barnaul, asked"), with a parenthesis or a
            # quoted nickname inside ("a blogger known as "Voron" (Raven), who …, called")
            apps: list[list[_Tok]] = []
            m0 = k
            for _ in range(3):
                m = m0 + 1
                depth = 0
                while m < n and m - m0 < 20:
                    x = toks[m].norm
                    if x == "(":
                        depth += 1
                    elif x == ")":
                        depth = max(0, depth - 1)
                    elif depth == 0 and x in {",", ";", ":"}:
                        break
                    elif x == "<q>" and m == m0 + 1:
                        break
                    m += 1
                if not (m < n and toks[m].norm == "," and m + 1 < n) or m == m0 + 1:
                    return None, None
                apps.append(toks[m0 + 1:m])
                if _looks_verb(toks, m + 1) or toks[m + 1].norm in ADVERBS or (
                        toks[m + 1].norm.endswith("s") and toks[m + 1].raw[0].islower()
                        and toks[m + 1].norm not in DETERMINERS and not toks[m + 1].norm.endswith("ss")):
                    v = m + 1
                    while v < n and toks[v].norm in ADVERBS and not _looks_verb(toks, v):
                        v += 1
                    if len(apps) == 1:
                        return _choose_apposition(head, apps[0]) or None, v
                    return _choose_among(head, apps) or None, v
                m0 = m
            return None, None
        if t.norm == "<q>":
            return None, None  # '"We will," he said, adding: …': the subject is the earlier quote's
        if k > i and _looks_verb(toks, k):
            cleaned = _clean_np(head)
            return (cleaned or None), k
        if head and t.norm.endswith("s") and not t.norm.endswith(("ss", "'s")) and t.raw[0].islower() and \
                t.norm.isalpha() and t.norm not in DETERMINERS and _proper(head) and \
                k + 1 < n and toks[k + 1].norm not in {",", "of", "and", "or"}:
            return head, k  # "Sokolov reckons the deficit…": a name, then a verb in -s
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
    caps = [w for w in raw if w[0].isupper() and w.lower() not in DETERMINERS and w.lower() not in TITLE_SMALL
            and w.lower() not in PERSON_WORDS and w.lower() not in ORG_WORDS]
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
    k = words.index(head)
    capitalised = raw[k][0].isupper() and not (k == 0 and head.endswith(PLURAL_SUFFIXES))  # "Traders said"
    plural = not one_of and (head in PLURAL_WORDS or (
        head.endswith("s") and not head.endswith(("ss", "'s", "us", "is")) and head not in ORG_WORDS
        and not capitalised))
    return gender, kind, plural


FAST_NP_STOPS = ADVERBS | FINITE_VERBS | CUE_FORMS | NP_STOPS | LEADING_JUNK | WEEKDAYS | MONTHS | TIME_WORDS | {
    "and", "or", "who", "which", "to", "in", "on", "at", "by", "for", "with", "as", "than", "this",
    "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "i", "we", "you", "asked",
    "according", "once"} - {"he", "she", "it", "they"}
PLURAL_SUFFIXES = ("ers", "ors", "ists", "ants", "ents", "ians", "ives", "ees", "ies", "ans", "ics")


def _fits(pronoun: str, m: _Mention) -> bool:
    gender, kind, plural = m.features
    if pronoun == "she":
        return not plural and kind in ("person", "unknown") and gender in ("f", None)
    if pronoun == "he":
        return not plural and kind in ("person", "unknown") and gender in ("m", None)
    if pronoun == "it":
        return not plural and kind in ("org", "thing", "unknown") and gender is None
    if pronoun == "they":
        return plural or kind == "org"
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
    return _via_name(cand) if cand else None


def _via_name(cand: str) -> str | None:
    """"the Govorit NeMoskva media outlet" -> "Govorit NeMoskva"; pronouns and days are not outlets."""
    words = cand.split()
    for k, w in enumerate(words):  # "the BBC's Russian service" -> "BBC"
        if w.endswith(("'s", "’s")) and k:
            words = words[:k] + [w[:-2]]
            break
        if w.endswith(("'s", "’s")):
            words = [w[:-2]]
            break
    words = [w.rstrip(".,;:") for w in words if w.rstrip(".,;:")]
    while words and words[-1].lower() in OUTLET_DESCRIPTORS and (words[-1].islower() or words[-1] == "TV"):
        words.pop()  # "the Dozhd TV channel" -> "Dozhd"; "the Kyiv Independent" keeps "Independent"
    while words and words[0] != "The" and words[0].lower() in OUTLET_DESCRIPTORS:
        words.pop(0)  # "the independent outlet Vyorstka" -> "Vyorstka"; "The Moscow Times" keeps its "The"
    if words and words[0] == "The" and len(words) == 1:
        return None
    if any(w.lower() in MALE_NAMES or w.lower() in FEMALE_NAMES for w in words):
        return None  # "told Putin": a person, not an outlet
    if not words or not words[0][0].isupper() and not words[0][0].isdigit():
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
    element: bool = False  # '"Unacceptable" was how X described it': the quote is part of the sentence


class _Extractor:
    def __init__(self, article: ParsedArticle):
        # code blocks keep their position but say nothing: '{"name": "Ivan"}' is not a quote
        self.texts = ["" if _is_code(p.markdown) else p.text for p in article.paragraphs]
        self.spans = _pair(self.texts)
        self.masks = _masks_for(self.spans, self.texts)
        self.paras_cache: dict[int, _Para] = {}
        self.speakers: dict[int, list[_Mention]] = {}
        self.subject_cache: dict[tuple[int, int], object] = {}
        self.results: list[tuple[FoundQuote, _Span]] = []

    def para(self, i: int) -> _Para:
        found = self.paras_cache.get(i)
        if found is None:
            found = self.paras_cache[i] = _Para(self.texts[i], self.masks.get(i, []))
        return found

    # ---- mentions -------------------------------------------------------------------------
    # Two kinds of mention: speakers (recorded as quotes are attributed) and sentence subjects
    # (read lazily, sentence by sentence, only while a backward scan needs them).
    def _add_mention(self, text: str, pos: tuple[int, int], cue: str | None = None, via: str | None = None,
                     like: _Mention | None = None) -> _Mention:
        if like is not None:
            m = _Mention(like.text, pos, cue or like.cue, via, like._features)
        else:
            m = _Mention(text, pos, cue, via, speaks=True)
        self.speakers.setdefault(pos[0], []).append(m)
        return m

    def _sentence_subject(self, p: int, s: int):
        """The subject of the sentence starting at s: a _Mention, a pronoun string, or None."""
        key = (p, s)
        if key in self.subject_cache:
            return self.subject_cache[key]
        result = None
        para = self.para(p)
        start, end = para.sentence_bounds(s)
        head = para.masked[start:start + 3].lstrip() or para.masked[start:start + 80].lstrip()[:1]  # a dateline
        toks = para.tokens_in(start, end, 40) if head and head[0] != MASK else None
        if toks and toks[0].norm != "<q>":
            subj, verb = _subject(toks)
            text = _np_text(para, subj) if subj else None
            if text:
                cue = toks[verb].norm if verb is not None and verb < len(toks) and toks[verb].norm in CUE_FORMS \
                    else None
                if subj[0].norm in PRONOUN_SET:
                    result = subj[0].norm if len(subj) == 1 else None
                else:
                    result = _Mention(text, (p, s), cue)
                    if verb is not None and subj[0] is not toks[0] and result.features[0] is None:
                        # "Kavaliova's younger brother, Maksim, has…": the apposition's noun gives the gender
                        for t in toks[:verb]:
                            g = "f" if t.norm in FEMALE_WORDS else "m" if t.norm in MALE_WORDS else None
                            if g is not None:
                                _, kind, plural = result.features
                                if kind in ("person", "unknown") and not plural:
                                    result._features = (g, "person", plural)
                                break
            if result is None or isinstance(result, str):
                # "When Rustam, 34, was detained…, he says…": the clause's subject is who "he" is;
                # "For Ms Belova, there is no turning back": a named person all the same
                found = self._clause_subject(para, toks, p, s) or self._named_person(para, toks, p, s)
                if found is not None and (result is None or _fits(result, found)):
                    result = found
        self.subject_cache[key] = result
        return result

    def _clause_subject(self, para: _Para, toks: list[_Tok], p: int, s: int) -> _Mention | None:
        """The subject of an opening subordinate clause: "When Rustam … was detained, he …"."""
        if toks[0].norm not in SUBORDINATORS or len(toks) < 3:
            return None
        subj, verb = _subject(toks[1:])
        if not subj or verb is None or subj[0].norm in PRONOUN_SET or not _is_cap(subj[0]):
            return None
        text = _np_text(para, subj)
        return _Mention(text, (p, s)) if text else None

    def _named_person(self, para: _Para, toks: list[_Tok], p: int, s: int) -> _Mention | None:
        """The first name in the sentence whose gender is plain ("Ms Belova", "Yelena")."""
        k = 0
        n = len(toks)
        while k < n:
            if not _is_cap(toks[k]) or not toks[k].norm[0].isalpha():
                k += 1
                continue
            m = k
            while m < n and _is_cap(toks[m]) and toks[m].norm[0].isalpha() and m - k < 3:
                m += 1
            words = toks[k:m]
            k = m
            while words and (words[0].norm in ADVERBIAL_STARTS or words[0].norm in DETERMINERS
                             or words[0].norm in LEADING_JUNK or words[0].norm in PRONOUN_SET):
                words = words[1:]
            if not words or words[-1].norm.endswith("'s"):
                continue
            plain = words[0].norm in FEMALE_NAMES or words[0].norm in MALE_NAMES or \
                words[0].norm in FEMALE_WORDS or words[0].norm in MALE_WORDS  # not "Pskov Courier"
            if not plain:
                continue  # (tested first: it is cheap, and most capitalised words are not names)
            text = _np_text(para, words)
            if not text:
                continue
            gender, kind, plural = _features(text)
            if gender is not None and kind == "person" and not plural:
                return _Mention(text, (p, s), features=(gender, kind, plural))
        return None

    def _according_in(self, p: int, s: int) -> _Mention | None:
        """ "…, according to Oleksandr Vilkul, head of …": a person the next "he" may mean."""
        return self._named_after(p, s, "according", ("ccording to",), ACCORDING_NP_RE, persons_only=False)

    def _interviewed_in(self, p: int, s: int) -> _Mention | None:
        """ "Meduza spoke to the administrator of a channel, …": the person interviewed, whom "he" may mean."""
        return self._named_after(p, s, "object", ("spoke", "talked", "interview"), INTERVIEWED_RE, persons_only=True)

    def _named_after(self, p: int, s: int, tag: str, triggers: tuple[str, ...], pattern, persons_only: bool):
        """The noun phrase `pattern` finds in sentence s of paragraph p (its group "np"), cached."""
        key = (p, s, tag)
        if key in self.subject_cache:
            return self.subject_cache[key]
        result = None
        para = self.para(p)
        start, end = para.sentence_bounds(s)
        sentence = para.masked[start:end]
        if any(trigger in sentence for trigger in triggers):
            m = pattern.search(sentence)
            if m:
                a = start + m.start("np")
                np = _clean_np(para.tokens_in(a, start + m.end("np"), 12))
                text = _np_text(para, np) if np else None
                if text and np[0].norm not in PRONOUN_SET:
                    found = _Mention(text, (p, a))
                    if not persons_only or found.features[1:] == ("person", False):
                        result = found
        self.subject_cache[key] = result
        return result

    def _possessor_in(self, p: int, s: int) -> _Mention | None:
        """ "Kavaliova's younger brother, Maksim, …": the named possessor opening the sentence."""
        key = (p, s, "owner")
        if key in self.subject_cache:
            return self.subject_cache[key]
        result = None
        para = self.para(p)
        m = POSSESSOR_START_RE.match(para.masked, s)
        if m and m.group("name").split()[0].lower() not in DETERMINERS:
            found = _Mention(m.group("name"), (p, s))
            _, kind, plural = found.features
            if kind in ("person", "unknown") and not plural and found.features[0] is not None:
                result = found
        self.subject_cache[key] = result
        return result

    def _mentions_before(self, pos: tuple[int, int], word: str | None = None):
        """Mentions before pos, nearest first: speakers, and the subjects of at most SENTENCES
        sentences over at most WINDOW earlier paragraphs. Yields _Mention objects, or
        (pronoun, position) for a sentence whose subject is a pronoun.

        With `word` (lower case) the caller wants only mentions whose text has that word. A
        sentence's mentions are pieces of its own text, so a sentence without the word still
        counts against the budget but is not parsed (parsing subjects is the expensive part)."""
        p0 = pos[0]
        budget = SENTENCES
        for p in range(p0, max(-1, p0 - WINDOW - 1), -1):
            para = self.para(p)
            para_has_word = word is None or word in para.text.lower()
            items = [(m.pos[1], 1, m) for m in self.speakers.get(p, ()) if m.pos < pos]
            items += [(st, 0, None) for st in para.starts if (p, st) < pos]
            items.sort(key=lambda x: (x[0], x[1]), reverse=True)
            for off, is_speaker, m in items:
                if is_speaker:
                    yield m
                    continue
                if budget <= 0:
                    return
                budget -= 1
                if word is not None and (not para_has_word or
                                         word not in para.text[off:para.sentence_bounds(off)[1]].lower()):
                    continue
                obj = self._interviewed_in(p, off)
                if obj is not None and obj.pos < pos:
                    yield obj
                source = self._according_in(p, off)
                if source is not None and source.pos < pos:
                    yield source
                subj = self._sentence_subject(p, off)
                if subj is not None:
                    yield (subj, (p, off)) if isinstance(subj, str) else subj
                owner = self._possessor_in(p, off)
                if owner is not None and owner.pos < pos:
                    yield owner

    def _resolve(self, pronoun: str, pos: tuple[int, int], depth: int = 0) -> _Mention | None:
        for m in self._mentions_before(pos):
            if isinstance(m, tuple):
                continue  # "She added that…": the same referent lies further back
            if _fits(pronoun, m):
                return m
        return None

    # ---- attribution ----------------------------------------------------------------------
    def _speaker(self, attr: _Attr) -> tuple[str | None, _Mention | None]:
        text = attr.speaker_text
        if not text:
            return None, None
        low = text.lower()
        if low in RESOLVABLE:
            ref = self._resolve(low, (attr.para, attr.at))
            return (ref.text if ref else None), ref
        if low.split(None, 1)[0] in PRONOUN_SET:
            return None, None
        words = low.split()
        if len(words) == 2 and words[0] == "the" and words[1] in ORG_WORDS:
            pos = (attr.para, attr.at)
            ref = self._named(words[1], pos)
            if ref is not None:
                return ref.text, ref
            if words[1] in NAMED_ORG_NOUNS:
                name = self._named_org(pos)
                if name:
                    return name, None
        elif len(words) == 2 and words[0] == "the" and words[1] in PERSON_WORDS:
            ref = self._described(words[1], (attr.para, attr.at))
            if ref is not None:
                return ref.text, ref
        return text, None

    def _described(self, noun: str, pos: tuple[int, int]) -> _Mention | None:
        """ "the source" -> "A source in the agency": the fuller description given just before."""
        for m in self._mentions_before(pos, word=noun):
            if isinstance(m, tuple):
                continue
            words = m.text.lower().split()
            if len(words) > 2 and words[0] in {"a", "an", "one"} and noun in words[1:3]:
                return m
        return None

    def _named_org(self, pos: tuple[int, int]) -> str | None:
        """ "the company" / "the channel" with no mention of that noun: the nearest organisation the text
        named ("Telegram's founder", "the Atesh partisan movement", "the channel Podslushano")."""
        p0, at = pos
        for p in range(p0, max(-1, p0 - WINDOW - 1), -1):
            masked = self.para(p).masked
            if p == p0:
                masked = masked[:at]
            best = None
            for rx in (ORG_POSSESSOR_RE, ORG_NAME_BEFORE_RE, ORG_NAME_AFTER_RE):
                for m in rx.finditer(masked):
                    name = m.group("name")
                    first = name.split()[0].lower()
                    if first in DETERMINERS or first in ADVERBIAL_STARTS or first in LEADING_JUNK or \
                            first in PRONOUN_SET or first in MONTHS or first in WEEKDAYS:
                        continue
                    if best is None or m.start("name") > best[0]:
                        best = (m.start("name"), name)
            if best is not None:
                return best[1]
        return None

    def _named(self, noun: str, pos: tuple[int, int]) -> _Mention | None:
        """The nearest earlier mention with this noun and a name: "the channel" -> "the Telegram channel Rybar"."""
        for m in self._mentions_before(pos, word=noun):
            if isinstance(m, tuple):
                continue
            words = m.text.split()
            low = [w.lower() for w in words]
            if noun in low:
                k = low.index(noun)
                if any(w[0].isupper() for w in words[k + 1:]) or any(
                        w[0].isupper() and w.lower() not in DETERMINERS for w in words[1:k]):
                    return m
                return None  # the nearest mention of it has no name
        return None

    def _right(self, span: _Span) -> _Attr | None:
        """'"…," X said' / '"…," said X' / '"…," according to X' after the closing mark."""
        if span.close_at is None:
            return None
        p = span.close_para
        para = self.para(p)
        _, end = para.sentence_bounds(span.close_at + 1)
        dash = DASH_NAME_RE.match(para.masked, span.close_at + 1, end)
        if dash is not None:  # '"…" — Maria Petrova, mother of a soldier': a signature, no verb
            return _Attr(None, dash.group("np"), None, None, p, dash.start("np"))
        if CUE_WORDS.isdisjoint(LOWER_WORD_RE.findall(para.masked[span.close_at + 1:min(end, span.close_at + 140)].lower())):
            return None  # no cue word at all: skip the tokenizer
        fast = FAST_RIGHT_RE.match(para.masked, span.close_at + 1, end)
        if fast is not None:
            # '"…," the statement said' / 'she said' / 'Peskov told Interfax': a plain subject next to its cue
            np = fast.group("np")
            words = np.lower().split()
            if not FAST_NP_STOPS.intersection(words[1:]) and (len(words) == 1 or words[0] not in FAST_NP_STOPS) \
                    and not any(w.endswith("ed") for w in words):
                terminal = any(para.masked[x] in TERMINAL for x in range(max(0, span.close_at - 2), span.close_at + 1))
                if not (terminal and np[0].islower() and words[0] not in RESOLVABLE):
                    cue = fast.group("cue")
                    return _Attr(None, np, cue, _via(para.text[fast.end("cue"):end], cue), p, fast.start("np"))
        a = span.close_at + 1
        toks = para.tokens_in(a, end, 10)  # most attributions are short: read more only when needed
        if len(toks) == 10:
            c = next((i for i, t in enumerate(toks) if t.norm in CUE_WORDS), None)
            toks = para.tokens_in(a, end, 20 if c is None else c + 16)
        k = 0
        while k < len(toks) and toks[k].norm in {",", "—", "–", ":", ";"}:
            k += 1
        if k >= len(toks):
            return None
        element = False
        if k + 2 < len(toks) and toks[k].norm in {"was", "is", "were", "are"} and toks[k + 1].norm in {"how", "what"}:
            k += 2  # '"Unacceptable" was how the ministry described the comments'
            element = True
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
            if t in CUE_FORMS and (t not in WEAK_CUES or element) and t not in PARTICIPLE_CUES and \
                    not _noun_not_cue(toks, c):
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
                return _Attr(np, _np_text(para, np), cue, _via(clause, t), p, at, element)
            if c > first and _looks_verb(toks, c):
                return None
        return None

    def _left(self, span: _Span, partial: bool) -> _Attr | None:
        """'X said: "…"', 'According to X, "…"', 'X said that … "fragment"'."""
        p = span.para
        para = self.para(p)
        start, _ = para.sentence_bounds(span.open_at)
        left = para.masked[start:span.open_at]
        if not left.rstrip().endswith(":") and " put" not in left and "words of" not in left and \
                CUE_WORDS.isdisjoint(LOWER_WORD_RE.findall(left.lower())):
            return None  # no cue, no colon: nothing to attribute from (and no need to tokenize)
        toks = para.tokens_in(start, span.open_at)
        if not toks:
            return None
        m = ACCORDING_RE.search(left) if "ccording" in left else None
        if m is None and "ccording" in left:
            m = ACCORDING_ANY_RE.search(left)  # "According to Lavrov, Western countries "want to…""
            if m and CUE_WORDS.intersection(LOWER_WORD_RE.findall(left[m.end():].lower())):
                m = None  # another cue governs the quote
        if m:
            a = start + m.start("np")
            np = [t for t in toks if t.start >= a and t.end <= start + m.end("np")]
            np = _clean_np(np)
            if np:
                return _Attr(np, _np_text(para, np), "according to", None, p, a)
        m = AS_PUT_RE.search(left) if (" put" in left or "words of" in left) else None
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
                                                                              "threatened", "pledged", "agreed"} \
                        and not (partial and c + 2 == len(toks)):
                    continue  # "promised to rebuild": an act; but 'promised to "sort everything out"' quotes it
                if t in {"added", "adds", "adding", "posted", "reads", "put"} and c + 1 < len(toks) and \
                        toks[c + 1].norm not in {"that", ",", ":", "<q>", "in", "on", "later", "then"}:
                    continue  # "added the journalist to its register": not speech
                cue_i = c
                break
        if cue_i is None:
            if left.rstrip().endswith(":"):
                subj, _ = _subject(toks)
                if subj:
                    return _Attr(subj, _np_text(para, subj), None, None, p, subj[0].start)
            return None
        if cue_i + 1 < len(toks) and toks[cue_i + 1].norm in {"to", "with", "by", "on"}:
            # "X told Y that the authorities had responded to … with "…"": the act is reported, X speaks
            for c in range(cue_i - 2, -1, -1):
                t = toks[c].norm
                if t in CUE_FORMS and t not in WEAK_CUES and t not in PARTICIPLE_CUES and \
                        not _noun_not_cue(toks, c) and any(x.norm == "that" for x in toks[c + 1:cue_i]):
                    cue_i = c
                    break
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
            if "as saying" in left:
                active = QUOTED_AS_RE.search(left)
                if active:  # "TASS quoted Peskov as saying": the speaker is the object, the subject the outlet
                    a, b = start + active.start("np"), start + active.end("np")
                    obj = _clean_np([t for t in toks if t.start >= a and t.end <= b])
                    if obj:
                        via = _via_name(_np_text(para, np)) if np else None
                        np = obj
                elif via is None:  # "X was quoted by the state news agency BelTA as saying"
                    m2 = VIA_PREP_RE.search(left)
                    if m2:
                        via = _via(m2.group(0), None)
        else:
            np = _np_before(toks, cue_i)
            if np is None:
                subj, _ = _subject(toks)
                np = subj
        if np and len(np) > 1 and np[0].norm in {"в", "во"}:
            np = np[1:]  # "В пресс-службе губернатора заявили": the press service said
        if not np:
            return None
        if cue == "quoted":
            cue = "saying" if "as saying" in clause else cue
        return _Attr(np, _np_text(para, np), cue, via, p, np[0].start)

    # ---- classification -------------------------------------------------------------------
    def _inner(self, span: _Span) -> tuple[str, int, int, int]:
        """(text without the marks, paragraph, start, end): the paragraph and offsets of the
        first non-empty piece; a trailing comma (the attribution's, not the speaker's) is cut."""
        lines, first_at = [], None
        for (q, x, y) in span.pieces:
            raw = self.texts[q][x:y]
            piece = raw.strip()
            if piece:
                if first_at is None:
                    first_at = (q, x + len(raw) - len(raw.lstrip()))
                lines.append(piece)
        if first_at is None:
            return "", span.para, 0, 0
        text = "\n".join(lines)
        if text.endswith(","):
            text = text[:-1].rstrip()
        first_line = text.split("\n", 1)[0]
        q, start = first_at
        return text, q, start, start + len(first_line)

    def run(self) -> list[FoundQuote]:
        last_quote: tuple[FoundQuote, _Span] | None = None
        for span in self.spans:
            p = span.para
            para = self.para(p)
            text, qpara, qstart, qend = self._inner(span)
            if not text.strip(" .,;:!?…—–-'\"‘’“”«»„"):
                continue
            if len(text) <= 160:
                words = WORD_RE.findall(text)
                nwords = len(words)
            else:  # long: certainly speech-length; count roughly, skip the short-span tests
                words = None
                nwords = text.count(" ") + 1
            s_start, s_end = para.sentence_bounds(span.open_at)
            left = para.masked[s_start:span.open_at]
            left_s = left.strip()
            # the last words before the quote (the whole left part is read only when needed)
            left_toks = para.tokens_in(max(s_start, span.open_at - 60), span.open_at) if left_s else []
            if span.close_at is not None:
                cp = self.para(span.close_para)
                _, r_end = cp.sentence_bounds(span.close_at + 1)
                right = cp.masked[span.close_at + 1:r_end]
            else:
                right = ""
            right_s = right.strip()
            fw = FIRST_WORD_RE.match(right_s)
            right_first = fw.group(1).lower() if fw else ""
            inner_end = self.texts[span.close_para][:span.close_at].rstrip()[-1:] if span.close_at is not None else ""
            ends_clause = not right_s or right_s[0] in ",.;:!?)—–" or right_s[0] == MASK or \
                inner_end in (",", ".", "!", "?", ";", "…")  # American style: '"temporary," the governor said' 

            title_case = nwords <= 8 and words is not None and _title_case(words)
            # "I", "we", "our"...: speech. Only short spans need the test (long ones are speech anyway).
            first_person = nwords <= 15 and bool(FIRST_PERSON_RE.search(text))
            prev_word = left_toks[-1].norm if left_toks else ""
            prev2 = left_toks[-2].norm if len(left_toks) > 1 else ""

            in_parens = left.rstrip().endswith("(") and right_s.startswith(")")
            possessive = nwords <= 6 and bool(POSSESSIVE_RE.search(left[-4:]))
            complement = any(t.norm in COMPLEMENT_VERBS for t in left_toks[-5:-1]) and not title_case
            first_inner = words[0] if words else ""
            predicate = nwords >= 3 and first_inner[:1].islower() and (
                first_inner in PREDICATE_START or first_inner in FINITE_VERBS or
                (first_inner.endswith("ed") and len(first_inner) > 4))  # 'the song "undermined the…"'
            naming_before = (prev_word in NAMING_BEFORE and nwords <= 15 and not first_person and not complement
                             and not predicate) or \
                (prev_word == "as" and bool(KNOWN_AS_RE.search(left))) or (prev_word in {"so-called", "socalled"}) or \
                (prev2 == "so" and prev_word == "called")
            if prev_word == "as" and nwords <= 6 and not first_person and any(
                    t.norm in DESIGNATION_VERBS for t in left_toks[-6:-1]):
                naming_before = True  # "recognized the house as «limited fit for habitation»": a status
            if prev_word in {"of", "as", "on", "under"} and prev2 in STATUS_WORDS and nwords <= 4 and not first_person:
                naming_before = True  # the register of "foreign agents", the status of "undesirable"
            naming_after = right_first in NAMING_AFTER and not right_s.startswith((",", ".")) and nwords <= 6
            last_inner = words[-1].lower() if words else ""
            if words is not None and nwords <= 6:
                low_words = {w.lower() for w in words}
                has_verb = bool(low_words & VERBISH) or bool(low_words & CUE_FORMS) or \
                    any(w.endswith("ed") for w in low_words)
            else:
                has_verb = True
            names_itself = last_inner in {"operation", "movement", "organization", "organisation", "party",
                                          "group", "law", "act", "bill", "campaign", "project", "foundation",
                                          "fund", "brigade", "battalion", "regiment", "initiative", "festival",
                                          "program", "programme", "award", "prize", "front", "union"} \
                and nwords <= 5 and not first_person and words[0].lower() not in SPAN_PREPOSITIONS

            colon_intro = left_s.endswith(":")
            sentence_initial = left_s == "" or left_s in {"—", "–", "-"} or colon_intro
            # "He said, "…"" / "X added "…"" / "said X, "…"" and a quote resumed after its attribution
            cue_intro = False
            if left_toks and not sentence_initial:
                lt = [t for t in left_toks[-3:] if t.norm not in {",", "—", "–"}]
                if left_s.endswith(",") and lt and (lt[-1].norm in CUE_FORMS and lt[-1].norm not in WEAK_CUES):
                    cue_intro = True
                elif left_s.endswith(",") and left_s[0] == MASK and any(
                        t.norm in CUE_FORMS for t in left_toks[-6:]):
                    cue_intro = True  # '"We will," he said, "never surrender."'
                elif text[:1].isupper() and nwords >= 3 and ends_clause and any(
                        t.norm in CUE_FORMS and t.norm not in WEAK_CUES and t.norm not in PARTICIPLE_CUES
                        and t.norm not in {"that"} for t in left_toks[-4:]) and left_toks[-1].norm != "that":
                    cue_intro = True  # 'He told reporters "We will not retreat."' (a sentence, not a fragment)
            according_intro = "ccording" in left and bool(ACCORDING_RE.search(left)) and ends_clause and nwords >= 4 and \
                left_s[:9].lower() == "according"
            as_put_intro = " put" in left and ends_clause and nwords >= 3 and bool(AS_PUT_RE.search(left))

            direct_shape = sentence_initial or cue_intro or according_intro or as_put_intro
            if not direct_shape and span.close_at is None:
                continue  # an unclosed mark in mid-sentence: not a quote we can trust
            if span.close_at is None and not (colon_intro or sentence_initial) :
                continue

            if possessive or naming_before or names_itself:
                continue  # decided by the words around it: no attribution can make it a quote
            if not direct_shape and prev_word in SCARE_DETERMINERS and nwords <= 4 and not ends_clause and \
                    prev2 not in COPULAS:
                continue  # the "special military operation" was...: a scare term

            right_attr = self._right(span) if ends_clause or direct_shape else None

            if in_parens and not right_attr:
                continue
            if not direct_shape and (not right_attr or right_attr.cue == "according to") and nwords <= 3 and \
                    not has_verb and not first_person and prev_word in TERM_PREPOSITIONS and not any(
                        t.norm in CUE_FORMS and left_toks[k + 1].norm not in PARTICLES
                        for k, t in enumerate(left_toks[:-1]) if k >= len(left_toks) - 4):
                continue  # 'summoned for "preventive conversations"', 'correspondence with "foreign curators"'
            if naming_after and not right_attr:
                continue
            if title_case and nwords <= 6 and not right_attr and not colon_intro and not (
                    sentence_initial and last_quote and last_quote[1].close_para == p and nwords >= 3):
                continue

            if direct_shape and not (right_attr is not None and right_attr.element):
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
                attr = right_attr or self._left(span, partial=True)
                if attr is None:
                    if not (nwords >= 6 and (has_verb or first_person)) and not (first_person and nwords >= 3):
                        continue
                elif attr.cue is None and not right_attr:
                    if nwords < 5:
                        continue
                if title_case and nwords <= 6 and not (right_attr is not None and right_attr.element):
                    continue
                if nwords <= 4 and not has_verb and attr is None:
                    continue

            speaker = cue = via = None
            ref = None
            if attr is not None and attr.speaker_text:
                speaker, ref = self._speaker(attr)
                cue, via = attr.cue, attr.via
            elif attr is not None:
                cue, via = attr.cue, attr.via

            if attr is None and kind == "partial":
                subj, _ = _subject(para.tokens_in(s_start, span.open_at, 40))
                if subj and subj[0].norm not in PRONOUN_SET:
                    speaker = _np_text(para, subj)
            if attr is None and speaker is None:
                speaker, cue, via = self._inherit(span, last_quote)

            speaker = _speaker_case(speaker)
            if speaker and speaker[0] in "MD":
                speaker = self._full_name(speaker, qpara)
            found = FoundQuote(paragraph=qpara, start=qstart, end=qend, text=text, kind=kind,
                               speaker=speaker, cue=cue, via=via)
            self.results.append((found, span))
            last_quote = (found, span)
            if speaker:
                pos = (attr.para, attr.at) if attr is not None else (p, span.open_at)
                self._add_mention(speaker, pos, cue, via, like=ref)
        return [f for f, _ in self.results]

    def _full_name(self, speaker: str, p: int) -> str:
        """ "Ms Belova" -> "Anna Belova" when the text named her in full before."""
        m = HONORIFIC_RE.match(speaker)
        if m is None:
            return speaker
        surname = m.group(1)
        pattern = re.compile(r"\b([A-Z][a-z'’-]+) " + re.escape(surname) + r"\b")
        for q in range(0, p + 1):
            if surname not in self.texts[q]:
                continue
            for found in pattern.finditer(self.texts[q]):
                first = found.group(1).lower()
                if first in {"mr", "ms", "mrs", "miss", "dr"} or first in PERSON_WORDS or first in ORG_WORDS or \
                        first in DETERMINERS or first in ADVERBIAL_STARTS or first in LEADING_JUNK:
                    continue
                return found.group(0)
        return speaker

    def _inherit(self, span: _Span, last_quote) -> tuple[str | None, str | None, str | None]:
        """A quote with no attribution of its own: the previous speaker, or the person just introduced."""
        p = span.para
        # a paragraph ending in a colon introduces this one
        if span.open_at <= len(self.texts[p]) - len(self.texts[p].lstrip()) and p > 0:
            prev = self.para(p - 1)
            if prev.masked.rstrip().endswith(":"):
                s, _ = prev.sentence_bounds(len(prev.masked.rstrip()) - 1)
                fake = _Span(p - 1, len(prev.masked.rstrip()), p - 1, None)
                attr = self._left(fake, partial=False)
                if attr is not None and attr.speaker_text:
                    speaker, _ = self._speaker(attr)
                    if speaker:
                        return speaker, attr.cue, attr.via
        if last_quote is not None and last_quote[1].close_para == p and last_quote[0].speaker:
            q = last_quote[0]
            return q.speaker, q.cue, q.via
        last_pos = (last_quote[1].close_para, last_quote[1].close_at or 0) if last_quote else (-1, -1)
        for m in self._mentions_before((p, span.open_at)):
            if isinstance(m, tuple):
                pronoun, where = m
                if where <= last_pos or p - where[0] > 1:
                    break
                if pronoun in RESOLVABLE:
                    ref = self._resolve(pronoun, where)
                    if ref is not None:
                        return ref.text, ref.cue, None
                continue
            if m.pos <= last_pos or p - m.pos[0] > 1:
                break
            _, kind, plural = m.features
            if kind in ("person", "unknown", "org") and not plural:
                return m.text, m.cue, None
            if plural and kind == "person":
                return m.text, m.cue, None
        if last_quote is not None and p - last_quote[1].close_para <= 2 and last_quote[0].speaker:
            q = last_quote[0]
            return q.speaker, q.cue, q.via
        return None, None, None


HEADLINE_RE = re.compile(r"^\s*[‘'\"“«„](?P<q>[^‘’'\"“”«»„\n]{3,140}?)[’'\"”»“]\s*[:—–]")
_KEY_RE = re.compile(r"[^\W_]+")


def _headline_quote(title: str, found: list[FoundQuote]) -> FoundQuote | None:
    """'"We were told nothing": residents flee…': a headline opening with words the body quotes.
    Kept only when a body quote says them; the speaker is that quote's. Its paragraph is None."""
    m = HEADLINE_RE.match(title or "")
    if m is None:
        return None
    key = " ".join(_KEY_RE.findall(m.group("q").casefold()))
    if not key:
        return None
    for q in found:
        if key in " ".join(_KEY_RE.findall(q.text.casefold())):
            return FoundQuote(paragraph=None, start=m.start("q"), end=m.end("q"), text=m.group("q").strip(),
                              kind="direct", speaker=q.speaker, cue=q.cue, via=q.via)
    return None


def extract_quotes(article: ParsedArticle) -> list[FoundQuote]:
    """Every quote in the article's body, in reading order; a headline quote first (paragraph None)."""
    if not any(_has_mark(p.text) for p in article.paragraphs):
        return []
    found = _Extractor(article).run()
    if found and article.title[:1] in "‘'\"“«„":
        head = _headline_quote(article.title, found)
        if head is not None:
            found.insert(0, head)
    return found
