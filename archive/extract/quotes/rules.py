"""What becomes of a quoted span: named rules in ordered tables, walked by the engine.

The engine (archive.extract.quotes.engine) walks, for each top-level quoted span:

1. SHAPE: the span and the words around it, before any attribution is read;
2. CONTEXT: the same, once the attribution after the span ('"…," X said') is known;
3. DIRECT or PARTIAL, by the span's shape, once its attribution (right or left) is known.

The first rule whose test fires decides; DIRECT and PARTIAL end in a rule that accepts. The
candidate is an archive.extract.quotes.candidate.QuoteCandidate.
"""
from __future__ import annotations

from archive.extract.quotes.patterns import TERMINAL
from archive.extract.rules import ACCEPT, REJECT, Rule, Rules


def _article(*paragraphs: str) -> str:
    return "# An example\n\n" + "\n\n".join(paragraphs) + "\n"


SHAPE = Rules("quote shape", [
    Rule("blank", REJECT, lambda c: c.blank,
         _article('The sign said only "..." and nothing else.'),
         "marks around nothing but punctuation say nothing"),
    Rule("unclosed_mid_sentence", REJECT, lambda c: c.unclosed and not c.direct_shape,
         _article('The mayor promised a "new deal for the town and its people'),
         "an unclosed mark in mid-sentence is not a quote we can trust"),
    Rule("unclosed_not_introduced", REJECT, lambda c: c.unclosed and not (c.colon_intro or c.sentence_initial),
         _article('He said, "We will stay here until the end of the war and after'),
         "a quote left open is trusted only at a sentence start or after a colon"),
    Rule("possessive", REJECT, lambda c: c.possessive,
         _article('The town\'s "Victory Park" was closed on Monday by the police.'),
         "a short span after a possessive is a name"),
    Rule("naming_before", REJECT, lambda c: c.naming_before,
         _article('He wrote a book called "The Long Road Home" in 2015.'),
         'after "called", "film", "law"… a span names something'),
    Rule("names_itself", REJECT, lambda c: c.names_itself,
         _article('Volunteers of "Free Volunteer Union" met in the square on Monday.'),
         'a short span ending in "movement", "party", "law"… names itself'),
    Rule("scare_term", REJECT, lambda c: c.scare_term,
         _article('The "special military action" went on for another year.'),
         "a short span after a determiner, inside the sentence, is a term"),
])

CONTEXT = Rules("quote context", [
    Rule("in_parens", REJECT, lambda c: c.in_parens and not c.right_attr,
         _article('They live in Kupiansk ("the front town") now.'),
         "a span in parentheses with no attribution is a gloss"),
    Rule("term_preposition", REJECT, lambda c: c.term_preposition(),
         _article('Students were summoned for "preventive conversations" with the police.'),
         "a short verbless span after a preposition is a term"),
    Rule("naming_after", REJECT, lambda c: c.naming_after and not c.right_attr,
         _article('Volunteers joined "Northern Wind" battalion near the border.'),
         'a short span followed by "movement", "battalion"… names it'),
    Rule("title_case", REJECT, lambda c: c.title_case and c.nwords <= 6 and not c.right_attr and not c.colon_intro
         and not (c.sentence_initial and c.follows_quote and c.nwords >= 3),
         _article('Residents watched "Cold Summer Nights" on television last week.'),
         "a short Title Case span with no attribution is a name or a title"),
])

DIRECT = Rules("direct quote", [
    Rule("lone_too_short", REJECT,
         lambda c: c.attr is None and c.sentence_initial and not c.colon_intro and c.nwords < 3
         and not c.first_person and c.text[-1:] not in TERMINAL,
         _article('"Nothing more"'),
         "a lone span with no attribution must read like speech"),
    Rule("direct", ACCEPT, lambda c: True,
         _article('"We will not leave our homes," the mayor said.'),
         "a span that opens its sentence, follows a colon or a cue, or is attributed like one"),
])

PARTIAL = Rules("partial quote", [
    Rule("partial_unattributed", REJECT,
         lambda c: c.attr is None and not (c.nwords >= 6 and (c.has_verb or c.first_person))
         and not (c.first_person and c.nwords >= 3),
         _article('The plan was a "bold new approach" to the crisis.'),
         "a fragment with no attribution must be long and verbal, or in the first person"),
    Rule("partial_title_case", REJECT,
         lambda c: c.title_case and c.nwords <= 6 and not (c.right_attr is not None and c.right_attr.element),
         _article('Officials promised "Peace And Order," the minister said.'),
         "a Title Case fragment is a name, even when a cue governs it"),
    Rule("partial_verbless", REJECT, lambda c: c.nwords <= 4 and not c.has_verb and c.attr is None,
         _article('Everyone remembers "our own home" in the village.'),
         "a short verbless fragment with no attribution"),
    Rule("partial", ACCEPT, lambda c: True,
         _article('The mayor said the town would "never surrender to them" whatever happened.'),
         "a fragment a cue governs, or long enough to be speech"),
])

HEADLINE = Rules("headline quote", [
    Rule("headline_not_in_body", REJECT, lambda h: h.body_quote is None,
         '# "We were told nothing": residents flee\n\nResidents left. "The water is gone," said Anna Petrova.\n',
         "a headline opening with quoted words the body never quotes"),
    Rule("headline_in_body", ACCEPT, lambda h: True,
         '# "We were told nothing": residents flee\n\n"We were told nothing," said Anna Petrova, a resident.\n',
         "a headline opening with words a body quote says: that quote's speaker"),
])

RULES: tuple[Rules, ...] = (SHAPE, CONTEXT, DIRECT, PARTIAL, HEADLINE)
