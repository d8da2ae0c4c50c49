"""The quote extractor's fixed patterns: marks, tokens, sentence ends, the shapes of an attribution.

Patterns kept apart from the engine (trafilatura keeps its xpaths.py beside its engine). The
regexes whose alternations are vocabulary are generated from the lexicon instead
(archive.extract.quotes.vocabulary). Punctuation sets are written as strings: they are syntax,
not words.
"""
from __future__ import annotations

import re

MASK = "\x00"  # a quoted span, masked out of the writer's narrative
QUOTE_TOKEN = "<q>"  # the token a masked quoted span reads as
MARK_RE = re.compile(r'["“”„«»‟]')
# Sentence ends in the masked narrative: terminal punctuation, maybe a masked closing mark,
# then space and something that can start a sentence.
SENT_END_RE = re.compile(r'[.!?…][\x00"”»)]*\s+(?=[\x00"“«„(\[A-ZА-ЯЁ0-9]|[—–] ?[\x00"“«„])')
TOKEN_RE = re.compile(r"\x00+|\d{1,3}(?:,\d{3})+(?![\d])|[^\W_]+(?:['’.&\-][^\W_]+)*\.?|[,;:()\[\]—–]")
# the same tokens with the text before each: every character is either in a gap or starts a token
GAP_TOKEN_RE = re.compile(r"((?:[^\x00,;:()\[\]—–\w]|_)*)(" + TOKEN_RE.pattern + ")")
WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
ACCORDING_RE = re.compile(r"(?:^|\W)according\s+to\s+(?P<np>[^,;:\x00]+?)\s*,\s*$", re.IGNORECASE)
DASH_NAME_RE = re.compile(r"[,.\x00]?[ \x00]*[—–][ ]*(?P<np>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})[ ]*(?:,|\.?$)")
ACCORDING_ANY_RE = re.compile(r"(?:^|\W)according\s+to\s+(?P<np>[^,;:\x00]+?)\s*,", re.IGNORECASE)
ACCORDING_NP_RE = re.compile(r"according\s+to\s+(?P<np>[^,;:.\x00]+)", re.IGNORECASE)
AS_PUT_RE = re.compile(r"(?:^|\W)(?:as|in the words of)\s+(?P<np>[^,;:\x00]+?)(?:\s+(?:put|puts)\s+it)?\s*[,:]\s*$",
                       re.IGNORECASE)
KNOWN_AS_RE = re.compile(r"\b(?:known|referred\s+to|dubbed|nicknamed|described)(?:\s+\w+ly)?\s+as\s*$", re.IGNORECASE)
POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])\s*$")
INTERVIEWED_RE = re.compile(r"\b(?:(?:spoke|talked|spoken)\s+(?:to|with)|interviewed)\s+"
                            r"(?P<np>(?:(?!\s(?:about|after|before|during|on\s+condition)\b)[^,;:.\x00])+)")
_ORG_NAME = r"(?P<name>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}?)"
ORG_POSSESSOR_RE = re.compile(_ORG_NAME + r"['’]s\s+(?:[a-z-]+\s+)?(?:founder|co-founder|owner|owners|head|chief|"
                              r"CEO|director|management|spokesman|spokeswoman|spokesperson|press\s+service|"
                              r"board|administrators?|editors?|employees|staff)\b")
POSSESSOR_START_RE = re.compile(r"\s*(?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+){0,2})['’]s\s+[a-z]")
QUOTED_AS_RE = re.compile(r"\b(?:quoted|cited)\s+(?!by\b)(?P<np>[^,;:\x00]+?)\s+as\s+saying\b")

# "MOSCOW, March 14 (Reuters) - ", "POKROVSK, Ukraine (AP) — ", "VILNIUS (AFP) — "
DATELINE_RE = re.compile(r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ.'’ -]{2,40}(?:,[^()\n—–]{1,40}?)?(?:\s*\([^)\n]{1,40}\))?\s*[-—–]+\s+")
LOWER_WORD_RE = re.compile(r"[a-zа-яё]+")
FIRST_WORD_RE = re.compile(r"^\W{0,2}?([^\W\d_][\w'’\-]*)")
FIRST_PERSON_RE = re.compile(r"(?<![\w'’])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e're|"
                             r"[Ww]e’re|[Uu]s|[Oo]ur|[Oo]urs|[Yy]ou|[Yy]our|[Mm]yself|[Oo]urselves)(?![\w'’])")
OPEN_BEFORE = set(" \t\n([{—–-/:;\u00a0") | set("“„«\"")
CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…\u00a0") | set("”“»\"")
TERMINAL = ".!?…"
WINDOW = 2  # paragraphs a pronoun or an unattributed quote may reach back over
SENTENCES = 8  # and at most this many sentences
HONORIFIC_RE = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Dr)\.? ([A-Z][\w'’-]+)$")
HEADLINE_RE = re.compile(r"^\s*[‘'\"“«„](?P<q>[^‘’'\"“”«»„\n]{3,140}?)[’'\"”»“]\s*[:—–]")
KEY_RE = re.compile(r"[^\W_]+")

# token sets of punctuation (and the quoted-span token)
STOP_MARKS = frozenset(",;:()—–")  # end a phrase read after an inverted cue
SPEECH_MARKS = frozenset(",:")  # after "added" / "posted": speech follows
LEADING_MARKS = frozenset(",—–()")  # trimmed off the start of a subject
TRAILING_MARKS = frozenset(",—–:;")  # trimmed off its end
ATTRIBUTION_MARKS = frozenset(",—–:;")  # before the first word of an attribution
APPOSITION_BOUNDS = frozenset(",;:(—–") | {QUOTE_TOKEN}  # where an apposition begins, walking back
PHRASE_BOUNDS = frozenset(",;:()—–") | {QUOTE_TOKEN}  # where a subject begins, walking back
CLAUSE_BOUNDS = frozenset(",;:—–") | {QUOTE_TOKEN}  # where a relative clause ends
SUBJECT_BREAKS = frozenset(";:()—–")  # no subject runs over these
INNER_ENDS = frozenset(",.!?;…")  # a quote's last character that ends its clause ('"temporary," the governor said')
