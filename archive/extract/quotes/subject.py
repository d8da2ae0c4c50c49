"""Noun phrases: the subject next to a cue, appositions, the subject of a sentence.

Every function takes the vocabulary ``v`` (archive.extract.quotes.vocabulary) first.
"""
from __future__ import annotations

from archive.extract.quotes.narrative import _Para, _Tok
from archive.extract.quotes.patterns import (
    APPOSITION_BOUNDS, CLAUSE_BOUNDS, LEADING_MARKS, PHRASE_BOUNDS, SUBJECT_BREAKS,
    TRAILING_MARKS,
)


# ---------------------------------------------------------------- helpers on words
def _title_case(v, words: list[str]) -> bool:
    """Every content word capitalised: a name or a title ("Combat Brotherhood", "Noon Against Putin")."""
    seen = False
    for w in words:
        if w.lower() in v.title_small:
            continue
        if not w[0].isupper():
            return False
        seen = True
    return seen


def _is_cap(tok: _Tok) -> bool:
    c = tok.raw[0]
    return c.isupper() or c.isdigit()


def _noun_not_cue(v, toks: list[_Tok], k: int) -> bool:
    """ "reports in Western media", "the claims of": a plural noun that spells like a cue."""
    t = toks[k].norm
    if not t.endswith("s") or t in {"says", "tells", "writes", "reads", "adds"}:
        return False
    prev = toks[k - 1].norm if k > 0 else ""
    nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
    return prev in v.determiners or prev.endswith("ing") or nxt in v.noun_followers


def _looks_verb(v, toks: list[_Tok], k: int) -> bool:
    """Is toks[k] a finite verb that ends a subject noun phrase?"""
    t = toks[k].norm
    if t in v.finite_verbs or (t in v.cue_forms and t not in v.participle_cues):
        return True
    if len(t) > 4 and t.endswith("ed") and not _is_cap(toks[k]):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None or nxt.norm in v.determiners or nxt.norm in v.after_verb or not nxt.norm[0].isalpha() \
                or _is_cap(nxt):
            return True
    return False




def _clean_np(v, toks: list[_Tok]) -> list[_Tok]:
    """Trim a subject noun phrase: leading conjunctions, trailing adverbs and time words, and
    participial / relative modifiers ("the soldiers sent to Ukraine" -> "the soldiers")."""
    toks = list(toks)
    while toks and (toks[0].norm in v.leading or toks[0].norm in LEADING_MARKS):
        toks.pop(0)
    for k in range(1, len(toks)):
        t = toks[k].norm
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        if t in v.relative_words:
            toks = toks[:k]
            break
        if (t in v.irregular_participles or (t.endswith("ed") and len(t) > 4)) and nxt in v.participle_prepositions \
                and not _is_cap(toks[k]):
            toks = toks[:k]
            break
    changed = True
    while toks and changed:
        changed = False
        last = toks[-1].norm
        if last in v.adverbs or last in TRAILING_MARKS:
            toks.pop()
            changed = True
        elif last in v.time_words or last in v.weekdays or last in v.months or last.isdigit():
            # "this month", "on Monday", "last week", "in March", "earlier this year"
            k = len(toks) - 1
            while k > 0 and (toks[k - 1].norm in v.time_modifiers
                             or toks[k - 1].norm in v.months or toks[k - 1].norm.isdigit()):
                k -= 1
            if k < len(toks) - 1 or toks[k - 1].norm in {"this", "last", "on", "in"} or last in v.weekdays:
                if k == 0:
                    break
                toks = toks[:k] if k < len(toks) - 1 else toks[:-1]
                changed = True
    if len(toks) > 1 and toks[-1].norm in {"he", "she", "they"} and toks[-2].norm[0].isalpha():
        toks = toks[-1:]  # "a figure he calls": a relative clause without "that"; he is the speaker
    return toks


def _np_text(v, para: _Para, toks: list[_Tok]) -> str | None:
    if not toks:
        return None
    s = para.text[toks[0].start:toks[-1].end].strip().rstrip(",;:").strip()
    if len(toks) == 1 and toks[0].norm == "<q>":  # a call sign: '"Bober"' -> Bober
        s = s.strip(" \"“”«»„'‘’")
    if s.endswith(".") and s[:-1].rsplit(None, 1)[-1].lower() not in v.abbreviations:
        s = s[:-1]
    return s or None


def _speaker_case(v, text: str | None) -> str | None:
    """"A wife of a soldier" at a sentence start -> "a wife of a soldier"; "The Kremlin" stays."""
    if not text or not text[0].isupper():
        return text
    first, _, rest = text.partition(" ")
    if first.lower() in v.lower_starts and rest[:1].islower():
        return first.lower() + " " + rest
    return text




def _proper(v, toks: list[_Tok]) -> bool:
    """A name: every word capitalised (allowing "of", "de"...), no determiner first."""
    words = [t for t in toks if t.norm[0].isalpha()]
    if not words or len(words) > 5 or words[0].norm in v.determiners:
        return False
    return all(_is_cap(t) or t.norm in v.title_small for t in words) and _is_cap(words[0])


def _choose_apposition(v, head: list[_Tok], app: list[_Tok]) -> list[_Tok]:
    """"Navalny's widow, Yulia Navalnaya," -> the name; "Anna, 34," -> Anna;
    "One of the authors, Perm resident Olga," -> the described name."""
    head, app = _clean_np(v, head), _clean_np(v, app)
    if not head:
        return app if _proper(v, app) else []
    if app and _proper(v, app) and not _proper(v, head) and app[0].norm not in v.pronouns:
        return app
    if app and not _proper(v, head) and _titled_name(v, app) and not _titled_name(v, head):
        return app
    return head


def _titled_name(v, toks: list[_Tok]) -> bool:
    """A short description ending in a name: "Perm resident Olga", "military blogger Ivan Petrov"."""
    if not toks or len(toks) > 6 or toks[0].norm in v.determiners or not toks[-1].norm[0].isalpha():
        return False
    k = len(toks)
    while k > 0 and _is_cap(toks[k - 1]):
        k -= 1
    return 0 < k < len(toks) and len(toks) - k <= 3 and not _is_cap(toks[k - 1]) and \
        all(t.norm[0].isalpha() for t in toks) and not any(t.norm in v.np_stops for t in toks)


def _choose_among(v, head: list[_Tok], apps: list[list[_Tok]]) -> list[_Tok]:
    """Several appositions: the name among the head and its appositions, else the head."""
    head = _clean_np(v, head)
    if head and _proper(v, head):
        return head
    for app in apps:
        if app and app[0].norm in {"who", "which", "whose", "whom"}:
            continue
        app = _clean_np(v, app)
        if app and (_proper(v, app) or _titled_name(v, app)) and app[0].norm not in v.pronouns:
            return app
    return head




def _time_opener(v, toks: list[_Tok], i: int) -> bool:
    """ "A year after …", "Two weeks later", "Days earlier": a time phrase opening the sentence."""
    t = toks[i].norm
    if t not in v.time_quantities and not t.isdigit():
        return False
    if t.endswith("s") and t[:-1] in v.time_words:
        return i + 1 < len(toks) and toks[i + 1].norm in v.time_after
    if i + 2 < len(toks):
        w = toks[i + 1].norm
        if w in v.time_words or (w.endswith("s") and w[:-1] in v.time_words):
            return toks[i + 2].norm in v.time_after
    return False




def _np_before(v, toks: list[_Tok], cue: int, lo: int = 0) -> list[_Tok] | None:
    found = _np_before_region(v, toks, cue, lo)
    return found[0] if found else None


def _np_before_region(v, toks: list[_Tok], cue: int, lo: int = 0) -> tuple[list[_Tok], int] | None:
    """The subject right before toks[cue], walking back over adverbs and an apposition."""
    j = cue - 1
    while j >= lo:
        t = toks[j].norm
        if t in v.adverbs:
            j -= 1
        elif t in v.time_words and j - 1 >= lo and toks[j - 1].norm in {"this", "last", "that", "next"}:
            j -= 2
        elif t in v.weekdays or t in v.months:
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
            return _np_before_region(v, toks[:o] + toks[close + 1:cue + 1], o + cue - close - 1, lo)
    if toks[j].norm == "<q>" and j - 1 >= lo and toks[j - 1].norm in v.call_sign_words:
        return [toks[j]], j  # 'a soldier with the call sign "Bober" told': the call sign names him
    app: list[_Tok] = []
    if toks[j].norm == ",":
        k = j - 1
        while k >= lo and toks[k].norm not in APPOSITION_BOUNDS:
            k -= 1
            if k > lo and toks[k].norm == "<q>" and _scare_in_np(v, toks, k):
                k -= 1  # 'Sergei Aksyonov, the Russian-installed "head" of Crimea, wrote'
        app = toks[k + 1:j]
        for x in range(k + 1, j):
            if toks[x].norm in v.relative_pronouns:
                break
            if x > k + 1 and _looks_verb(v, toks, x):
                return None  # not an apposition but a clause: "…, it had no plans, dismissing"
        if k < lo or toks[k].norm != ",":
            app = _clean_np(v, app)
            return (app, k + 1) if app else None
        j = k - 1
    b = j
    while b >= lo:
        t = toks[b]
        if t.norm in PHRASE_BOUNDS or t.norm in v.np_stops:
            break
        if b < j and _looks_verb(v, toks, b):
            if b - 1 >= lo and toks[b - 1].norm in {"who", "which", "that"}:
                b -= 2  # "A man who answered the hotline": keep walking to "A man"
                continue
            break
        b -= 1
    head = toks[b + 1:j + 1]
    if app and b - 1 >= lo and toks[b].norm == "," and head and head[0].raw[0].islower() \
            and head[0].norm not in v.determiners and not _looks_verb(v, toks, b + 1):
        # "Aleksei Tabalov, head of the Conscript School, a legal aid group, told": a name two appositions back
        k = b - 1
        while k >= lo and toks[k].norm not in APPOSITION_BOUNDS and not _looks_verb(v, toks, k):
            k -= 1
        prior = _clean_np(v, toks[k + 1:b])
        if prior and (_proper(v, prior) or _titled_name(v, prior)) and prior[0].norm not in v.pronouns and \
                (k < lo or toks[k].norm != ","):
            return prior, k + 1
    while app and b >= lo and toks[b].norm == "," and head and _minor_apposition(v, head):
        # "Ivanov, 45, a teacher, said": the head was another apposition; the name is further back
        k = b - 1
        while k >= lo and toks[k].norm not in APPOSITION_BOUNDS and not _looks_verb(v, toks, k):
            k -= 1
        head, b = toks[k + 1:b], k
    if head and head[0].norm in v.adverbial_starts:
        return None
    chosen = _choose_apposition(v, head, app) if app else _clean_np(v, head)
    if not chosen or len(chosen) > 12:
        return None
    return chosen, b + 1


def _scare_in_np(v, toks: list[_Tok], k: int) -> bool:
    """toks[k] is a quoted word inside a noun phrase: 'the Russian-installed "head" of Crimea'."""
    before, after = toks[k - 1], toks[k + 1] if k + 1 < len(toks) else None
    return before.norm[0].isalpha() and before.norm not in v.determiners and before.norm not in v.cue_forms and \
        before.norm not in v.naming_before and ("-" in before.norm or not _looks_verb(v, toks, k - 1)) and \
        after is not None and after.norm in {"of", "for", "in", "at", ","}


def _minor_apposition(v, toks: list[_Tok]) -> bool:
    """An age, a place or a short description that cannot be the speaker: "45", "from Tomsk"."""
    first = toks[0].norm
    return all(t.norm.isdigit() for t in toks) or first in v.minor_apposition_starts or (
        len(toks) <= 4 and first in {"a", "an"} and not _proper(v, toks))


def _np_after(v, toks: list[_Tok], start: int) -> list[_Tok] | None:
    """The subject after an inverted cue: '"…," said Anna, 34, a nurse'."""
    out: list[_Tok] = []
    k = start
    while k < len(toks):
        t = toks[k].norm
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        if t in v.np_after_stops:
            break
        if t in v.np_after_prepositions and out and (nxt in v.np_after_objects or nxt in v.weekdays):
            break
        if out and t in v.np_after_time_words and (
                nxt in v.weekdays or nxt in v.time_words or t in {"today", "yesterday", "later", "earlier"}):
            break
        out.append(toks[k])
        k += 1
        if len(out) > 12:
            return None
    # "said the head of the city, Vasily Kozupitsa." -> the name after the comma
    if k < len(toks) and toks[k].norm == "," and out and not _proper(v, out):
        m = k + 1
        app = []
        while m < len(toks) and toks[m].norm not in {",", ";", ":", "(", "<q>"}:
            app.append(toks[m])
            m += 1
        if app and _proper(v, app) and (m >= len(toks) or toks[m].norm in {",", ";"}) and len(app) <= 4 \
                and not any(t.norm in v.cue_forms for t in app):
            return app
    out = _clean_np(v, out)
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


def _is_person_head(v, head: list[_Tok]) -> bool:
    """ "a police officer", "Serhiy": a noun phrase a "who" clause can describe."""
    last = head[-1].norm
    return last in v.person_words or (_is_cap(head[-1]) and last[0].isalpha())


# words that end a subject before its verb; the cues among them are the verb (computed once, not per word)


def _subject(v, toks: list[_Tok]) -> tuple[list[_Tok] | None, int | None]:
    """The subject of a sentence (its tokens) and the index of its main verb."""
    if any(t.norm == "(" for t in toks):
        toks = _drop_parens(toks)
    i = 0
    n = len(toks)
    guard = 0
    while i < n and guard < 6:
        guard += 1
        while i < n and toks[i].norm in v.leading:
            i += 1
        if i >= n:
            return None, None
        t = toks[i].norm
        starts_adverbial = t in v.adverbial_starts or (t.endswith("ing") and i + 1 < n) or \
            (t.endswith("ed") and not _is_cap(toks[i])) or t in v.weekdays or t in v.months
        if not starts_adverbial and t == "asked":
            starts_adverbial = True
        if not starts_adverbial and _time_opener(v, toks, i):
            starts_adverbial = True  # "A year after X ordered…, Yelena…", "Days earlier, …"
        if starts_adverbial:
            k = i
            while k < n and toks[k].norm != ",":
                if toks[k].norm == "<q>" and not (k > i and toks[k - 1].norm in v.determiners and k + 1 < n):
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
        if t.norm in {"who", "whose"} and head and _is_person_head(v, head):
            # "a police officer who gave only his first name, Serhiy, said": skip the relative clause
            m = k + 1
            while m < n and m - k < 20 and toks[m].norm not in CLAUSE_BOUNDS:
                m += 1
            if m < n and toks[m].norm == "," and m + 1 < n and not _looks_verb(v, toks, m + 1):
                k = m
                t = toks[k]
        if t.norm in SUBJECT_BREAKS or t.norm in v.subject_stops:
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
                if _looks_verb(v, toks, m + 1) or toks[m + 1].norm in v.adverbs or (
                        toks[m + 1].norm.endswith("s") and toks[m + 1].raw[0].islower()
                        and toks[m + 1].norm not in v.determiners and not toks[m + 1].norm.endswith("ss")):
                    verb = m + 1
                    while verb < n and toks[verb].norm in v.adverbs and not _looks_verb(v, toks, verb):
                        verb += 1
                    if len(apps) == 1:
                        return _choose_apposition(v, head, apps[0]) or None, verb
                    return _choose_among(v, head, apps) or None, verb
                m0 = m
            return None, None
        if t.norm == "<q>":
            return None, None  # '"We will," he said, adding: …': the subject is the earlier quote's
        if k > i and _looks_verb(v, toks, k):
            cleaned = _clean_np(v, head)
            return (cleaned or None), k
        if head and t.norm.endswith("s") and not t.norm.endswith(("ss", "'s")) and t.raw[0].islower() and \
                t.norm.isalpha() and t.norm not in v.determiners and _proper(v, head) and \
                k + 1 < n and toks[k + 1].norm not in {",", "of", "and", "or"}:
            return head, k  # "Sokolov reckons the deficit…": a name, then a verb in -s
        head.append(t)
        k += 1
        if len(head) > 16:
            return None, None
    return None, None
