from archive.parse.dates import parse_date
from archive.parse.markdown import parse_markdown

from conftest import FIXTURES, SEED_FILE


def parse_fixture(name: str):
    path = FIXTURES / "articles" / name
    return parse_markdown(path.read_text(encoding="utf-8"), str(path))


def test_seed_metadata_and_paragraphs():
    article = parse_markdown(SEED_FILE.read_text(encoding="utf-8"), str(SEED_FILE))
    assert article.title == "Anti-Mobilization Protests By Russian Soldiers' Wives and Mothers Quashed"
    assert article.published == "2023-11-20"
    assert article.url.startswith("https://www.themoscowtimes.com/2023/11/20/")
    assert not article.title_from_filename
    texts = [p.text for p in article.paragraphs]
    # date, credit line, "Original url:" and the url itself are not body paragraphs
    assert not any(t.startswith(("November 20", "t.me/", "Original url", "https://")) for t in texts)
    assert texts[0].startswith("Wives and mothers of Russian soldiers")
    assert texts[-1].startswith("Only four of the mobilized soldiers")
    assert [p.position for p in article.paragraphs] == list(range(len(texts)))


def test_seed_credit_line_is_a_link_not_a_paragraph():
    article = parse_markdown(SEED_FILE.read_text(encoding="utf-8"), str(SEED_FILE))
    assert [(link.text, link.href) for link in article.credit_links] == [
        ("t.me/mobilizationnews", "https://t.me/mobilizationnews")
    ]


def test_seed_sections_and_plain_text():
    article = parse_markdown(SEED_FILE.read_text(encoding="utf-8"), str(SEED_FILE))
    by_start = {p.text[:20]: p for p in article.paragraphs}
    embed = [p for p in article.paragraphs if p.section == "Embed"]
    assert embed and embed[0].text.startswith('"Apparently')
    assert all(p.section is None for p in article.paragraphs[: article.paragraphs.index(embed[0])])
    novosibirsk = next(p for p in article.paragraphs if "Novosibirsk" in p.text)
    # links show their text; Markdown syntax is gone from text but kept in markdown
    assert "Vyorstka reported." in novosibirsk.text
    assert "[reported](#)" in novosibirsk.markdown
    assert "](#)" not in novosibirsk.text
    assert by_start  # every paragraph has text


def test_link_offsets_point_at_link_text():
    article = parse_markdown(SEED_FILE.read_text(encoding="utf-8"), str(SEED_FILE))
    body_links = [link for link in article.links if link.paragraph is not None]
    assert len(body_links) == 11  # every inline link, "#" placeholders included
    for link in body_links:
        assert article.paragraphs[link.paragraph].text[link.start : link.end] == link.text


def test_setext_title_and_day_month_year_and_inline_original_url():
    article = parse_fixture("setext_title.md")
    assert article.title == "Governor Meets Protesting Mothers"
    assert article.published == "2023-11-20"
    assert article.url == "https://example.org/news/governor-meets-mothers"
    assert [p.text for p in article.paragraphs] == ["The governor met a group of mothers on Tuesday."]


def test_missing_title_falls_back_to_file_name_and_says_so():
    article = parse_fixture("no_title.md")
    assert article.title == "no_title"
    assert article.title_from_filename
    assert article.warnings and "no title" in article.warnings[0]
    assert article.published == "2023-11-03"
    assert article.paragraphs[1].text == "Another paragraph, about bold claims and code."


def test_front_matter_sets_fields():
    article = parse_fixture("front_matter.md")
    assert (article.title, article.published, article.url) == (
        "Front Matter Title",
        "2023-11-02",
        "https://example.com/front-matter",
    )
    assert [p.text for p in article.paragraphs] == ["Body text mentions Novosibirsk once."]


def test_headings_lists_quotes_and_links():
    article = parse_fixture("sections.md")
    assert article.published == "2023-10-05"
    assert article.url == "https://example.org/sections-and-lists"
    assert [(p.section, p.text) for p in article.paragraphs] == [
        (None, "Intro paragraph with an inline link and an autolink https://example.net/b."),
        ("Background", "First list item with emphasis."),
        ("Background", "Second list item."),
        ("Background", "A block quote paragraph."),
        ("Reaction", "Final paragraph, with a placeholder link."),
    ]
    hrefs = [link.href for link in article.links]
    assert hrefs[0] == "https://t.me/somechannel"
    assert "https://example.net/a" in hrefs and "https://example.net/b" in hrefs and "#" in hrefs
    assert hrefs[-1] == "https://example.org/sections-and-lists"


def test_date_formats():
    for text in ("November 20, 2023", "20 November 2023", "Nov. 20, 2023", "Nov 20 2023",
                 "2023-11-20", "Monday, November 20, 2023", "2023-11-20T10:00:00Z", "Sept. 20, 2023"):
        expected = "2023-09-20" if text.startswith("Sept") else "2023-11-20"
        assert parse_date(text) == expected, text
    assert parse_date("Not a date") is None
    assert parse_date("February 30, 2023") is None
