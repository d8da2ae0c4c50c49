"""The sources' vocabulary: every word list read from the lexicon and the registry, and the regexes
generated from them (before-cues are matched on reversed text: each entry is reversed in code, ``rev``).

Built once per Resources (``vocabulary(resources)``, kept in ``resources.memo["sources"]``); the
memo dicts on it replace what were lru_caches.
"""
from __future__ import annotations

import re

from archive.extract.lexicon import LexiconError, alternation
from archive.kinds import SOURCE_KINDS

UPPER = "A-ZА-ЯЁІЇЄҐ"
LOWER = "a-zа-яёіїєґ"
TOKEN_CAP = rf"(?:St\.|[{UPPER}0-9][\w'.\-/&+:]*[\w]|[{UPPER}])(?:'(?= [{UPPER}]))?"
TOKEN = rf"(?:St\.|[{UPPER}0-9][\w'.\-/&+:]*[\w]|[{UPPER}]|[{LOWER}]+[{UPPER}][\w.\-]*[\w])(?:'(?= [{UPPER}]))?"
QUOTED = r"\"[^\"\n]{2,60}?\""
PAREN = r" ?\((?P<paren>[^()\n]{1,60})\)"
PAREN_RE = re.compile(PAREN)
ACRONYM = re.compile(rf"^[{UPPER}][\w.\-&]{{1,11}}$")
ORGTOK = rf"(?:St\.|U\.S\.|U\.K\.|U\.N\.|[{UPPER}0-9][\w'\-&]*[\w]|[{UPPER}])"


def rev(words) -> str:
    """An alternation of the entries written backwards (longest first), to match on reversed text."""
    return "(?:" + "|".join(re.escape(w[::-1]) for w in sorted(set(words), key=len, reverse=True)) + ")"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class SourceVocabulary:
    """Everything the sources stage reads besides the article, for one lexicon and registry."""

    def __init__(self, lex, registry, gazetteer=None):
        self.registry = registry
        self.gazetteer = gazetteer
        self.keep_the = lex.words("names_needing_the")
        self.stop_tokens = lex.words("source_stop_tokens")
        self.generic_body = lex.words("generic_body_words")
        self.adj_suffixes = lex.ordered("adjective_suffixes")
        self.owned_ok = lex.words("owned_name_words")
        self.connect_words = lex.words("name_connectors")
        self.demonyms = {d: ("" if c == "-" else c) for d, c in lex.table("demonyms").rows}
        self.country_demonym = dict(lex.table("country_demonyms").rows)
        self.country_forms = {*self.country_demonym, *(k for k, v in self.demonyms.items() if v)}
        self.descriptors = dict(lex.table("source_descriptors").rows)
        if unknown := set(self.descriptors.values()) - set(SOURCE_KINDS):
            raise LexiconError(f"source_descriptors: unknown source kind {sorted(unknown)[0]!r}")
        self.first_words_not_sources = lex.words("titles_not_sources")
        self.org_heads = lex.ordered("organisation_heads")
        self.org_head_set = frozenset(self.org_heads)
        self.verb_cue = lex.table("cue_verbs").mapping("form", "citations")
        self.org_verbs = lex.table("cue_verbs").where("organisations", "cites")
        self.participle_cue = dict(lex.table("source_participles").rows)
        self.link_cue_text = dict(lex.table("link_cue_words").rows)
        self.tlds = registry.tlds
        self._patterns(lex)
        self._names()
        # memo dicts (were lru_caches)
        self.resolved: dict = {}
        self.clean_names: dict = {}
        self.org_names: dict = {}
        self.places: dict = {}
        self.publisher_keys: dict = {}

    def _patterns(self, lex) -> None:
        connect = "(?:" + "|".join(lex.ordered("name_connectors")) + ")"
        self.connect = connect
        namerun = rf"(?:{QUOTED}|{TOKEN}(?: (?:{connect} )?{TOKEN}){{0,5}})"
        namerun_cap = rf"(?:{QUOTED}|{TOKEN_CAP}(?: (?:{connect} )?{TOKEN_CAP}){{0,5}})"
        mod_exclude = lex.ordered("not_modifiers")
        modword = r"(?!(?:" + "|".join(mod_exclude) + r")\b)[a-z][\w-]*"
        self.modword = modword
        self.left_name_re = re.compile(rf"(?P<name>{namerun_cap})(?:{PAREN})? (?P<mods2>(?:{modword} ){{0,2}})$")
        self.right_name_re = re.compile(
            rf" (?:(?:called|named|known as|dubbed|titled) )?(?P<of>of (?:the )?)?(?P<name>{namerun})(?:{PAREN})?")
        self.appos_name_re = re.compile(rf"(?P<name>{namerun_cap})(?:{PAREN})?$")
        self.its_r = re.compile(" " + rev(("its", "the country's", "the state's")) + r"(?![\w'])")
        self.country_word_re = re.compile(r"\b(?:" + "|".join(sorted((re.escape(c) for c in self.country_forms
                                                                      if c[0].isalpha()), key=len, reverse=True)) + r")\b")
        self.name_goes_on_re = re.compile(rf" (?:(?:{connect}) )?[{UPPER}][{LOWER}]")
        self.cue_name_re = re.compile(rf"(?P<name>{TOKEN_CAP}(?: (?:{connect} )?{TOKEN_CAP}){{0,4}})")
        self.org_left_re = re.compile(rf"(?:{ORGTOK} (?:and (?={ORGTOK} ))?){{1,5}}$")
        tlds = "(?:" + "|".join(re.escape(t) for t in self.tlds) + ")"
        self.tld_re = re.compile(rf"\.{tlds}(?![\w-])")
        self.domain_name_re = re.compile(rf"[{UPPER}0-9][\w-]*\.{tlds}(?![\w-])")
        self.handle_suffix_re = re.compile(r"_?(?:" + "|".join(re.escape(s) for s in self.registry.handle_suffixes) + ")$")
        self._cue_patterns(lex, mod_exclude)

    def _cue_patterns(self, lex, mod_exclude) -> None:
        verbs = "|".join(sorted(self.verb_cue, key=len, reverse=True))
        self.verbs = verbs
        from archive.extract.sources.cue_patterns import ADVERB, APPOS_START

        self.after_re = re.compile(
            rf"(?:{PAREN})?"
            rf"(?P<appos> ?, ?{APPOS_START}\b(?:[^,;\n]|(?<=\d),(?=\d{{3}})){{0,110}}?,)?"
            rf" (?:{ADVERB} ){{0,3}}(?P<cue>{verbs})(?![\w-])")
        self.incl_verb_re = re.compile(rf" ?,? (?:{ADVERB} ){{0,2}}(?P<cue>{verbs})(?![\w-])")
        cap_mods = [*self.demonyms, *lex.ordered("capitalised_modifiers")]
        modr = r"(?:(?!" + rev(mod_exclude) + r"(?![\w-]))[\w-]*[a-z]|" + rev(cap_mods) + r")(?![\w-])"
        det_r = rf"(?:(?:{modr} ){{0,4}}{rev(('the', 'an', 'a'))} )?"
        by_from = rev(("by", "from"))
        self.before_r = re.compile(
            " " + det_r + "(?:"
            rf"(?P<acc>(?:{by_from} [^.;!?\n]{{0,90}}? )?{rev(('according to', 'According to'))})(?![\w-])"
            rf"|(?P<data>{by_from}(?: [^.;!?\n]{{0,50}}?)? (?i:{rev(lex.ordered('data_nouns'))}))(?![\w-])"
            rf"|(?P<by>{rev(('by',))}(?: \w+)? {rev(lex.ordered('by_participles'))}"
            rf"(?: {rev(('first', 'originally', 'previously', 'also'))})?)(?![\w-])"
            rf"|(?P<citing>{rev(('citing', 'quoting'))})(?![\w-])"
            rf"|(?P<told>(?i:{rev(lex.ordered('told_phrases'))}|{rev(('with', 'to', 'for'))} {rev(('interview',))}"
            rf"(?: \w+)? {rev(('an',))}(?: {rev(('in',))})?))(?![\w-])"
            rf"|(?P<onverb>{rev(('on', 'in', 'to', 'for'))}(?: [^.;!?\n]{{0,60}}?)? {rev(lex.ordered('on_channel_verbs'))})(?![\w-])"
            rf"|(?P<post>{rev(('on', 'in', 'for', 'to'))}(?: {rev(('published', 'posted'))})? {rev(lex.ordered('post_nouns'))}"
            rf" (?i:{rev(lex.ordered('post_determiners'))}))(?![\w-])"
            rf"|(?P<inv>{rev(lex.ordered('inverted_cues'))} ?[,\"])"
            rf"|(?P<src>{rev(lex.ordered('anonymous_source_prepositions'))} {rev(('sources', 'source', 'Sources', 'Source'))})(?![\w-])"
            ")")
        self.mods_gap_r = re.compile(rf" (?:{modr} ){{1,2}}")
        self.prep_r = re.compile(" " + det_r + rev(lex.ordered("object_prepositions")) + r"(?![\w-])")
        self.including_r = re.compile(rf" (?:{modr} ){{0,2}}(?:{rev(('the',))} )?"
                                      rf"{rev(('including', 'such as', 'like', 'among them'))} ?[,(]")
        self.coord_re = re.compile(rf"^ ?(?:, ?(?:and |& )?|and |& |as well as |together with |along with )"
                                   rf"(?:(?:the|an?) )?(?:{self.modword} ){{0,3}}$")
        self.speaks_for_r = re.compile(" " + rf"(?:{rev(('the',))} )?{rev(('of', 'for', 'at'))} "
                                       + rev(lex.ordered("speaker_nouns")) + r"(?![\w-])")
        self.reporters_r = re.compile(" " + det_r + rev(("with", "from", "of", "at", "for")) + " "
                                      + rev(lex.ordered("reporter_nouns")).replace("(?:", "(?i:", 1) + r"(?![\w-])")
        self.together_r = re.compile(" " + det_r + rev(("with",)) + " " + rev(
            ("together", "along", "jointly", "in partnership", "in cooperation")) + r"(?![\w-])")
        receiving = lex.table("receiving_participles")
        self.receiving_r = re.compile(
            rf"(?:(?:{'|'.join(re.escape(w) for w in receiving.column('participle'))})(?: \w+)? (?:by|to|with)"
            r"|\b(?:to|with|for)) (?:the )?$")
        self.receiving_after_according_re = alternation(
            w for w, according in receiving.rows if according == "yes")


    def _names(self) -> None:
        """Registry names, organisation heads and countries: one trie-shaped regex over the text."""
        from archive.extract.sources.text import canonical, trie_pattern

        table: dict[str, tuple] = {}  # form -> (source or None, needs "the", role)
        for source in self.registry.sources:
            for alias in (source.name, *source.aliases):
                alias = canonical(alias)
                if alias in NO_BARE or len(alias) < 2:
                    continue
                forms: dict[str, bool] = {}
                if alias.startswith("The "):
                    rest = alias[4:]
                    forms[rest] = rest in self.keep_the
                else:
                    forms[alias] = False
                for form, need_the in list(forms.items()):
                    if any(c.islower() for c in form) and not form[0].islower():
                        forms.setdefault(form.upper(), need_the)
                for form, need_the in forms.items():
                    table.setdefault(form, (source, need_the, "registry"))
        for head in self.org_heads:
            table.setdefault(head, (None, False, "org"))
        for country in self.country_forms:  # "Russia's ...", "Russian ...", "UK ...": never a bare "Russia"
            if country in self.country_demonym:
                table.setdefault(country + "'s", (None, False, "country"))
                if country in BARE_COUNTRIES:
                    table.setdefault(country, (None, False, "country"))
            else:
                table.setdefault(country, (None, False, "country"))
        self.table = table
        self.caps = re.compile(trie_pattern(sorted(f for f in table if not f[0].islower())))
        self.lower = tuple((f, table[f][0]) for f in table if f[0].islower() and table[f][0] is not None)
        heads: dict[str, list[str]] = {}
        for desc in self.descriptors:
            heads.setdefault(desc.split()[-1].split("-")[-1] if desc != "think-tank" else "think-tank", []).append(desc)
        self.desc = re.compile(r" (" + trie_pattern(sorted(heads)) + r")(?![\w-])")
        self.desc_heads = {h: tuple(sorted(d, key=len, reverse=True)) for h, d in heads.items()}


NO_BARE = frozenset({"Time"})  # names matched only through a longer alias ("Time magazine")
BARE_COUNTRIES = frozenset({"UK", "U.K.", "US", "U.S.", "UAE"})  # a country matched without "'s"


def vocabulary(resources) -> SourceVocabulary:
    """The sources' SourceVocabulary of these Resources, built on first use."""
    v = resources.memo.get("sources")
    if v is None:
        v = resources.memo["sources"] = SourceVocabulary(resources.en, resources.registry, resources.gazetteer)
    return v
