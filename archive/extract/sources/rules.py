"""The sources' rules: named, ordered tables, each rule with an example article that it decides.

CUE_RULES decide a group of coordinated candidates ("IStories and CIT"): the first rule whose test
finds a cue accepts them all with it; "no cue" rejects. PUBLISHER_RULES then decide each accepted
candidate (the publisher on the receiving end is not cited), LINK_RULES a link on a cue word, and
CREDIT_RULES a credit link above the body.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archive.extract.rules import ACCEPT, REJECT, Rule, Rules
from archive.extract.sources.cues import (
    after_cue, after_including, before_cue, object_of_preposition, publisher_receives, speaks_for,
    subject_of_later_cue,
)
from archive.extract.sources.text import left_reversed

_LATE = object()  # not computed yet


@dataclass(slots=True, eq=False, init=False)
class Group:
    """Coordinated candidates and what the cue rules found for them (computed once, on demand)."""

    v: Any
    full: str
    lo: int
    hi: int
    members: list
    first: Any
    last: Any
    hits: list
    cue: Any
    _after: Any
    _before: Any

    def __init__(self, v, full: str, lo: int, hi: int, members, hits):
        self.v, self.full, self.lo, self.hi = v, full, lo, hi
        self.members, self.first, self.last = members, members[0], members[-1]
        self.hits = hits  # (candidate, cue, cue start, cue end) accepted so far in the paragraph
        self.cue = None
        self._after = self._before = _LATE

    @property
    def after(self):
        if self._after is _LATE:
            self._after = after_cue(self.v, self.full, self.last, self.hi)
        return self._after

    @property
    def before(self):
        if self._before is _LATE:
            self._before = before_cue(self.v, self.full, self.first, self.lo, self.hi)
        return self._before

    def found(self, cue) -> bool:
        if cue is None:
            return False
        self.cue = cue[:3]
        return True


def _subject(g: Group) -> bool:
    return g.after is not None and not object_of_preposition(g.v, g.full, g.first, g.lo) and g.found(g.after)


def _listed_subject(g: Group) -> bool:
    return g.after is not None and after_including(g.v, g.full, g.first, g.lo) and g.found(g.after)


def _spoken_for(g: Group) -> bool:
    return g.after is not None and speaks_for(g.v, g.full, g.first, g.lo) and g.found(g.after)


def _before(group: str):
    def test(g: Group) -> bool:
        return g.before is not None and g.before[3] == group and g.found(g.before)
    return test


def _reporters(g: Group) -> bool:
    after = g.after
    return (after is not None and after[0] == "reported"
            and bool(g.v.reporters_r.match(left_reversed(g.full, g.first.start, g.lo, 80))) and g.found(after))


def _later_cue(g: Group) -> bool:
    return g.found(subject_of_later_cue(g.v, g.full, g.first, g.last, g.lo, g.hi))


def _listed_then_verb(g: Group) -> bool:
    if not after_including(g.v, g.full, g.first, g.lo):
        return False
    m = g.v.incl_verb_re.match(g.full, g.last.end, g.hi)
    return m is not None and g.found((g.v.verb_cue[m.group("cue")], m.start("cue"), m.end("cue")))


def _partner(g: Group) -> bool:
    full, lo, first = g.full, g.lo, g.first
    if not (g.hits and " with " in full[max(lo, first.start - 60):first.start]
            and g.v.together_r.match(left_reversed(full, first.start, lo, 80))):
        return False
    prev, cue0, cs0, ce0 = g.hits[-1]
    if any(ch in full[prev.end:first.start] for ch in ".!?;"):
        return False
    g.cue = (cue0, cs0, ce0)
    return True


def _example(sentence: str) -> str:
    return f"# A headline\n\n{sentence}\n"


CUE_RULES = Rules("sources", [
    Rule("subject of a cue verb", ACCEPT, _subject, _example("Three people died, Mediazona reported."),
         "the name is the subject of reported / said / told / found ..."),
    Rule("listed subject of a cue verb", ACCEPT, _listed_subject,
         _example("Several channels, like Rybar reported the losses."),
         "a name in an including-list is still the verb's subject"),
    Rule("speaks for it", ACCEPT, _spoken_for,
         _example("The press service of the Tomsk Regional Court said the case was closed."),
         "whoever speaks for a body makes the body the source"),
    Rule("according to", ACCEPT, _before("acc"), _example("According to Mediazona, 40 men were killed.")),
    Rule("data by", ACCEPT, _before("data"), _example("An investigation by The Insider found the officers.")),
    Rule("participle by", ACCEPT, _before("by"), _example("The blast was filmed by Astra.")),
    Rule("citing", ACCEPT, _before("citing"), _example("The agency said, citing Mediazona, that 40 men died.")),
    Rule("told", ACCEPT, _before("told"), _example("One woman told IStories that her son was drafted."),
         "the receiver of information is cited (not an unknown organisation)"),
    Rule("on its channel", ACCEPT, _before("onverb"), _example("The governor wrote on Telegram channel Baza that no one died."),
         "a verb of posting on an outlet; not for organisations"),
    Rule("in a post", ACCEPT, _before("post"), _example("In a post on Rybar, the author claimed a breakthrough."),
         "a post, video or article on an outlet; not for organisations"),
    Rule("inverted cue", ACCEPT, _before("inv"), _example('"We are leaving," said Meduza.'),
         "the cue before its subject after a quote"),
    Rule("sources in", ACCEPT, _before("src"), _example("Sources in Rosatom said the plant was safe."),
         "anonymous sources inside a body that speaks"),
    Rule("reporters with it", ACCEPT, _reporters,
         _example("Reporters with the Kazakh news site Orda.kz found that the recruiters paid in cash."),
         "reporters of an outlet report for it"),
    Rule("subject of a later cue", ACCEPT, _later_cue,
         _example("The U.S. Commerce Department blacklisted three firms, saying they had shipped chips to Russia."),
         'a sentence subject cited by a later ", saying" / ", it said"'),
    Rule("listed, then a verb", ACCEPT, _listed_then_verb,
         _example("Several channels, including the pro-war Rybar, acknowledged the losses."),
         "an including-list followed by a verb"),
    Rule("partner of a cited source", ACCEPT, _partner,
         _example("Mediazona, which together with the BBC Russian Service tracks deaths, has confirmed 500 names."),
         '"together with" a cited source shares its cue'),
    Rule("no cue", REJECT, lambda g: True, _example("Vladimir Putin met the editor of Kommersant on Monday."),
         "a name with no cue tying it to information is mentioned, not cited"),
])


@dataclass(slots=True, eq=False)
class Cited:
    """One accepted candidate and its cue, for the publisher rules."""

    v: Any
    full: str
    candidate: Any
    cue: str
    cs: int
    publisher: str | None


@dataclass(slots=True, eq=False)
class LinkCandidate:
    """A link in a paragraph (or a credit link) and what it points to."""

    link: Any
    cue: str | None = None
    handle: str | None = None
    source: Any = None
    own: bool = False
    cited: Any = ()


PUBLISHER_RULES = Rules("sources", [
    Rule("publisher receives", REJECT,
         lambda c: c.candidate.source.name == c.publisher and publisher_receives(c.v, c.full, c.cue, c.cs,
                                                                                c.candidate.start),
         "# A headline\n\nOne woman told The Moscow Times that her son was drafted.\n\nOriginal url:\n\n"
         "<https://www.themoscowtimes.com/2024/01/01/a>\n",
         'the publisher as the receiver ("told Reuters", "seen by Reuters") is not a citation'),
    Rule("cited", ACCEPT, lambda c: True, _example("Three people died, Mediazona reported.")),
])

_LINK_EXAMPLE = "# A headline\n\nThe depot burned, the channel [reported](https://t.me/astrapress).\n"

LINK_RULES = Rules("sources", [
    Rule("link not on a cue word", REJECT, lambda k: k.cue is None,
         "# A headline\n\nThe depot [burned](https://t.me/astrapress) on Monday.\n"),
    Rule("publisher's own channel", REJECT, lambda k: k.own,
         "# A headline\n\nThe depot burned, we [reported](https://t.me/moscowtimes).\n\nOriginal url:\n\n"
         "<https://www.themoscowtimes.com/2024/01/01/a>\n"),
    Rule("not a source link", REJECT, lambda k: k.source is None,
         "# A headline\n\nThe depot burned, the ministry [said](https://example.org/x).\n"),
    Rule("already cited", REJECT, lambda k: k.source.name in k.cited,
         "# A headline\n\nAstra reported the fire, as it [said](https://t.me/astrapress) on Monday.\n"),
    Rule("link on a cue word", ACCEPT, lambda k: True, _LINK_EXAMPLE),
])

_CREDIT = "# A headline\n\nJanuary 1, 2024\n\n[{text}]({href})\n\nThe depot burned on Monday.\n\nOriginal url:\n\n<{url}>\n"

CREDIT_RULES = Rules("sources", [
    Rule("publisher's credit link", REJECT, lambda k: k.own,
         _CREDIT.format(text="The Moscow Times", href="https://t.me/moscowtimes_ru",
                        url="https://www.themoscowtimes.com/2024/01/01/a")),
    Rule("credit not a source", REJECT, lambda k: k.source is None,
         _CREDIT.format(text="Photo", href="https://example.org/photo", url="https://meduza.io/en/a")),
    Rule("credit link", ACCEPT, lambda k: True,
         _CREDIT.format(text="Astra", href="https://t.me/astrapress", url="https://meduza.io/en/a")),
])

RULES = (CUE_RULES, PUBLISHER_RULES, LINK_RULES, CREDIT_RULES)
