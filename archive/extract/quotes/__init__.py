"""Quotes in a parsed article: what was said, by whom, to whom. Pure: no DB, no IO.

    quotes(doc) -> list[FoundQuote]                  a stage over the shared Document
    extract_quotes(article, resources, trace=None)   the same for one article

How it works, in four passes over the body paragraphs:

1. Marks. Double quote marks (straight ", curly “ ” and the „ “ pair) and guillemets « »
   are tokenized and paired with a stack, so nested quotes stay inside the outer one.
   Single quotes and apostrophes are never marks at the top level: Put' Domoj, I'm,
   soldiers' and ‘nested’ quotes all stay text. A quote left open at the end of a
   paragraph continues when the next paragraph opens with a mark (one quote over
   several paragraphs).
2. Context. Quoted spans are masked out of the paragraph, the rest (the writer's
   narrative) is split into sentences; each quote gets the narrative to its left and
   right inside its sentence.
3. Classification. A quote that starts its sentence or follows "X said:" is direct;
   a fragment inside the writer's sentence is partial when a speech verb governs it
   (or it is long, or speaks in the first person). Scare quotes, names, titles,
   call signs and translations are dropped: short spans after a possessive, a
   determiner or a naming word ("called", "film", "law"...), Title Case names, spans
   followed by "organization", "movement"..., and spans in parentheses.
4. Attribution. The speaker is the noun phrase next to the cue verb ("…," X said;
   "…," said X; X told Y: "…"; according to X, "…"; X said that … "fragment"),
   with appositions resolved ("Anna, 34, said" -> Anna) and pronouns resolved to the
   nearest fitting earlier mention by gender, number and person/thing. A quote with
   no attribution of its own inherits the speaker of the quote before it or of the
   person the text just introduced. "via" is the outlet spoken to ("told IStories").
   Subjects survive time openers ("A year after …, Yelena, 44, …"), chained appositions and
   parenthetical glosses; a call sign names its speaker ('with the call sign "Bober" told');
   "Ms Belova" becomes the full name given earlier; "the channel" the channel just named;
   Russian cues ("— говорит Ольга", "рассказала:", "заявили, что «…»") count too.
5. Headline. A headline opening with a quote the body says ('"We were told nothing": …')
   is a quote too, with that body quote's speaker and paragraph None (the title).

Layout: marks.py (1), narrative.py (2), candidate.py and rules.py (3: the features of a span and
the named rules that decide it), subject.py, mentions.py and via.py (4), engine.py (the walk),
headline.py (5), vocabulary.py (every word, from archive/extract/lexicon/), patterns.py.
"""
from __future__ import annotations

from archive.extract.document import Document
from archive.extract.found import FoundQuote
from archive.extract.quotes.engine import _Extractor
from archive.extract.quotes.headline import OPENING_MARKS, headline_quote
from archive.extract.quotes.marks import _has_mark
from archive.extract.quotes.rules import RULES
from archive.extract.quotes.vocabulary import QuoteVocabulary, vocabulary
from archive.parse.document import ParsedArticle

__all__ = ["RULES", "QuoteVocabulary", "extract_quotes", "quotes", "vocabulary"]


def quotes(doc: Document) -> list[FoundQuote]:
    """Every quote in the article's body, in reading order; a headline quote first (paragraph None).
    With ``doc.trace``, every top-level quoted span is recorded (kind "quotes") with the rule that decided it."""
    article = doc.article
    if not any(_has_mark(p.text) for p in article.paragraphs):
        return []
    found = _Extractor(vocabulary(doc.resources), article, doc, doc.trace).run()
    if found and article.title[:1] in OPENING_MARKS:
        head = headline_quote(article.title, found, doc.trace)
        if head is not None:
            found.insert(0, head)
    return found


def extract_quotes(article: ParsedArticle, resources, trace=None) -> list[FoundQuote]:
    """The quotes of one article, as ``extract`` finds them (outlets claimed first, for ``via_source``)."""
    from archive.extract import document_with_outlets

    return quotes(document_with_outlets(article, resources, trace))
