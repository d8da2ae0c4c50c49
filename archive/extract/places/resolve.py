"""One place per distinct name in an article: candidates scored by population, qualifiers, and context.

Each distinct name is resolved once per article: its candidates are scored by
population, an explicit qualifier ("Moscow, Idaho"), the regions and countries
the article mentions otherwise, primary name over alternate name.
"""
from __future__ import annotations

import math

from archive.extract.places.judge import _CANDS, _PARA, _PK, _QUALS, _START

def _code(g, pid: int) -> str:
    key = g.keys[pid]
    return key[4:] if key.startswith("iso:") else key


def resolve(ctx, spans: list[list], ordered: bool) -> tuple[list[list], list[int]]:
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


def _evidence_of(g, pids: tuple) -> tuple[frozenset, frozenset]:
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


def _scored(g, pids: tuple) -> tuple:
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
