"""1. Marks: double quote marks and guillemets paired with a stack into top-level quoted spans."""
from __future__ import annotations

from dataclasses import dataclass, field

from archive.extract.quotes.patterns import CLOSE_AFTER, MARK_RE, OPEN_BEFORE, TERMINAL


@dataclass(slots=True)
class _Span:
    """One top-level quote: where it opens, where it closes, which paragraphs it covers."""

    para: int
    open_at: int  # index of the opening mark in the paragraph text
    close_para: int
    close_at: int | None  # index of the closing mark in close_para, None if never closed
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (para, start, end) of inner text



def _is_code(markdown: str) -> bool:
    return markdown.startswith(("```", "~~~", "    ", "\t"))


def _has_mark(text: str) -> bool:
    # str.__contains__ per character is several times faster than a regex scan
    return '"' in text or "“" in text or "”" in text or "«" in text or "„" in text or "»" in text or "‟" in text


def _pair(paragraphs: list[str]) -> list[_Span]:
    """Pair the marks of every paragraph; return the top-level quotes in reading order."""
    spans: list[_Span] = []
    pending: _Span | None = None  # a quote left open at the end of the previous paragraph
    count = len(paragraphs)
    for p, text in enumerate(paragraphs):
        m0 = MARK_RE.search(text) if _has_mark(text) else None
        if m0 is None:
            if pending is not None:
                spans.append(pending)
                pending = None
            continue
        stack: list[tuple[str, int, _Span | None]] = []  # (opening char, index, continued span)
        n = len(text)
        first = n - len(text.lstrip()) if pending is not None else -1
        marks = MARK_RE.finditer(text, m0.end())
        m = m0
        while m is not None:
            i = m.start()
            ch = text[i]
            m = next(marks, None)
            # the role a mark's neighbours give it
            if ch in "«„‟":
                role = "open"
            elif ch == "»":
                role = "close"
            else:
                opens = i == 0 or text[i - 1] in OPEN_BEFORE
                closes = i + 1 >= n or text[i + 1] in CLOSE_AFTER
                role = "open" if opens and not closes else "close" if closes and not opens else "either"
            if i == first and pending is not None and role != "close":
                stack.append((ch, i, pending))
                pending = None
                continue
            if pending is not None:  # the paragraph did not continue the open quote
                spans.append(pending)
                pending = None
            fam = "g" if ch in "«»" else "d"
            if role == "either":
                top = None
                for s in reversed(stack):
                    if (s[0] in "«»") == (fam == "g"):
                        top = s
                        break
                if ch == "“" and top is not None and top[0] == "„":
                    role = "close"
                elif top is not None and (top[0] == ch or ch in "”\"") and ch != "“":
                    role = "close"
                else:
                    role = "open"
            elif ch == "“" and role == "open" and stack and stack[-1][0] == "„":
                role = "close"  # German / Russian „…“
            elif ch == "”" and role == "open" and any(s[0] not in "«»" for s in stack):
                role = "close"
            if role == "open":
                stack.append((ch, i, None))
                continue
            j = len(stack) - 1
            while j >= 0 and (stack[j][0] in "«»") != (fam == "g"):
                j -= 1
            if j < 0:
                continue  # a closing mark with nothing open: inches, stray marks
            och, oi, cont = stack[j]
            del stack[j:]
            if j == 0:
                if cont is not None:
                    cont.pieces.append((p, oi + 1, i))
                    cont.close_para, cont.close_at = p, i
                    spans.append(cont)
                else:
                    spans.append(_Span(p, oi, p, i, [(p, oi + 1, i)]))
        if pending is not None:
            spans.append(pending)
            pending = None
        if stack:
            och, oi, cont = stack[0]
            span = cont if cont is not None else _Span(p, oi, p, None, [])
            span.pieces.append((p, oi + 1, n))
            span.close_para, span.close_at = p, None
            nxt = paragraphs[p + 1].lstrip()[:1] if p + 1 < count else ""
            if nxt and nxt in "\"“«„‟”":
                pending = span  # the next paragraph opens with a mark: the quote goes on
            else:
                spans.append(span)
    if pending is not None:
        spans.append(pending)
    spans.sort(key=lambda s: (s.para, s.open_at))
    return spans



def _masks_for(spans: list[_Span], paragraphs: list[str]) -> dict[int, list[tuple[int, int, int]]]:
    """Per paragraph: (from, to, keep) ranges to mask; keep is a quote's own final . ! ? (or -1)."""
    masks: dict[int, list[tuple[int, int, int]]] = {}
    for s in spans:
        for k, (p, a, b) in enumerate(s.pieces):
            text = paragraphs[p]
            lo = a - 1 if k == 0 else 0
            last = k == len(s.pieces) - 1
            hi = (s.close_at + 1) if (last and s.close_at is not None) else len(text)
            inner = text[a:b].rstrip()
            keep = a + len(inner) - 1 if last and inner and inner[-1] in TERMINAL else -1
            masks.setdefault(p, []).append((lo, hi, keep))
    return masks
