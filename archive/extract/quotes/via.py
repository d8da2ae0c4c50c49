"""Via: the outlet the speaker spoke to ("told IStories", "in an interview with the BBC")."""
from __future__ import annotations


Via = tuple  # (name, start, end): the outlet and where the text names it


def _via(v, text: str, lo: int, hi: int, cue: str | None) -> Via | None:
    """The outlet the speaker spoke to in text[lo:hi] (the clause after the cue): "told IStories",
    "in an interview with the BBC"; with the offsets of its name in ``text``."""
    if lo >= hi:
        return None
    clause = text[lo:hi]
    m = None
    if cue in ("told", "tells", "telling", "tell"):
        m = v.via_told_re.match(clause)
    if m is None:
        m = v.via_prep_re.search(clause)
    if m is None:
        return None
    name = _via_name(v, m.group("v"))
    return _located(text, name, lo + m.start("v"), lo + m.end("v")) if name else None


def _located(text: str, name: str | None, a: int, b: int) -> Via | None:
    """name with its offsets: where it stands in text[a:b] (all of that when it is not there as it is)."""
    if not name:
        return None
    i = text.find(name, a, b)
    return (name, i, i + len(name)) if i >= 0 else (name, a, b)


def _via_name(v, cand: str) -> str | None:
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
    while words and words[-1].lower() in v.outlet_descriptors and (words[-1].islower() or words[-1] == "TV"):
        words.pop()  # "the Dozhd TV channel" -> "Dozhd"; "the Kyiv Independent" keeps "Independent"
    while words and words[0] != "The" and words[0].lower() in v.outlet_descriptors:
        words.pop(0)  # "the independent outlet Vyorstka" -> "Vyorstka"; "The Moscow Times" keeps its "The"
    if words and words[0] == "The" and len(words) == 1:
        return None
    if any(w.lower() in v.male_names or w.lower() in v.female_names for w in words):
        return None  # "told Putin": a person, not an outlet
    if not words or not words[0][0].isupper() and not words[0][0].isdigit():
        return None
    name = " ".join(words).rstrip(".,")
    low = name.lower()
    if low in v.pronouns or low in v.weekdays or low in v.months or low in {"telegram", "facebook", "x", "twitter"}:
        return None
    return name
