"""Candidates: the noun phrases that can name a source, per paragraph, in the joined article text.

* a registry name or alias (the SourceVocabulary's trie regex, case-sensitive, on word boundaries);
* a descriptor phrase ("the independent news outlet Vyorstka", "the 7x7 media outlet", "Kpler, a
  ship-tracking company, ..."): the descriptor gives the kind of an unknown source;
* an organisation ("the Finnish Border Guard"), a country's body ("Kazakhstan's trade ministry"),
  a body named in lower case with its place ("the military commissariat of Perm Krai");
* a name right after a data cue ("data from LSEG"), a name that is a domain ("Ngs.ru");
* a link: a t.me/NAME href is a Telegram channel, an href on a registry domain is that source.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from archive.extract.found import FoundSource
from archive.extract.sources.cue_patterns import (
    APPOS_CUE_RE, APPOS_DET_RE, CUE_LEFT_RE, GOV_BODY_RE, IN_PLACE_RE, LOWER_BODY_LEFT_RE, LOWER_PLACE_RE,
    MEDIA_MODS, NEWS_AGENCY_MODS, ORG_TAIL_RE, PREP_CAP_RE, TME,
)
from archive.kinds import AGENCY, NEWS_OUTLET, ORGANISATION, TELEGRAM_CHANNEL as TELEGRAM
from archive.extract.sources.text import boundary_ok, left_reversed
from archive.extract.sources.vocabulary import ACRONYM, PAREN_RE, UPPER
from archive.parse.document import Link

_MEMO_LIMIT = 8192  # memo dicts are emptied past this size (they were lru_caches)


def _memo(store: dict, key, compute):
    try:
        return store[key]
    except KeyError:
        if len(store) >= _MEMO_LIMIT:
            store.clear()
        value = store[key] = compute()
        return value


def scan_names(v, full: str) -> tuple[list[tuple[str, int, int]], list[tuple[int, int, FoundSource]]]:
    """Registry names, organisation heads and countries (the trie regex: (form, start, end)), and the
    registry's lower-case names on word boundaries ((start, end, source))."""
    names = [(m.group(), m.start(), m.end()) for m in v.caps.finditer(full)]
    lowers = []
    n = len(full)
    for form, source in v.lower:
        i = full.find(form)
        while i >= 0:
            e = i + len(form)
            if boundary_ok(full, i, e) and (e >= n or not (full[e].isalnum() or full[e] == "-")):
                lowers.append((i, e, source))
            i = full.find(form, e)
    return names, lowers


def telegram_handle(href: str | None) -> str | None:
    if not href or href.startswith("#"):
        return None
    m = TME.match(href.strip())
    return m.group(1) if m else None


def paren_aliases(text: str | None) -> tuple[str, ...]:
    """What a parenthesis after a name adds: an acronym ("Conflict Intelligence Team (CIT)") or a
    quoted translation ("Жёны мобилизованных Прикамья" ("Wives of the Mobilized of Prikamye"))."""
    if not text:
        return ()
    if is_acronym(text):
        return (text,)
    t = text.strip()
    if len(t) > 3 and t[0] in "\"'" and t[-1] == t[0] and t[0] not in t[1:-1]:
        return (t[1:-1].strip(),)
    return ()


def is_acronym(text: str | None) -> bool:
    if not text:
        return False
    text = text.strip().strip("'\"")
    return bool(ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2



@dataclass(slots=True)
class Cand:
    start: int  # span for cue checks (absolute offsets in the article text); may include a descriptor
    end: int
    name_start: int  # the name as written
    name_end: int
    source: FoundSource
    known: bool  # from the registry
    origin: str  # registry | descriptor | appositive | org | gov | link | learned | domain
    href: str | None = None
    learned: tuple[str, ...] = ()


def unknown(v, name: str, kind: str, aliases: tuple[str, ...] = (), domain: str | None = None) -> FoundSource:
    if domain is None and v.domain_name_re.fullmatch(name):
        domain = name.lower()
    return FoundSource(name=name, kind=kind, domain=domain, aliases=tuple(a for a in aliases if a != name))


_SPELLINGS = (("Defense", "Defence"), ("Defence", "Defense"), ("defense", "defence"), ("defence", "defense"),
              ("Labor", "Labour"), ("Labour", "Labor"))


def body_aliases(v, name: str) -> tuple[str, ...]:
    """The other names of a country's body: both word orders ("Kazakh General Prosecutor's Office" =
    "General Prosecutor's Office of Kazakhstan" = "Kazakhstan's General Prosecutor's Office"), a
    specific name without its country ("Center for Strategic Communications"; a generic one like
    "Interior Ministry" keeps it), and the other spelling ("Defence"/"Defense", "Labour"/"Labor")."""
    forms = [name]
    first, _, rest = name.partition(" ")
    country = v.demonyms.get(first) if rest else None
    if country and first not in ("UK", "US", "UAE") and not rest.startswith(("of ", "and ", "for ")):
        forms += [f"{rest} of {country}", f"{country}'s {rest}"]
        if not all(t in v.generic_body for t in rest.split()):
            forms.append(rest)
    for a, b in _SPELLINGS:
        if a in name:
            forms += [f.replace(a, b) for f in forms]
    return tuple(dict.fromkeys(forms[1:]))


def resolve(v, name: str, kind: str, aliases: tuple[str, ...] = ()) -> tuple[FoundSource, bool]:
    return _memo(v.resolved, (name, kind, aliases), lambda: _resolve(v, name, kind, aliases))


def _resolve(v, name: str, kind: str, aliases: tuple[str, ...] = ()) -> tuple[FoundSource, bool]:
    if kind == ORGANISATION:
        aliases = (*aliases, *body_aliases(v, name))
    known = v.registry.lookup(name)
    if known is None:
        for alias in aliases:
            known = v.registry.lookup(alias)
            if known:
                break
    if known is not None:
        new = tuple(a for a in aliases if v.registry.lookup(a) is None)
        if new:
            known = replace(known, aliases=tuple(dict.fromkeys((*known.aliases, *new))))
        return known, True
    return unknown(v, name, kind, aliases), False


def clean_name(v, raw: str, strip_adjectives: bool) -> tuple[str, int, int]:
    return _memo(v.clean_names, (raw, strip_adjectives), lambda: _clean_name(v, raw, strip_adjectives))


def _clean_name(v, raw: str, strip_adjectives: bool) -> tuple[str, int, int]:
    """Trim a name run (quotes, stop words, adjectives, owners).
    Returns (name, start offset in raw, end offset in raw); name "" if nothing is left."""
    if raw.startswith('"') and raw.endswith('"'):
        name = raw[1:-1].strip()
        return (name, 1, 1 + len(name)) if name else ("", 0, 0)
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", raw)]
    for i, (_, _, t) in enumerate(tokens):  # "Ukraine's Suspilne" -> "Suspilne"
        if t.endswith("'s") and i + 1 < len(tokens):
            tokens = tokens[i + 1:]
            break
    while tokens and (tokens[0][2] in v.stop_tokens or tokens[0][2].endswith(v.adj_suffixes)
                      or (strip_adjectives and tokens[0][2] in v.demonyms and len(tokens) > 1)):
        tokens = tokens[1:]
    while tokens and (tokens[-1][2] in v.stop_tokens or tokens[-1][2] in v.connect_words):
        tokens = tokens[:-1]
    if not tokens:
        return "", 0, 0
    if len(tokens) == 1 and (tokens[0][2] in v.demonyms or tokens[0][2].removesuffix("'s") in v.country_demonym
                             or tokens[0][2].isdigit()):
        return "", 0, 0
    start, end = tokens[0][0], tokens[-1][1]
    name = raw[start:end]
    if name.endswith("'s"):
        return "", 0, 0
    if name.endswith("'") and not v.registry.lookup(name):
        name, end = name[:-1], end - 1
    return name, start, end


def desc_kind(v, desc: str, mods: str) -> str:
    kind = v.descriptors[desc]
    low = desc.lower()
    if kind == ORGANISATION and low in ("project", "group", "platform") and MEDIA_MODS.search(mods):
        return NEWS_OUTLET
    if low == "agency":
        return AGENCY if NEWS_AGENCY_MODS.search(mods) else ORGANISATION
    if low in ("channel", "outlet", "project", "account") and "Telegram" in mods:
        return TELEGRAM
    if low == "service" and "press" in mods:
        return ORGANISATION
    return kind


def org_name(v, raw: str) -> tuple[str, int, int]:
    return _memo(v.org_names, (raw), lambda: _org_name(v, raw))


def _org_name(v, raw: str) -> tuple[str, int, int]:
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", raw)]
    for i in range(len(tokens) - 2, -1, -1):  # a sentence ends inside the run
        t = tokens[i][2]
        if t.endswith(".") and t not in ("St.", "U.S.", "U.K.", "U.N."):
            tokens = tokens[i + 1:]
            break
    while tokens and (tokens[0][2] in v.stop_tokens or tokens[0][2].endswith(v.adj_suffixes)) and tokens[0][2] not in (
            "State", "Independent", "General", "Investigative", "National"):
        tokens = tokens[1:]
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i][2] == "and":
            prev = tokens[i - 1][2]
            if prev in v.org_head_set or v.registry.lookup(prev) or prev in v.country_forms:
                tokens = tokens[i + 1:]
            break
    country, owner_start = None, 0
    for i, (_, _, t) in enumerate(tokens):
        if t.endswith(("'s", "'")) and i + 1 < len(tokens):
            owner = t.removesuffix("'s").removesuffix("'")
            if owner in v.country_demonym:
                country, owner_start = v.country_demonym[owner], tokens[i][0]
                tokens = tokens[i + 1:]
                break
            if t not in v.owned_ok:
                rest = tokens[i + 1:]
                # "Dagestan's Interior Ministry" is the Dagestan Interior Ministry, not "Interior Ministry"
                if len(rest) >= 2 and all(x in v.generic_body for _, _, x in rest):
                    for k in range(max(0, i - 2), i + 1):  # "Novosibirsk Oblast's Interior Ministry"
                        place = raw[tokens[k][0]:tokens[i][1]].removesuffix("'s").removesuffix("'")
                        if is_place(v, place):
                            return f"{place} " + raw[rest[0][0]:rest[-1][1]], tokens[k][0], rest[-1][1]
                tokens = rest
                break
    if len(tokens) < 2:
        return "", 0, 0
    s, e = tokens[0][0], tokens[-1][1]
    name = raw[s:e]
    if country and (all(t in v.generic_body for _, _, t in tokens) or (
            country in v.demonyms and v.registry.lookup(name) is None)):
        # "Armenia's Migration and Citizenship Service" -> "Armenian Migration and Citizenship Service"
        # (its other names: _body_aliases); a registry name stays as the registry has it
        name, s = f"{country} {name}", owner_start
    return name, s, e


def is_place(v, name: str) -> bool:
    """A country, region or city the gazetteer knows ("Dagestan", "Tatarstan", "Perm Krai")."""
    if not name or not name[0].isupper():
        return False
    return _memo(v.places, name, lambda: _known_place(v.gazetteer, name))


def _known_place(gazetteer, name: str) -> bool:
    from archive.extract import places  # the places stage owns the gazetteer's lookups

    try:
        try:
            return bool(places.lookup_places(name, gazetteer))
        except TypeError:  # transitional: lookup_places(name) on the process's gazetteer
            return bool(places.lookup_places(name))
    except Exception:  # no gazetteer: keep the generic name
        return False


def candidates(v, full: str, starts: list[int], bounds: list[tuple[int, int]], paragraphs, names, lowers
               ) -> dict[int, list[Cand]]:
    """Candidates per paragraph index, for the article text ``full``."""
    found: dict[int, list[Cand]] = {}
    table = v.table

    def where(pos: int) -> tuple[list[Cand], int, int]:
        i = bisect_right(starts, pos) - 1
        lo, hi = bounds[i]
        return found.setdefault(i, []), lo, hi

    # 1. registry names, organisation heads, countries
    registry_at: dict[int, Cand] = {}  # registry names by start and by end, for descriptors next to them
    registry_to: dict[int, Cand] = {}
    for form, s, e in names:  # the trie regex's matches (scan_names)
        source, need_the, role = table[form]
        if role == "country":  # "Kazakhstan's trade ministry", "the Russian defence ministry"
            g = GOV_BODY_RE.match(full, e) if full[e:e + 1] in (" ", "'") else None
            if g and boundary_ok(full, s, e):
                cands, lo, hi = where(s)
                if g.end() > hi:
                    continue
                if full[max(lo, s - 4):s] in ("the ", "The "):
                    s -= 4
                country = form.removesuffix("'s")
                demonym = v.country_demonym.get(country, country)
                body = " ".join(w if w == "of" else w[:1].upper() + w[1:] for w in g.group("body").split())
                source, known = resolve(v, full[s:g.end()], ORGANISATION)
                if not known:
                    source, known = resolve(v, f"{demonym} {body}", ORGANISATION)
                cands.append(Cand(s, g.end(), s, g.end(), source, known, "gov"))
            continue
        if s and (full[s - 1].isalnum() or full[s - 1] in "-_"):
            continue
        if e < len(full) and (full[e].isalnum() or full[e] in "-_"):
            continue
        cands, lo, hi = where(s)
        if source is not None:
            before4 = full[s - 4:s] if s >= lo + 4 else ""
            ns = s
            if before4 in ("The ", "the "):
                s -= 4  # the span takes the article: "told The Associated Press"
                if source.name.startswith("The "):
                    ns = s
            elif need_the:
                continue
            c = Cand(s, e, ns, e, source, True, "registry")
            cands.append(c)
            registry_at[s] = registry_to[e] = c
            continue
        # an organisation: "the Finnish Border Guard", "Ministry of Enlightenment"
        left = v.org_left_re.search(full, max(lo, s - 70), s)
        start = left.start() if left else s
        tail = ORG_TAIL_RE.match(full, e, hi)
        end = tail.end() if tail else e
        name, a, b = org_name(v, full[start:end])
        if not name:
            continue
        if " " in name and all(t in v.generic_body for t in name.split()):
            # "In Uzbekistan, the Prosecutor General's Office warned": the Uzbek one
            q = IN_PLACE_RE.search(full, max(lo - 1, start + a - 50, 0), start + a)
            if q and (q.group(1) in v.country_demonym or is_place(v, q.group(1))):
                name = f"{v.country_demonym.get(q.group(1), q.group(1))} {name}"
        if name.split()[0] not in v.demonyms and v.its_r.match(left_reversed(full, start + a, lo, 20)):
            # "Georgia does not collect data, but its Interior Ministry said": the country named last
            owner = None
            for w in v.country_word_re.finditer(full, lo, start + a):
                owner = w.group()
            if owner:
                name = f"{v.country_demonym.get(owner) or v.country_demonym.get(v.demonyms[owner], owner)} {name}"
        p = PAREN_RE.match(full, start + b, hi)
        aliases = (p.group("paren"),) if p and is_acronym(p.group("paren")) else ()
        source, known = resolve(v, name, ORGANISATION, aliases)
        cands.append(Cand(start + a, start + b, start + a, start + b, source, known, "org",
                           learned=aliases if known else (name, *aliases)))
    for i, e, source in lowers:
        where(i)[0].append(Cand(i, e, i, e, source, True, "registry"))

    # 2. descriptor phrases, found from their last word
    descs = []
    for m in v.desc.finditer(full):
        e = m.end()
        for phrase in v.desc_heads[m.group(1)]:
            s0 = e - len(phrase)
            if s0 >= 0 and full.startswith(phrase, s0) and boundary_ok(full, s0, e):
                descs.append((s0, e, phrase))
                break
    last_end = -1
    for ds, de, desc in descs:
        if ds < last_end:
            continue
        last_end = de
        c = registry_at.get(de + 1)
        if c is not None and v.name_goes_on_re.match(full, c.end):
            c = None  # "the Telegram channel Mash na Moike": a longer name than the registry's "Mash"
        if c is not None and full[de] == " ":  # "the news outlet Mediazona": the registry knows it
            c.start = min(c.start, ds)
            continue
        c = registry_to.get(ds - 1)
        if c is None:
            m2 = v.mods_gap_r.match(left_reversed(full, ds, 0, 40))
            if m2:
                c = registry_to.get(ds - m2.end())
        if c is not None:  # "the 7x7 media outlet": the phrase reaches the cue
            c.end = max(c.end, de)
            continue
        cands, lo, hi = where(ds)
        if de > hi:
            continue
        mods = full[max(lo, ds - 40):ds]
        r = v.right_name_re.match(full, de, hi)  # "the news outlet Vyorstka"
        if r and (not r.group("of") or v.descriptors[desc] == TELEGRAM):
            name, a, b = clean_name(v, r.group("name"), strip_adjectives=False)
            if name:
                aliases = paren_aliases(r.group("paren"))
                source, known = resolve(v, name, desc_kind(v, desc, mods), aliases)
                ns = r.start("name") + a
                cands.append(Cand(ds, r.end(), ns, ns + len(name), source, known, "descriptor",
                                   learned=aliases if known else (name, *aliases)))
                continue
        left = v.left_name_re.search(full, max(lo, ds - 90), ds)  # "the 7x7 media outlet"
        if left:
            name, a, b = clean_name(v, left.group("name"), strip_adjectives=True)
            if name:
                mods2 = full[max(lo, left.start() - 40):left.start()] + " " + (left.group("mods2") or "")
                aliases = paren_aliases(left.group("paren"))
                source, known = resolve(v, name, desc_kind(v, desc, mods2 + " " + desc), aliases)
                ns = left.start("name") + a
                cands.append(Cand(ns, de, ns, ns + len(name), source, known, "descriptor",
                                   learned=aliases if known else (name, *aliases)))
                continue
        # an appositive: "Kpler, a ship-tracking company, estimated"
        j = full.rfind(", ", max(lo, ds - 80), ds)
        if j < 0 or not APPOS_DET_RE.match(full, j + 2, ds):
            continue
        k = full.find(",", de, min(hi, de + 90))
        if k < 0 or any(ch in full[de:k] for ch in ".;"):
            continue
        n = v.appos_name_re.search(full, max(lo, j - 70), j)
        if not n:
            continue
        before = full[lo:n.start()].rstrip()
        if before and before[-1] not in '.!?;:"(' and not (
                APPOS_CUE_RE.search(before[-20:]) and " of " not in full[j:ds]):
            continue
        name, a, b = clean_name(v, n.group("name"), strip_adjectives=False)
        if not name:
            continue
        aliases = paren_aliases(n.group("paren"))
        source, known = resolve(v, name, desc_kind(v, desc, full[j:ds]), aliases)
        ns = n.start("name") + a
        cands.append(Cand(ns, ns + len(name), ns, ns + len(name), source, known, "appositive",
                           learned=aliases if known else (name, *aliases)))

    # 4a. one scan for " by|from|of <Capital>":
    #  * a body named in lower case with its place: "the military commissariat of Perm Krai"
    #  * a name the cue itself marks as a source: "data from LSEG", "figures compiled by Kpler",
    #    "a draft seen by Euractiv"
    for m in PREP_CAP_RE.finditer(full):
        w, e = m.group("w"), m.end()
        if w == "of":
            left = LOWER_BODY_LEFT_RE.search(full, max(0, m.start() - 70), m.start())
            if not left:
                continue
            pm = LOWER_PLACE_RE.match(full, e + 4 if full.startswith("the ", e) else e)
            if not pm or not is_place(v, pm.group("place")):
                continue
            cands, lo, hi = where(m.start())
            if pm.end() > hi or left.start() < lo:
                continue
            body = " ".join(x[:1].upper() + x[1:] for x in left.group("body").split())
            source, known = resolve(v, f"{pm.group('place')} {body}", ORGANISATION)
            s0 = left.start("body")
            cands.append(Cand(s0, pm.end(), s0, pm.end(), source, known, "org"))
            continue
        left = CUE_LEFT_RE.search(full, max(0, m.start() - 40), m.start())
        if not left:
            continue
        seen = left.group("seen")
        n = v.cue_name_re.match(full, e + 4 if full.startswith("the ", e) else e)
        if not n:
            continue
        raw = n.group("name")
        ns = n.start("name")
        if ns in registry_at or ns - 4 in registry_at:
            continue
        name, a, b = clean_name(v, raw, strip_adjectives=False)
        if not name or name.endswith("'") or name.split()[0] in v.first_words_not_sources:
            continue
        cands, lo, hi = where(ns)
        source, known = resolve(v, name, NEWS_OUTLET if seen else ORGANISATION)
        cands.append(Cand(ns + a, ns + b, ns + a, ns + b, source, known, "cue"))

    # 4. names that are domains: "Ngs.ru reported"
    for m in v.tld_re.finditer(full):  # found from the dot: a regex with a literal first character is fast
        k = m.start()
        while k > 0 and (full[k - 1].isalnum() or full[k - 1] in "-_"):
            k -= 1
        if k == m.start() or not (full[k].isupper() or full[k].isdigit()) or full[k - 1:k] in ("/", "@", "."):
            continue
        e = m.end()
        cands, lo, hi = where(k)
        if k not in registry_at:
            source, known = resolve(v, full[k:e], NEWS_OUTLET)
            cands.append(Cand(k, e, k, e, source, known, "domain"))

    # 5. links whose text names a source: t.me links, registry hrefs
    for index, p in enumerate(paragraphs):
        if p.links:
            link_candidates(v, p.links, bounds[index][0], found, index)
    return found


def link_candidates(v, links: tuple[Link, ...], lo: int, found: dict[int, list[Cand]], index: int) -> None:
    for link in links:
        if not link.href or link.href[0] == "#":
            continue
        text_key = link.text.strip().lower()
        if not text_key or text_key in v.link_cue_text:
            continue
        cands = found.setdefault(index, [])
        s, e = lo + link.start, lo + link.end
        handle = telegram_handle(link.href)
        if handle:
            source = v.registry.for_url(link.href) or v.registry.lookup(link.text)
            known = source is not None
            if source is None:
                name = link.text.strip()
                if "t.me/" in name or not re.match(rf"[{UPPER}0-9\"]", name) or len(name) > 60:
                    name = handle
                source = unknown(v, name, TELEGRAM, (handle,) if name != handle else (), domain=f"t.me/{handle}")
            cands.append(Cand(s, e, s, e, source, known, "link", href=link.href))
        elif link.href and not link.href.startswith("#"):
            source = v.registry.for_url(link.href)
            if source is not None and v.registry.lookup(link.text) is source:
                cands.append(Cand(s, e, s, e, source, True, "link", href=link.href))


_RANK = {"descriptor": 0, "link": 1, "appositive": 2, "gov": 3, "registry": 4, "org": 5, "learned": 6, "domain": 7,
         "cue": 8}


def merge(full: str, hi: int, cands: list[Cand]) -> list[Cand]:
    """One candidate per stretch of text: the widest span, the registry's identity."""
    if len(cands) == 1:
        c = cands[0]
        if c.origin not in ("registry", "domain", "gov") and full[c.end:c.end + 2] in (" (", "("):
            p = PAREN_RE.match(full, c.end, hi)
            if p:
                c.end = p.end()
        return cands
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), _RANK[c.origin]))
    kept: list[Cand] = []
    for c in cands:
        overlapping = [k for k in kept if c.start < k.end and k.start < c.end]
        if not overlapping:
            kept.append(c)
            continue
        for k in overlapping:
            contains = c.name_start <= k.name_start and k.name_end <= c.name_end
            inside = k.name_start <= c.name_start and c.name_end <= k.name_end
            if c.known and not k.known and (contains or (inside and (
                    k.origin in ("org", "gov", "link", "domain")
                    or c.name_end - c.name_start >= (k.name_end - k.name_start) * 0.6))):
                # the registry's name for it ("the news site Ngs.ru" -> NGS), but a known name
                # inside a much longer unknown one ("Yale ... Lab") leaves that one alone
                k.source, k.known = c.source, True
                k.name_start, k.name_end = min(k.name_start, c.name_start), max(k.name_end, c.name_end)
            elif c.origin == "link" and not k.known and not c.known and (contains or inside):
                k.source = c.source  # "the [Kursk Vestnik](https://t.me/kursk_vestnik) Telegram channel"
            if c.href and not k.href:
                k.href = c.href
            if c.end > k.end and c.origin in ("registry", "descriptor", "link"):
                k.end = c.end
            if c.start < k.start and c.origin in ("registry", "link"):
                k.start = c.start
    for c in kept:  # "Conflict Intelligence Team (CIT)": the parenthesis belongs to the name
        if c.origin not in ("registry", "domain", "gov"):
            p = PAREN_RE.match(full, c.end, hi)
            if p:
                c.end = p.end()
    return kept


# ---------------------------------------------------------------------------
# Cue checks
# ---------------------------------------------------------------------------
