"""The plain-Markdown fast path reads exactly what markdown-it-py reads, or declines.

Whenever plain_blocks returns Blocks they must equal markdown_blocks' for the same
body; on generated documents full of Markdown's traps, and on every article here.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.parse.blocks import markdown_blocks
from archive.ingest.decode import decode
from archive.parse.markdown import parse_markdown, read_front_matter
from archive.parse.plain_blocks import plain_blocks

from conftest import FIXTURES, ROOT, SEED_FILE

ARTICLES = sorted(
    p for folder in (FIXTURES, ROOT / "seeds", ROOT / "evaluation") for p in folder.rglob("*")
    if p.is_file() and p.suffix in (".md", ".txt")
)

# Pieces that are plain, and pieces that open every construct the fast path must decline
# or read exactly as markdown-it-py does.
PIECES = st.sampled_from([
    "Moscow", "protest", "Новосибирск", "the ", " ", "  ", "\n", "\n\n", "\n \n", ".", ",", "!", "?", ":", "-",
    "# ", "## ", "###### ", "####### ", "#", "#tag", "[", "]", "(", ")", "[text](https://example.org/a_b)",
    "[t.me/x_y](https://t.me/x_y)", "[](#)", "[a](#)", "[x](<y>)", '[x](y "t")', "![img](p.png)", "[ref]: /u",
    "<https://example.org/q?a=1&b=2>", "<mailto:a@b.c>", "<b>", "</div>", "<", ">", "> ", "- ", "* ", "+ ", "1. ",
    "2) ", "2022. ", "10,000 ", "*", "**", "_", "__", "a_b", "_a_", "`", "```", "~~~", "\\", "&amp;", "&#1;", "&",
    "|", "| a | b |\n|---|---|", "===", "---", "***", "___", "\t", "    ", "\r\n", "\x00", "\u00a0", "\u2028",
    "\ufeff", "\x0c", "javascript:alert(1)", "[j](javascript:alert(1))", "[u](https://пример.рф/путь)",
    "[p](http://a.b/%zz)", "[s](HTTP://A.B)",
])
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=30).map("".join)
# Mostly what the fast path takes: links, brackets, headings and line breaks in many arrangements.
NEAR_PLAIN = st.lists(st.sampled_from([
    "Moscow", "a_b", " ", "\n", "\n\n", "# ", "## ", "[", "]", "(", ")", "!", "[of the troops]", "[a](#)",
    "[t.me/x_y](https://t.me/x_y)", "<https://example.org/x>", "[b](https://пример.рф)", "Original url:", "2023",
]), max_size=25).map("".join)


@settings(max_examples=3000, deadline=None, derandomize=True)  # the same documents in every run
@given(body=DOCUMENTS)
def test_fast_path_reads_what_markdown_it_reads_or_declines(body):
    fast = plain_blocks(body)
    if fast is not None:
        assert fast == markdown_blocks(body)


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(body=NEAR_PLAIN)
def test_fast_path_on_nearly_plain_documents(body):
    fast = plain_blocks(body)
    if fast is not None:
        assert fast == markdown_blocks(body)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_article_here_reads_the_same_either_way(path):
    body = read_front_matter(decode(path.read_bytes())[0])[1]
    fast = plain_blocks(body)
    if fast is not None:
        assert fast == markdown_blocks(body)


def test_the_fast_path_takes_plain_articles():
    # not a vacuous comparison: most hand-written articles here are plain Markdown
    taken = [p for p in ARTICLES if plain_blocks(read_front_matter(decode(p.read_bytes())[0])[1]) is not None]
    assert len(taken) >= len(ARTICLES) * 0.8


@pytest.mark.parametrize("body", [
    "# T\n\nSome *emphasis*.", "# T\n\n- a list", "# T\n\n> a quote", "# T\n\n    code", "T\n===\n\nx",
    "# T\n\n[ref]\n\n[ref]: https://x.y", "# T\n\n![an image](a.png)", "# T\n\nAT&amp;T", "# T\n\na `code` b",
    "# T\n\nline  \nbreak", "# T\n\n<div>html</div>", "# T\n\n| a | b |\n|---|---|", "# T\n\n1. first",
])
def test_the_fast_path_declines_markdown_it_needs(body):
    assert plain_blocks(body) is None


def test_seed_parses_the_same_with_the_fast_path_off(monkeypatch):
    import archive.parse.markdown

    source = SEED_FILE.read_text(encoding="utf-8")
    plain = "\n".join(line.replace("**", "") for line in source.split("\n"))  # the seed made plain
    assert plain_blocks(read_front_matter(plain)[1]) is not None
    fast = parse_markdown(plain, "seed.md")
    monkeypatch.setattr(archive.parse.markdown, "plain_blocks", lambda body: None)
    assert parse_markdown(plain, "seed.md") == fast


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(url=st.from_regex(r"\Ahttps?://[a-z0-9.-]{1,20}(/[A-Za-z0-9._~/-]{0,30})?\Z"))
def test_urls_taken_as_they_are_are_what_markdown_it_makes_of_them(url):
    from archive.parse.blocks import markdown
    from archive.parse.plain_blocks import UNCHANGED_URL, _link

    md = markdown()
    assert UNCHANGED_URL.fullmatch(url)
    assert _link(url) == md.normalizeLink(url) and md.validateLink(url)
