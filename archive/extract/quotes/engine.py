"""3+4. The extractor: classify each quoted span (rules), attribute it, resolve its speaker."""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extract.document import ORGANISATION, OUTLET
from archive.extract.found import FoundQuote
from archive.extract.quotes.candidate import QuoteCandidate, describe
from archive.extract.quotes.rules import CONTEXT, DIRECT, PARTIAL, SHAPE
from archive.extract.rules import ACCEPT, REJECT
from archive.parse.document import ParsedArticle
from archive.extract.quotes.marks import _Span, _is_code, _masks_for, _pair
from archive.extract.quotes.mentions import _Mention, _features, _fits
from archive.extract.quotes.narrative import _Para, _Tok
from archive.extract.quotes.patterns import (
    ACCORDING_ANY_RE, ACCORDING_NP_RE, ACCORDING_RE, AS_PUT_RE, ATTRIBUTION_MARKS, DASH_NAME_RE, HONORIFIC_RE,
    INTERVIEWED_RE, LOWER_WORD_RE, MASK, ORG_POSSESSOR_RE, POSSESSOR_START_RE, QUOTED_AS_RE, SENTENCES, TERMINAL,
    WINDOW,
)
from archive.extract.quotes.subject import (
    _clean_np, _is_cap, _looks_verb, _noun_not_cue, _np_after, _np_before, _np_before_region, _np_text,
    _speaker_case, _subject,
)
from archive.extract.quotes.via import Via, _located, _via, _via_name

VIA_KINDS = (OUTLET, ORGANISATION)  # the claims a via may be


# ---------------------------------------------------------------- 3+4. the extractor
@dataclass
class _Attr:
    speaker: list[_Tok] | None = None
    speaker_text: str | None = None
    cue: str | None = None
    via: Via | None = None  # (name, start, end) in paragraph `para`
    para: int = 0
    at: int = 0
    element: bool = False  # '"Unacceptable" was how X described it': the quote is part of the sentence


class _Extractor:
    """One article's quotes: its spans paired, its paragraphs read lazily, its mentions remembered."""

    def __init__(self, v, article: ParsedArticle, doc=None, trace=None):
        self.v = v  # the QuoteVocabulary
        self.doc = doc  # the shared Document: the outlets the sources stage claimed
        self.trace = trace
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
            found = self.paras_cache[i] = _Para(self.v, self.texts[i], self.masks.get(i, []))
        return found

    # ---- mentions -------------------------------------------------------------------------
    # Two kinds of mention: speakers (recorded as quotes are attributed) and sentence subjects
    # (read lazily, sentence by sentence, only while a backward scan needs them).
    def _add_mention(self, text: str, pos: tuple[int, int], cue: str | None = None, via: str | None = None,
                     like: _Mention | None = None) -> _Mention:
        v = self.v
        if like is not None:
            m = _Mention(v, like.text, pos, cue or like.cue, via, like.known)
        else:
            m = _Mention(v, text, pos, cue, via, speaks=True)
        self.speakers.setdefault(pos[0], []).append(m)
        return m

    def _sentence_subject(self, p: int, s: int):
        """The subject of the sentence starting at s: a _Mention, a pronoun string, or None."""
        v = self.v
        key = (p, s)
        if key in self.subject_cache:
            return self.subject_cache[key]
        result = None
        para = self.para(p)
        start, end = para.sentence_bounds(s)
        head = para.masked[start:start + 3].lstrip() or para.masked[start:start + 80].lstrip()[:1]  # a dateline
        toks = para.tokens_in(start, end, 40) if head and head[0] != MASK else None
        if toks and toks[0].norm != "<q>":
            subj, verb = _subject(v, toks)
            text = _np_text(v, para, subj) if subj else None
            if text:
                cue = toks[verb].norm if verb is not None and verb < len(toks) and toks[verb].norm in v.cue_forms \
                    else None
                if subj[0].norm in v.pronouns:
                    result = subj[0].norm if len(subj) == 1 else None
                else:
                    result = _Mention(v, text, (p, s), cue)
                    if verb is not None and subj[0] is not toks[0] and result.features[0] is None:
                        # "Kavaliova's younger brother, Maksim, has…": the apposition's noun gives the gender
                        for t in toks[:verb]:
                            g = "f" if t.norm in v.female_words else "m" if t.norm in v.male_words else None
                            if g is not None:
                                _, kind, plural = result.features
                                if kind in ("person", "unknown") and not plural:
                                    result.known = (g, "person", plural)
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
        v = self.v
        if toks[0].norm not in v.subordinators or len(toks) < 3:
            return None
        subj, verb = _subject(v, toks[1:])
        if not subj or verb is None or subj[0].norm in v.pronouns or not _is_cap(subj[0]):
            return None
        text = _np_text(v, para, subj)
        return _Mention(v, text, (p, s)) if text else None

    def _named_person(self, para: _Para, toks: list[_Tok], p: int, s: int) -> _Mention | None:
        """The first name in the sentence whose gender is plain ("Ms Belova", "Yelena")."""
        v = self.v
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
            while words and (words[0].norm in v.adverbial_starts or words[0].norm in v.determiners
                             or words[0].norm in v.leading or words[0].norm in v.pronouns):
                words = words[1:]
            if not words or words[-1].norm.endswith("'s"):
                continue
            plain = words[0].norm in v.female_names or words[0].norm in v.male_names or \
                words[0].norm in v.female_words or words[0].norm in v.male_words  # not "Pskov Courier"
            if not plain:
                continue  # (tested first: it is cheap, and most capitalised words are not names)
            text = _np_text(v, para, words)
            if not text:
                continue
            gender, kind, plural = _features(v, text)
            if gender is not None and kind == "person" and not plural:
                return _Mention(v, text, (p, s), known=(gender, kind, plural))
        return None

    def _according_in(self, p: int, s: int) -> _Mention | None:
        """ "…, according to Oleksandr Vilkul, head of …": a person the next "he" may mean."""
        return self._named_after(p, s, "according", ("ccording to",), ACCORDING_NP_RE, persons_only=False)

    def _interviewed_in(self, p: int, s: int) -> _Mention | None:
        """ "Meduza spoke to the administrator of a channel, …": the person interviewed, whom "he" may mean."""
        return self._named_after(p, s, "object", ("spoke", "talked", "interview"), INTERVIEWED_RE, persons_only=True)

    def _named_after(self, p: int, s: int, tag: str, triggers: tuple[str, ...], pattern, persons_only: bool):
        """The noun phrase `pattern` finds in sentence s of paragraph p (its group "np"), cached."""
        v = self.v
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
                np = _clean_np(v, para.tokens_in(a, start + m.end("np"), 12))
                text = _np_text(v, para, np) if np else None
                if text and np[0].norm not in v.pronouns:
                    found = _Mention(v, text, (p, a))
                    if not persons_only or found.features[1:] == ("person", False):
                        result = found
        self.subject_cache[key] = result
        return result

    def _possessor_in(self, p: int, s: int) -> _Mention | None:
        """ "Kavaliova's younger brother, Maksim, …": the named possessor opening the sentence."""
        v = self.v
        key = (p, s, "owner")
        if key in self.subject_cache:
            return self.subject_cache[key]
        result = None
        para = self.para(p)
        m = POSSESSOR_START_RE.match(para.masked, s)
        if m and m.group("name").split()[0].lower() not in v.determiners:
            found = _Mention(v, m.group("name"), (p, s))
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
        v = self.v
        text = attr.speaker_text
        if not text:
            return None, None
        low = text.lower()
        if low in v.resolvable:
            ref = self._resolve(low, (attr.para, attr.at))
            return (ref.text if ref else None), ref
        if low.split(None, 1)[0] in v.pronouns:
            return None, None
        words = low.split()
        if len(words) == 2 and words[0] == "the" and words[1] in v.org_words:
            pos = (attr.para, attr.at)
            ref = self._named(words[1], pos)
            if ref is not None:
                return ref.text, ref
            if words[1] in v.named_org_nouns:
                name = self._named_org(pos)
                if name:
                    return name, None
        elif len(words) == 2 and words[0] == "the" and words[1] in v.person_words:
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
        v = self.v
        p0, at = pos
        for p in range(p0, max(-1, p0 - WINDOW - 1), -1):
            masked = self.para(p).masked
            if p == p0:
                masked = masked[:at]
            best = None
            for rx in (ORG_POSSESSOR_RE, v.org_name_before_re, v.org_name_after_re):
                for m in rx.finditer(masked):
                    name = m.group("name")
                    first = name.split()[0].lower()
                    if first in v.determiners or first in v.adverbial_starts or first in v.leading or \
                            first in v.pronouns or first in v.months or first in v.weekdays:
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
                        w[0].isupper() and w.lower() not in self.v.determiners for w in words[1:k]):
                    return m
                return None  # the nearest mention of it has no name
        return None

    def _right(self, span: _Span) -> _Attr | None:
        """'"…," X said' / '"…," said X' / '"…," according to X' after the closing mark."""
        v = self.v
        if span.close_at is None:
            return None
        p = span.close_para
        para = self.para(p)
        _, end = para.sentence_bounds(span.close_at + 1)
        dash = DASH_NAME_RE.match(para.masked, span.close_at + 1, end)
        if dash is not None:  # '"…" — Maria Petrova, mother of a soldier': a signature, no verb
            return _Attr(None, dash.group("np"), None, None, p, dash.start("np"))
        if v.cue_words.isdisjoint(LOWER_WORD_RE.findall(para.masked[span.close_at + 1:min(end, span.close_at + 140)].lower())):
            return None  # no cue word at all: skip the tokenizer
        fast = v.fast_right_re.match(para.masked, span.close_at + 1, end)
        if fast is not None:
            # '"…," the statement said' / 'she said' / 'Peskov told Interfax': a plain subject next to its cue
            np = fast.group("np")
            words = np.lower().split()
            if not v.fast_np_stops.intersection(words[1:]) and (len(words) == 1 or words[0] not in v.fast_np_stops) \
                    and not any(w.endswith("ed") for w in words):
                terminal = any(para.masked[x] in TERMINAL for x in range(max(0, span.close_at - 2), span.close_at + 1))
                if not (terminal and np[0].islower() and words[0] not in v.resolvable):
                    cue = fast.group("cue")
                    return _Attr(None, np, cue, _via(v, para.text, fast.end("cue"), end, cue), p, fast.start("np"))
        a = span.close_at + 1
        toks = para.tokens_in(a, end, 10)  # most attributions are short: read more only when needed
        if len(toks) == 10:
            c = next((i for i, t in enumerate(toks) if t.norm in v.cue_words), None)
            toks = para.tokens_in(a, end, 20 if c is None else c + 16)
        k = 0
        while k < len(toks) and toks[k].norm in ATTRIBUTION_MARKS:
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
            np = _np_after(v, toks, first + 2)
            if np:
                return _Attr(np, _np_text(v, para, np), "according to", None, p, toks[first].start)
            return None
        limit = min(len(toks), first + 16)
        for c in range(first, limit):
            t = toks[c].norm
            if t == "<q>":
                return None
            if t in v.cue_forms and (t not in v.weak_cues or element) and t not in v.participle_cues and \
                    not _noun_not_cue(v, toks, c):
                if c + 1 < len(toks) and toks[c + 1].norm == "to" and t in v.to_verbs_after:
                    return None
                clause = para.text[toks[c].end:end]
                if c == first:
                    if new_sentence and not toks[c].raw[0].isupper():
                        return None
                    np = _np_after(v, toks, c + 1)
                    if not np:
                        return None
                    at = toks[c].start
                else:
                    found = _np_before_region(v, toks, c, first)
                    if not found or found[1] != first:
                        return None  # the subject must begin the attribution ("…," the minister said)
                    np = found[0]
                    if new_sentence and (len(np) > 4 and np[0].norm not in v.resolvable):
                        return None
                    at = toks[first].start
                cue = "saying" if t == "quoted" and "as saying" in clause[:40] else t
                return _Attr(np, _np_text(v, para, np), cue, _via(v, para.text, toks[c].end, end, t), p, at, element)
            if c > first and _looks_verb(v, toks, c):
                return None
        return None

    def _left(self, span: _Span, partial: bool) -> _Attr | None:
        """'X said: "…"', 'According to X, "…"', 'X said that … "fragment"'."""
        v = self.v
        p = span.para
        para = self.para(p)
        start, _ = para.sentence_bounds(span.open_at)
        left = para.masked[start:span.open_at]
        if not left.rstrip().endswith(":") and " put" not in left and "words of" not in left and \
                v.cue_words.isdisjoint(LOWER_WORD_RE.findall(left.lower())):
            return None  # no cue, no colon: nothing to attribute from (and no need to tokenize)
        toks = para.tokens_in(start, span.open_at)
        if not toks:
            return None
        m = ACCORDING_RE.search(left) if "ccording" in left else None
        if m is None and "ccording" in left:
            m = ACCORDING_ANY_RE.search(left)  # "According to Lavrov, Western countries "want to…""
            if m and v.cue_words.intersection(LOWER_WORD_RE.findall(left[m.end():].lower())):
                m = None  # another cue governs the quote
        if m:
            a = start + m.start("np")
            np = [t for t in toks if t.start >= a and t.end <= start + m.end("np")]
            np = _clean_np(v, np)
            if np:
                return _Attr(np, _np_text(v, para, np), "according to", None, p, a)
        m = AS_PUT_RE.search(left) if (" put" in left or "words of" in left) else None
        if m and ("put" in m.group(0).lower() or "words of" in m.group(0).lower()):
            a = start + m.start("np")
            np = [t for t in toks if t.start >= a and t.end <= start + m.end("np")]
            if np and np[-1].norm in {"put", "puts"}:
                np = np[:-1]
            np = _clean_np(v, np)
            if np:
                return _Attr(np, _np_text(v, para, np), "put it", None, p, a)
        # the last cue before the quote
        cue_i = None
        for c in range(len(toks) - 1, -1, -1):
            t = toks[c].norm
            if t in v.cue_forms and not _noun_not_cue(v, toks, c):
                if not partial and t in v.weak_cues and t not in {"described", "describes"}:
                    continue
                if c + 1 < len(toks) and toks[c + 1].norm == "to" and t in v.to_verbs_before \
                        and not (partial and c + 2 == len(toks)):
                    continue  # "promised to rebuild": an act; but 'promised to "sort everything out"' quotes it
                if t in v.object_taking_cues and c + 1 < len(toks) and \
                        toks[c + 1].norm not in v.speech_followers:
                    continue  # "added the journalist to its register": not speech
                cue_i = c
                break
        if cue_i is None:
            if left.rstrip().endswith(":"):
                subj, _ = _subject(v, toks)
                if subj:
                    return _Attr(subj, _np_text(v, para, subj), None, None, p, subj[0].start)
            return None
        if cue_i + 1 < len(toks) and toks[cue_i + 1].norm in {"to", "with", "by", "on"}:
            # "X told Y that the authorities had responded to … with "…"": the act is reported, X speaks
            for c in range(cue_i - 2, -1, -1):
                t = toks[c].norm
                if t in v.cue_forms and t not in v.weak_cues and t not in v.participle_cues and \
                        not _noun_not_cue(v, toks, c) and any(x.norm == "that" for x in toks[c + 1:cue_i]):
                    cue_i = c
                    break
        cue = toks[cue_i].norm
        clause = para.text[toks[cue_i].end:span.open_at]
        via = _via(v, para.text, toks[cue_i].end, span.open_at, cue)
        np = None
        if cue in v.participle_cues or (cue_i > 0 and toks[cue_i - 1].norm == "as" and cue == "saying"):
            subj, verb = _subject(v, toks)
            if subj:
                main = toks[verb].norm if verb is not None and verb < len(toks) else None
                if main in v.cue_forms and main not in v.participle_cues:
                    cue = main
                    via = via or _via(v, para.text, toks[verb].end, span.open_at, main)
                np = subj
            if "as saying" in left:
                active = QUOTED_AS_RE.search(left)
                if active:  # "TASS quoted Peskov as saying": the speaker is the object, the subject the outlet
                    a, b = start + active.start("np"), start + active.end("np")
                    obj = _clean_np(v, [t for t in toks if t.start >= a and t.end <= b])
                    if obj:
                        via = _located(para.text, _via_name(v, _np_text(v, para, np)), np[0].start,
                                       np[-1].end) if np else None
                        np = obj
                elif via is None:  # "X was quoted by the state news agency BelTA as saying"
                    m2 = v.via_prep_re.search(left)
                    if m2:
                        via = _via(v, para.masked, start + m2.start(), start + m2.end(), None)
        else:
            np = _np_before(v, toks, cue_i)
            if np is None:
                subj, _ = _subject(v, toks)
                np = subj
        if np and len(np) > 1 and np[0].norm in {"в", "во"}:
            np = np[1:]  # "В пресс-службе губернатора заявили": the press service said
        if not np:
            return None
        if cue == "quoted":
            cue = "saying" if "as saying" in clause else cue
        return _Attr(np, _np_text(v, para, np), cue, via, p, np[0].start)

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
        """Every top-level span through the rule tables; the accepted ones attributed, in reading order."""
        last_quote: tuple[FoundQuote, _Span] | None = None
        for span in self.spans:
            c = describe(self, span, last_quote)
            rule = SHAPE.decide(c)
            if rule is None:
                c.right_attr = self._right(span) if c.ends_clause or c.direct_shape else None
                rule = CONTEXT.decide(c)
            if rule is None:
                self._attribute(c)
                rule = (DIRECT if c.kind == "direct" else PARTIAL).decide(c)
            if rule.decision == REJECT:
                if self.trace is not None:
                    self.trace.record("quotes", c.text, c.paragraph, c.start, rule.name, REJECT)
                continue
            found = self._found(c, last_quote)
            if self.trace is not None:
                self.trace.record("quotes", c.text, c.paragraph, c.start, rule.name, ACCEPT, found.speaker or "")
            self.results.append((found, span))
            last_quote = (found, span)
        return [f for f, _ in self.results]

    def _attribute(self, c: QuoteCandidate) -> None:
        """The span's kind, and its attribution: the one after it, else the one before it."""
        span, right_attr = c.span, c.right_attr
        if c.direct_shape and not (right_attr is not None and right_attr.element):
            c.kind = "direct"
            attr = right_attr
            if attr is None and not c.sentence_initial:
                attr = self._left(span, partial=False)
            elif attr is None and c.colon_intro:
                attr = self._left(span, partial=False)
        else:
            c.kind = "partial"
            attr = right_attr or self._left(span, partial=True)
        c.attr = attr

    def _found(self, c: QuoteCandidate, last_quote) -> FoundQuote:
        """The accepted span as a FoundQuote: its speaker resolved, its cue and the outlet it was told."""
        v = self.v
        attr, span = c.attr, c.span
        p = span.para
        speaker = cue = via = via_source = ref = None
        if attr is not None and attr.speaker_text:
            speaker, ref = self._speaker(attr)
        if attr is not None:
            cue, via = attr.cue, attr.via
            via_source = self._via_source(attr.para, via)
            via = via[0] if via else None
        if attr is None and c.kind == "partial":
            para = self.para(p)
            subj, _ = _subject(v, para.tokens_in(c.s_start, span.open_at, 40))
            if subj and subj[0].norm not in v.pronouns:
                speaker = _np_text(v, para, subj)
        if attr is None and speaker is None:
            speaker, cue, via, via_source = self._inherit(span, last_quote)
        speaker = _speaker_case(v, speaker)
        if speaker and speaker[0] in "MD":
            speaker = self._full_name(speaker, c.paragraph)
        found = FoundQuote(paragraph=c.paragraph, start=c.start, end=c.end, text=c.text, kind=c.kind,
                           speaker=speaker, cue=cue, via=via, via_source=via_source)
        if speaker:
            pos = (attr.para, attr.at) if attr is not None else (p, span.open_at)
            self._add_mention(speaker, pos, cue, via, like=ref)
        return found

    def _via_source(self, p: int, via: Via | None):
        """The outlet (or organisation) the sources stage claimed where the attribution names ``via``."""
        if via is None or self.doc is None:
            return None
        claim = self.doc.claimed(p, via[1], via[2], kinds=VIA_KINDS)
        return None if claim is None else claim.value

    def _full_name(self, speaker: str, p: int) -> str:
        """ "Ms Belova" -> "Anna Belova" when the text named her in full before."""
        v = self.v
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
                if first in {"mr", "ms", "mrs", "miss", "dr"} or first in v.person_words or first in v.org_words or \
                        first in v.determiners or first in v.adverbial_starts or first in v.leading:
                    continue
                return found.group(0)
        return speaker

    def _inherit(self, span: _Span, last_quote) -> tuple[str | None, str | None, str | None, object]:
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
                        via = attr.via
                        return speaker, attr.cue, via[0] if via else None, self._via_source(attr.para, via)
        if last_quote is not None and last_quote[1].close_para == p and last_quote[0].speaker:
            q = last_quote[0]
            return q.speaker, q.cue, q.via, q.via_source
        last_pos = (last_quote[1].close_para, last_quote[1].close_at or 0) if last_quote else (-1, -1)
        for m in self._mentions_before((p, span.open_at)):
            if isinstance(m, tuple):
                pronoun, where = m
                if where <= last_pos or p - where[0] > 1:
                    break
                if pronoun in self.v.resolvable:
                    ref = self._resolve(pronoun, where)
                    if ref is not None:
                        return ref.text, ref.cue, None, None
                continue
            if m.pos <= last_pos or p - m.pos[0] > 1:
                break
            _, kind, plural = m.features
            if kind in ("person", "unknown", "org") and not plural:
                return m.text, m.cue, None, None
            if plural and kind == "person":
                return m.text, m.cue, None, None
        if last_quote is not None and p - last_quote[1].close_para <= 2 and last_quote[0].speaker:
            q = last_quote[0]
            return q.speaker, q.cue, q.via, q.via_source
        return None, None, None, None

