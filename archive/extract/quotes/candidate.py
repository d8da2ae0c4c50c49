"""A quoted span as the rules see it: its text and the features of the words around it.

``describe`` computes what the classification rules (archive.extract.quotes.rules) test, in the
order the engine needs it; the attribution to the right of the span (``right_attr``) is filled in
by the engine only when the first table has not already decided (it is the expensive part).
"""
from __future__ import annotations

from archive.extract.quotes.marks import _Span
from archive.extract.quotes.patterns import (
    ACCORDING_RE, AS_PUT_RE, FIRST_PERSON_RE, FIRST_WORD_RE, INNER_ENDS, KNOWN_AS_RE, MASK, POSSESSIVE_RE, WORD_RE,
)
from archive.extract.quotes.subject import _title_case

BLANK = " .,;:!?…—–-'\"‘’“”«»„"  # a span of nothing but these says nothing
DASHES = frozenset("—–-")
LONG = 160  # a span longer than this is speech-length: its words are counted roughly


class QuoteCandidate:
    """The features are class-level defaults, set on the instance as they are computed (creating one is cheap)."""

    def __init__(self, span: _Span, text: str, paragraph: int | None, start: int, end: int, v):
        self.span, self.text, self.paragraph, self.start, self.end = span, text, paragraph, start, end
        self.v = v  # the vocabulary

    blank: bool = False
    words: list | None = None  # the span's words (None when long)
    nwords: int = 0
    s_start: int = 0  # where the sentence that holds the opening mark starts
    left: str = ""  # the narrative before the mark, in its sentence
    left_s: str = ""
    left_toks: list | None = None  # the last tokens before the mark
    right_s: str = ""  # the narrative after the closing mark, in its sentence
    ends_clause: bool = False  # a comma, a stop or nothing after it: it may be a clause of its own
    unclosed: bool = False
    title_case: bool = False
    first_person: bool = False
    prev_word: str = ""
    prev2: str = ""
    in_parens: bool = False
    possessive: bool = False
    naming_before: bool = False
    naming_after: bool = False
    names_itself: bool = False
    has_verb: bool = True
    colon_intro: bool = False
    sentence_initial: bool = False
    direct_shape: bool = False
    scare_term: bool = False
    follows_quote: bool = False  # the quote before it closed in the same paragraph
    right_attr: object = None  # the attribution after it ('"…," X said'), once the engine has read it
    attr: object = None  # the attribution it gets (right or left), once its kind is known
    kind: str = ""

    def term_preposition(self) -> bool:
        """'summoned for "preventive conversations"': a short verbless term after a preposition."""
        v, toks = self.v, self.left_toks
        return not self.direct_shape and (not self.right_attr or self.right_attr.cue == "according to") and \
            self.nwords <= 3 and not self.has_verb and not self.first_person and \
            self.prev_word in v.term_prepositions and not any(
                t.norm in v.cue_forms and toks[k + 1].norm not in v.particles
                for k, t in enumerate(toks[:-1]) if k >= len(toks) - 4)


def describe(ex, span: _Span, last_quote) -> QuoteCandidate:
    """The candidate for one top-level span, with every feature the first rules need."""
    text, qpara, qstart, qend = ex._inner(span)
    c = QuoteCandidate(span, text, qpara, qstart, qend, ex.v)
    if not text.strip(BLANK):
        c.blank = True
        return c
    if len(text) <= LONG:
        c.words = WORD_RE.findall(text)
        c.nwords = len(c.words)
    else:  # long: certainly speech-length; count roughly, skip the short-span tests
        c.nwords = text.count(" ") + 1
    _surroundings(ex, c)
    _naming(c)
    _introduction(c)
    c.follows_quote = last_quote is not None and last_quote[1].close_para == span.para
    return c


def _surroundings(ex, c: QuoteCandidate) -> None:
    """The narrative left and right of the span, and what the words next to it are."""
    span, v = c.span, c.v
    para = ex.para(span.para)
    c.s_start, _ = para.sentence_bounds(span.open_at)
    c.left = left = para.masked[c.s_start:span.open_at]
    c.left_s = left.strip()
    # the last words before the quote (the whole left part is read only when needed)
    c.left_toks = left_toks = para.tokens_in(max(c.s_start, span.open_at - 60), span.open_at) if c.left_s else []
    c.unclosed = span.close_at is None
    if not c.unclosed:
        cp = ex.para(span.close_para)
        _, r_end = cp.sentence_bounds(span.close_at + 1)
        right = cp.masked[span.close_at + 1:r_end]
    else:
        right = ""
    c.right_s = right_s = right.strip()
    inner_end = ex.texts[span.close_para][:span.close_at].rstrip()[-1:] if not c.unclosed else ""
    c.ends_clause = not right_s or right_s[0] in ",.;:!?)—–" or right_s[0] == MASK or \
        inner_end in INNER_ENDS  # American style: '"temporary," the governor said'
    c.title_case = c.nwords <= 8 and c.words is not None and _title_case(v, c.words)
    # "I", "we", "our"...: speech. Only short spans need the test (long ones are speech anyway).
    c.first_person = c.nwords <= 15 and bool(FIRST_PERSON_RE.search(c.text))
    c.prev_word = left_toks[-1].norm if left_toks else ""
    c.prev2 = left_toks[-2].norm if len(left_toks) > 1 else ""
    c.in_parens = left.rstrip().endswith("(") and right_s.startswith(")")
    c.possessive = c.nwords <= 6 and bool(POSSESSIVE_RE.search(left[-4:]))


def _naming(c: QuoteCandidate) -> None:
    """Does the span name something (a title, a status, an organisation) rather than quote anyone?"""
    v, words, nwords, left_toks = c.v, c.words, c.nwords, c.left_toks
    prev_word, prev2, first_person = c.prev_word, c.prev2, c.first_person
    complement = any(t.norm in v.complement_verbs for t in left_toks[-5:-1]) and not c.title_case
    first_inner = words[0] if words else ""
    predicate = nwords >= 3 and first_inner[:1].islower() and (
        first_inner in v.predicate_starts or first_inner in v.finite_verbs or
        (first_inner.endswith("ed") and len(first_inner) > 4))  # 'the song "undermined the…"'
    naming_before = (prev_word in v.naming_before and nwords <= 15 and not first_person and not complement
                     and not predicate) or \
        (prev_word == "as" and bool(KNOWN_AS_RE.search(c.left))) or (prev_word in {"so-called", "socalled"}) or \
        (prev2 == "so" and prev_word == "called")
    if prev_word == "as" and nwords <= 6 and not first_person and any(
            t.norm in v.designation_verbs for t in left_toks[-6:-1]):
        naming_before = True  # "recognized the house as «limited fit for habitation»": a status
    if prev_word in {"of", "as", "on", "under"} and prev2 in v.status_words and nwords <= 4 and not first_person:
        naming_before = True  # the register of "foreign agents", the status of "undesirable"
    c.naming_before = naming_before
    fw = FIRST_WORD_RE.match(c.right_s)
    right_first = fw.group(1).lower() if fw else ""
    c.naming_after = right_first in v.naming_after and not c.right_s.startswith((",", ".")) and nwords <= 6
    last_inner = words[-1].lower() if words else ""
    if words is not None and nwords <= 6:
        low_words = {w.lower() for w in words}
        c.has_verb = bool(low_words & v.verbish) or bool(low_words & v.cue_forms) or \
            any(w.endswith("ed") for w in low_words)
    c.names_itself = last_inner in v.self_naming and nwords <= 5 and not first_person and \
        words[0].lower() not in v.span_prepositions


def _introduction(c: QuoteCandidate) -> None:
    """Is the span introduced as speech: at a sentence start, after a colon, after "X said,"?"""
    v, left, left_s, left_toks, nwords = c.v, c.left, c.left_s, c.left_toks, c.nwords
    c.colon_intro = left_s.endswith(":")
    c.sentence_initial = sentence_initial = left_s == "" or (len(left_s) == 1 and left_s in DASHES) or c.colon_intro
    # "He said, "…"" / "X added "…"" / "said X, "…"" and a quote resumed after its attribution
    cue_intro = False
    if left_toks and not sentence_initial:
        lt = [t for t in left_toks[-3:] if t.norm not in {",", "—", "–"}]
        if left_s.endswith(",") and lt and (lt[-1].norm in v.cue_forms and lt[-1].norm not in v.weak_cues):
            cue_intro = True
        elif left_s.endswith(",") and left_s[0] == MASK and any(t.norm in v.cue_forms for t in left_toks[-6:]):
            cue_intro = True  # '"We will," he said, "never surrender."'
        elif c.text[:1].isupper() and nwords >= 3 and c.ends_clause and any(
                t.norm in v.cue_forms and t.norm not in v.weak_cues and t.norm not in v.participle_cues
                and t.norm != "that" for t in left_toks[-4:]) and left_toks[-1].norm != "that":
            cue_intro = True  # 'He told reporters "We will not retreat."' (a sentence, not a fragment)
    according_intro = "ccording" in left and bool(ACCORDING_RE.search(left)) and c.ends_clause and nwords >= 4 and \
        left_s[:9].lower() == "according"
    as_put_intro = " put" in left and c.ends_clause and nwords >= 3 and bool(AS_PUT_RE.search(left))
    c.direct_shape = direct = sentence_initial or cue_intro or according_intro or as_put_intro
    c.scare_term = not direct and c.prev_word in v.scare_determiners and nwords <= 4 and not c.ends_clause and \
        c.prev2 not in v.copulas
