"""The quote extractor's words, read once from the lexicons (archive/extract/lexicon/<lang>/).

``vocabulary(resources)`` builds one frozen ``QuoteVocabulary`` per Resources and keeps it in
``resources.memo["quotes"]``; the engine reads every word set (and the regexes generated from
them) from it, never from module globals. Each attribute names the lexicon concept it comes from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.extract.lexicon import Lexicon, alternation
from archive.extract.quotes.patterns import QUOTE_TOKEN, SPEECH_MARKS, STOP_MARKS

MEMO_KEY = "quotes"


@dataclass(frozen=True, slots=True, eq=False)
class QuoteVocabulary:
    # cue_verbs.tsv, column "quotes" (en and ru)
    cue_forms: frozenset
    weak_cues: frozenset
    participle_cues: frozenset
    cue_words: frozenset  # the cues and "according"
    np_stops: frozenset  # subject_stops and the cues flagged np_stop
    subject_stops: frozenset
    fast_cues: tuple
    # noun phrases
    adverbs: frozenset
    weekdays: frozenset
    months: frozenset
    time_words: frozenset
    time_modifiers: frozenset
    time_quantities: frozenset
    time_after: frozenset
    leading: frozenset
    adverbial_starts: frozenset
    pronouns: frozenset
    resolvable: frozenset
    determiners: frozenset
    scare_determiners: frozenset
    auxiliaries: frozenset
    finite_verbs: frozenset  # the auxiliaries and finite_verbs
    verbish: frozenset  # the auxiliaries and common_verbs
    after_verb: frozenset
    participle_prepositions: frozenset
    irregular_participles: frozenset
    lower_starts: frozenset
    relative_pronouns: frozenset
    relative_words: frozenset  # the relative pronouns and "when"
    minor_apposition_starts: frozenset
    np_after_stops: frozenset  # np_after_stops and the marks that end a phrase
    np_after_prepositions: frozenset
    np_after_objects: frozenset
    np_after_time_words: frozenset
    noun_followers: frozenset
    call_sign_words: frozenset
    subordinators: frozenset
    fast_np_stops: frozenset
    # what a quoted span is
    naming_before: frozenset
    naming_after: frozenset
    self_naming: frozenset
    title_small: frozenset
    complement_verbs: frozenset
    designation_verbs: frozenset
    span_prepositions: frozenset
    status_words: frozenset
    copulas: frozenset
    predicate_starts: frozenset
    particles: frozenset
    term_prepositions: frozenset
    to_verbs_after: frozenset
    to_verbs_before: frozenset
    object_taking_cues: frozenset
    speech_followers: frozenset  # speech_followers and the marks that may follow speech
    # who a mention is
    female_words: frozenset  # en and ru
    male_words: frozenset  # en and ru
    female_names: frozenset
    male_names: frozenset
    male_names_in_a: frozenset
    female_endings: tuple
    male_endings: tuple
    plural_words: frozenset
    plural_suffixes: tuple
    org_words: frozenset
    person_words: frozenset  # person_words and the gendered words
    partitive: frozenset
    head_noun_ends: frozenset
    named_org_nouns: frozenset
    outlet_descriptors: frozenset
    abbreviations: frozenset
    # regexes generated from the words above
    fast_right_re: re.Pattern
    via_told_re: re.Pattern
    via_prep_re: re.Pattern
    org_name_before_re: re.Pattern
    org_name_after_re: re.Pattern
    norms: dict = field(default_factory=dict, repr=False)  # token -> comparable form (see narrative.norm)


def vocabulary(resources) -> QuoteVocabulary:
    """The vocabulary of these resources, built on first use and kept in ``resources.memo``."""
    found = resources.memo.get(MEMO_KEY)
    if found is None:
        found = resources.memo[MEMO_KEY] = build_vocabulary(resources.lexicons["en"], resources.lexicons["ru"])
    return found


def build_vocabulary(en: Lexicon, ru: Lexicon) -> QuoteVocabulary:
    cues_en, cues_ru = en.table("cue_verbs"), ru.table("cue_verbs")

    def flagged(flag: str) -> frozenset:
        return cues_en.where("quotes", flag) | cues_ru.where("quotes", flag)

    w = en.words
    cue_forms = flagged("cue")
    subject_stops = w("subject_stops")
    auxiliaries = w("auxiliaries")
    finite_verbs = auxiliaries | w("finite_verbs")
    female_words = w("female_words") | ru.words("female_words")
    male_words = w("male_words") | ru.words("male_words")
    np_stops = subject_stops | flagged("np_stop")
    outlet_descriptors = w("outlet_descriptors")
    named_org_nouns = w("named_org_nouns")
    regexes = _regexes(en, outlet_descriptors - {"the", "a", "an"}, named_org_nouns)
    return QuoteVocabulary(
        cue_forms=cue_forms, weak_cues=flagged("weak"), participle_cues=flagged("participle"),
        cue_words=cue_forms | {"according"}, np_stops=np_stops, subject_stops=subject_stops,
        fast_cues=en.ordered("fast_cues"),
        adverbs=w("subject_adverbs"), weekdays=w("weekdays"), months=w("months"), time_words=w("time_words"),
        time_modifiers=w("time_modifiers"), time_quantities=w("time_quantities"), time_after=w("time_after_words"),
        leading=w("subject_leading_words"), adverbial_starts=w("adverbial_starts"), pronouns=w("pronouns"),
        resolvable=w("resolvable_pronouns"), determiners=w("determiners"), scare_determiners=w("scare_determiners"),
        auxiliaries=auxiliaries, finite_verbs=finite_verbs, verbish=auxiliaries | w("common_verbs"),
        after_verb=w("after_verb_words"), participle_prepositions=w("participle_prepositions"),
        irregular_participles=w("irregular_participles"), lower_starts=w("lowercase_starts"),
        relative_pronouns=w("relative_pronouns"), relative_words=w("relative_pronouns") | {"when"},
        minor_apposition_starts=w("minor_apposition_starts"),
        np_after_stops=w("np_after_stops") | STOP_MARKS | {QUOTE_TOKEN},
        np_after_prepositions=w("np_after_prepositions"), np_after_objects=w("np_after_objects"),
        np_after_time_words=w("np_after_time_words"), noun_followers=w("noun_followers"),
        call_sign_words=w("call_sign_words"), subordinators=w("subordinators"),
        fast_np_stops=(w("subject_adverbs") | finite_verbs | cue_forms | np_stops | w("subject_leading_words")
                       | w("weekdays") | w("months") | w("time_words") | w("fast_np_stops"))
        - w("resolvable_pronouns"),
        naming_before=w("quote_naming_before"), naming_after=w("quote_naming_after"),
        self_naming=w("self_naming_words"), title_small=w("title_small_words"),
        complement_verbs=w("complement_verbs"), designation_verbs=w("designation_verbs"),
        span_prepositions=w("span_prepositions"), status_words=w("status_words"), copulas=w("copulas"),
        predicate_starts=w("predicate_starts"), particles=w("particles"), term_prepositions=w("term_prepositions"),
        to_verbs_after=w("to_verbs_after_quote"), to_verbs_before=w("to_verbs_before_quote"),
        object_taking_cues=w("object_taking_cues"),
        speech_followers=w("speech_followers") | SPEECH_MARKS | {QUOTE_TOKEN},
        female_words=female_words, male_words=male_words, female_names=w("female_names"),
        male_names=w("male_names"), male_names_in_a=w("male_names_in_a"),
        female_endings=en.ordered("female_surname_endings"), male_endings=en.ordered("male_surname_endings"),
        plural_words=w("plural_words"), plural_suffixes=en.ordered("plural_suffixes"),
        org_words=w("organisation_words"), person_words=female_words | male_words | w("person_words"),
        partitive=w("partitive_words"), head_noun_ends=w("head_noun_ends"), named_org_nouns=named_org_nouns,
        outlet_descriptors=outlet_descriptors, abbreviations=w("abbreviations"),
        **regexes,
    )


def _regexes(en: Lexicon, descriptors: frozenset, org_nouns: frozenset) -> dict[str, re.Pattern]:
    """The regexes whose alternations are lexicon entries, generated (longest entry first)."""
    desc = "(?i:" + alternation(descriptors, boundary=False).pattern[3:-1] + ")"
    cues = alternation(en.ordered("fast_cues"), boundary=False).pattern
    nouns = alternation(org_nouns, boundary=False).pattern
    org_name = r"(?P<name>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}?)"
    return dict(
        fast_right_re=re.compile(
            r"[,\x00]?[ \x00]*(?:[—–][ ]*)?"
            r"(?P<np>[Hh]e|[Ss]he|[Ii]t|[Tt]hey|(?:[Tt]he|[Aa]n?|[Oo]ne) [a-z]+(?: (?:[a-z]+|[A-Z][a-z’'-]+)){0,6}"
            r"|[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2})"
            r" (?P<cue>" + cues + r")\b(?! to\b)"),
        via_told_re=re.compile(
            r"^\s*(?:(?:the|a|an)\s+)?(?:" + desc + r"\s+){0,3}(?P<v>[A-Z0-9][\w.&'’-]*(?:\s+(?:[A-Z0-9][\w.&'’-]*))*)"),
        via_prep_re=re.compile(
            r"\b(?:interview|interviews|conversation|comments?|remarks|speaking|spoke|talking|talked|quoted|cited|"
            r"statement|told)\s+(?:\w+\s+){0,2}?(?:to|with|by)\s+(?:(?:the|a|an)\s+)?(?:" + desc + r"\s+){0,3}"
            r"(?P<v>[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*)*)"),
        org_name_before_re=re.compile(r"\b" + org_name + r"\s+(?:[a-z-]+\s+){0,2}" + nouns + r"\b"),
        org_name_after_re=re.compile(r"\b(?:the|a)\s+(?:[a-z-]+\s+){0,2}" + nouns + r"\s+" + org_name
                                     + r"(?![\w’'-])"),
    )
