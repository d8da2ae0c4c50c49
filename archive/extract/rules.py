"""Rules as named, ordered objects, and the trace that says which one decided.

A rule is a name, a test, a decision and an example (Datasette's
``Filters._filters`` is the model: a table of small objects, so a test can
check every one). An engine walks its ``Rules`` in order; the first rule whose
test is true decides. With a ``Trace`` the engine records every candidate and
the rule that accepted or rejected it (``archive explain``); without one it
records nothing and pays nothing.

    QUOTE_RULES = Rules("quotes", [
        Rule("possessive", REJECT, lambda c: c.possessive,
             'the "Free Russia"\\'s office', "a quoted name owning something is a name"),
        ...
    ])
    rule = QUOTE_RULES.decide(candidate)          # the first that fires, or None
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Callable, Iterable, Iterator

ACCEPT = "accept"
REJECT = "reject"
DECISIONS = (ACCEPT, REJECT)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # unique within its Rules; shown by archive explain
    decision: str  # ACCEPT or REJECT
    test: Callable[[Any], bool]
    example: str  # an article text (Markdown) in which this rule decides a candidate
    why: str = ""  # one line: the reason, for people

    def __post_init__(self):
        if self.decision not in DECISIONS:
            raise ValueError(f"rule {self.name!r}: decision {self.decision!r} is not one of {DECISIONS}")
        if not self.example.strip():
            raise ValueError(f"rule {self.name!r} has no example")


class Rules:
    """An ordered table of rules for one kind of candidate; the first that fires decides."""

    __slots__ = ("kind", "rules", "_by_name", "disabled")

    def __init__(self, kind: str, rules: Iterable[Rule]):
        self.kind = kind
        self.rules: tuple[Rule, ...] = tuple(rules)
        self._by_name = {}
        for rule in self.rules:
            if rule.name in self._by_name:
                raise ValueError(f"{kind}: two rules named {rule.name!r}")
            self._by_name[rule.name] = rule
        self.disabled: frozenset[str] = frozenset()

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __getitem__(self, name: str) -> Rule:
        return self._by_name[name]

    def decide(self, candidate) -> Rule | None:
        disabled = self.disabled
        for rule in self.rules:
            if rule.test(candidate) and rule.name not in disabled:
                return rule
        return None

    def without(self, *names: str) -> Rules:
        """The same table with some rules switched off (for experiments and tests)."""
        unknown = set(names) - set(self._by_name)
        if unknown:
            raise KeyError(f"{self.kind}: no rule {sorted(unknown)}")
        copy = Rules(self.kind, self.rules)
        copy.disabled = frozenset(names)
        return copy


@dataclass(frozen=True, slots=True)
class Decision:
    """One candidate and what became of it."""

    # Field order is the order `archive explain` shows them in.
    kind: str  # quotes | places | sources
    paragraph: int | None  # position; None for the title or outside the body
    decision: str  # ACCEPT | REJECT
    rule: str  # the rule's name ("kept" when no rule rejected it and the engine kept it)
    candidate: str  # the text of the candidate
    detail: str  # what was found: the speaker, the place, the source
    start: int


@dataclass
class Trace:
    """Collects Decisions while engines run; engines take ``trace=None`` and skip all this then."""

    kinds: frozenset[str] | None = None  # record only these kinds (None: all)
    decisions: list[Decision] = field(default_factory=list)

    def wants(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds

    def record(self, kind: str, candidate: str, paragraph: int | None, start: int, rule: str, decision: str,
               detail: str = "") -> None:
        if self.kinds is None or kind in self.kinds:
            self.decisions.append(Decision(kind, paragraph, decision, rule, candidate, detail, start))

    def rules_that_decided(self, kind: str | None = None) -> set[str]:
        return {d.rule for d in self.decisions if kind is None or d.kind == kind}
