"""5. Headline: a headline opening with a quote the body says ('"We were told nothing": …')."""
from __future__ import annotations

from dataclasses import dataclass

from archive.extract.found import FoundQuote
from archive.extract.quotes.patterns import HEADLINE_RE, KEY_RE
from archive.extract.quotes.rules import HEADLINE
from archive.extract.rules import ACCEPT

OPENING_MARKS = "‘'\"“«„"  # a headline that may open with a quote starts with one of these


@dataclass(frozen=True, slots=True)
class HeadlineCandidate:
    text: str
    start: int
    end: int
    body_quote: FoundQuote | None  # the body quote that says the same words


def headline_quote(title: str, found: list[FoundQuote], trace=None) -> FoundQuote | None:
    """The headline's quote, kept only when a body quote says it (with that quote's speaker); paragraph None."""
    m = HEADLINE_RE.match(title or "")
    if m is None:
        return None
    key = " ".join(KEY_RE.findall(m.group("q").casefold()))
    if not key:
        return None
    body = next((q for q in found if key in " ".join(KEY_RE.findall(q.text.casefold()))), None)
    candidate = HeadlineCandidate(m.group("q").strip(), m.start("q"), m.end("q"), body)
    rule = HEADLINE.decide(candidate)
    if trace is not None:
        trace.record("quotes", candidate.text, None, candidate.start, rule.name, rule.decision,
                     body.speaker or "" if body is not None else "")
    if rule.decision != ACCEPT:
        return None
    return FoundQuote(paragraph=None, start=candidate.start, end=candidate.end, text=candidate.text, kind="direct",
                      speaker=body.speaker, cue=body.cue, via=body.via, via_source=body.via_source)
