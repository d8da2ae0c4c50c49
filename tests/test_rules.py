"""Every extraction rule is a named object with an example that exercises it; explain shows them."""
from __future__ import annotations

import importlib
import json

import pytest

from archive.extract import extract
from archive.extract.rules import ACCEPT, REJECT, Rule, Rules, Trace
from archive.parse.markdown import parse_markdown

STAGES = ("archive.extract.quotes", "archive.extract.places", "archive.extract.sources")


def _tables():
    for name in STAGES:
        module = importlib.import_module(name)
        for table in getattr(module, "RULES", ()):
            yield name, table


ALL_RULES = [(stage, table, rule) for stage, table in _tables() for rule in table]


def test_every_stage_declares_its_rules():
    declared = {stage for stage, _ in _tables()}
    assert declared == set(STAGES)


def test_rule_names_are_unique_within_a_table_and_decisions_known():
    for _, table, rule in ALL_RULES:
        assert isinstance(table, Rules) and isinstance(rule, Rule)
        assert rule.decision in (ACCEPT, REJECT)
        assert rule.example.strip()


@pytest.mark.parametrize("stage,table,rule", ALL_RULES,
                         ids=[f"{t.kind}:{r.name}" for _, t, r in ALL_RULES])
def test_every_rule_has_an_example_that_exercises_it(stage, table, rule, resources):
    trace = Trace()
    extract(parse_markdown(rule.example, "example.md"), resources, trace=trace)
    decided = {d.rule for d in trace.decisions}
    assert rule.name in decided, f"{rule.name}'s example is decided by {sorted(decided)}"


def test_a_rule_switched_off_no_longer_decides():
    table = Rules("demo", [Rule("short", REJECT, lambda c: len(c) < 3, "# x\n\nab\n"),
                           Rule("long", ACCEPT, lambda c: True, "# x\n\nabcd\n")])
    assert table.decide("ab").name == "short"
    assert table.without("short").decide("ab").name == "long"
    with pytest.raises(KeyError):
        table.without("nonesuch")
    with pytest.raises(ValueError, match="two rules named"):
        Rules("demo", [table["short"], table["short"]])


def test_explain_prints_each_candidate_and_its_rule(run, seeded):
    result = run("explain", "1", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    kinds = {d["kind"] for d in data["decisions"]}
    assert kinds == {"quotes", "places", "sources"}
    names = {rule.name for _, _, rule in ALL_RULES} | {"kept"}
    assert all(d["rule"] in names for d in data["decisions"]), {d["rule"] for d in data["decisions"]} - names
    assert any(d["decision"] == REJECT for d in data["decisions"])
    table = run("explain", "1", "--kind", "quotes")
    assert table.exit_code == 0 and "quotes" in table.output and "places" not in table.output.split("\n", 1)[1]


def test_explain_takes_a_file_and_refuses_what_is_not_there(run, seeded, tmp_path):
    page = tmp_path / "a.md"
    page.write_text('# Title\n\n"We are not afraid," said Anna Petrova in Novosibirsk.\n', encoding="utf-8")
    result = run("explain", str(page), "--accepted", "--json")
    assert result.exit_code == 0, result.output
    found = {(d["kind"], d["candidate"]) for d in json.loads(result.output)["decisions"]}
    assert ("places", "Novosibirsk") in found and any(k == "quotes" for k, _ in found)
    missing = run("explain", "42")
    assert missing.exit_code != 0 and len(missing.output.strip().splitlines()) == 1
    assert "no article with id '42'" in missing.output
