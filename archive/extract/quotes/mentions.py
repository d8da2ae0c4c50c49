"""Mentions: someone or something the text named, and whom a pronoun may mean."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archive.extract.quotes.patterns import WORD_RE


@dataclass(slots=True, eq=False)
class _Mention:
    """Someone or something the text named: a speaker or a sentence's subject."""

    v: Any  # the vocabulary its features are read with
    text: str
    pos: tuple[int, int]
    cue: str | None = None
    via: str | None = None
    known: tuple | None = None  # (gender, kind, plural) once known
    speaks: bool = False

    @property
    def features(self) -> tuple[str | None, str, bool]:
        """(gender f/m/None, kind person/org/thing/unknown, plural), computed on first use."""
        if self.known is None:
            gender, kind, plural = _features(self.v, self.text)
            if kind == "thing" and self.speaks:  # things do not speak: "a trader with a European firm"
                kind = "person"
            self.known = (gender, kind, plural)
        return self.known


# ---------------------------------------------------------------- mentions and pronouns
def _features(v, text: str) -> tuple[str | None, str, bool]:
    words = [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]
    raw = WORD_RE.findall(text)
    if not words:
        return None, "unknown", False
    one_of = len(words) > 2 and words[0] in v.partitive and words[1] == "of"
    core = words
    for k, w in enumerate(words):
        if k > 0 and w in v.head_noun_ends:
            core = words[:k]
            if one_of:
                core = [x for x in words[2:] if x not in {"the", "his", "her", "their", "its"}][:3]
            break
    head = core[-1] if core else words[-1]
    gender = None
    for w in words:
        if w in v.female_words:
            gender = "f"
            break
        if w in v.male_words:
            gender = "m"
            break
    caps = [w for w in raw if w[0].isupper() and w.lower() not in v.determiners and w.lower() not in v.title_small
            and w.lower() not in v.person_words and w.lower() not in v.org_words]
    if gender is None and caps:
        first = caps[0].lower()
        last = caps[-1].lower()
        if first in v.female_names:
            gender = "f"
        elif first in v.male_names:
            gender = "m"
        elif last.endswith(v.female_endings) and last not in v.male_names_in_a:
            gender = "f"
        elif last.endswith(v.male_endings) and len(last) > 4:
            gender = "m"
        elif first.endswith("a") and first not in v.male_names_in_a and len(caps) <= 3 and len(first) > 2 \
                and first not in v.org_words:
            gender = "f"
    orgish = head in v.org_words or any(w in v.org_words for w in core)
    personish = gender is not None or head in v.person_words or any(w in v.person_words for w in core)
    if personish and not (orgish and head in v.org_words):
        kind = "person"
    elif orgish:
        kind = "org"
    elif all(w[0].isupper() for w in raw if w.lower() not in v.title_small):
        kind = "unknown"
    else:
        kind = "thing"
    k = words.index(head)
    capitalised = raw[k][0].isupper() and not (k == 0 and head.endswith(v.plural_suffixes))  # "Traders said"
    plural = not one_of and (head in v.plural_words or (
        head.endswith("s") and not head.endswith(("ss", "'s", "us", "is")) and head not in v.org_words
        and not capitalised))
    return gender, kind, plural


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
