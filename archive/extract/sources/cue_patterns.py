"""Regexes whose words are part of their grammar (optional words, word classes), kept apart from the engine.

Plain word lists are lexicon files (lexicon/en/*.txt|tsv) and the regexes built from them are in
``vocabulary``; what is here is a phrase shape, not a list.
"""
from __future__ import annotations

import re

from archive.extract.sources.vocabulary import UPPER

ADVERB = (
    r"(?:has|have|had|also|later|earlier|previously|first|then|recently|further|additionally|separately|now|"
    r"itself|alone|already|initially|subsequently|again|repeatedly|reportedly|likewise|similarly|"
    r"last (?:week|month|year|night)|this (?:week|month|year|morning)|on (?:[A-Z][a-z]+day|[A-Z][a-z]+ \d{1,2})|"
    r"in (?:[A-Z][a-z]+|\d{4})|was (?:the )?first to|were (?:the )?first to|has learned|so far|independently|"
    r"jointly|together|"
    r"in (?:a|an|its|their) (?:new |recent |latest |joint )?(?:report|statement|investigation|post|article),?)"
)
APPOS_START = (rf"(?:an?|the|which|who|whose|one|its|citing|quoting|according|based|founded|set|known|together|"
               rf"along|in|with|itself|reportedly|[{UPPER}][\w.\-/]*'s?)")
AFTER_POSS_RE = re.compile(
    r"(?:'s|') (?:own |latest |new |recent |joint |preliminary |annual |monthly |weekly |daily )?"
    r"(?P<cue>investigation|analysis|count|tally|calculations|estimates?|data|findings|survey|poll|study|research|"
    r"report|reporting|review|assessment|figures)s?\b"
)
AFTER_END_RE = re.compile(r"(?: (?:on|in|last|this) \w+)? ?(?:[.,;:!?)\"]|$)")
ADDED_OK = re.compile(r" ?(?:[,.;:\"]|that\b|$)")
MEDIA_MODS = re.compile(r"\b(?:media|news|journalis\w*|investigative|reporting|online|independent|publishing)\b", re.I)
NEWS_AGENCY_MODS = re.compile(r"\b(?:news|wire|press|information|state-run|state-owned)\b", re.I)
PREP_CAP_RE = re.compile(rf" (?P<w>by|from|of) (?=[{UPPER}]|the [{UPPER}])")
CUE_LEFT_RE = re.compile(
    r"(?:\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates|[Cc]alculations)(?: compiled| published| released|"
    r" provided| collected| gathered)?|\b(?P<seen>seen|obtained|reviewed))$")
APPOS_CUE_RE = re.compile(r"(?:\b[Aa]ccording to|\b[Cc]iting|\bdata from)$")
APPOS_DET_RE = re.compile(rf"(?:an?|the|[{UPPER}][\w.\-/]*'s?) [^,;()\"]*$")
BODY = (
    r"(?:(?:defen[cs]e|foreign|interior|internal affairs|emergenc(?:y|ies)|finance|economy|economic|energy|health|"
    r"justice|culture|trade|education|digital|agriculture|transport|labou?r|infrastructure|environment|industry)"
    r" ministry|ministry of (?:defen[cs]e|foreign affairs|internal affairs|[a-z]+)|air force|navy|"
    r"general staff|military(?: intelligence(?: agency)?)?|armed forces|army|security service|"
    r"border (?:guard|service)|national guard|emergency service|coast guard|"
    r"prosecutor[ -]general's office|investigative committee|central bank|government|parliament|"
    r"foreign intelligence service|statistics (?:agency|service)|customs service)"
)
IN_PLACE_RE = re.compile(rf"(?:^|[.!?\"] |\n)In ([{UPPER}][\w'-]+(?: [{UPPER}][\w'-]+)?), (?:the )?$")
LOWER_BODY_LEFT_RE = re.compile(
    r"[Tt]he (?P<body>(?:(?:regional|city|district|republican|municipal|local|military|enlistment|election|electoral|"
    r"interior|health|education|emergencies|police|legislative|governor's|mayor's|prosecutor's|prosecutor general's|"
    r"investigative) )*(?:commissariat|office|commission|ministry|court|committee|government|administration|"
    r"department|assembly|duma))$")
LOWER_PLACE_RE = re.compile(rf"(?P<place>[{UPPER}][\w'-]+(?: [{UPPER}][\w'-]+)?)")
GOV_BODY_RE = re.compile(rf"(?:'s?)? (?P<body>{BODY})(?![\w-])")
COORD_WORD = re.compile(r"\band\b|&|as well as|together with|along with")
LATER_CUE_RE = re.compile(
    r", (?:(?P<saying>saying|adding|noting|claiming|stating)|(?:it|they) (?P<verb>said|says|added|reported|wrote|noted|stated))\b")
TITLE_AFTER_RE = re.compile(
    r"(?:'s?)? (?:press |deputy |chief |top |senior |former |regional |local )?(?:spokes\w+|officials?|head|chief|"
    r"director|representatives?|press secretary|leader|members?|"
    r"analysts?|lawyers?|employees?|staff|commanders?|deputy|researchers?|journalists?|reporters?|editors?|"
    r"correspondents?|founder|activists?|volunteers?)\b")
SENTENCE_END_RE = re.compile(r"[.!?](?=[\s\"]|$)")
TME = re.compile(r"^(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me)/(?:s/)?([A-Za-z][\w]{3,})", re.IGNORECASE)
from archive.extract.sources.vocabulary import ORGTOK  # noqa: E402

ORG_TAIL_RE = re.compile(rf" (?:of|for|on|to) (?:the )?{ORGTOK}(?: (?:(?:of|and|for|the|on|to|in) )*{ORGTOK}){{0,6}}")
