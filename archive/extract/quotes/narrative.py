"""2. Narrative: a paragraph with its quotes masked, its sentence starts and its tokens."""
from __future__ import annotations

from dataclasses import dataclass

from archive.extract.quotes.patterns import DATELINE_RE, GAP_TOKEN_RE, MASK, QUOTE_TOKEN, SENT_END_RE

NORM_LIMIT = 1 << 16  # token forms remembered per vocabulary (the old lru_cache's size)


@dataclass(slots=True)
class _Tok:
    norm: str
    start: int
    end: int
    raw: str


class _Para:
    """A paragraph's narrative: quotes masked, sentence starts, tokens."""

    __slots__ = ("v", "text", "masked", "starts", "cache")

    def __init__(self, v, text: str, masks: list[tuple[int, int, int]]):
        self.v = v
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
            if m.group()[0] == "." and (word in v.abbreviations or (len(word) == 1 and word.isalpha())):
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
        norms = self.v.norms
        for gap, raw in GAP_TOKEN_RE.findall(self.masked, a, b):
            pos += len(gap)
            end = pos + len(raw)
            norm = norms.get(raw)
            if norm is None:
                norm = _norm(self.v, raw)
            append(_Tok(norm, pos, end, raw))
            if len(out) >= limit:
                break
            pos = end
        return out

    def tokens(self) -> list[_Tok]:
        return self.tokens_in(0, len(self.masked))


def _norm(v, raw: str) -> str:
    """A token's comparable form: lower case, straight apostrophe, no sentence-final dot; remembered in
    ``v.norms`` (per vocabulary, emptied when it holds NORM_LIMIT forms)."""
    norms = v.norms
    if len(norms) >= NORM_LIMIT:
        norms.clear()
    if raw[0] == MASK:
        norms[raw] = QUOTE_TOKEN
        return QUOTE_TOKEN
    norm = raw.lower()
    if "’" in norm:
        norm = norm.replace("’", "'")
    if norm[-1] == "." and len(norm) > 2 and norm[:-1] not in v.abbreviations:
        norm = norm[:-1]
    norms[raw] = norm
    return norm
