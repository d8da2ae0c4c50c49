"""Oblique case forms of Russian (and a few Ukrainian) place names, so "в Москве" finds Moscow.

Best effort, for names the gazetteer builds in: a form that comes out wrong only
adds a surface nobody writes. The words of a region's name that decline on their
own ("область", "край", "Республика") are lexicon/ru/region_word_cases.tsv.
"""
from __future__ import annotations

_UKR_LETTERS = set("іїєґІЇЄҐўЎ")
_HUSH = set("гкхжшчщ")


def _noun_cases(word: str) -> list[str]:
    """Genitive, dative, accusative, instrumental, prepositional of a Russian noun (best effort)."""
    w = word
    if w.endswith("ия"):
        s = w[:-2]
        return [s + "ии", s + "ии", s + "ию", s + "ией", s + "ии"]
    if w.endswith("а"):
        s = w[:-1]
        gen = s + ("и" if s[-1:] in _HUSH else "ы")
        ins = s + ("ей" if s[-1:] in "жшчщц" else "ой")
        return [gen, s + "е", s + "у", ins, s + "е"]
    if w.endswith("я"):
        s = w[:-1]
        return [s + "и", s + "е", s + "ю", s + "ей", s + "е"]
    if w.endswith("ь"):
        s = w[:-1]
        # feminine (Тверь, Сибирь) and masculine (Ярославль) forms both
        return [s + "и", s + "и", w, s + "ью", s + "и", s + "я", s + "ю", s + "ем", s + "е"]
    if w.endswith(("ый", "ий", "ой")):
        return _adj_cases(w)
    if w.endswith("ы") or w.endswith("и"):
        s = w[:-1]
        return [s, s + "ам", w, s + "ами", s + "ах"]
    if w.endswith(("о", "е")):
        s = w[:-1]
        return [s + "а", s + "у", w, s + "ом", s + "е"]
    if w[-1:].isalpha():
        return [w + "а", w + "у", w, w + "ом", w + "е"]
    return []


def _adj_cases(word: str) -> list[str]:
    w = word
    if w.endswith("ая"):
        s = w[:-2]
        return [s + "ой", s + "ой", s + "ую", s + "ой", s + "ой"]
    if w.endswith("яя"):
        s = w[:-2]
        return [s + "ей", s + "ей", s + "юю", s + "ей", s + "ей"]
    if w.endswith(("ый", "ой")):
        s = w[:-2]
        return [s + "ого", s + "ому", w, s + "ым", s + "ом"]
    if w.endswith("ий"):
        s = w[:-2]
        soft = s[-1:] not in _HUSH
        return [s + ("его" if soft else "ого"), s + ("ему" if soft else "ому"), w, s + "им", s + ("ем" if soft else "ом")]
    if w.endswith(("ое", "ее")):
        s = w[:-2]
        return [s + "ого", s + "ому", w, s + "ым", s + "ом"]
    return []


def region_word_cases(lexicon) -> dict[str, list[str] | None]:
    """lexicon/ru/region_word_cases.tsv as word -> its five cases (None: a name holding it is not declined)."""
    table = lexicon.table("region_word_cases")
    return {row[0]: None if row[1] == "-" else list(row[1:]) for row in table.rows}


def russian_forms(name: str, word_cases: dict[str, list[str] | None]) -> set[str]:
    """Oblique case forms of a Russian place name ("Москва" -> "Москве", "Кемеровская область" -> ...).

    ``word_cases``: region_word_cases(lexicon).
    """
    if any(c in _UKR_LETTERS for c in name):
        return set()
    words = name.split(" ")
    out: set[str] = set()
    if len(words) == 1:
        if "-" in name:  # Ростов-на-Дону, Улан-Удэ: decline the first part only when the rest is fixed
            head, _, rest = name.partition("-")
            if rest and rest[0].islower():
                return {f"{f}-{rest}" for f in _noun_cases(head)}
            return set()
        return set(_noun_cases(name))
    per_word = []
    for w in words:
        if w in word_cases:
            table = word_cases[w]
            if table is None:
                return set()
            per_word.append(table)
        elif w[:1].islower():
            per_word.append([w] * 5)
        elif w.endswith(("ая", "яя", "ый", "ий", "ое")) or (w.endswith("ой") and len(words) > 1):
            cases = _adj_cases(w)
            if not cases:
                return set()
            per_word.append(cases)
        elif words[0] in ("Республика", "республика"):
            per_word.append([w] * 5)  # Республика Татарстан: the name stays
        else:
            cases = _noun_cases(w)[:5]
            if len(cases) < 5:
                return set()
            per_word.append(cases)
    for i in range(5):
        out.add(" ".join(p[i] for p in per_word))
    out.discard(name)
    return out


def ukrainian_oblast_forms(adj: str) -> set[str]:
    """"Донецька" -> oblique forms of "Донецька область"."""
    if not adj.endswith("а"):
        return set()
    s = adj[:-1]
    return {f"{s}ої області", f"{s}ій області", f"{s}у область", f"{s}ою областю"}
