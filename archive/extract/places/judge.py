"""The rules that say whether a gazetteer match is a place here: a named, ordered table, and the judge.

The judge runs for every gazetteer match (tens per article), so it is written
out inline, in the order of RULES below, and returns the span it keeps (a
list, see matcher.py; its last field is the name of the rule that kept it) or
the Rule that dropped it. Most matches take the quick way ("quiet name": after
the name no word or one in lower case, before it a word in lower case); the
others go the general way. A rule's test says whether it is the one that
decided a judged candidate (``candidate.rule``), so ``RULES.decide`` agrees with
the judge; its example is an article in which it decides (tests/test_rules.py).

The word lists the rules read are lexicon files (lexicon/en/*.txt); the
regexes are generated from them (``PlaceVocabulary``).
"""
from __future__ import annotations

import re

from archive.extract.lexicon import alternation
from archive.extract.places.gazetteer import CUE_ONLY, CYRILLIC, DEMONYM, FORM, NORMALISE, PERSON, COMMON
from archive.extract.rules import ACCEPT, REJECT, Rule, Rules

KIND = "places"

_CLOSING = '.!?:;"\u201c\u201d\u00ab\u00bb()[]*|/\u2014\u2013'  # punctuation a word can end with
_SENTENCE_END = set('.!?:;"\u201c\u201d\u00ab\u00bb(\u2014\u2013\n*\u2022|[')
_ORG_TAIL = re.compile(r"(?: (?:(?:of|and|for|&|the) )*[A-Z][\w.'\u2019-]*){1,5}")
_QUAL_SEPS = (", ", " (", ",")
_NO_QUAL: frozenset = frozenset()
_WORD = re.compile(r"[^\W\d_][\w'-]*")  # the next word, when one space precedes it
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_SPACE_LOWER = frozenset(" " + c for c in _ASCII_LOWER)  # after a name: a word in lower case follows
# before a name: the end of a word, then one space
_ALNUM_SPACE = frozenset(c + " " for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_POSSESSIVE = ("'s", "s'", "\u2019s", "s\u2019")
_LIST_JOINERS = ("and", "or")  # "the Kursk and Belgorod regions", "Kursk or Belgorod regions"

MAJOR = 100_000  # a city at least this big may carry an institution's name ("Moscow City Court")
BIG_PERSONLIKE = 200_000  # "Vladimir" alone is the city; "Vladimir said" is not
EXEMPT_COMMON = 1_000_000  # "Paris", "Phoenix": too big to be the common word

# A span is a list: [para, start, end, text, eid, cands, qualifiers, cue, tentative, pk, rule]
# (cands: tuple of (place id, primary); pk: the number of the tuple of its place ids; rule: the name of the
# rule that kept it).
_PARA, _START, _END, _TEXT, _EID, _CANDS, _QUALS, _CUE, _TENT, _PK, _RULE = range(11)


class PlaceVocabulary:
    """The rules' word lists (lexicon/en) and the regexes generated from them."""

    def __init__(self, en):
        self.titles = en.words("person_titles")
        self.speech = en.table("cue_verbs").where("places", "speech")
        self.outlet = en.words("outlet_name_words")
        self.designators = en.words("region_designators")
        self.pre = en.words("place_pre_modifiers")
        cues = en.ordered("locative_cues")
        self.cues = frozenset(c for c in cues if " " not in c)
        self.cue_pairs = frozenset(c for c in cues if " " in c)
        self.demonym_nouns = en.words("place_nouns")
        self.org_heads = en.words("institution_heads")
        self.org_of = en.words("institution_of_heads")
        self.cue_only_not = en.words("cue_only_adjective_nouns")
        self.pre_lower = en.words("lower_pre_modifiers")
        kinds, nouns = en.ordered("power_plant_kinds"), en.ordered("power_plant_nouns")
        # "the Kursk nuclear power plant": power plants are named after a city they are not in
        self.plant = re.compile(rf" (?:{alternation(kinds, boundary=False).pattern} )?"
                                rf"{alternation(nouns, boundary=False).pattern}\b")
        self.plant_words = frozenset(w.split()[0].lower() for w in (*kinds, *nouns))
        self.plant_lower_starts = tuple(dict.fromkeys(
            w.split()[0] for w in (*kinds, *nouns) if w[:1].islower()))  # the plant's words in lower case
        plurals = en.ordered("region_nouns_plural")
        # "the Kursk and Belgorod regions": each name is a region, not its capital
        self.coord_regions = re.compile(
            r"(?:(?:,\s*|,?\s+and\s+|,?\s+or\s+)[A-Z\u0410-\u042f][\w'-]*(?:\s[A-Z][\w'-]*)?)*"
            rf"\s+{alternation(plurals, boundary=False).pattern}\b")
        copulas = en.ordered("region_copulas")
        # "Perm is not the first region where ...": the name stands for its region
        self.copula_region = re.compile(
            rf"\s+{alternation(copulas, boundary=False).pattern}"
            r"\s+(?:not\s+|also\s+|now\s+)?(?:the|a|an|one of the)\s+"
            rf"(?:[a-z]+\s+){{0,2}}{alternation(en.ordered('region_nouns'), boundary=False).pattern}\b")
        # the words coord_regions and copula_region can go on with after a name and one space
        self.list_words = frozenset((*_LIST_JOINERS, *(c.split()[0] for c in copulas)))
        self.region_plurals = tuple(plurals)
        self.list_starts = tuple(self.list_words) + self.region_plurals  # how a next word regions_list reads starts


def _decided(name: str):
    return lambda candidate: getattr(candidate, "rule", None) == name


def _rule(name: str, decision: str, example: str, why: str) -> Rule:
    return Rule(name, decision, _decided(name), example, why)


def _ex(sentence: str, title: str = "A report") -> str:
    return f"# {title}\n\n{sentence}\n"


# The rules, in the order the matcher and the judge apply them. The first four are the matcher's (before the
# judge sees a match); the last three decide on the whole article.
R_CLAIMED = _rule("claimed by an outlet", REJECT, _ex("The Moscow Times reported it on Tuesday."),
                  "an outlet or organisation the sources stage claimed holds the name")
R_NOT_PLACE_PHRASE = _rule("not a place phrase", REJECT, _ex("Fans of Spartak Moscow cheered."),
                           "a longer name holding a place's name that is no place (not_place_phrases.txt)")
R_NOT_PLACE = _rule("not a place", REJECT, _ex("She met Kazakh officials."),
                    "a name the gazetteer knows that names something else here (not_places.txt)")
R_BYLINE = _rule("byline writer", REJECT, _ex("By Madina Ibragimova in Makhachkala\n\nRain fell."),
                 "a name before \"in\" in a byline is the writer's")
R_COMMON = _rule("common word without a cue", REJECT, _ex("Of course the road was closed."),
                 "a place named by a common English word needs a locative cue (or a qualifier)")
R_HEAD_OF = _rule("institution head before of", REJECT, _ex("She studied at the University of Oregon."),
                  "\"the University of Idaho\" is no town called University")
R_OF_INSTITUTION = _rule("institution of place", REJECT, _ex("The Bank of Russia raised rates."),
                         "\"Bank of Russia\": the place is part of an institution's name")
R_TITLE = _rule("person title before", REJECT, _ex("He met Mayor Kherson yesterday."),
                "a title before the name makes it a person's")
R_SPEECH = _rule("speech verb after", REJECT, _ex("Then Boyarka said nothing."),
                 "a small place's name before \"said\" is a person's")
QUIET = "quiet name"
R_QUIET = _rule(QUIET, ACCEPT, _ex("Protesters gathered in Tomsk and left."),
                "the quick way: nothing around the name that any rule reads")
R_DEMONYM_ALONE = _rule("demonym without a place noun", REJECT, _ex("Siberian tigers are rare."),
                        "\"Siberian\" names Siberia only before a place noun (place_nouns.txt)")
DEMONYM_NOUN = "demonym before a place noun"
R_DEMONYM_NOUN = _rule(DEMONYM_NOUN, ACCEPT, _ex("Protests in the Siberian city of Tomsk."),
                       "\"the Siberian city of\": the demonym names its place")
R_OUTLET_WORD = _rule("outlet word after", REJECT, _ex("He wrote for the Omsk Herald for years."),
                      "\"Kyiv Independent\": a word after the name makes it an outlet's (outlet_name_words.txt)")
R_INSTITUTION_AFTER = _rule("institution name after", REJECT, _ex("A judge of the Omsk Regional Court spoke."),
                            "\"Tomsk Regional Court\": capitalised words after it, one heading an institution")
R_POWER_PLANT = _rule("power plant", REJECT, _ex("Engineers at the Zaporizhzhia nuclear power plant left."),
                      "power plants are named after a city they are not in")
R_HYPHENATED = _rule("hyphenated name", REJECT, _ex("The Lviv-Media group reported it."),
                     "\"Asia-Plus\": a name of which the place is a part")
DATELINE = "dateline"
R_DATELINE = _rule(DATELINE, ACCEPT, _ex("KYIV, May 18 (Reuters) - Missiles struck."),
                   "the city of a dateline (\"KYIV, May 18 (Reuters) -\")")
PLAIN = "plain name"
R_PLAIN = _rule(PLAIN, ACCEPT, _ex("Leaders from Russia, China and Iran met."),
                "a country, a region form or an other place, with no rule against it")
R_CUE_ONLY = _rule("cue-only name without a cue", REJECT, _ex("Arctic temperatures fell."),
                   "\"Arctic\", \"Baltic\": a place only after a locative cue (cue_only_places.txt)")
R_CUE_ADJECTIVE = _rule("cue-only name as an adjective", REJECT, _ex("He lived in the Baltic countries."),
                        "\"Baltic countries\", \"Pacific Fleet\": an adjective here")
R_PERSON = _rule("person name", REJECT, _ex("Kirov said he would resign."),
                 "a name that is also a person's, with a person's cue around it (a title, a first name, \"said\")")
R_PERSON_NO_CUE = _rule("person name without a cue", REJECT, _ex("Anna, 29, works as a teacher."),
                        "a small place named like a person needs a locative cue")
R_INITIAL = _rule("sentence-initial small town", REJECT, _ex('"We are done," Berkovich said on Friday.'),
                  "a short word or a foreign spelling that merely starts a sentence")
R_CAPITAL_BEFORE = _rule("capitalised word before", REJECT, _ex("Our colleague Yevgenia Lvova left."),
                         "\"Sergei Kirov\", \"State Duma\": a capitalised word before it, mid-sentence")
R_CAPITAL_AFTER = _rule("capitalised word after", REJECT, _ex("We met Boyarka Petrenko on Friday."),
                        "a small place's name before a capitalised word is part of a longer name")
R_SAID_NAME = _rule("said first last", REJECT, _ex('"It is cold," said Salavat Gabdrakhmanov.'),
                    "\"said Taras Melnyk\": a name after a speech verb, before a capitalised word")
R_TITLE_CASE_PERSON = _rule("title-case person", REJECT, _ex("Nothing to add.", title="Floods In Marion County Close Schools"),
                            "in a title-case title, a person-like small place before a capitalised word")
REGION_LIST = "list of regions"
R_REGION_LIST = _rule(REGION_LIST, ACCEPT, _ex("Drones hit the Kursk and Belgorod regions overnight."),
                      "\"the Kursk and Belgorod regions\": each name is a region, not its capital")
KEPT = "kept"
R_KEPT = _rule(KEPT, ACCEPT, _ex("He grew up in Nice and moved on."), "no rule against it")
R_SURNAME = _rule("surname of a person", REJECT, _ex("Ivan Kirov is a teacher. Kirov plans to leave."),
                  "after \"Ivan Kirov\", a bare \"Kirov\" in the same article is the man")
R_UNCONFIRMED = _rule("common word unconfirmed", REJECT, _ex("Perm lawyers met on Friday."),
                      "\"Perm lawyers\": a common-word city counts only when the article names it so elsewhere")

RULES = (Rules(KIND, [
    R_CLAIMED, R_NOT_PLACE_PHRASE, R_NOT_PLACE, R_BYLINE,
    R_COMMON, R_HEAD_OF, R_OF_INSTITUTION, R_TITLE, R_SPEECH, R_QUIET,
    R_DEMONYM_ALONE, R_DEMONYM_NOUN, R_OUTLET_WORD, R_INSTITUTION_AFTER, R_POWER_PLANT, R_HYPHENATED,
    R_DATELINE, R_PLAIN, R_CUE_ONLY, R_CUE_ADJECTIVE, R_PERSON, R_PERSON_NO_CUE, R_INITIAL,
    R_CAPITAL_BEFORE, R_CAPITAL_AFTER, R_SAID_NAME, R_TITLE_CASE_PERSON, R_REGION_LIST, R_KEPT,
    R_SURNAME, R_UNCONFIRMED,
]),)
PLACE_RULES = RULES[0]


def make_judge(ctx):
    """``judge(text, para, start, end, eid, facts, nstart, neid, title_case, persons, dateline)`` for a gazetteer.

    ``nstart``, ``neid``: the start and entry of the paragraph's next match, -1 when there is none.
    """
    g = ctx.g
    voc = ctx.words
    entry = ctx.entry
    pk_of = ctx.pk
    demonym = ctx.demonym
    region_forms = ctx.region_forms
    region_forms_get = region_forms.get
    titles, speech, outlet, designators = voc.titles, voc.speech, voc.outlet, voc.designators
    pre, cues, cue_pairs, common = voc.pre, voc.cues, voc.cue_pairs, ctx.common
    demonym_nouns, adjectival = voc.demonym_nouns, ctx.adjectival
    coord_regions, copula_region = voc.coord_regions.match, voc.copula_region.match
    org_heads, org_of, plant_match, plant_words = voc.org_heads, voc.org_of, voc.plant.match, voc.plant_words
    plant_lower_starts, cue_only_not, pre_lower = voc.plant_lower_starts, voc.cue_only_not, voc.pre_lower
    list_words, region_plurals, list_starts = voc.list_words, voc.region_plurals, voc.list_starts
    # punctuation that ends no cue ("in", "city of"): a word before the name ending so is no cue
    no_cue_after = frozenset(_CLOSING) - {w[-1] for w in cues} - {p[-1] for p in cue_pairs}

    def has_cue(norm: str, start: int) -> bool:
        if start >= 2:  # the quick way out, for a name after a full stop or a quote
            c = norm[start - 1]
            if c == " ":
                c = norm[start - 2]
            if c in no_cue_after:
                return False
        head = norm[max(0, start - 40):start].split()
        if not head:
            return False
        last = head[-1].lower().rstrip(",")
        if last in pre_lower and len(head) > 1 and head[-1].islower():
            head = head[:-1]  # "in central Kirov"
            last = head[-1].lower().rstrip(",")
        if last == "the" and len(head) > 1:
            head = head[:-1]
            last = head[-1].lower()
        if last in cues:
            return True
        if len(head) > 1 and f"{head[-2].lower()} {last}" in cue_pairs:
            return True
        return False

    def regions_list(text: str, span: list, nch: str, nword: str | None) -> list:
        """"the Kursk and Belgorod regions": each name is a region, not its capital."""
        end = span[_END]
        if (
            # what the two patterns need after one space ("Kursk and", "Perm is") or another start
            (nword in list_words or nword.startswith(region_plurals)) if nword is not None
            else nch == "," or nch.isspace()
        ) and (coord_regions(text, end) or copula_region(text, end)):
            f = entry(region_forms[span[_TEXT]])
            span[_CANDS] = f[1]
            span[_PK] = f[5]
            span[_RULE] = REGION_LIST
        return span

    def judge(text: str, para, start: int, end: int, eid: int, facts: tuple, nstart: int, neid: int, title_case: bool,
              persons: set, dateline: bool) -> list | None:
        """The span as a mention, or None when the rules say it is something else here.

        Offsets are the text's; rules read it as it is (both apostrophes, ё and е).
        """
        (flags, cands, maxpop, has_country, has_primary, pk, plain, city_only, small_city, _skip, _codes,
         weak_common, quiet) = facts

        # qualifier right after: "Moscow, Idaho", "Nice (France)"
        qualifiers = _NO_QUAL
        if nstart >= 0 and nstart - end <= 2 and text[end:nstart] in _QUAL_SEPS:
            qualifiers = entry(neid)[10]

        if weak_common and not dateline and not qualifiers and (title_case or not has_cue(text, start)):
            return R_COMMON  # what the rules for common words below come to, before the costlier ones

        if quiet and not dateline and not qualifiers:
            # The quick way, for what most names look like: after the name no word ("Kherson,") or one
            # starting in lower case ("Kherson and"); before it, for a name that is not plain, one word
            # starting in lower case ("in Kherson"), outside a title-case title. Of the rules below, only
            # these then apply; the next word is read only where one of them needs it. Other cases go the
            # general way.
            nch = text[end:end + 1]
            lower_next = nch == " " and text[end:end + 2] in _SPACE_LOWER
            if (lower_next and not text.startswith(plant_lower_starts, end + 1)) or (nch != " " and nch != "-"):
                if lower_next and text.startswith(" of ", end) and text[start:end] in org_heads:
                    return R_HEAD_OF  # "the University of Idaho" is no town called University
                if start > 4 and text.startswith(" of ", start - 4):
                    before = text[max(0, start - 20):start - 4].rsplit(None, 1)
                    if before and before[-1] in org_of:
                        return R_OF_INSTITUTION  # "University of Idaho", "Bank of Russia"
                surface = text[start:end]
                if plain:
                    span = [para, start, end, surface, eid, cands, qualifiers, False, False, pk, QUIET]
                elif not title_case and text[start - 2:start] in _ALNUM_SPACE:
                    k = text.rfind(" ", 0, start - 2)
                    pword = text[k + 1:start - 1]
                    if not pword.isalnum() or pword[0].isupper():
                        span = None  # the general way
                    elif not has_country and pword in titles:
                        return R_TITLE
                    elif (not has_country and lower_next and small_city
                          and _WORD.match(text, end + 1).group().lower() in speech):
                        return R_SPEECH
                    else:
                        span = [para, start, end, surface, eid, cands, qualifiers, False, False, pk, QUIET]
                else:
                    span = None
                if span is not None:
                    if region_forms_get(surface) is None or (lower_next and not text.startswith(list_starts, end + 1)):
                        return span  # no list of regions can follow
                    return regions_list(text, span, nch, _WORD.match(text, end + 1).group() if lower_next else None)

        nch = text[end:end + 1]
        nword = None
        nadjacent = False
        nlower = ""
        if nch == " ":
            m = _WORD.match(text, end + 1)
            if m is not None:
                nword = m.group()
                nadjacent = True
                nlower = nword.lower()

        if flags & DEMONYM or (nlower in demonym_nouns
                               and text[start:end].translate(NORMALISE) in adjectival):
            if not (nadjacent and nlower in demonym_nouns):
                return R_DEMONYM_ALONE
            dem = demonym.get(eid)
            if dem is None:
                pid = _demonym_place(g, eid, cands)
                dem = demonym[eid] = (((pid, True),), pk_of((pid,)))
            return [para, start, end, text[start:end], eid, dem[0], _NO_QUAL, False, False, dem[1], DEMONYM_NOUN]

        if nadjacent and nword in outlet and not flags & FORM:
            return R_OUTLET_WORD  # "Kyiv Independent", "Moscow Times"

        if not dateline:
            if nadjacent:
                if not title_case and nword[0].isupper():
                    tail = _ORG_TAIL.match(text, end)
                    if tail:
                        for w in tail.group().split():
                            if w.rstrip(".") in org_heads:
                                return R_INSTITUTION_AFTER  # "Tomsk Regional Court", "Moscow City Council", "Washington State University"
                if nlower in plant_words and plant_match(text, end):
                    return R_POWER_PLANT  # "the Kursk nuclear power plant", "the Kursk NPP"
                if nlower == "of" and text[end:end + 4] == " of " and text[start:end] in org_heads:
                    return R_HEAD_OF  # "the University of Idaho" is no town called University
            elif nch == "-" and text[end + 1:end + 2].isupper() and nstart != end + 1:
                return R_HYPHENATED  # "Asia-Plus": a name of which the place is a part
            if start > 4 and text.startswith(" of ", start - 4):
                before = text[max(0, start - 20):start - 4].rsplit(None, 1)
                if before and before[-1] in org_of:
                    return R_OF_INSTITUTION  # "University of Idaho", "Bank of Russia"

        surface = text[start:end]
        if dateline or plain:
            span = [para, start, end, surface, eid, cands, qualifiers, False, False, pk, DATELINE if dateline else PLAIN]
            return span if region_forms_get(surface) is None else regions_list(text, span, nch, nword)

        # the word before: pword; whether it starts a sentence: pinitial (only read when pword is
        # capitalised); whether one space separates them: padjacent. (None, True, False) when the name
        # itself starts the text or a sentence
        j = start - 1
        if j > 0 and text[j] == " " and text[j - 1] != " ":
            j -= 1  # the usual single space
        else:
            while j >= 0 and text[j] == " ":
                j -= 1
        if j < 0 or text[j] in _SENTENCE_END:
            pword, pinitial, padjacent = None, True, False
        else:
            k = text.rfind(" ", 0, j)
            pword = text[k + 1:j + 1]
            if not pword.isalnum():  # the quick way misses "St.", "Sergei's", "(in"
                k = j
                while k >= 0 and (text[k].isalnum() or text[k] in "'.-\u2019"):
                    k -= 1
                pword = text[k + 1:j + 1]
            if k == j:
                pword, pinitial, padjacent = None, False, False
            else:
                padjacent = j == start - 2 and text[start - 1] == " "
                pinitial = False
                if pword[0].isupper():
                    while k >= 0 and text[k] == " ":
                        k -= 1
                    pinitial = k < 0 or text[k] in _SENTENCE_END
        initial = title_case or (pword is None and pinitial)
        tentative = False
        cue = bool(qualifiers)
        if not cue and (flags & (CUE_ONLY | PERSON | COMMON) or initial or (padjacent and pword[:1].isupper())):
            cue = has_cue(text, start)

        if flags & CUE_ONLY:
            if not cue:
                prev = text[max(0, start - 8):start].split()
                cue = prev[-2:] == ["on", "the"]  # "on the Baltic"
            if not cue:
                return R_CUE_ONLY  # "The Baltic countries agreed"
            if nadjacent and (nword[0].isupper() or nlower in cue_only_not):
                return R_CUE_ADJECTIVE  # "Baltic countries", "Pacific Fleet"

        if flags & PERSON:
            person = False
            if pword and padjacent:
                if pword in titles:
                    person = True
                elif (pword[:1].isupper() and not pword.endswith(_POSSESSIVE) and pword not in pre
                      and not pword.endswith(".") and not (pinitial and pword.lower() in common)
                      and pword.lower() not in cues):
                    person = True
            if nadjacent:
                if nword[0].isupper() and nword not in designators:
                    person = True
                elif nlower in speech:
                    person = True
            if person:
                if pword and padjacent and pword[:1].isupper() and pword not in titles:
                    persons.add(eid)  # "Pavel Kirov": bare "Kirov" is the man in this article
                return R_PERSON
            if not (cue or has_country or maxpop >= BIG_PERSONLIKE):
                return R_PERSON_NO_CUE
        elif flags & COMMON and not has_country:
            exempt = maxpop >= EXEMPT_COMMON or (" " in surface and maxpop >= 150_000)
            if not exempt and not (qualifiers if title_case else cue):
                if title_case or maxpop < 150_000 or not surface[:1].isupper():
                    return R_COMMON  # a title capitalises every word: only "Nice, France" will do there
                tentative = True  # "Perm lawyer ...": a place if the article names it so elsewhere

        if initial and not cue and city_only and maxpop < 50_000 and (end - start <= 4 or not has_primary):
            return R_INITIAL  # a short word or a foreign spelling that merely starts a sentence

        if not title_case and not has_country and not flags & CYRILLIC:
            if padjacent and not cue:
                if pword in titles:
                    return R_TITLE
                if (pword[0].isupper() and not pword.endswith(_POSSESSIVE) and pword not in pre
                        and not pword.endswith(".") and not (pinitial and pword.lower() in common)):
                    return R_CAPITAL_BEFORE  # "Sergei Kirov", "State Duma", "President Lincoln"
            if nadjacent and small_city:
                if nword[0].isupper() and nword not in designators:
                    if nstart != end + 1:  # "Kherson Oblast" is another match
                        return R_CAPITAL_AFTER
                if nlower in speech:
                    return R_SPEECH
            if city_only and padjacent and nadjacent and pword in speech and nword[0].isupper():
                return R_SAID_NAME  # "said Taras Melnyk"
        elif title_case and nadjacent and nword[0].isupper() and maxpop < MAJOR and flags & PERSON:
            return R_TITLE_CASE_PERSON

        span = [para, start, end, surface, eid, cands, qualifiers, cue, tentative, pk, KEPT]
        return span if region_forms_get(surface) is None else regions_list(text, span, nch, nword)



    return judge


def _demonym_place(g, eid: int, cands) -> int:
    for pid, _ in cands:
        if g.kinds[pid] == "other":
            return pid
    return cands[0][0]


def article_rules(g, spans: list[list], persons: set, trace=None) -> list[list]:
    """What the whole article says about a name: a person's surname, or a place named plainly elsewhere."""
    sure: set[int] = set()
    for s in spans:
        if not s[_TENT] and not (s[_EID] in persons and not s[_CUE]):
            sure.update((pid, s[_EID]) for pid, _ in s[_CANDS])
    out = []
    for s in spans:
        if s[_EID] in persons and not s[_CUE]:
            if trace is not None:
                trace.record(KIND, s[_TEXT], s[_PARA], s[_START], R_SURNAME.name, REJECT)
            continue  # "Kirov's application", "Kirov plans to appeal" after "Pavel Kirov"
        if s[_TENT]:
            form = g.region_forms.get(s[_TEXT])
            region = {pid for pid, _ in g.candidates(form)} if form is not None else set()
            # another form of the name ("Perm Krai", "Перми"), not the same word elsewhere ("from Reading")
            if not any(pid in region or (eid != s[_EID] and any(pid == p for p, _ in s[_CANDS])) for pid, eid in sure):
                if trace is not None:
                    trace.record(KIND, s[_TEXT], s[_PARA], s[_START], R_UNCONFIRMED.name, REJECT)
                continue
        out.append(s)
    return out
