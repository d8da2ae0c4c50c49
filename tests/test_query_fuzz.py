"""User query strings never crash: results, or one line and exit status 2."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import Archive
from archive.errors import QueryError

from conftest import SEEDS

PIECES = st.sampled_from(['"', "'", "*", "-", ":", "^", "(", ")", "+", ".", "\n", "\x00", " ", "AND", "OR", "NOT",
                          "NEAR", "NEAR(", "protest", "Novosibirsk", "St.", "7x7", "mobiliz", "Путь", "é"])
QUERIES = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=12).map("".join)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    archive = Archive(tmp_path_factory.mktemp("fuzz") / "a.db")
    archive.ingest([SEEDS])
    return archive


@settings(max_examples=1500, deadline=None, derandomize=True,  # the same 1,500 strings in every CI run
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES, raw=st.booleans())
def test_any_query_ends_in_results_or_a_query_error(archive, query, raw):
    try:
        result = archive.search(query, raw=raw)
    except QueryError as error:
        message = str(error)
        assert message and "\n" not in message
        return
    assert result.total >= 0


@pytest.mark.parametrize("query", ["", "\x00", "'\n", '"\n', "\"'", "NEAR(", "*", "^", "-", "a:b", "(", "AND"])
@pytest.mark.parametrize("raw", [False, True])
def test_edge_cases_through_the_cli(run, seeded, query, raw):
    result = run("search", *(["--raw"] if raw else []), query, "--json")
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        json.loads(result.output)
    else:
        assert result.output.startswith("Error:") and len(result.output.strip().splitlines()) == 1
