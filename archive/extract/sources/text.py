"""Text helpers of the sources stage: one canonical form of the article text, and trie-shaped regexes."""
from __future__ import annotations

import re

# One character for one, so offsets in the canonical text are offsets in the original.
_CANON_PAIRS = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("`", "'"), ("\u00b4", "'"), ("\u2032", "'"),
    ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u00ab", '"'), ("\u00bb", '"'),
    ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "), ("\u2011", "-"), ("\u2010", "-"), ("\t", " "),
)


def canonical(text: str) -> str:
    for a, b in _CANON_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def trie_pattern(words) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        alts = [re.escape(k) + build(node[k]) for k in keys]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


def boundary_ok(text: str, s: int, e: int) -> bool:
    if s > 0:
        ch = text[s - 1]
        if ch.isalnum() or ch in "-_":
            return False
    return True


def left_reversed(full: str, start: int, lo: int, width: int = 170) -> str:
    return full[max(lo, start - width):start][::-1]
