"""Cited sources: which outlets, agencies, Telegram channels and organisations
an article names as the origin of its information. Pure: ParsedArticle in,
FoundCitation out.

How a citation is found, in general rules rather than per-outlet patterns:

1. Candidates, i.e. noun phrases that can name a source:
   * a registry name or alias (``sources_data``), matched case-sensitively on
     word boundaries with one trie-shaped regex;
   * a descriptor phrase: "the independent news outlet Vyorstka", "the 7x7
     media outlet", "the Put' Domoj ('Way Home') Telegram channel", "Kpler, a
     ship-tracking company, ..."; the descriptor gives the kind of an unknown
     source;
   * an organisation noun phrase: capitalised words ending in Ministry,
     Committee, Institute, Forces... ("the Finnish Border Guard"), or a
     country plus a government body ("Kazakhstan's trade ministry");
   * a link: a t.me/NAME href is a Telegram channel, an href on a registry
     domain is that source.
   * a name right after a data cue ("data from LSEG", "a draft seen by Euractiv");
   * a body named in lower case with its place ("the military commissariat of
     Perm Krai" -> "Perm Krai Military Commissariat").
   A generic body keeps the place that says which one it is ("Dagestan's Interior
   Ministry", "In Uzbekistan, the Prosecutor General's Office"), and a later short
   name ("the General Staff") is the one body the article named in full.
   Names learned in one paragraph (unknown outlets, acronyms in parentheses,
   quoted translations) are looked for in the others.
2. A candidate is cited when a cue ties it to information: it is the subject of
   reported / said / told / wrote / published / cited / found ... ("Mediazona
   reported", "Ukrenergo, the national grid operator, said"), or follows
   according to / told / citing / investigation by / published by / seen by /
   in an interview with ... Coordinated names share the cue ("an investigation
   by IStories and CIT"). An organisation needs a say-type cue; a noun phrase
   inside a prepositional phrase ("a soldier with the 110th Brigade told")
   is not a subject, except for whoever speaks for it ("the press service of the
   Tomsk Regional Court said") or reports for it ("reporters with Asia-Plus
   found"). A sentence subject is cited by a later ", saying" / ", it said", and a
   partner "together with" a cited source shares its cue.
3. Links on a cue word ("[reported](https://t.me/astrapress)") and credit links
   above the body (t.me channels, registry outlets other than the publisher)
   are citations on their own.

The publisher (``outlet_for_url``) is not a citation unless the text cites it:
as the origin of a finding it is ("an investigation by The Insider", "59.ru has
learned", "according to Reuters data"), as the receiver of information it is
not ("told Reuters", "a draft seen by Reuters", "in a comment to Meduza", its
own t.me credit link).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import urlsplit

from archive.parse.document import Link, ParsedArticle
from archive.extract import sources_data as _data
from archive.names import fold_source
from archive.extract.found import FoundCitation, FoundSource

NEWS_OUTLET = "news outlet"
TELEGRAM = "telegram channel"
AGENCY = "agency"
ORGANISATION = "organisation"
KINDS = (NEWS_OUTLET, TELEGRAM, AGENCY, ORGANISATION)

__all__ = [
    "KNOWN_SOURCES",
    "PUBLISHERS",
    "extract_citations",
    "lookup_source",
    "normalize_alias",
    "outlet_for_url",
    "source_for_url",
]

# ---------------------------------------------------------------------------
# Alias normalisation
# ---------------------------------------------------------------------------

# One key for every spelling, shared with the store and the search filters.
normalize_alias = fold_source


# ---------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------


def _parse_registry() -> tuple[tuple[FoundSource, ...], dict[str, str]]:
    sources: list[FoundSource] = []
    domains: dict[str, str] = {}
    for raw in _data.REGISTRY.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (4 - len(parts))
        name, kind, doms, aliases = parts[:4]
        dom_list = [d.strip().lower() for d in doms.split(",") if d.strip()]
        alias_list = tuple(dict.fromkeys(a.strip() for a in aliases.split(";") if a.strip() and a.strip() != name))
        source = FoundSource(name=name, kind=_data.KINDS[kind], domain=dom_list[0] if dom_list else None, aliases=alias_list)
        sources.append(source)
        for d in dom_list:
            domains.setdefault(d, name)
    for d, name in _data.EXTRA_PUBLISHERS.items():
        domains.setdefault(d, name)
    return tuple(sources), domains


KNOWN_SOURCES, PUBLISHERS = _parse_registry()
_BY_NAME: dict[str, FoundSource] = {s.name: s for s in KNOWN_SOURCES}
_BY_KEY: dict[str, FoundSource] = {}
for _s in KNOWN_SOURCES:
    for _a in (_s.name, *_s.aliases):
        _BY_KEY.setdefault(normalize_alias(_a), _s)


@lru_cache(maxsize=8192)
def lookup_source(name: str | None) -> FoundSource | None:
    """The registry entry a name or alias stands for, if any."""
    if not name:
        return None
    known = _BY_KEY.get(normalize_alias(name))
    if known is None and name.endswith(")") and " (" in name:
        # "HUR (Defence Intelligence of Ukraine)": an acronym and its expansion, either one known
        head, _, rest = name[:-1].partition(" (")
        known = _BY_KEY.get(normalize_alias(head)) or _BY_KEY.get(normalize_alias(rest))
    return known


# ---------------------------------------------------------------------------
# Publishers
# ---------------------------------------------------------------------------

_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "in"}


def _host_and_path(url: str) -> tuple[str, str]:
    url = url.strip().strip("<>")
    if "//" not in url.split("?")[0][:12]:
        url = "//" + url
    m = _PLAIN_URL_RE.match(url)
    if m:  # the common case without urlsplit's generality: scheme://host/path
        return m.group("host").lower().rstrip("."), m.group("seg").lower()
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    seg = parts.path.strip("/").split("/")[0].lower() if parts.path else ""
    return host, seg


_PLAIN_URL_RE = re.compile(r"(?:https?:)?//(?P<host>[A-Za-z0-9.-]+)(?=[/?#]|$)/*(?P<seg>[^/?#]*)")


def _publisher_name(host: str, seg: str) -> str | None:
    bare = host
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if bare.startswith(prefix):
            bare = bare[len(prefix):]
            break
    candidates = [bare]
    labels = bare.split(".")
    while len(labels) > 2 and not (len(labels) == 3 and labels[1] in _SECOND_LEVEL):
        labels = labels[1:]
        candidates.append(".".join(labels))
    for h in candidates:
        if seg:
            name = PUBLISHERS.get(f"{h}/{seg}")
            if name:
                return name
        name = PUBLISHERS.get(h)
        if name:
            return name
    return None


@lru_cache(maxsize=4096)
def source_for_url(url: str | None) -> FoundSource | None:
    """The registry source whose domain a URL is on (t.me/<handle> included)."""
    if not url or url.startswith("#"):
        return None
    host, seg = _host_and_path(url)
    if not host:
        return None
    name = _publisher_name(host, seg)
    return _BY_NAME.get(name) if name else None


def outlet_for_url(url: str | None) -> str | None:
    """The publisher of an article URL: the registry's name for its host
    (themoscowtimes.com -> "The Moscow Times", bbc.com/russian -> "BBC Russian"),
    else the host without "www."."""
    if not url:
        return None
    host, seg = _host_and_path(url)
    if not host:
        return None
    return _publisher_name(host, seg) or host.removeprefix("www.")


def _telegram_handle(href: str | None) -> str | None:
    if not href or href.startswith("#"):
        return None
    m = _TME.match(href.strip())
    return m.group(1) if m else None


@lru_cache(maxsize=1024)
def _publisher_keys(publisher: str | None) -> tuple[str, ...]:
    """Letters-and-digits forms of the publisher's name, aliases and domains
    ("59.ru" -> "59ru"; "Meduza" -> "meduza"), to recognise its own t.me handle."""
    if not publisher:
        return ()
    forms = {publisher}
    known = _BY_NAME.get(publisher)
    if known is not None:
        forms.update(known.aliases)
        if known.domain:
            forms.add(known.domain)
    keys = set()
    for form in forms:
        form = form.lower().removeprefix("the ")
        key = re.sub(r"[^a-z0-9]", "", form)
        if len(key) >= 3:
            keys.add(key)
        head = re.sub(r"[^a-z0-9]", "", form.split(".")[0])
        if len(head) >= 4:
            keys.add(head)
    return tuple(sorted(keys))


def _is_publishers_channel(handle: str | None, source: FoundSource | None, publisher: str | None) -> bool:
    if not publisher:
        return False
    if source is not None:
        return source.name == publisher
    key = (handle or "").lower().replace("_", "")
    return bool(key) and any(k in key for k in _publisher_keys(publisher))


# The publisher on the receiving end: "told Reuters", "seen by Reuters", "in a comment to Meduza".
_RECEIVING_R = re.compile(
    r"(?:(?:seen|obtained|reviewed|received|leaked|provided|sent|shown|given|shared|quoted|cited|made available|"
    r"available|addressed)(?: \w+)? (?:by|to|with)|\b(?:to|with|for)) (?:the )?$"
)


def _publisher_receives(full: str, cue: str, cs: int, c_start: int) -> bool:
    if cue == "told":
        return True
    if cs >= c_start:  # an after-cue: "Reuters reported", "The Insider's investigation"
        return False
    window = full[cs:c_start]
    if window.lower().startswith("according to") and not re.search(r"\b(?:seen|obtained|reviewed|received|leaked|"
                                                                     r"provided|sent|shown|given|quoted|cited)\b", window):
        return False
    return bool(_RECEIVING_R.search(window))


_TME = re.compile(r"^(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me)/(?:s/)?([A-Za-z][\w]{3,})", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

# One character for one, so offsets in the canonical text are offsets in the original.
_CANON_PAIRS = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("`", "'"), ("\u00b4", "'"), ("\u2032", "'"),
    ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u00ab", '"'), ("\u00bb", '"'),
    ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "), ("\u2011", "-"), ("\u2010", "-"), ("\t", " "),
)


def _canonical(text: str) -> str:
    for a, b in _CANON_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = "January February March April June July August September October November December".split()
# Capitalised words that open a sentence or a date, or title a person: not a name.
_STOP_TOKENS = set(
    _WEEKDAYS + _MONTHS + """The A An On In At By For From To Of With This That These Those It Its Last Next
    Earlier Later Meanwhile However Also And But Or According As After Before Since While When Where If
    Then Now Yet So Still Both Several Some Many Most Other Another Such Their His Her Our Local Regional
    State Independent Investigative Pro Only Even Separately Previously Officials Sources Police
    One Two Three Four Five Ex Former Mr Mrs Ms Dr President Governor Minister Mayor Deputy
    Spokesman Spokeswoman Spokesperson Head Chief Director General Lawyer Journalist Journalists""".split()
)
_DEMONYMS = {
    "Russian": "Russia", "Ukrainian": "Ukraine", "Belarusian": "Belarus", "British": "Britain",
    "American": "US", "German": "Germany", "French": "France", "Polish": "Poland", "Kazakh": "Kazakhstan",
    "Kyrgyz": "Kyrgyzstan", "Georgian": "Georgia", "Moldovan": "Moldova", "Finnish": "Finland",
    "Latvian": "Latvia", "Lithuanian": "Lithuania", "Estonian": "Estonia", "Chinese": "China",
    "Turkish": "Turkey", "Israeli": "Israel", "Iranian": "Iran", "Japanese": "Japan", "Emirati": "UAE",
    "Armenian": "Armenia", "Azerbaijani": "Azerbaijan", "Uzbek": "Uzbekistan", "Swedish": "Sweden",
    "Norwegian": "Norway", "Romanian": "Romania", "Hungarian": "Hungary", "Slovak": "Slovakia",
    "Czech": "Czech Republic", "Indian": "India", "Tajik": "Tajikistan", "Turkmen": "Turkmenistan",
    "Serbian": "Serbia", "Bulgarian": "Bulgaria", "Italian": "Italy", "Spanish": "Spain", "Dutch": "Netherlands",
    "Danish": "Denmark", "Canadian": "Canada", "Australian": "Australia", "Syrian": "Syria",
    "Western": "", "European": "", "Siberian": "", "Crimean": "", "Chechen": "", "Dagestani": "",
    "Tatar": "", "Bashkir": "", "Yakut": "", "Buryat": "", "Moscow": "", "Kremlin": "",
}
_COUNTRY_DEMONYM = {
    "Russia": "Russian", "Ukraine": "Ukrainian", "Belarus": "Belarusian", "Britain": "British", "UK": "UK",
    "U.K.": "UK", "US": "US", "U.S.": "US", "America": "US", "Germany": "German", "France": "French",
    "Poland": "Polish", "Kazakhstan": "Kazakh", "Kyrgyzstan": "Kyrgyz", "Georgia": "Georgian",
    "Moldova": "Moldovan", "Finland": "Finnish", "Latvia": "Latvian", "Lithuania": "Lithuanian",
    "Estonia": "Estonian", "China": "Chinese", "Turkey": "Turkish", "Israel": "Israeli", "Iran": "Iranian",
    "Japan": "Japanese", "UAE": "UAE", "Armenia": "Armenian", "Azerbaijan": "Azerbaijani",
    "Uzbekistan": "Uzbek", "Sweden": "Swedish", "Norway": "Norwegian", "Romania": "Romanian",
    "Hungary": "Hungarian", "Slovakia": "Slovak", "India": "Indian", "Tajikistan": "Tajik",
    "Serbia": "Serbian", "Italy": "Italian", "Spain": "Spanish", "Canada": "Canadian", "Syria": "Syrian",
    "North Korea": "North Korean", "South Korea": "South Korean", "Czech Republic": "Czech",
}
# A government body named only by these words keeps its country ("Russian
# Defense Ministry"); a longer, specific name drops a possessive country.
_GENERIC_BODY = set(
    """Defense Defence Foreign Interior Internal Emergencies Emergency Situations Finance Economy Economic
    Energy Health Justice Culture Trade Education Digital Agriculture Transport Labor Labour Industry
    Environment Infrastructure Ministry Air Force Forces Navy General Staff Border Guard Service
    National Police Security Armed Army Military Intelligence Prosecutor Prosecutor's General's Office
    Central Bank Government Parliament Investigative Committee Coast Ground Space Aerospace Presidential
    Administration Affairs of the Federal State Statistics Agency Grid Operator Customs""".split()
)
_ADJ_SUFFIXES = ("-based", "-run", "-funded", "-backed", "-controlled", "-owned", "-affiliated", "-language",
                 "-linked", "-leaning", "-aligned", "-installed", "-appointed", "-friendly", "-oriented", "-speaking")
_OWNED_OK = {"Prosecutor's", "General's", "Mothers'", "Soldiers'", "People's", "Children's", "Women's", "Workers'",
             "Journalists'", "Defenders'", "Veterans'", "Commissioner's", "President's", "Teachers'"}

_UPPER = "A-ZА-ЯЁІЇЄҐ"
_LOWER = "a-zа-яёіїєґ"
_TOKEN_CAP = rf"(?:St\.|[{_UPPER}0-9][\w'.\-/&+:]*[\w]|[{_UPPER}])(?:'(?= [{_UPPER}]))?"
_TOKEN = rf"(?:St\.|[{_UPPER}0-9][\w'.\-/&+:]*[\w]|[{_UPPER}]|[{_LOWER}]+[{_UPPER}][\w.\-]*[\w])(?:'(?= [{_UPPER}]))?"
_CONNECT_WORDS = ("of", "de", "del", "della", "der", "di", "la", "le", "du", "na", "i", "al", "el")
_CONNECT = "(?:" + "|".join(_CONNECT_WORDS) + ")"
_QUOTED = r"\"[^\"\n]{2,60}?\""
_NAMERUN = rf"(?:{_QUOTED}|{_TOKEN}(?: (?:{_CONNECT} )?{_TOKEN}){{0,5}})"
_NAMERUN_CAP = rf"(?:{_QUOTED}|{_TOKEN_CAP}(?: (?:{_CONNECT} )?{_TOKEN_CAP}){{0,5}})"
_PAREN = r" ?\((?P<paren>[^()\n]{1,60})\)"
_PAREN_RE = re.compile(_PAREN)
_ACRONYM = re.compile(rf"^[{_UPPER}][\w.\-&]{{1,11}}$")


def _paren_aliases(text: str | None) -> tuple[str, ...]:
    """What a parenthesis after a name adds: an acronym ("Conflict Intelligence Team (CIT)") or a
    quoted translation ("Жёны мобилизованных Прикамья" ("Wives of the Mobilized of Prikamye"))."""
    if not text:
        return ()
    if _is_acronym(text):
        return (text,)
    t = text.strip()
    if len(t) > 3 and t[0] in "\"'" and t[-1] == t[0] and t[0] not in t[1:-1]:
        return (t[1:-1].strip(),)
    return ()


def _is_acronym(text: str | None) -> bool:
    if not text:
        return False
    text = text.strip().strip("'\"")
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2


# Descriptor nouns and the kind they give an unknown name.
_DESCRIPTORS: dict[str, str] = {
    **dict.fromkeys(["Telegram channel", "telegram channel", "Telegram news channel", "Telegram account",
                     "Telegram-channel", "Telegram project", "Telegram outlet", "Telegram page",
                     "channel on Telegram", "Telegram news outlet"], TELEGRAM),
    **dict.fromkeys(["news agency", "wire service", "wire agency", "press agency", "information agency"], AGENCY),
    **dict.fromkeys(["news outlet", "media outlet", "outlet", "news site", "news website", "website", "site",
                     "newspaper", "online newspaper", "daily", "weekly", "magazine", "publication", "news portal",
                     "portal", "broadcaster", "TV channel", "television channel", "TV station", "radio station",
                     "radio", "tabloid", "news service", "YouTube channel", "channel", "media project",
                     "media group", "service", "paper", "news feed", "newsletter", "blog"], NEWS_OUTLET),
    **dict.fromkeys(["rights group", "human rights group", "rights organization", "human rights organization",
                     "rights organisation", "human rights organisation", "rights project", "human rights project",
                     "rights center", "rights centre", "human rights center", "human rights centre",
                     "think tank", "think-tank", "group", "watchdog", "NGO", "organization", "organisation",
                     "project", "institute", "foundation", "monitor", "initiative", "movement", "union",
                     "trade union", "association", "center", "centre", "charity", "company", "firm", "consultancy",
                     "pollster", "regulator", "collective", "coalition", "agency", "network", "platform",
                     "operator", "lab", "laboratory"], ORGANISATION),
}
_MEDIA_MODS = re.compile(r"\b(?:media|news|journalis\w*|investigative|reporting|online|independent|publishing)\b", re.I)
_NEWS_AGENCY_MODS = re.compile(r"\b(?:news|wire|press|information|state-run|state-owned)\b", re.I)

# Words that may stand between a determiner and a name ("the independent ...").
_MOD_EXCLUDE = (
    "the a an this its their on in at to of by with for from and or but that which who as than told said says "
    "reported wrote published according via into about over after before while is was were are be been has have "
    "had not no it they he she we also when where including such like"
).split()
_MODWORD = r"(?!(?:" + "|".join(_MOD_EXCLUDE) + r")\b)[a-z][\w-]*"
_LEFT_NAME_RE = re.compile(rf"(?P<name>{_NAMERUN_CAP})(?:{_PAREN})? (?P<mods2>(?:{_MODWORD} ){{0,2}})$")
_RIGHT_NAME_RE = re.compile(
    rf" (?:(?:called|named|known as|dubbed|titled) )?(?P<of>of (?:the )?)?(?P<name>{_NAMERUN})(?:{_PAREN})?")
_APPOS_NAME_RE = re.compile(rf"(?P<name>{_NAMERUN_CAP})(?:{_PAREN})?$")
_ITS_R = re.compile(r" (?:sti|s'yrtnuoc eht|s'etats eht)(?![\w'])")
_COUNTRY_WORD_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(c) for c in {*_COUNTRY_DEMONYM, *(
    k for k, v in _DEMONYMS.items() if v)} if c[0].isalpha()), key=len, reverse=True)) + r")\b")
_NAME_GOES_ON_RE = re.compile(rf" (?:(?:{_CONNECT}) )?[{_UPPER}][{_LOWER}]")
_PREP_CAP_RE = re.compile(rf" (?P<w>by|from|of) (?=[{_UPPER}]|the [{_UPPER}])")
_CUE_NAME_RE = re.compile(rf"(?P<name>{_TOKEN_CAP}(?: (?:{_CONNECT} )?{_TOKEN_CAP}){{0,4}})")
_CUE_LEFT_RE = re.compile(
    r"(?:\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates|[Cc]alculations)(?: compiled| published| released| provided| collected|"
    r" gathered)?|\b(?P<seen>seen|obtained|reviewed))$")
_FIRST_WORDS_NOT_SOURCES = {"President", "Prime", "Minister", "Governor", "Mayor", "Mr", "Mrs", "Ms", "Dr"}
_APPOS_CUE_RE = re.compile(r"(?:\b[Aa]ccording to|\b[Cc]iting|\bdata from)$")
_APPOS_DET_RE = re.compile(rf"(?:an?|the|[{_UPPER}][\w.\-/]*'s?) [^,;()\"]*$")

# Organisations: capitalised words ending in a head noun.
_ORG_HEADS = (
    "Ministry Committee Service Office Council Commission Agency Staff Forces Force Command Directorate "
    "Administration Department Bureau Court Institute Foundation Center Centre Group Union Organization "
    "Organisation Fund Watch Network Monitor Initiative Association Society Guard Navy Army Police Mission "
    "Corporation Bank Party Movement Coalition Alliance Headquarters Lab Laboratory Brigade Battalion Regiment "
    "Legion Corps Observatory Inspectorate Tribunal Parliament Assembly Government Cabinet University Fleet "
    "Project Team Company Commissioner Ombudsman Authority Programme Program Board Secretariat Ministries "
    "Services Cross Crescent"
).split()
_ORGTOK = rf"(?:St\.|U\.S\.|U\.K\.|U\.N\.|[{_UPPER}0-9][\w'\-&]*[\w]|[{_UPPER}])"
_ORG_LEFT_RE = re.compile(rf"(?:{_ORGTOK} (?:and (?={_ORGTOK} ))?){{1,5}}$")  # "Citizenship and Immigration Services"
_ORG_TAIL_RE = re.compile(rf" (?:of|for|on|to) (?:the )?{_ORGTOK}(?: (?:(?:of|and|for|the|on|to|in) )*{_ORGTOK}){{0,6}}")

_BODY = (
    r"(?:(?:defen[cs]e|foreign|interior|internal affairs|emergenc(?:y|ies)|finance|economy|economic|energy|health|"
    r"justice|culture|trade|education|digital|agriculture|transport|labou?r|infrastructure|environment|industry)"
    r" ministry|ministry of (?:defen[cs]e|foreign affairs|internal affairs|[a-z]+)|air force|navy|"
    r"general staff|military(?: intelligence(?: agency)?)?|armed forces|army|security service|"
    r"border (?:guard|service)|national guard|emergency service|coast guard|"
    r"prosecutor[ -]general's office|investigative committee|central bank|government|parliament|"
    r"foreign intelligence service|statistics (?:agency|service)|customs service)"
)
_IN_PLACE_RE = re.compile(rf"(?:^|[.!?\"] |\n)In ([{_UPPER}][\w'-]+(?: [{_UPPER}][\w'-]+)?), (?:the )?$")
_LOWER_BODY_LEFT_RE = re.compile(
    r"[Tt]he (?P<body>(?:(?:regional|city|district|republican|municipal|local|military|enlistment|election|electoral|"
    r"interior|health|education|emergencies|police|legislative|governor's|mayor's|prosecutor's|prosecutor general's|"
    r"investigative) )*(?:commissariat|office|commission|ministry|court|committee|government|administration|"
    r"department|assembly|duma))$")
_LOWER_PLACE_RE = re.compile(rf"(?P<place>[{_UPPER}][\w'-]+(?: [{_UPPER}][\w'-]+)?)")
_GOV_BODY_RE = re.compile(rf"(?:'s?)? (?P<body>{_BODY})(?![\w-])")
_COUNTRY_FORMS = {*_COUNTRY_DEMONYM, *(k for k, v in _DEMONYMS.items() if v)}
_TLD_RE = re.compile(r"\.(?:ru|ua|by|kz|kg|uz|am|ge|md|lv|lt|ee|com|net|org|media|info|io|news|online|press|tv|fm|su|pl|de|fr)(?![\w-])")
_DOMAIN_NAME_RE = re.compile(
    rf"[{_UPPER}0-9][\w-]*\.(?:ru|ua|by|kz|kg|uz|am|ge|md|lv|lt|ee|com|net|org|media|info|io|news|online|press|tv|fm|su|pl|de|fr)(?![\w-])"
)

# ---------------------------------------------------------------------------
# Cues
# ---------------------------------------------------------------------------

_VERB_CUE = {
    **dict.fromkeys("reported reports report reporting".split(), "reported"),
    **dict.fromkeys(
        "said says say stated states announced announces added adds claimed claims denied denies confirmed "
        "confirms noted notes warned warns insisted insists explained acknowledged acknowledges admitted "
        "admits alleged alleges asserted asserts accused accuses".split(), "said"),
    **dict.fromkeys("told tells".split(), "told"),
    **dict.fromkeys("wrote writes posted posts tweeted".split(), "wrote"),
    **dict.fromkeys("published publishes released releases shared shares broadcast aired".split(), "published"),
    **dict.fromkeys("cited cites quoted quotes".split(), "cited"),
    **dict.fromkeys(
        "found finds revealed reveals learned learnt established calculated calculates estimated estimates "
        "counted counts identified identifies verified verifies obtained discovered documented tallied "
        "recorded analyzed analysed geolocated reviewed assessed assesses".split(), "reported"),
}
# Verbs that make an organisation a cited source (not "found", "released", "obtained"...).
_ORG_VERBS = set(
    "reported reports said says stated states announced announces added adds claimed claims denied denies "
    "confirmed confirms noted notes warned warns insisted insists explained acknowledged acknowledges admitted "
    "admits alleged alleges asserted asserts accused accuses told tells wrote writes posted posts tweeted "
    "published publishes estimated estimates calculated counted counts cited cites quoted quotes assessed assesses".split()
)
_VERBS = "|".join(sorted(_VERB_CUE, key=len, reverse=True))
_ADVERB = (
    r"(?:has|have|had|also|later|earlier|previously|first|then|recently|further|additionally|separately|now|"
    r"itself|alone|already|initially|subsequently|again|repeatedly|reportedly|likewise|similarly|"
    r"last (?:week|month|year|night)|this (?:week|month|year|morning)|on (?:[A-Z][a-z]+day|[A-Z][a-z]+ \d{1,2})|"
    r"in (?:[A-Z][a-z]+|\d{4})|was (?:the )?first to|were (?:the )?first to|has learned|so far|independently|"
    r"jointly|together|"
    r"in (?:a|an|its|their) (?:new |recent |latest |joint )?(?:report|statement|investigation|post|article),?)"
)
_APPOS_START = rf"(?:an?|the|which|who|whose|one|its|citing|quoting|according|based|founded|set|known|together|along|in|with|itself|reportedly|[{_UPPER}][\w.\-/]*'s?)"
_AFTER_RE = re.compile(
    rf"(?:{_PAREN})?"
    rf"(?P<appos> ?, ?{_APPOS_START}\b(?:[^,;\n]|(?<=\d),(?=\d{{3}})){{0,110}}?,)?"
    rf" (?:{_ADVERB} ){{0,3}}(?P<cue>{_VERBS})(?![\w-])"
)
_AFTER_POSS_RE = re.compile(
    r"(?:'s|') (?:own |latest |new |recent |joint |preliminary |annual |monthly |weekly |daily )?"
    r"(?P<cue>investigation|analysis|count|tally|calculations|estimates?|data|findings|survey|poll|study|research|"
    r"report|reporting|review|assessment|figures)s?\b"
)
_AFTER_END_RE = re.compile(r"(?: (?:on|in|last|this) \w+)? ?(?:[.,;:!?)\"]|$)")
_ADDED_OK = re.compile(r" ?(?:[,.;:\"]|that\b|$)")
_PARTICIPLE_CUE = {
    **dict.fromkeys("published posted shared released aired broadcast filmed produced".split(), "published"),
    **dict.fromkeys("seen obtained reviewed leaked verified geolocated confirmed revealed reported".split(), "reported"),
    **dict.fromkeys("cited quoted".split(), "cited"),
}


def _rev(words) -> str:
    return "(?:" + "|".join(re.escape(w[::-1]) for w in sorted(set(words), key=len, reverse=True)) + ")"


# Before-cues are matched on the reversed left context, anchored at the name:
# one `match` instead of a search for something that ends where the name starts.
_CAP_MODS = [*(k for k in _DEMONYMS), "Telegram", "TV", "YouTube", "Russian-language", "St. Petersburg", "Moscow-based",
             "Kremlin-backed", "Kremlin-funded", "Kremlin-controlled", "Kremlin-linked", "Latvia-based", "Riga-based"]
_MODR = r"(?:(?!" + _rev(_MOD_EXCLUDE) + r"(?![\w-]))[\w-]*[a-z]|" + _rev(_CAP_MODS) + r")(?![\w-])"
_DET_R = rf"(?:(?:{_MODR} ){{0,4}}(?:eht|na|a) )?"
_DATA_WORDS = (
    "investigation report reporting analysis study survey poll count tally calculation calculations estimate "
    "estimates data figures findings research review document documents footage video videos photo photos "
    "photographs images statement assessment update map records memo letter source sources information "
    "spreadsheet list leak recording message messages interview article piece story reports investigations "
    "material materials database monitoring"
).split()
_PART_WORDS = (
    "published released conducted compiled obtained gathered carried prepared made seen reviewed shared posted "
    "cited verified leaked analyzed analysed collected provided produced filmed aired broadcast reported quoted "
    "confirmed revealed geolocated"
).split()
_TOLD_WORDS = [
    "told", "telling", "tells", "said to", "interviewed by", "speaking to", "speaking with", "spoke to",
    "spoke with", "in comments to", "in comment to", "in a comment to", "in comments for", "in a comment for",
    "talking to", "talked to", "in a conversation with", "asked by", "talked with", "speak to",
]
_ONVERB_WORDS = "wrote writes published publishes posted posts said says reported reports stated appeared appears shared announced writing".split()
_POST_WORDS = "post posts message video statement article column op-ed piece report broadcast interview".split()
_INV_WORDS = ["said", "says", "reported", "reports", "wrote", "writes", "added", "according to", "noted"]
_SRC_PREPS = ["in", "at", "within", "close to", "inside", "familiar with"]
_BEFORE_R = re.compile(
    " " + _DET_R + "(?:"
    r"(?P<acc>(?:(?:yb|morf) [^.;!?\n]{0,90}? )?ot gnidrocc[aA])(?![\w-])"
    rf"|(?P<data>(?:yb|morf)(?: [^.;!?\n]{{0,50}}?)? (?i:{_rev(_DATA_WORDS)}))(?![\w-])"
    rf"|(?P<by>yb(?: \w+)? {_rev(_PART_WORDS)}(?: (?:tsrif|yllanigiro|ylsuoiverp|osla))?)(?![\w-])"
    r"|(?P<citing>gnitic|gnitouq)(?![\w-])"
    rf"|(?P<told>(?i:{_rev(_TOLD_WORDS)}|(?:htiw|ot|rof) weivretni(?: \w+)? na?(?: ni)?))(?![\w-])"
    rf"|(?P<onverb>(?:no|ni|ot|rof)(?: [^.;!?\n]{{0,60}}?)? {_rev(_ONVERB_WORDS)})(?![\w-])"
    rf"|(?P<post>(?:no|ni|rof|ot)(?: dehsilbup| detsop)? {_rev(_POST_WORDS)} (?i:na|a|sti|rieht|sih|reh))(?![\w-])"
    rf"|(?P<inv>{_rev(_INV_WORDS)} ?[,\"])"
    rf"|(?P<src>{_rev(_SRC_PREPS)} s?ecruo[sS])(?![\w-])"
    ")"
)
_PREPOSITIONS = (
    "with of for from at to by on about against into under between among near inside like than via toward "
    "towards over within without through in per"
).split()
_MODS_GAP_R = re.compile(rf" (?:{_MODR} ){{1,2}}")
_PREP_R = re.compile(" " + _DET_R + _rev(_PREPOSITIONS) + r"(?![\w-])")
_INCLUDING_R = re.compile(rf" (?:{_MODR} ){{0,2}}(?:eht )?(?:gnidulcni|sa hcus|ekil|meht gnoma|mehs gnoma) ?[,(]")
_COORD_RE = re.compile(rf"^ ?(?:, ?(?:and |& )?|and |& |as well as |together with |along with )(?:(?:the|an?) )?(?:{_MODWORD} ){{0,3}}$")
_COORD_WORD = re.compile(r"\band\b|&|as well as|together with|along with")
_LINK_CUE_TEXT = {
    "reported": "reported", "reports": "reported", "report": "reported", "reporting": "reported",
    "said": "said", "says": "said", "according to": "according to", "according": "according to",
    "wrote": "wrote", "writes": "wrote", "published": "published", "publishes": "published",
    "told": "told", "cited": "cited", "citing": "cited", "investigation": "investigation by",
    "an investigation": "investigation by", "data": "according to", "found": "reported", "posted": "wrote",
    "noted": "said", "stated": "said", "announced": "said", "claimed": "said", "accused": "said", "shared": "published",
    "revealed": "reported", "learned": "reported", "estimated": "reported", "confirmed": "said",
}

# ---------------------------------------------------------------------------
# The lexicon: registry names and organisation heads, one trie-shaped regex
# ---------------------------------------------------------------------------


def _trie_pattern(words) -> str:
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


_NO_BARE = {"Time"}  # names matched only through a longer alias ("Time magazine")


@dataclass(frozen=True)
class _Lexicon:
    caps: re.Pattern  # names and heads that start with a capital or a digit
    lower: tuple[tuple[str, FoundSource], ...]  # the few names that start in lower case ("iStories")
    table: dict[str, tuple[FoundSource | None, bool, str]]  # form -> (source, needs "the", role)
    desc: re.Pattern  # the last word of a descriptor, after a space
    desc_heads: dict[str, tuple[str, ...]]  # that word -> the descriptors ending in it, longest first


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    table: dict[str, tuple[FoundSource | None, bool, str]] = {}
    for source in KNOWN_SOURCES:
        for alias in (source.name, *source.aliases):
            alias = _canonical(alias)
            if alias in _NO_BARE or len(alias) < 2:
                continue
            forms: dict[str, bool] = {}
            if alias.startswith("The "):
                rest = alias[4:]
                forms[rest] = rest in _data.KEEP_THE
            else:
                forms[alias] = False
            for form, need_the in list(forms.items()):
                if any(c.islower() for c in form) and not form[0].islower():
                    forms.setdefault(form.upper(), need_the)
            for form, need_the in forms.items():
                table.setdefault(form, (source, need_the, "registry"))
    for head in _ORG_HEADS:
        table.setdefault(head, (None, False, "org"))
    for country in _COUNTRY_FORMS:  # "Russia's ...", "Russian ...", "UK ...": never a bare "Russia"
        if country in _COUNTRY_DEMONYM:
            table.setdefault(country + "'s", (None, False, "country"))
            if country in ("UK", "U.K.", "US", "U.S.", "UAE"):
                table.setdefault(country, (None, False, "country"))
        else:
            table.setdefault(country, (None, False, "country"))
    caps = [f for f in table if not f[0].islower()]
    lower = tuple((f, table[f][0]) for f in table if f[0].islower() and table[f][0] is not None)
    heads: dict[str, list[str]] = {}
    for desc in _DESCRIPTORS:
        heads.setdefault(desc.split()[-1].split("-")[-1] if desc != "think-tank" else "think-tank", []).append(desc)
    return _Lexicon(
        caps=re.compile(_trie_pattern(sorted(caps))),
        lower=lower,
        table=table,
        desc=re.compile(r" (" + _trie_pattern(sorted(heads)) + r")(?![\w-])"),
        desc_heads={h: tuple(sorted(d, key=len, reverse=True)) for h, d in heads.items()},
    )


# ---------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    start: int  # span for cue checks (absolute offsets in the article text); may include a descriptor
    end: int
    name_start: int  # the name as written
    name_end: int
    source: FoundSource
    known: bool  # from the registry
    origin: str  # registry | descriptor | appositive | org | gov | link | learned | domain
    href: str | None = None
    learned: tuple[str, ...] = ()


def _unknown(name: str, kind: str, aliases: tuple[str, ...] = (), domain: str | None = None) -> FoundSource:
    if domain is None and _DOMAIN_NAME_RE.fullmatch(name):
        domain = name.lower()
    return FoundSource(name=name, kind=kind, domain=domain, aliases=tuple(a for a in aliases if a != name))


_SPELLINGS = (("Defense", "Defence"), ("Defence", "Defense"), ("defense", "defence"), ("defence", "defense"),
              ("Labor", "Labour"), ("Labour", "Labor"))


def _body_aliases(name: str) -> tuple[str, ...]:
    """The other names of a country's body: both word orders ("Kazakh General Prosecutor's Office" =
    "General Prosecutor's Office of Kazakhstan" = "Kazakhstan's General Prosecutor's Office"), a
    specific name without its country ("Center for Strategic Communications"; a generic one like
    "Interior Ministry" keeps it), and the other spelling ("Defence"/"Defense", "Labour"/"Labor")."""
    forms = [name]
    first, _, rest = name.partition(" ")
    country = _DEMONYMS.get(first) if rest else None
    if country and first not in ("UK", "US", "UAE") and not rest.startswith(("of ", "and ", "for ")):
        forms += [f"{rest} of {country}", f"{country}'s {rest}"]
        if not all(t in _GENERIC_BODY for t in rest.split()):
            forms.append(rest)
    for a, b in _SPELLINGS:
        if a in name:
            forms += [f.replace(a, b) for f in forms]
    return tuple(dict.fromkeys(forms[1:]))


@lru_cache(maxsize=4096)
def _resolve(name: str, kind: str, aliases: tuple[str, ...] = ()) -> tuple[FoundSource, bool]:
    if kind == ORGANISATION:
        aliases = (*aliases, *_body_aliases(name))
    known = lookup_source(name)
    if known is None:
        for alias in aliases:
            known = lookup_source(alias)
            if known:
                break
    if known is not None:
        new = tuple(a for a in aliases if lookup_source(a) is None)
        if new:
            known = replace(known, aliases=tuple(dict.fromkeys((*known.aliases, *new))))
        return known, True
    return _unknown(name, kind, aliases), False


@lru_cache(maxsize=4096)
def _clean_name(raw: str, strip_adjectives: bool) -> tuple[str, int, int]:
    """Trim a name run (quotes, stop words, adjectives, owners).
    Returns (name, start offset in raw, end offset in raw); name "" if nothing is left."""
    if raw.startswith('"') and raw.endswith('"'):
        name = raw[1:-1].strip()
        return (name, 1, 1 + len(name)) if name else ("", 0, 0)
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", raw)]
    for i, (_, _, t) in enumerate(tokens):  # "Ukraine's Suspilne" -> "Suspilne"
        if t.endswith("'s") and i + 1 < len(tokens):
            tokens = tokens[i + 1:]
            break
    while tokens and (tokens[0][2] in _STOP_TOKENS or tokens[0][2].endswith(_ADJ_SUFFIXES)
                      or (strip_adjectives and tokens[0][2] in _DEMONYMS and len(tokens) > 1)):
        tokens = tokens[1:]
    while tokens and (tokens[-1][2] in _STOP_TOKENS or tokens[-1][2] in _CONNECT_WORDS):
        tokens = tokens[:-1]
    if not tokens:
        return "", 0, 0
    if len(tokens) == 1 and (tokens[0][2] in _DEMONYMS or tokens[0][2].removesuffix("'s") in _COUNTRY_DEMONYM
                             or tokens[0][2].isdigit()):
        return "", 0, 0
    start, end = tokens[0][0], tokens[-1][1]
    name = raw[start:end]
    if name.endswith("'s"):
        return "", 0, 0
    if name.endswith("'") and not lookup_source(name):
        name, end = name[:-1], end - 1
    return name, start, end


def _desc_kind(desc: str, mods: str) -> str:
    kind = _DESCRIPTORS[desc]
    low = desc.lower()
    if kind == ORGANISATION and low in ("project", "group", "platform") and _MEDIA_MODS.search(mods):
        return NEWS_OUTLET
    if low == "agency":
        return AGENCY if _NEWS_AGENCY_MODS.search(mods) else ORGANISATION
    if low in ("channel", "outlet", "project", "account") and "Telegram" in mods:
        return TELEGRAM
    if low == "service" and "press" in mods:
        return ORGANISATION
    return kind


@lru_cache(maxsize=4096)
def _org_name(raw: str) -> tuple[str, int, int]:
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", raw)]
    for i in range(len(tokens) - 2, -1, -1):  # a sentence ends inside the run
        t = tokens[i][2]
        if t.endswith(".") and t not in ("St.", "U.S.", "U.K.", "U.N."):
            tokens = tokens[i + 1:]
            break
    while tokens and (tokens[0][2] in _STOP_TOKENS or tokens[0][2].endswith(_ADJ_SUFFIXES)) and tokens[0][2] not in (
            "State", "Independent", "General", "Investigative", "National"):
        tokens = tokens[1:]
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i][2] == "and":
            prev = tokens[i - 1][2]
            if prev in _ORG_HEADS or lookup_source(prev) or prev in _COUNTRY_FORMS:
                tokens = tokens[i + 1:]
            break
    country, owner_start = None, 0
    for i, (_, _, t) in enumerate(tokens):
        if t.endswith(("'s", "'")) and i + 1 < len(tokens):
            owner = t.removesuffix("'s").removesuffix("'")
            if owner in _COUNTRY_DEMONYM:
                country, owner_start = _COUNTRY_DEMONYM[owner], tokens[i][0]
                tokens = tokens[i + 1:]
                break
            if t not in _OWNED_OK:
                rest = tokens[i + 1:]
                # "Dagestan's Interior Ministry" is the Dagestan Interior Ministry, not "Interior Ministry"
                if len(rest) >= 2 and all(x in _GENERIC_BODY for _, _, x in rest):
                    for k in range(max(0, i - 2), i + 1):  # "Novosibirsk Oblast's Interior Ministry"
                        place = raw[tokens[k][0]:tokens[i][1]].removesuffix("'s").removesuffix("'")
                        if _is_place(place):
                            return f"{place} " + raw[rest[0][0]:rest[-1][1]], tokens[k][0], rest[-1][1]
                tokens = rest
                break
    if len(tokens) < 2:
        return "", 0, 0
    s, e = tokens[0][0], tokens[-1][1]
    name = raw[s:e]
    if country and (all(t in _GENERIC_BODY for _, _, t in tokens) or (
            country in _DEMONYMS and lookup_source(name) is None)):
        # "Armenia's Migration and Citizenship Service" -> "Armenian Migration and Citizenship Service"
        # (its other names: _body_aliases); a registry name stays as the registry has it
        name, s = f"{country} {name}", owner_start
    return name, s, e


@lru_cache(maxsize=1024)
def _is_place(name: str) -> bool:
    """A country, region or city the gazetteer knows ("Dagestan", "Tatarstan", "Perm Krai")."""
    if not name or not name[0].isupper():
        return False
    from archive.extract.places import lookup_places  # the gazetteer loads only when a body has a place for an owner

    try:
        return bool(lookup_places(name))
    except Exception:  # no gazetteer: keep the generic name
        return False


def _boundary_ok(text: str, s: int, e: int) -> bool:
    if s > 0:
        ch = text[s - 1]
        if ch.isalnum() or ch in "-_":
            return False
    return True


def _candidates(full: str, starts: list[int], bounds: list[tuple[int, int]], paragraphs, lex: _Lexicon
                ) -> dict[int, list[_Cand]]:
    """Candidates per paragraph index, for the article text ``full``."""
    found: dict[int, list[_Cand]] = {}
    table = lex.table

    def where(pos: int) -> tuple[list[_Cand], int, int]:
        i = bisect_right(starts, pos) - 1
        lo, hi = bounds[i]
        return found.setdefault(i, []), lo, hi

    # 1. registry names, organisation heads, countries
    registry_at: dict[int, _Cand] = {}  # registry names by start and by end, for descriptors next to them
    registry_to: dict[int, _Cand] = {}
    for m in lex.caps.finditer(full):
        s, e = m.span()
        source, need_the, role = table[m.group()]
        if role == "country":  # "Kazakhstan's trade ministry", "the Russian defence ministry"
            g = _GOV_BODY_RE.match(full, e) if full[e:e + 1] in (" ", "'") else None
            if g and _boundary_ok(full, s, e):
                cands, lo, hi = where(s)
                if g.end() > hi:
                    continue
                if full[max(lo, s - 4):s] in ("the ", "The "):
                    s -= 4
                country = m.group().removesuffix("'s")
                demonym = _COUNTRY_DEMONYM.get(country, country)
                body = " ".join(w if w == "of" else w[:1].upper() + w[1:] for w in g.group("body").split())
                source, known = _resolve(full[s:g.end()], ORGANISATION)
                if not known:
                    source, known = _resolve(f"{demonym} {body}", ORGANISATION)
                cands.append(_Cand(s, g.end(), s, g.end(), source, known, "gov"))
            continue
        if s and (full[s - 1].isalnum() or full[s - 1] in "-_"):
            continue
        if e < len(full) and (full[e].isalnum() or full[e] in "-_"):
            continue
        cands, lo, hi = where(s)
        if source is not None:
            before4 = full[s - 4:s] if s >= lo + 4 else ""
            ns = s
            if before4 in ("The ", "the "):
                s -= 4  # the span takes the article: "told The Associated Press"
                if source.name.startswith("The "):
                    ns = s
            elif need_the:
                continue
            c = _Cand(s, e, ns, e, source, True, "registry")
            cands.append(c)
            registry_at[s] = registry_to[e] = c
            continue
        # an organisation: "the Finnish Border Guard", "Ministry of Enlightenment"
        left = _ORG_LEFT_RE.search(full, max(lo, s - 70), s)
        start = left.start() if left else s
        tail = _ORG_TAIL_RE.match(full, e, hi)
        end = tail.end() if tail else e
        name, a, b = _org_name(full[start:end])
        if not name:
            continue
        if " " in name and all(t in _GENERIC_BODY for t in name.split()):
            # "In Uzbekistan, the Prosecutor General's Office warned": the Uzbek one
            q = _IN_PLACE_RE.search(full, max(lo - 1, start + a - 50, 0), start + a)
            if q and (q.group(1) in _COUNTRY_DEMONYM or _is_place(q.group(1))):
                name = f"{_COUNTRY_DEMONYM.get(q.group(1), q.group(1))} {name}"
        if name.split()[0] not in _DEMONYMS and _ITS_R.match(_left_reversed(full, start + a, lo, 20)):
            # "Georgia does not collect data, but its Interior Ministry said": the country named last
            owner = None
            for w in _COUNTRY_WORD_RE.finditer(full, lo, start + a):
                owner = w.group()
            if owner:
                name = f"{_COUNTRY_DEMONYM.get(owner) or _COUNTRY_DEMONYM.get(_DEMONYMS[owner], owner)} {name}"
        p = _PAREN_RE.match(full, start + b, hi)
        aliases = (p.group("paren"),) if p and _is_acronym(p.group("paren")) else ()
        source, known = _resolve(name, ORGANISATION, aliases)
        cands.append(_Cand(start + a, start + b, start + a, start + b, source, known, "org",
                           learned=aliases if known else (name, *aliases)))
    for form, source in lex.lower:
        i = full.find(form)
        while i >= 0:
            e = i + len(form)
            if _boundary_ok(full, i, e) and (e >= len(full) or not (full[e].isalnum() or full[e] == "-")):
                where(i)[0].append(_Cand(i, e, i, e, source, True, "registry"))
            i = full.find(form, e)

    # 2. descriptor phrases, found from their last word
    descs = []
    for m in lex.desc.finditer(full):
        e = m.end()
        for phrase in lex.desc_heads[m.group(1)]:
            s0 = e - len(phrase)
            if s0 >= 0 and full.startswith(phrase, s0) and _boundary_ok(full, s0, e):
                descs.append((s0, e, phrase))
                break
    last_end = -1
    for ds, de, desc in descs:
        if ds < last_end:
            continue
        last_end = de
        c = registry_at.get(de + 1)
        if c is not None and _NAME_GOES_ON_RE.match(full, c.end):
            c = None  # "the Telegram channel Mash na Moike": a longer name than the registry's "Mash"
        if c is not None and full[de] == " ":  # "the news outlet Mediazona": the registry knows it
            c.start = min(c.start, ds)
            continue
        c = registry_to.get(ds - 1)
        if c is None:
            m2 = _MODS_GAP_R.match(_left_reversed(full, ds, 0, 40))
            if m2:
                c = registry_to.get(ds - m2.end())
        if c is not None:  # "the 7x7 media outlet": the phrase reaches the cue
            c.end = max(c.end, de)
            continue
        cands, lo, hi = where(ds)
        if de > hi:
            continue
        mods = full[max(lo, ds - 40):ds]
        r = _RIGHT_NAME_RE.match(full, de, hi)  # "the news outlet Vyorstka"
        if r and (not r.group("of") or _DESCRIPTORS[desc] == TELEGRAM):
            name, a, b = _clean_name(r.group("name"), strip_adjectives=False)
            if name:
                aliases = _paren_aliases(r.group("paren"))
                source, known = _resolve(name, _desc_kind(desc, mods), aliases)
                ns = r.start("name") + a
                cands.append(_Cand(ds, r.end(), ns, ns + len(name), source, known, "descriptor",
                                   learned=aliases if known else (name, *aliases)))
                continue
        l = _LEFT_NAME_RE.search(full, max(lo, ds - 90), ds)  # "the 7x7 media outlet"
        if l:
            name, a, b = _clean_name(l.group("name"), strip_adjectives=True)
            if name:
                mods2 = full[max(lo, l.start() - 40):l.start()] + " " + (l.group("mods2") or "")
                aliases = _paren_aliases(l.group("paren"))
                source, known = _resolve(name, _desc_kind(desc, mods2 + " " + desc), aliases)
                ns = l.start("name") + a
                cands.append(_Cand(ns, de, ns, ns + len(name), source, known, "descriptor",
                                   learned=aliases if known else (name, *aliases)))
                continue
        # an appositive: "Kpler, a ship-tracking company, estimated"
        j = full.rfind(", ", max(lo, ds - 80), ds)
        if j < 0 or not _APPOS_DET_RE.match(full, j + 2, ds):
            continue
        k = full.find(",", de, min(hi, de + 90))
        if k < 0 or any(ch in full[de:k] for ch in ".;"):
            continue
        n = _APPOS_NAME_RE.search(full, max(lo, j - 70), j)
        if not n:
            continue
        before = full[lo:n.start()].rstrip()
        if before and before[-1] not in '.!?;:"(' and not (
                _APPOS_CUE_RE.search(before[-20:]) and " of " not in full[j:ds]):
            continue
        name, a, b = _clean_name(n.group("name"), strip_adjectives=False)
        if not name:
            continue
        aliases = _paren_aliases(n.group("paren"))
        source, known = _resolve(name, _desc_kind(desc, full[j:ds]), aliases)
        ns = n.start("name") + a
        cands.append(_Cand(ns, ns + len(name), ns, ns + len(name), source, known, "appositive",
                           learned=aliases if known else (name, *aliases)))

    # 4a. one scan for " by|from|of <Capital>":
    #  * a body named in lower case with its place: "the military commissariat of Perm Krai"
    #  * a name the cue itself marks as a source: "data from LSEG", "figures compiled by Kpler",
    #    "a draft seen by Euractiv"
    for m in _PREP_CAP_RE.finditer(full):
        w, e = m.group("w"), m.end()
        if w == "of":
            left = _LOWER_BODY_LEFT_RE.search(full, max(0, m.start() - 70), m.start())
            if not left:
                continue
            pm = _LOWER_PLACE_RE.match(full, e + 4 if full.startswith("the ", e) else e)
            if not pm or not _is_place(pm.group("place")):
                continue
            cands, lo, hi = where(m.start())
            if pm.end() > hi or left.start() < lo:
                continue
            body = " ".join(x[:1].upper() + x[1:] for x in left.group("body").split())
            source, known = _resolve(f"{pm.group('place')} {body}", ORGANISATION)
            s0 = left.start("body")
            cands.append(_Cand(s0, pm.end(), s0, pm.end(), source, known, "org"))
            continue
        left = _CUE_LEFT_RE.search(full, max(0, m.start() - 40), m.start())
        if not left:
            continue
        seen = left.group("seen")
        n = _CUE_NAME_RE.match(full, e + 4 if full.startswith("the ", e) else e)
        if not n:
            continue
        raw = n.group("name")
        ns = n.start("name")
        if ns in registry_at or ns - 4 in registry_at:
            continue
        name, a, b = _clean_name(raw, strip_adjectives=False)
        if not name or name.endswith("'") or name.split()[0] in _FIRST_WORDS_NOT_SOURCES:
            continue
        cands, lo, hi = where(ns)
        source, known = _resolve(name, NEWS_OUTLET if seen else ORGANISATION)
        cands.append(_Cand(ns + a, ns + b, ns + a, ns + b, source, known, "cue"))

    # 4. names that are domains: "Ngs.ru reported"
    for m in _TLD_RE.finditer(full):  # found from the dot: a regex with a literal first character is fast
        k = m.start()
        while k > 0 and (full[k - 1].isalnum() or full[k - 1] in "-_"):
            k -= 1
        if k == m.start() or not (full[k].isupper() or full[k].isdigit()) or full[k - 1:k] in ("/", "@", "."):
            continue
        e = m.end()
        cands, lo, hi = where(k)
        if k not in registry_at:
            source, known = _resolve(full[k:e], NEWS_OUTLET)
            cands.append(_Cand(k, e, k, e, source, known, "domain"))

    # 5. links whose text names a source: t.me links, registry hrefs
    for index, p in enumerate(paragraphs):
        if p.links:
            _link_candidates(p.links, bounds[index][0], found, index)
    return found


def _link_candidates(links: tuple[Link, ...], lo: int, found: dict[int, list[_Cand]], index: int) -> None:
    for link in links:
        if not link.href or link.href[0] == "#":
            continue
        text_key = link.text.strip().lower()
        if not text_key or text_key in _LINK_CUE_TEXT:
            continue
        cands = found.setdefault(index, [])
        s, e = lo + link.start, lo + link.end
        handle = _telegram_handle(link.href)
        if handle:
            source = source_for_url(link.href) or lookup_source(link.text)
            known = source is not None
            if source is None:
                name = link.text.strip()
                if "t.me/" in name or not re.match(rf"[{_UPPER}0-9\"]", name) or len(name) > 60:
                    name = handle
                source = _unknown(name, TELEGRAM, (handle,) if name != handle else (), domain=f"t.me/{handle}")
            cands.append(_Cand(s, e, s, e, source, known, "link", href=link.href))
        elif link.href and not link.href.startswith("#"):
            source = source_for_url(link.href)
            if source is not None and lookup_source(link.text) is source:
                cands.append(_Cand(s, e, s, e, source, True, "link", href=link.href))


_RANK = {"descriptor": 0, "link": 1, "appositive": 2, "gov": 3, "registry": 4, "org": 5, "learned": 6, "domain": 7,
         "cue": 8}


def _merge(full: str, hi: int, cands: list[_Cand]) -> list[_Cand]:
    """One candidate per stretch of text: the widest span, the registry's identity."""
    if len(cands) == 1:
        c = cands[0]
        if c.origin not in ("registry", "domain", "gov") and full[c.end:c.end + 2] in (" (", "("):
            p = _PAREN_RE.match(full, c.end, hi)
            if p:
                c.end = p.end()
        return cands
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), _RANK[c.origin]))
    kept: list[_Cand] = []
    for c in cands:
        overlapping = [k for k in kept if c.start < k.end and k.start < c.end]
        if not overlapping:
            kept.append(c)
            continue
        for k in overlapping:
            contains = c.name_start <= k.name_start and k.name_end <= c.name_end
            inside = k.name_start <= c.name_start and c.name_end <= k.name_end
            if c.known and not k.known and (contains or (inside and (
                    k.origin in ("org", "gov", "link", "domain")
                    or c.name_end - c.name_start >= (k.name_end - k.name_start) * 0.6))):
                # the registry's name for it ("the news site Ngs.ru" -> NGS), but a known name
                # inside a much longer unknown one ("Yale ... Lab") leaves that one alone
                k.source, k.known = c.source, True
                k.name_start, k.name_end = min(k.name_start, c.name_start), max(k.name_end, c.name_end)
            elif c.origin == "link" and not k.known and not c.known and (contains or inside):
                k.source = c.source  # "the [Kursk Vestnik](https://t.me/kursk_vestnik) Telegram channel"
            if c.href and not k.href:
                k.href = c.href
            if c.end > k.end and c.origin in ("registry", "descriptor", "link"):
                k.end = c.end
            if c.start < k.start and c.origin in ("registry", "link"):
                k.start = c.start
    for c in kept:  # "Conflict Intelligence Team (CIT)": the parenthesis belongs to the name
        if c.origin not in ("registry", "domain", "gov"):
            p = _PAREN_RE.match(full, c.end, hi)
            if p:
                c.end = p.end()
    return kept


# ---------------------------------------------------------------------------
# Cue checks
# ---------------------------------------------------------------------------


def _after_cue(full: str, c: _Cand, hi: int) -> tuple[str, int, int] | None:
    m = _AFTER_RE.match(full, c.end, hi)
    if m:
        verb = m.group("cue")
        if verb in ("added", "adds") and not _ADDED_OK.match(full, m.end(), hi):
            return None
        if c.source.kind == ORGANISATION and verb not in _ORG_VERBS:
            if not (verb in ("found", "finds") and full.startswith(" that", m.end())):
                return None
        return _VERB_CUE[verb], m.start("cue"), m.end("cue")
    m = _AFTER_POSS_RE.match(full, c.name_end if c.name_end == c.end else c.end, hi)
    if m:
        return "investigation by", m.start("cue"), m.end("cue")
    return None


def _left_reversed(full: str, start: int, lo: int, width: int = 170) -> str:
    return full[max(lo, start - width):start][::-1]


def _before_cue(full: str, c: _Cand, lo: int, hi: int) -> tuple[str, int, int] | None:
    rev = _left_reversed(full, c.start, lo)
    m = _BEFORE_R.match(rev)
    if not m:
        return None
    group = m.lastgroup
    gs, ge = m.span(group)
    cs, ce = c.start - ge, c.start - gs  # the cue's offsets in the text
    kind = c.source.kind
    if group == "acc":
        return "according to", cs, cs + 12
    if group in ("data", "by"):
        word = m.group(group)[::-1].split()
        by = max(i for i, w in enumerate(word) if w in ("by", "from"))
        return _PARTICIPLE_CUE.get(word[by - 1] if by else "", "investigation by" if group == "data" else "reported"), cs, ce
    if group == "citing":
        return "cited", cs, ce
    if group == "told":
        if kind == ORGANISATION and not c.known:
            return None
        return "told", cs, ce
    if group in ("onverb", "post"):
        if kind == ORGANISATION:
            return None
        if group == "post":
            return "published", cs, ce
        verb = m.group(group)[::-1].split()[0]
        return _VERB_CUE.get(verb, "wrote" if verb == "writing" else "published"), cs, ce
    if group == "inv":
        if not _AFTER_END_RE.match(full, c.end, hi):
            return None
        verb = m.group(group)[::-1].lstrip(',"').strip()
        return ("according to" if verb.startswith("according") else _VERB_CUE.get(verb, "said")), ce - len(verb), ce
    if group == "src":
        a = _AFTER_RE.match(full, c.end, hi)
        if a:
            return _VERB_CUE[a.group("cue")], a.start("cue"), a.end("cue")
    return None


def _object_of_preposition(full: str, c: _Cand, lo: int) -> bool:
    if c.start <= lo or full[c.start - 1] != " ":
        return False
    return bool(_PREP_R.match(_left_reversed(full, c.start, lo, 60)))


_SPEAKS_FOR_R = re.compile(
    r" (?:eht )?(?:fo|rof|ta) " + _rev(["press service", "press office", "spokesman", "spokeswoman", "spokesperson",
                                        "press secretary", "representative", "representatives", "press center",
                                        "press centre", "spokespeople"]) + r"(?![\w-])"
)


def _speaks_for(full: str, c: _Cand, lo: int) -> bool:
    """ "the press service of the Tomsk Regional Court said": the court speaks."""
    return bool(_SPEAKS_FOR_R.match(_left_reversed(full, c.start, lo, 60)))


def _after_including(full: str, c: _Cand, lo: int) -> bool:
    window = full[max(lo, c.start - 60):c.start]
    if "includ" not in window and "such as" not in window and "like" not in window and "among" not in window:
        return False
    return bool(_INCLUDING_R.match(window[::-1]))


def _groups(full: str, cands: list[_Cand]) -> list[list[_Cand]]:
    if len(cands) == 1:
        return [cands]
    groups: list[list[_Cand]] = []
    for c in cands:
        if groups:
            prev = groups[-1][-1]
            between = full[prev.end:c.start]
            if len(between) <= 60 and _COORD_RE.match(between):
                groups[-1].append(c)
                continue
        groups.append([c])
    out: list[list[_Cand]] = []
    for g in groups:  # commas alone do not coordinate ("blocked Meduza, Roskomnadzor said")
        if len(g) > 1 and not any(_COORD_WORD.search(full[a.end:b.start]) for a, b in zip(g, g[1:])):
            out.extend([x] for x in g)
        else:
            out.append(g)
    return out


_REPORTERS_R = re.compile(" " + _DET_R + r"(?:htiw|morf|fo|ta|rof) " + _rev(
    ["reporters", "reporter", "journalists", "journalist", "correspondents", "correspondent", "staff", "editors",
     "researchers", "analysts", "investigators", "team"]).replace("(?:", "(?i:", 1) + r"(?![\w-])")
_LATER_CUE_RE = re.compile(
    r", (?:(?P<saying>saying|adding|noting|claiming|stating)|(?:it|they) (?P<verb>said|says|added|reported|wrote|noted|stated))\b")
_TITLE_AFTER_RE = re.compile(
    r"(?:'s?)? (?:press |deputy |chief |top |senior |former |regional |local )?(?:spokes\w+|officials?|head|chief|director|representatives?|press secretary|leader|members?|"
    r"analysts?|lawyers?|employees?|staff|commanders?|deputy|researchers?|journalists?|reporters?|editors?|"
    r"correspondents?|founder|activists?|volunteers?)\b")
_SENTENCE_END_RE = re.compile(r"[.!?](?=[\s\"]|$)")


def _subject_of_later_cue(full: str, first: _Cand, last: _Cand, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The subject of a sentence that ends ", saying ..." or ", it said": "The U.S. Treasury Department
    added the firm to its sanctions list, saying ..."; "The Memorial centre recognises 600 ..., it said"."""
    s = first.start
    if full[max(lo, s - 4):s] in ("The ", "the "):
        s -= 4
    if s > lo and not (full[s - 2:s] in (". ", "! ", "? ", '" ') or full[s - 1] == "\n"):
        return None
    end = _SENTENCE_END_RE.search(full, last.end, hi)
    stop = end.start() if end else hi
    if ", " not in full[last.end:stop]:
        return None
    m = _LATER_CUE_RE.search(full, last.end, stop)
    if not m or _TITLE_AFTER_RE.match(full, last.end, hi):  # "Kremlin spokesman Dmitry Peskov ..., saying"
        return None
    if m.group("saying"):
        return "said", m.start("saying"), m.end("saying")
    return _VERB_CUE[m.group("verb")], m.start("verb"), m.end("verb")


_TOGETHER_R = re.compile(" " + _DET_R + r"htiw (?:rehtegot|gnola|yltnioj|pihsrentrap ni|noitarepooc ni)(?![\w-])")
_INCL_VERB_RE = re.compile(rf" ?,? (?:{_ADVERB} ){{0,2}}(?P<cue>{_VERBS})(?![\w-])")


def _hits(full: str, lo: int, hi: int, cands: list[_Cand]) -> list[tuple[_Cand, str, int, int]]:
    hits = []
    for group in _groups(full, cands):
        first, last = group[0], group[-1]
        cue = None
        after = _after_cue(full, last, hi)
        if after is not None and (not _object_of_preposition(full, first, lo) or _after_including(full, first, lo)
                                  or _speaks_for(full, first, lo)):
            cue = after
        if cue is None:
            cue = _before_cue(full, first, lo, hi)
        if cue is None and after is not None and after[0] == "reported" and _REPORTERS_R.match(
                _left_reversed(full, first.start, lo, 80)):
            cue = after  # "Reporters with the news site Asia-Plus found": the outlet's finding
        if cue is None:
            cue = _subject_of_later_cue(full, first, last, lo, hi)
        if cue is None and _after_including(full, first, lo):
            m = _INCL_VERB_RE.match(full, last.end, hi)  # "channels, including the pro-war Rybar, acknowledged"
            if m:
                cue = (_VERB_CUE[m.group("cue")], m.start("cue"), m.end("cue"))
        if cue is not None:
            for c in group:
                hits.append((c, cue[0], cue[1], cue[2]))
        elif hits and " with " in full[max(lo, first.start - 60):first.start] and _TOGETHER_R.match(
                _left_reversed(full, first.start, lo, 80)):
            # "Mediazona, which together with the BBC Russian Service tracks deaths, has confirmed";
            # "BBC Russian has identified ..., working together with Mediazona": a partner in the finding
            prev, cue0, cs0, ce0 = hits[-1]
            if not any(ch in full[prev.end:first.start] for ch in ".!?;"):
                for c in group:
                    hits.append((c, cue0, cs0, ce0))
    return hits


_HANDLE_SUFFIX_RE = re.compile(r"_?(?:ua|ru|by|kz|official|channel|news|tg|info|online)$")


def _channel_named_in(handle: str, full: str) -> FoundSource:
    """A t.me/<handle> channel, under the name the text gives it: a link to t.me/atesh_ua on an
    article that names "Atesh" is the channel Atesh, with the handle as an alias."""
    key = _HANDLE_SUFFIX_RE.sub("", handle.lower()).replace("_", "")
    if len(key) >= 4:
        m = re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", full, re.IGNORECASE)
        if m and m.group()[0].isupper():
            return _unknown(m.group(), TELEGRAM, aliases=(handle,), domain=f"t.me/{handle}")
    return _unknown(handle, TELEGRAM, domain=f"t.me/{handle}")


def _link_at(links: tuple[Link, ...], start: int, end: int) -> Link | None:
    for link in links:
        if link.start < end and start < link.end:
            return link
    return None


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------


def _publisher_of(url: str | None) -> str | None:
    return outlet_for_url(url)


def _short_names_to_full(per_paragraph: dict[int, list[_Cand]]) -> None:
    """A generic short name stands for the one body the article names in full:
    "the General Staff" after "the General Staff of Ukraine's Armed Forces",
    "the Interior Ministry" after "Dagestan's Interior Ministry"."""
    short = [c for cands in per_paragraph.values() for c in cands
             if not c.known and c.source.kind == ORGANISATION and " " in c.source.name
             and all(t in _GENERIC_BODY for t in c.source.name.split())]
    if not short:
        return
    bodies = {c.source.name: c.source for cands in per_paragraph.values() for c in cands
              if c.source.kind == ORGANISATION}
    for c in short:
        name = c.source.name
        full_forms = {s.name: s for s in bodies.values() if s.name != name and any(
            f.startswith(name + " of ") or f.endswith(" " + name) for f in (s.name, *s.aliases))}
        if len(full_forms) == 1:
            c.source = next(iter(full_forms.values()))
            c.known = c.source.name in _BY_NAME


def extract_citations(article: ParsedArticle) -> list[FoundCitation]:
    """Every citation of a source in the article, in reading order: the credit
    line's first (paragraph None), then one per cited mention in the body."""
    out: list[FoundCitation] = []
    publisher = _publisher_of(article.url) if article.credit_links or any(p.links for p in article.paragraphs) else ""
    # "" = not looked up yet: most articles never need it

    for link in article.credit_links:
        handle = _telegram_handle(link.href)
        source = source_for_url(link.href)
        if _is_publishers_channel(handle, source, publisher):
            continue
        if handle and source is None:
            source = _unknown(handle, TELEGRAM, domain=f"t.me/{handle}")
        if source is None:
            continue
        out.append(FoundCitation(source=source, paragraph=None, surface=link.text.strip() or link.href,
                                 cue="credit", href=link.href))

    paragraphs = article.paragraphs
    if not paragraphs:
        return out
    lex = _lexicon()
    texts = [p.text for p in paragraphs]
    original = "\n".join(texts)
    full = _canonical(original)
    starts = [0, *accumulate(len(t) + 1 for t in texts)]
    starts.pop()
    bounds = [(a, a + len(t)) for a, t in zip(starts, texts)]

    per_paragraph: dict[int, list[_Cand]] = {}
    learned: dict[str, FoundSource] = {}
    for i, cands in _candidates(full, starts, bounds, paragraphs, lex).items():
        if cands:
            cands = per_paragraph[i] = _merge(full, bounds[i][1], cands)
            for c in cands:
                for name in c.learned:
                    learned.setdefault(name, c.source)

    for name in sorted(learned, key=len, reverse=True):  # names learned in one paragraph, looked for in all
        s = full.find(name)
        while s >= 0:
            e = s + len(name)
            i = bisect_right(starts, s) - 1
            cands = per_paragraph.setdefault(i, [])
            if (_boundary_ok(full, s, e) and not (e < len(full) and (full[e].isalnum() or full[e] in "-_"))
                    and not any(s < c.end and c.start < e for c in cands)):
                source = learned[name]
                cands.append(_Cand(s, e, s, e, source, source.name in _BY_NAME, "learned"))
                cands.sort(key=lambda c: c.start)
            s = full.find(name, e)

    _short_names_to_full(per_paragraph)

    for i in sorted({*per_paragraph, *(i for i, p in enumerate(paragraphs) if p.links)}):
        p = paragraphs[i]
        cands = per_paragraph.get(i, ())
        links = p.links
        lo, hi = bounds[i]
        used: set[int] = set()
        found: list[tuple[int, FoundCitation]] = []
        for c, cue, cs, ce in (_hits(full, lo, hi, cands) if cands else ()):
            if publisher == "":
                publisher = _publisher_of(article.url)
            if c.source.name == publisher and _publisher_receives(full, cue, cs, c.start):
                continue
            href = c.href
            if links:
                link = _link_at(links, c.name_start - lo, c.name_end - lo)
                cue_link = _link_at(links, cs - lo, ce - lo)
                if cue_link is not None:
                    used.add(id(cue_link))
                href = href or (link.href if link else None) or (cue_link.href if cue_link else None)
            surface = original[c.name_start:c.name_end].strip()
            found.append((c.name_start, FoundCitation(source=c.source, paragraph=p.position, surface=surface,
                                                      cue=cue, href=href)))
        for link in links:  # a link on a cue word: "[reported](https://t.me/astrapress)"
            if id(link) in used or not link.href or link.href[0] == "#":
                continue
            cited = {f.source.name for _, f in found}
            cue = _LINK_CUE_TEXT.get(link.text.strip().lower())
            if cue is None:
                continue
            handle = _telegram_handle(link.href)
            source = source_for_url(link.href)
            if _is_publishers_channel(handle, source, publisher):
                continue
            if source is None and handle:
                source = _channel_named_in(handle, full)
            if source is None or source.name in cited:
                continue
            found.append((lo + link.start, FoundCitation(source=source, paragraph=p.position,
                                                         surface=link.text.strip(), cue=cue, href=link.href)))
        if found:
            if len(found) > 1:
                found.sort(key=lambda x: x[0])
            out.extend(f for _, f in found)
    return out
